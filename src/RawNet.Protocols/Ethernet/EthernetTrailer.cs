using System.Buffers.Binary;

namespace RawNet.Protocols.Ethernet;

/// <summary>
/// What tshark 4.0 reads of the bytes after what an Ethernet (or Linux cooked) header carries, once the layers inside are
/// done: the padding to 60 bytes when the captured part of it is zeros, the rest handed to the trailer heuristics (of the
/// default ones only VSS Monitoring's reads bytes it was not given), and the FCS it guesses at the end of an untagged
/// frame of 64 bytes or more. Each of those reads whole fields, so a capture that stopped inside one fails there; a
/// capture cut in a trailer that nothing reads (non-zero bytes in a frame under 64 bytes, a frame under 60) does not.
/// </summary>
public static class EthernetTrailer
{
    /// <summary>The frame length Ethernet pads to (without the FCS).</summary>
    public const int MinimumFrame = 60;

    /// <summary>The frame length from which tshark takes a trailer's last 4 bytes for an FCS when it does not know.</summary>
    public const int FcsGuessFrame = 64;

    // VSS Monitoring's trailer: an 8-byte time stamp, then a 1-byte port stamp or none (tshark's defaults).
    private const int VssTimestampLength = 8;
    private const int VssLongest = VssTimestampLength + 4 + 1;
    private const uint VssNanosecondMask = 0x3FFF_FFFF;
    private const uint VssBootSeconds = 3600;
    private const long VssSkewSeconds = 30L * 24 * 3600;

    /// <summary>
    /// The FCS length the packet block's flags give (<see cref="FrameMetadata.FcsLengthFromFlags"/>) when
    /// <paramref name="layer"/> is the capture's own Ethernet header, which tshark hands it to; 0 for any other.
    /// </summary>
    public static int FlaggedFcsLength(Decoding.DecodedPacket packet, in Decoding.Layer layer) =>
        layer.Kind == Decoding.LayerKind.Ethernet && layer.Offset == 0 && layer.Source == Decoding.LayerSource.Frame
            && packet.Metadata.LinkType == LinkType.Ethernet ? packet.Metadata.FcsLengthFromFlags : 0;

    /// <summary>
    /// Whether tshark guesses an FCS at the end of the Ethernet frame <paramref name="ethernet"/>: the capture's own, and
    /// the one after an EPON preamble (tshark's epon hands it to "eth_maybefcs").
    /// </summary>
    public static bool GuessesFcs(Decoding.DecodedPacket packet, in Decoding.Layer ethernet) => packet.Metadata.LinkType switch
    {
        LinkType.Ethernet => ethernet.Offset == 0,
        LinkType.Epon => packet.LayerCount > 1 && packet[1].Kind == Decoding.LayerKind.Epon && ethernet.Offset == packet[1].Offset + Epon.EponPreamble.Length,
        _ => false,
    };

    /// <summary>
    /// True when tshark's reading of the trailer from <paramref name="start"/> to <paramref name="end"/> runs past the
    /// <paramref name="captured"/> bytes (<see cref="Split"/>, with an FCS guessed or none).
    /// </summary>
    public static bool ReadsPastCapture(ReadOnlySpan<byte> captured, int start, int end, int frameLength, bool guessesFcs, int ethernetLength, long seconds) =>
        Split(captured, start, end, frameLength, guessesFcs ? EthernetFcsMode.Guessed : EthernetFcsMode.None, ethernetLength, seconds).Cut;

