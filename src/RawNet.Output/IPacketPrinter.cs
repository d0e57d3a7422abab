using RawNet.Protocols.Decoding;

namespace RawNet.Output;

/// <summary>Writes decoded packets as text, one call per packet, with the frame's bytes alongside.</summary>
public interface IPacketPrinter
{
    /// <summary>Writes one packet; <paramref name="frame"/> is the bytes <paramref name="packet"/> was decoded from.</summary>
    void Print(DecodedPacket packet, ReadOnlySpan<byte> frame, TextWriter output);

    /// <summary>
    /// True when the printer shows what the conversation tracker computes (streams, relative numbers, the TCP
    /// analysis, frame times), so packets must be analysed before they reach it; a printer that does not spares the work.
    /// </summary>
    bool ShowsAnalysis => true;

    /// <summary>
    /// True when the printer shows checksum verdicts (or fields that depend on them), so the decoder must verify
    /// checksums; one that does not spares reading every byte of every packet.
    /// </summary>
    bool ShowsChecksums => true;

    /// <summary>True when the printer shows the expert items' fields (_ws.expert, _ws.malformed), so the tracker must find them (<see cref="Fields.ExpertAnalysis"/>).</summary>
    bool ShowsExpert => false;
}
