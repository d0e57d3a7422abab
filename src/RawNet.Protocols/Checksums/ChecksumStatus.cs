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
}

/// <summary>The word for a checksum verdict, the same in <c>-T json</c>, <c>rawnet layers</c> and the UI.</summary>
public static class ChecksumStatusWords
{
    /// <summary>"good", "bad", "unverified" or "not present" (and "" for <see cref="ChecksumStatus.None"/>).</summary>
    public static string Word(this ChecksumStatus status) => status switch
    {
        ChecksumStatus.None => "",
        ChecksumStatus.Good => "good",
        ChecksumStatus.Bad => "bad",
        ChecksumStatus.NotVerifiable => "unverified",
        _ => "not present",
    };
}
