using System.Buffers.Binary;

namespace RawNet.Protocols.SixLowpan;

/// <summary>How far a 6LoWPAN walk got.</summary>
public enum SixLowpanEnd : byte
{
    /// <summary>The headers are there and end in uncompressed IPv6 (dispatch 0x41) at <see cref="SixLowpanLayout.End"/>.</summary>
    Ipv6,
    /// <summary>An IPHC header and what it compresses are there; the payload starts at <see cref="SixLowpanLayout.End"/>.</summary>
    Iphc,
    /// <summary>A later fragment (FRAGN): what follows is the datagram's middle, not a header.</summary>
    LaterFragment,
    /// <summary>A dispatch RawNet does not read (HC1, an IPHC form that needs a context, an NHC extension header): fields up to it only.</summary>
    Unsupported,
    /// <summary>The bytes end inside a header.</summary>
    Short,
}

/// <summary>
/// Where the parts of a 6LoWPAN header chain lie (RFC 4944, RFC 6282), as tshark 4.0's 6lowpan reads them in order:
/// an optional mesh header, broadcast header and fragment header, then uncompressed IPv6 or an IPHC header with its
/// inline fields and an NHC UDP header. Offsets are from the chain's first byte; -1 for a part that is not there.
/// A plain value: walk once with <see cref="Parse"/>, then read freely.
/// </summary>
public struct SixLowpanLayout
{
    /// <summary>Dispatch values and masks.</summary>
    public const byte Ipv6Dispatch = 0x41, BroadcastDispatch = 0x50;

    /// <summary>IPHC's first-byte fields.</summary>
    public const int TfInline4 = 0, TfInline3 = 1, TfInline1 = 2, TfElided = 3;

    public int MeshAt, MeshEnd, BroadcastAt, FragmentAt, FragmentLength, IphcAt, ContextAt, TrafficAt, TrafficLength,
        NextHeaderAt, HopLimitAt, SourceAt, SourceLength, DestinationAt, DestinationLength, NhcAt, PortsAt, PortsMode,
        ChecksumAt, End;
    public SixLowpanEnd Reached;

    /// <summary>True when the chain has a first fragment header (FRAG1).</summary>
    public readonly bool IsFirstFragment => FragmentAt >= 0 && FragmentLength == 4;

    /// <summary>
    /// True when the chain is a fragment whose datagram RawNet does not reassemble (a FRAG1 with its IPHC header read, or a
    /// FRAGN): tshark, which has not reassembled it either when the datagram's other fragments are missing, hands the
    /// fragment's bytes (a FRAG1's decompressed) to "data".
    /// </summary>
    public readonly bool IsUnreassembledFragment => FragmentAt >= 0 && Reached is SixLowpanEnd.Iphc or SixLowpanEnd.LaterFragment;

    /// <summary>Walks <paramref name="bytes"/> (the 802.15.4 payload as captured) as tshark does.</summary>
    public static SixLowpanLayout Parse(ReadOnlySpan<byte> bytes)
    {
        var l = new SixLowpanLayout
        {
            MeshAt = -1, MeshEnd = -1, BroadcastAt = -1, FragmentAt = -1, IphcAt = -1, ContextAt = -1, TrafficAt = -1,
            NextHeaderAt = -1, HopLimitAt = -1, SourceAt = -1, DestinationAt = -1, NhcAt = -1, PortsAt = -1, ChecksumAt = -1,
        };
        int at = 0;
        if (at < bytes.Length && bytes[at] >> 6 == 0b10)
        {
            byte flags = bytes[at];
            l.MeshAt = at;
            at += 1 + ((flags & 0x0F) == 0x0F ? 1 : 0) + ((flags & 0x20) != 0 ? 2 : 8) + ((flags & 0x10) != 0 ? 2 : 8);
            l.MeshEnd = at;
        }
        if (at < bytes.Length && bytes[at] == BroadcastDispatch)
        {
            l.BroadcastAt = at;
            at += 2;
        }
        if (at < bytes.Length && bytes[at] >> 3 is 0b11000 or 0b11100)
        {
            l.FragmentAt = at;
            l.FragmentLength = bytes[at] >> 3 == 0b11000 ? 4 : 5;
            at += l.FragmentLength;
            if (l.FragmentLength == 5)
                return Ends(ref l, at, bytes.Length, SixLowpanEnd.LaterFragment);
        }
        if (at >= bytes.Length)
            return Ends(ref l, at, bytes.Length, SixLowpanEnd.Short);
        if (bytes[at] == Ipv6Dispatch)
            return Ends(ref l, at + 1, bytes.Length, SixLowpanEnd.Ipv6);
        if (bytes[at] >> 5 != 0b011)
            return Ends(ref l, at, bytes.Length, SixLowpanEnd.Unsupported);
        return ParseIphc(ref l, bytes, at);
    }

