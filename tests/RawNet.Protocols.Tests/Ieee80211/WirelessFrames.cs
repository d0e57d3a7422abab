using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ieee80211;

/// <summary>802.11 frames and the capture headers before them, built from the standards' layouts for the tests.</summary>
internal static class WirelessFrames
{
    public const string A1 = "02:00:00:00:00:01", A2 = "02:00:00:00:00:02", A3 = "02:00:00:00:00:03", A4 = "02:00:00:00:00:04";

    /// <summary>A data frame's MAC header: frame control (type 2), duration 314, addr1-3, sequence 0x1234, addr4 when both DS bits are set, QoS, HT control.</summary>
    public static byte[] DataHeader(byte flags, ushort? qos = null, uint? htControl = null, int subtype = -1)
    {
        int st = subtype >= 0 ? subtype : qos is null ? 0 : 8;
        return Concat([(byte)(st << 4 | 2 << 2), flags], Le16(314), Mac(A1), Mac(A2), Mac(A3), Le16(0x1234),
            (flags & 3) == 3 ? Mac(A4) : [], qos is null ? [] : Le16(qos.Value), htControl is null ? [] : Le32(htControl.Value));
    }

    /// <summary>LLC/SNAP with OUI 00-00-00 and <paramref name="type"/>.</summary>
    public static byte[] Snap(EtherType type) => Concat(Hex("aaaa03 000000"), U16((ushort)type));

    /// <summary>A radiotap header of version 0 with the given present bitmaps and field bytes (already aligned).</summary>
    public static byte[] RadiotapHeaderOf(uint[] present, byte[] fields, int? length = null) =>
        Concat([0, 0], Le16(length ?? 4 + 4 * present.Length + fields.Length), Concat(present.Select(Le32).ToArray()), fields);

    /// <summary>A PPI header with one 802.11-Common field whose flags say whether an FCS ends the frame.</summary>
    public static byte[] PpiHeaderOf(bool fcs, uint dlt = 105) =>
        Concat([0, 0], Le16(8 + 24), Le32(dlt), Le16(2), Le16(20), new byte[8], Le16(fcs ? 1 : 0), new byte[10]);

    public static byte[] Le16(int value) => [(byte)value, (byte)(value >> 8)];

    public static byte[] Le32(uint value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];
}
