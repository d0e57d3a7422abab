using System.Buffers.Binary;

namespace RawNet.Protocols.Vlan;

/// <summary>
/// An 802.1Q tag to build: the 4 bytes after the TPID (the enclosing Ethernet header or outer tag carries 0x8100).
/// The view is <see cref="VlanTag"/>.
/// </summary>
public record struct VlanSpec
{
    /// <summary>Priority code point (0–7).</summary>
    public byte Priority { get; init; }

    /// <summary>Drop eligible indicator.</summary>
    public bool DropEligible { get; init; }

    /// <summary>VLAN identifier (0–4095).</summary>
    public ushort Id { get; init; }

    /// <summary>The encapsulated EtherType; null fills it from the layer inside.</summary>
    public EtherType? EtherType { get; init; }

    /// <summary>Writes the tag into the first <see cref="VlanTag.Length"/> bytes of <paramref name="tag"/>.</summary>
    public readonly void Emit(Span<byte> tag, EtherType etherType)
    {
        if (Priority > 7 || Id > 0x0FFF)
            throw new ArgumentOutOfRangeException(nameof(tag), "VLAN priority is 3 bits and the id 12 bits");
        ushort control = (ushort)(Priority << 13 | (DropEligible ? 0x1000 : 0) | Id);
        BinaryPrimitives.WriteUInt16BigEndian(tag[VlanTag.Field.TagControl..], control);
        BinaryPrimitives.WriteUInt16BigEndian(tag[VlanTag.Field.EtherType..], (ushort)etherType);
    }
}
