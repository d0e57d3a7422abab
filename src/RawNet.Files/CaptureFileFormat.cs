namespace RawNet.Files;

/// <summary>The container format of a capture file.</summary>
public enum CaptureFileFormat : byte
{
    /// <summary>Classic libpcap format: one file header, then records.</summary>
    Pcap,
    /// <summary>pcapng: sections of blocks, several interfaces per section.</summary>
    PcapNg,
}
