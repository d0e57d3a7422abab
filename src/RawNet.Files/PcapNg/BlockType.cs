namespace RawNet.Files.PcapNg;

/// <summary>pcapng block type codes (draft-ietf-opsawg-pcapng section 11.1); other values are skipped by readers.</summary>
public enum BlockType : uint
{
    /// <summary>Interface Description Block: link type, snaplen, timestamp resolution and offset.</summary>
    InterfaceDescription = 0x00000001,
    /// <summary>Obsolete Packet Block, superseded by the enhanced packet block.</summary>
    ObsoletePacket = 0x00000002,
    /// <summary>Simple Packet Block: no timestamp, interface 0, captured length from interface 0's snaplen.</summary>
    SimplePacket = 0x00000003,
    /// <summary>Enhanced Packet Block.</summary>
    EnhancedPacket = 0x00000006,
    /// <summary>Custom Block that editors may copy: a Private Enterprise Number, then data of that enterprise's format.</summary>
    CustomCopyable = 0x00000BAD,

    /// <summary>Custom Block that editors should not copy into a changed file.</summary>
    CustomNotCopyable = 0x40000BAD,

    /// <summary>Section Header Block; the same bytes in either byte order.</summary>
    SectionHeader = 0x0A0D0D0A,
}