    /// <summary>
    /// How tshark 4.0 (its <c>add_ethernet_trailer</c>, default preferences) splits the bytes from <paramref name="start"/>
    /// to <paramref name="end"/> after what a header carries: zero padding up to a 60-byte frame (<paramref name="frameLength"/>
    /// is the whole frame's reported length), then a trailer that a heuristic may claim, then the FCS, which it guesses
    /// (<paramref name="fcs"/>) at the end of a trailer of 4 bytes or more in an Ethernet frame of <paramref name="ethernetLength"/>
    /// of 64 or more. Each of those is read whole: a capture that ends inside one cuts the split there
    /// (<see cref="EthernetTrailerSplit.Cut"/>), keeping what came before.
    /// </summary>
    public static EthernetTrailerSplit Split(ReadOnlySpan<byte> captured, int start, int end, int frameLength, EthernetFcsMode fcs, int ethernetLength, long seconds)
    {
        int reported = end - start;
        if (reported <= 0)
            return default;
        int have = Math.Clamp(captured.Length - start, 0, reported);
        int padding = 0;
        if (frameLength >= MinimumFrame && frameLength - reported < MinimumFrame)
        {
            // Padding is what the captured bytes say it is: zeros (tshark reads them one by one, and fails when the capture
            // ends first), or the first byte of a trailer with no padding.
            int wanted = MinimumFrame - (frameLength - reported);
            if (!captured.Slice(start, Math.Min(wanted, have)).ContainsAnyExcept((byte)0))
            {
                if (have < wanted)
                    return new EthernetTrailerSplit(0, 0, false, EthernetTrailerClaim.None, Cut: true);
                padding = wanted;
            }
        }
        have -= padding;
        reported -= padding;
        int trailer = have;
        bool hasFcs = false;
        if (fcs == EthernetFcsMode.Known || (fcs == EthernetFcsMode.Guessed && ethernetLength >= FcsGuessFrame && reported >= EthernetHeader.FcsLength))
        {
            hasFcs = reported >= EthernetHeader.FcsLength;
            if (hasFcs)
                trailer = Math.Min(have, reported - EthernetHeader.FcsLength);
        }
        if (reported != 0)
        {
            // A guessed FCS is the heuristics' to claim with the rest; a known one is not handed to them.
            var offered = captured.Slice(start + padding, fcs == EthernetFcsMode.Known && hasFcs ? trailer : have);
            var claim = Claim(offered, fcs == EthernetFcsMode.Known && hasFcs ? reported - EthernetHeader.FcsLength : reported, seconds, out bool claimCut);
            if (claim != EthernetTrailerClaim.None)
                return new EthernetTrailerSplit(padding, 0, false, claim, claimCut);
        }
        else
        {
            trailer = 0;
        }
        // The FCS is read as a number: a capture that ends inside it fails after the padding and trailer are shown.
        bool fcsCut = hasFcs && have < trailer + EthernetHeader.FcsLength;
        return new EthernetTrailerSplit(padding, trailer, hasFcs && !fcsCut, EthernetTrailerClaim.None, fcsCut);
    }

    /// <summary>
    /// The default trailer heuristic that takes <paramref name="have"/> (of <paramref name="reported"/> bytes), if any;
    /// <paramref name="cut"/> when it failed reading past the capture. VSS Monitoring is tried first, then those that check
    /// a sum over the bytes they were given (Ixia, Gigamon).
    /// </summary>
    private static EthernetTrailerClaim Claim(ReadOnlySpan<byte> have, int reported, long seconds, out bool cut)
    {
        if (VssMonitoringClaims(have, reported, seconds, out cut))
            return EthernetTrailerClaim.VssMonitoring;
        if (have.Length == reported && ChecksummedTrailerClaims(have, IxiaSignature, IxiaMinimum, IxiaLengthWithFcs))
            return EthernetTrailerClaim.Ixia;
        if (ChecksummedTrailerClaims(have, GigamonSignature, GigamonMinimum, 0))
            return EthernetTrailerClaim.Gigamon;
        return EthernetTrailerClaim.None;
    }

    // Ixia's and Gigamon's trailers end in a length byte (of what comes before it), a 2-byte signature and the Internet
    // checksum of everything before the checksum; 4 bytes more (an FCS) may follow. Ixia takes a trailer only when all of
    // it was captured, and looks at the first 19 bytes of 23.
    private const ushort IxiaSignature = 0xAF12;
    private const ushort GigamonSignature = 0x22E5;
    private const int IxiaLengthWithFcs = 23;
    private const int IxiaMinimum = 9;
    private const int GigamonMinimum = 5;
    private const int SummedTrailerEnd = 5;
    private const int SignatureFromEnd = 4;
    private const int ChecksumLength = 2;

