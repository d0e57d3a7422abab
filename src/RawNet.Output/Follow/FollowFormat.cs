namespace RawNet.Output.Follow;

/// <summary>How <see cref="FollowPrinter"/> shows a stream's chunks: tshark's follow modes of the same names.</summary>
public enum FollowFormat : byte
{
    /// <summary>Each chunk's length, then its bytes with CR and LF kept and other non-printable bytes as dots.</summary>
    Ascii,
    /// <summary>Offset, 16 bytes in hex and as text per line, offsets counted per direction.</summary>
    Hex,
    /// <summary>Each chunk as one line of lowercase hex.</summary>
    Raw,
}
