using System.Buffers.Binary;

namespace RawNet.Protocols.Xra;

/// <summary>Which value of an XRA header a field of <see cref="XraFields"/> shows.</summary>
public enum XraValue : byte
{
    Version, Direction, PacketType, TlvLength, Tlv,
    DsChannelId, DsFrequency, Modulation, Annex, ProfileId, NcpTrunc, NcpSymbolId, UsChannelId, Sid, Iuc, BurstId,
    UcdCccParity, GrantSize, SegmentHeaderPresent, OfdmaFrames, TimingAdjust, SubslotId, ControlWord, Unknown,
}

/// <summary>Receives each item tshark's xra adds, in its order.</summary>
public interface IXraVisitor
{
    /// <summary>One item: which value, where (offset and size in the frame) and its value.</summary>
    void Item(XraValue which, int at, int size, ulong value);
}

/// <summary>What a walk of an XRA header found (<see cref="XraWalk.Run"/>).</summary>
public struct XraSummary
{
    /// <summary>Bytes tshark read of the fixed header: 0 to 4 (4: the TLV length, and the Info column, were read).</summary>
    public int FixedRead;
    public byte PacketType;
    public int TlvLength;
    /// <summary>True when the TLVs were walked to their end.</summary>
    public bool TlvsRead;
    public bool SegmentHeaderPresent;
    /// <summary>True when a TLV of a type RawNet does not show (codeword, burst and minislot info, MER, power level) was passed.</summary>
    public bool Unshown;
    public bool Failed;
    public bool Malformed;
    /// <summary>True when the TLV length runs past the frame: tshark's subset fails as a contained item longer than its container.</summary>
    public bool Contained;

    /// <summary>The header's length, fixed part and TLVs.</summary>
    public readonly int HeaderLength => XraWalk.FixedLength + TlvLength;
}

/// <summary>
/// The Excentis XRA-31 header (LINKTYPE_DOCSIS31_XRA31, 273) walked as tshark 4.0's xra walks it: version, the direction
/// (top two bits) and packet type (the whole byte) of the second byte, the TLV length, then the TLVs (type, length,
/// value; a value past the TLVs ends the walk). The DOCSIS packet types hand what follows to DOCSIS.
/// <code>
/// | version (1) | direction:2 + type (1) | TLV length (2) | TLVs ... | DOCSIS frame ...
/// </code>
/// </summary>
public static class XraWalk
{
    /// <summary>Bytes before the TLVs.</summary>
    public const int FixedLength = 4;

    /// <summary>The packet types whose payload tshark hands to DOCSIS: SC-QAM and OFDM DOCSIS, PLC MMM, fine ranging, OFDMA REQ, US DOCSIS.</summary>
    public static bool CarriesDocsis(byte type) => type is 1 or 8 or 11 or 74 or 75 or 80;

    /// <summary>Walks <paramref name="frame"/> (the captured bytes) of a frame <paramref name="reported"/> bytes long.</summary>
    public static XraSummary Run<T>(ReadOnlySpan<byte> frame, int reported, ref T visitor) where T : struct, IXraVisitor
    {
        var s = new XraSummary();
        reported = Math.Max(reported, frame.Length);
        if (!Has(frame, reported, 0, 1, reported, ref s))
            return s;
        s.FixedRead = 1;
        visitor.Item(XraValue.Version, 0, 1, frame[0]);
        if (!Has(frame, reported, 1, 1, reported, ref s))
            return s;
        s.FixedRead = 2;
        s.PacketType = frame[1];
        visitor.Item(XraValue.Direction, 1, 1, (ulong)(frame[1] >> 6));
        visitor.Item(XraValue.PacketType, 1, 1, frame[1]);
        if (!Has(frame, reported, 2, 2, reported, ref s))
            return s;
        s.FixedRead = FixedLength;
        s.TlvLength = BinaryPrimitives.ReadUInt16BigEndian(frame[2..]);
        visitor.Item(XraValue.TlvLength, 2, 2, (ulong)s.TlvLength);
        int end = FixedLength + s.TlvLength;
        if (end > reported)
        {
            s.Failed = s.Malformed = s.Contained = true;
            return s;
        }
        if (!Has(frame, reported, FixedLength, s.TlvLength, end, ref s))
            return s;
        visitor.Item(XraValue.Tlv, FixedLength, s.TlvLength, 0);
        int at = FixedLength;
        while (at < end)
        {
            if (!Has(frame, reported, at, 2, end, ref s))
                return s;
            byte type = frame[at];
            int length = frame[at + 1];
            at += 2;
            if (!Has(frame, reported, at, length, end, ref s))
                return s;
            var which = ValueOf(type);
            if (which is { } shown)
            {
                ulong value = 0;
                for (int i = 0; i < Math.Min(length, 8); i++)
                    value = value << 8 | frame[at + i];
                if (shown == XraValue.SegmentHeaderPresent)
                    s.SegmentHeaderPresent = value != 0;
                if (shown == XraValue.TimingAdjust && length == 4)
                    value = (ulong)(long)(int)(uint)value;
                visitor.Item(shown, at, length, value);
            }
            else
                s.Unshown = true;
            at += length;
        }
        s.TlvsRead = true;
        return s;
    }

    /// <summary>The summary alone.</summary>
    public static XraSummary Run(ReadOnlySpan<byte> frame, int reported)
    {
        var none = new NoVisitor();
        return Run(frame, reported, ref none);
    }

    /// <summary>The field a TLV type shows, or null for one RawNet does not show.</summary>
    private static XraValue? ValueOf(byte type) => type switch
    {
        1 => XraValue.DsChannelId,
        2 => XraValue.DsFrequency,
        3 => XraValue.Modulation,
        4 => XraValue.Annex,
        5 => XraValue.ProfileId,
        7 => XraValue.NcpTrunc,
        8 => XraValue.NcpSymbolId,
        10 => XraValue.UsChannelId,
        11 => XraValue.Sid,
        12 => XraValue.Iuc,
        13 => XraValue.BurstId,
        16 => XraValue.UcdCccParity,
        17 => XraValue.GrantSize,
        18 => XraValue.SegmentHeaderPresent,
        19 => XraValue.OfdmaFrames,
        20 => XraValue.TimingAdjust,
        22 => XraValue.SubslotId,
        23 => XraValue.ControlWord,
        6 or 9 or 14 or 15 or 21 => null,
        _ => XraValue.Unknown,
    };

    /// <summary>True when <paramref name="count"/> bytes at <paramref name="at"/> were captured below <paramref name="end"/> (a TLV subset's reported end); else records the failure.</summary>
    private static bool Has(ReadOnlySpan<byte> frame, int reported, int at, int count, int end, ref XraSummary s)
    {
        if (at + count <= Math.Min(frame.Length, end))
            return true;
        s.Failed = true;
        s.Malformed = at + count > end || frame.Length >= reported;
        return false;
    }

    private struct NoVisitor : IXraVisitor
    {
        public void Item(XraValue which, int at, int size, ulong value)
        {
        }
    }
}

/// <summary>What the decoder keeps in an xra layer's <see cref="Decoding.Layer.Detail"/>.</summary>
public static class XraLayerDetail
{
    /// <summary>The TLV length runs past the frame: tshark's mark is a contained item longer than its container.</summary>
    public const byte Contained = 1;
}