    private static bool ChecksummedTrailerClaims(ReadOnlySpan<byte> have, ushort signature, int minimum, int lengthWithFcs)
    {
        int length = have.Length;
        if (length < minimum)
            return false;
        if (length == lengthWithFcs)
            length -= EthernetHeader.FcsLength;
        if (BinaryPrimitives.ReadUInt16BigEndian(have[(length - SignatureFromEnd)..]) != signature)
        {
            // With an FCS after it: a trailer of at least 9 bytes (Ixia's shortest, Gigamon's check) and the 4.
            if (length < Math.Max(minimum, GigamonMinimum + 1) + EthernetHeader.FcsLength
                || BinaryPrimitives.ReadUInt16BigEndian(have[(length - SignatureFromEnd - EthernetHeader.FcsLength)..]) != signature)
                return false;
            length -= EthernetHeader.FcsLength;
        }
        if (have[length - SummedTrailerEnd] != length - SummedTrailerEnd)
            return false;
        return Checksums.InternetChecksum.Compute(have[..(length - ChecksumLength)]) == BinaryPrimitives.ReadUInt16BigEndian(have[(length - ChecksumLength)..]);
    }

    /// <summary>
    /// True when the VSS Monitoring heuristic takes the trailer (of <paramref name="reported"/> bytes, <paramref name="have"/>
    /// of them captured), or fails reading it (<paramref name="cut"/>): it reads a time stamp from any trailer of its
    /// lengths, and its port stamp once the time stamp passed.
    /// </summary>
    private static bool VssMonitoringClaims(ReadOnlySpan<byte> have, int reported, long seconds, out bool cut)
    {
        cut = false;
        if (reported > VssLongest || (reported & 3) > 1 || reported < VssTimestampLength)
            return false;
        if (have.Length < VssTimestampLength)
        {
            cut = true;
            return true;
        }
        uint stampSeconds = BinaryPrimitives.ReadUInt32BigEndian(have);
        uint nanoseconds = BinaryPrimitives.ReadUInt32BigEndian(have[4..]) & VssNanosecondMask;
        if (stampSeconds == 0 || nanoseconds >= 1_000_000_000
            || (stampSeconds > VssBootSeconds && Math.Abs(stampSeconds - seconds) > VssSkewSeconds))
            return false;
        cut = (reported & 3) == 1 && have.Length <= VssTimestampLength;
        return true;
    }
}

/// <summary>Whether the frame ends in an FCS, as tshark's Ethernet dissector is told.</summary>
public enum EthernetFcsMode : byte
{
    /// <summary>No FCS (a VLAN tag's or a cooked header's trailer, an Ethernet frame inside a tunnel).</summary>
    None,
    /// <summary>Guessed from the frame's length (the capture's own Ethernet link).</summary>
    Guessed,
    /// <summary>The frame keeps its FCS (a bridged frame of PID 0x0001).</summary>
    Known,
}

/// <summary>The trailer heuristic of tshark's defaults that took a trailer.</summary>
public enum EthernetTrailerClaim : byte
{
    None,
    /// <summary>VSS Monitoring's time stamp and port stamp ("vssmonitoring").</summary>
    VssMonitoring,
    /// <summary>Ixia's trailer ("ixiatrailer").</summary>
    Ixia,
    /// <summary>Gigamon's header carried as a trailer ("gmhdr").</summary>
    Gigamon,
}

/// <summary>
/// What tshark shows of the bytes after what a header carries (<see cref="EthernetTrailer.Split"/>): lengths from its start.
/// </summary>
/// <param name="Padding">Bytes of eth.padding at the start.</param>
/// <param name="Trailer">Bytes of the trailer after the padding (eth.trailer, vlan.trailer, sll.trailer), 0 for none.</param>
/// <param name="Fcs">True when the FCS is shown, the 4 bytes after the trailer.</param>
/// <param name="Claim">The heuristic that took the bytes after the padding (then no trailer or FCS is shown).</param>
/// <param name="Cut">True when tshark's reading ran past the capture after what the other members show.</param>
public readonly record struct EthernetTrailerSplit(int Padding, int Trailer, bool Fcs, EthernetTrailerClaim Claim, bool Cut);

/// <summary>The protocol names of the trailer heuristics, as tshark's protocol chain (frame.protocols) shows them.</summary>
public static class EthernetTrailerClaims
{
    /// <summary>The heuristic's protocol name, or null for none.</summary>
    public static string? ProtocolName(EthernetTrailerClaim claim) => claim switch
    {
        EthernetTrailerClaim.VssMonitoring => "vssmonitoring",
        EthernetTrailerClaim.Ixia => "ixiatrailer",
        EthernetTrailerClaim.Gigamon => "gmhdr",
        _ => null,
    };
}
