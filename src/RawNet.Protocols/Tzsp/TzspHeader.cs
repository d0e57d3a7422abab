using System.Buffers.Binary;

namespace RawNet.Protocols.Tzsp;

/// <summary>
/// The TaZmen Sniffer Protocol header (Network Chemistry's TZSP, UDP port 37008 = 0x9090), in which MikroTik's and other
/// remote sniffers stream the frames they capture: a fixed part, then (for every type but keepalive and port opener)
/// tagged fields up to an End tag, then the captured frame in the named encapsulation.
/// <code>
///  0               1               2               3
/// +---------------+---------------+-------------------------------+
/// |    Version    |     Type      |         Encapsulation         |
/// +---------------+---------------+-------------------------------+
/// |  Tag  | Length | Value ...    |  ...  | End (1) | frame ...
/// </code>
/// Pad (0) and End (1) are a tag byte alone; every other tag has a length byte and that many bytes of value.
/// </summary>
public readonly ref struct TzspHeader
{
    /// <summary>Byte offsets of the fixed fields.</summary>
    public static class Field
    {
        public const int Version = 0;
        public const int Type = 1;
        public const int Encapsulation = 2;
        public const int Tags = 4;
    }

    /// <summary>Length of the fixed part.</summary>
    public const int FixedLength = 4;

    /// <summary>The UDP port tshark registers for TZSP (0x9090).</summary>
    public const ushort Port = 37008;

    /// <summary>Packet types whose tags tshark does not walk (nothing follows their fixed part for it).</summary>
    public const byte Keepalive = 4, PortOpener = 5;

    /// <summary>The tags tshark names.</summary>
    public static class Tag
    {
        public const byte Pad = 0, End = 1, Signal = 10, Noise = 11, Rate = 12, Time = 13, MessageType = 14, Pcf = 15,
            Undecrypted = 16, FcsError = 17, Channel = 18, PacketId = 40, OriginalLength = 41, Sensor = 60, DeviceName = 80,
            CaptureLocation = 81, TimeStamp = 82, Information = 83, CaptureId = 84;
    }

    /// <summary>The encapsulations tshark 4.0 hands to a dissector (its tzsp.encap table), and SLIP, which it only names.</summary>
    public static class Encapsulation
    {
        public const ushort Ethernet = 1, TokenRing = 2, Slip = 3, Ppp = 4, Fddi = 5, RawIp = 7, Ieee80211 = 18, Prism = 119,
            Radiotap = 126, Avs = 127;
    }

    /// <summary>
    /// The TZSP layer's <see cref="Decoding.Layer.Detail"/> when its raw IP frame has no captured byte: tshark's raw_ip
    /// dissector names "raw" and writes its columns ("N/A", "Raw packet data") before its first read fails.
    /// </summary>
    public const byte EmptyRawIpDetail = 1;

    private readonly ReadOnlySpan<byte> _bytes;

    private TzspHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Reads the fixed part; false when fewer than <see cref="FixedLength"/> bytes are present.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out TzspHeader header)
    {
        header = bytes.Length >= FixedLength ? new TzspHeader(bytes) : default;
        return bytes.Length >= FixedLength;
    }

    public byte Version => _bytes[Field.Version];

    public byte Type => _bytes[Field.Type];

    public ushort EncapsulationType => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Encapsulation..]);

    /// <summary>True when tshark walks the tags of a packet of this type (all but keepalive and port opener).</summary>
    public static bool HasTags(byte type) => type is not (Keepalive or PortOpener);

    /// <summary>tshark's name of an encapsulation (its Info text before the frame's dissector writes its own); null for one it does not name.</summary>
    public static string? EncapsulationName(ushort encapsulation) => encapsulation switch
    {
        Encapsulation.Ethernet => "Ethernet",
        Encapsulation.TokenRing => "Token Ring",
        Encapsulation.Slip => "SLIP",
        Encapsulation.Ppp => "PPP",
        Encapsulation.Fddi => "FDDI",
        Encapsulation.RawIp => "Raw IP",
        Encapsulation.Ieee80211 => "IEEE 802.11",
        Encapsulation.Prism => "IEEE 802.11 with Prism headers",
        Encapsulation.Radiotap => "IEEE 802.11 with radiotap headers",
        Encapsulation.Avs => "IEEE 802.11 with AVS headers",
        _ => null,
    };

    /// <summary>True when tshark 4.0's tzsp.encap table has a dissector for the encapsulation (SLIP and unknown ones go to data).</summary>
    public static bool HasDissector(ushort encapsulation) => encapsulation is Encapsulation.Ethernet or Encapsulation.TokenRing
        or Encapsulation.Ppp or Encapsulation.Fddi or Encapsulation.RawIp or Encapsulation.Ieee80211 or Encapsulation.Prism
        or Encapsulation.Radiotap or Encapsulation.Avs;
}
