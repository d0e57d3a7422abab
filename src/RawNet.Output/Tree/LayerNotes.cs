using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Tree;

/// <summary>The bracketed notes a layer tree shows under a layer (checksum verdict, truncation) and how flags read there: one wording for <c>-V</c> and the terminal UI.</summary>
public static class LayerNotes
{
    /// <summary>How a bad checksum's note starts; the value it should hold follows as 0x and four hex digits, then "]".</summary>
    public const string BadChecksumPrefix = "[Checksum: BAD, should be ";

    /// <summary>The checksum verdict line, or null when the layer has no verified checksum (allocates only for a bad one).</summary>
    public static string? Checksum(in Layer layer) => layer.Checksum switch
    {
        ChecksumStatus.Good => "[Checksum: good]",
        ChecksumStatus.Bad => $"{BadChecksumPrefix}0x{layer.ExpectedChecksum:x4}]",
        ChecksumStatus.NotVerifiable => "[Checksum: unverified, not all bytes captured]",
        ChecksumStatus.NotPresent => "[Checksum: none sent]",
        ChecksumStatus.Offloaded => OffloadedNote,
        _ => null,
    };

    /// <summary>
    /// The note for a checksum the sending host left to its network card: the capture saw the frame before the card filled
    /// the field, so it holds only the pseudo-header sum (or 0). Not damage: tcpdump says "incorrect" only with -v, and
    /// tshark does not verify checksums by default.
    /// </summary>
    public const string OffloadedNote = "[Checksum: not filled in: left to the NIC (checksum offload), not an error]";

    /// <summary>The truncation or malformation line, or null for a complete layer.</summary>
    public static string? Status(in Layer layer) => layer.Status switch
    {
        LayerStatus.Truncated => "[Truncated: header cut short by the capture]",
        LayerStatus.Malformed => "[Malformed header]",
        _ => null,
    };

    /// <summary>A flag's value as trees show it (field output prints 1 or 0).</summary>
    public static string Flag(ulong value) => value != 0 ? "True" : "False";
}
