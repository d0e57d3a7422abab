using System.Buffers.Binary;

namespace RawNet.Protocols.Vlan;

/// <summary>
/// A view over the 4 bytes that follow an 802.1Q / 802.1ad tag protocol identifier: the tag control information and the
/// encapsulated EtherType.
/// <code>
/// +-----+---+---------------------+-------------------------------+
/// | PCP |DEI|   VLAN ID (12 bits) |   EtherType (2)               |
/// +-----+---+---------------------+-------------------------------+
/// </code>
/// </summary>
public readonly ref struct VlanTag
{
    /// <summary>Byte offsets of the tag's fields.</summary>
    public static class Field
    {
        public const int TagControl = 0;
        public const int EtherType = 2;
    }

    /// <summary>Length of the tag after the TPID.</summary>
    public const int Length = 4;

    private readonly ReadOnlySpan<byte> _bytes;

    private VlanTag(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds a whole tag.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out VlanTag tag)
    {
        tag = bytes.Length >= Length ? new VlanTag(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The tag control information (PCP, DEI, VLAN ID).</summary>
    public ushort TagControl => BinaryPrimitives.ReadUInt16BigEndian(_bytes);

    /// <summary>Priority code point (3 bits).</summary>
    public int Priority => TagControl >> 13;

    /// <summary>Drop eligible indicator.</summary>
    public bool DropEligible => (TagControl & 0x1000) != 0;

    /// <summary>VLAN identifier (12 bits).</summary>
    public int Id => TagControl & 0x0FFF;

    /// <summary>The encapsulated EtherType.</summary>
    public EtherType EtherType => (EtherType)BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.EtherType..]);

    /// <summary>True for the tag protocol identifiers that introduce a VLAN tag.</summary>
    public static bool IsTagProtocol(EtherType type) => type is EtherType.Vlan or EtherType.QinQ or EtherType.QinQLegacy;
}
