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
