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
    /// True when tshark's reading of the trailer from <paramref name="start"/> to <paramref name="end"/> runs past the
    /// <paramref name="captured"/> bytes. <paramref name="frameLength"/> is the whole frame's reported length (tshark's
    /// pkt_len), <paramref name="guessesFcs"/> whether the dissector guesses an FCS at all (a capture's own untagged
    /// Ethernet of <paramref name="ethernetLength"/> bytes), <paramref name="seconds"/> the frame's time, which VSS
    /// Monitoring's time stamp must be near.
    /// </summary>
    public static bool ReadsPastCapture(ReadOnlySpan<byte> captured, int start, int end, int frameLength, bool guessesFcs, int ethernetLength, long seconds)
    {
        int reported = end - start;
        if (reported <= 0)
            return false;
        int have = Math.Clamp(captured.Length - start, 0, reported);
        int at = start;
        if (frameLength >= MinimumFrame && frameLength - reported < MinimumFrame)
        {
            // Padding is what the captured bytes say it is: zeros (tshark then adds all of it and fails when it was cut),
            // or the first byte of a trailer with no padding.
            int padding = MinimumFrame - (frameLength - reported);
            if (!captured.Slice(at, Math.Min(padding, have)).ContainsAnyExcept((byte)0))
            {
                if (have < padding)
                    return true;
                at += padding;
                have -= padding;
                reported -= padding;
            }
        }
        if (reported != 0 && VssMonitoringClaims(captured.Slice(at, have), reported, seconds, out bool vssCut))
            return vssCut;
        return guessesFcs && ethernetLength >= FcsGuessFrame && reported >= EthernetHeader.FcsLength && have < reported;
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
