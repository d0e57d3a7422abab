using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Checksums;

/// <summary>Whether a layer's checksum was verified.</summary>
public enum ChecksumStatus : byte
{
    /// <summary>The layer has no checksum, or it is not checked.</summary>
    None,
    /// <summary>The checksum matches the bytes.</summary>
    Good,
    /// <summary>The checksum does not match the bytes.</summary>
    Bad,
    /// <summary>Not all the covered bytes were captured (snaplen), so it cannot be verified.</summary>
    NotVerifiable,
    /// <summary>The sender chose not to compute one (UDP over IPv4 with checksum 0).</summary>
    NotPresent,
    /// <summary>
    /// Not filled in: the sending host left the checksum to its network card (checksum offload), so the capture saw the
    /// field before the card wrote it. A TCP or UDP field holding just the folded pseudo-header sum (what Linux writes
    /// for CHECKSUM_PARTIAL), or an IPv4 header checksum of 0 on a frame the capturing host sent. Not an error:
    /// <see cref="Layer.ExpectedChecksum"/> still holds the value the card would have written.
    /// </summary>
    Offloaded,
}

/// <summary>The word for a checksum verdict, the same in <c>-T json</c>, <c>rawnet layers</c> and the UI.</summary>
public static class ChecksumStatusWords
{
    /// <summary>"good", "bad", "unverified", "not present" or "offloaded" (and "" for <see cref="ChecksumStatus.None"/>).</summary>
    public static string Word(this ChecksumStatus status) => status switch
    {
        ChecksumStatus.None => "",
        ChecksumStatus.Good => "good",
        ChecksumStatus.Bad => "bad",
        ChecksumStatus.NotVerifiable => "unverified",
        ChecksumStatus.Offloaded => "offloaded",
        _ => "not present",
    };

    /// <summary>True for a verdict that differs from the bytes' real checksum (bad, or left to the card): tcpdump -v calls both "incorrect".</summary>
    public static bool IsWrong(this ChecksumStatus status) => status is ChecksumStatus.Bad or ChecksumStatus.Offloaded;
}
