namespace RawNet.Files.PcapNg;

/// <summary>pcapng option codes this library reads or writes; codes are per block type, so several share a value.</summary>
internal static class OptionCode
{
    public const ushort EndOfOptions = 0;
    public const ushort Comment = 1;
    /// <summary>epb_flags in an enhanced packet block, pack_flags in an obsolete packet block: direction in bits 0-1.</summary>
    public const ushort PacketFlags = 2;
    public const ushort InterfaceName = 2;
    public const ushort InterfaceDescription = 3;
    public const ushort UserApplication = 4;
    public const ushort TimestampResolution = 9;
    public const ushort TimestampOffset = 14;

    /// <summary>A custom option of UTF-8 text after a Private Enterprise Number, copied by editors (any block).</summary>
    public const ushort CustomString = 2988;
}