    private static SixLowpanLayout Ends(ref SixLowpanLayout l, int at, int length, SixLowpanEnd reached)
    {
        l.End = at;
        l.Reached = at > length ? SixLowpanEnd.Short : reached;
        return l;
    }

    private static SixLowpanLayout ParseIphc(ref SixLowpanLayout l, ReadOnlySpan<byte> bytes, int at)
    {
        l.IphcAt = at;
        if (at + 2 > bytes.Length)
            return Ends(ref l, at + 2, bytes.Length, SixLowpanEnd.Short);
        ushort iphc = BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);
        at += 2;
        bool cid = (iphc & 0x0080) != 0, sac = (iphc & 0x0040) != 0, m = (iphc & 0x0008) != 0, dac = (iphc & 0x0004) != 0;
        int tf = (iphc >> 11) & 3, hlim = (iphc >> 8) & 3, sam = (iphc >> 4) & 3, dam = iphc & 3;
        if (cid)
            l.ContextAt = at++;
        l.TrafficLength = tf switch { TfInline4 => 4, TfInline3 => 3, TfInline1 => 1, _ => 0 };
        if (l.TrafficLength > 0)
        {
            l.TrafficAt = at;
            at += l.TrafficLength;
        }
        bool nhc = (iphc & 0x0400) != 0;
        if (!nhc)
            l.NextHeaderAt = at++;
        if (hlim == 0)
            l.HopLimitAt = at++;
        // Stateful compression needs a context RawNet does not keep (tshark's are preferences, empty by default).
        if (cid || (sac && sam != 0) || dac)
            return Ends(ref l, at, bytes.Length, SixLowpanEnd.Unsupported);
        l.SourceLength = sac ? 0 : sam switch { 0 => 16, 1 => 8, 2 => 2, _ => 0 };
        l.SourceAt = at;
        at += l.SourceLength;
        l.DestinationLength = m ? dam switch { 0 => 16, 1 => 6, 2 => 4, _ => 1 } : dac ? 0 : dam switch { 0 => 16, 1 => 8, 2 => 2, _ => 0 };
        l.DestinationAt = at;
        at += l.DestinationLength;
        if (at > bytes.Length)
            return Ends(ref l, at, bytes.Length, SixLowpanEnd.Short);
        if (nhc)
        {
            l.NhcAt = at;
            if (at >= bytes.Length)
                return Ends(ref l, at + 1, bytes.Length, SixLowpanEnd.Short);
            byte b = bytes[at];
            if (b >> 3 != 0b11110)
                return Ends(ref l, at, bytes.Length, SixLowpanEnd.Unsupported);
            at++;
            l.PortsAt = at;
            l.PortsMode = b & 3;
            at += l.PortsMode switch { 0 => 4, 1 or 2 => 3, _ => 1 };
            if ((b & 4) == 0)
            {
                l.ChecksumAt = at;
                at += 2;
            }
        }
        return Ends(ref l, at, bytes.Length, SixLowpanEnd.Iphc);
    }
}
