using RawNet.Protocols.Arp;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Tests.Crafting;
using RawNet.Protocols.Vlan;

namespace RawNet.Protocols.Tests.Vlan;

public sealed class VlanSpecTests
{
    [Fact]
    public void EmitWritesEveryByte()
    {
        var buffer = Built.Garbage(VlanTag.Length);
        new VlanSpec { Priority = 5, DropEligible = true, Id = 0x123 }.Emit(buffer, EtherType.Arp);
        Assert.Equal("b1230806", Built.Hex(buffer));
    }

    [Fact]
    public void ConstructThenParseWithTheView()
    {
        var builder = new PacketBuilder().SetPayload([])
            .Prepend(new ArpSpec())
            .Prepend(new VlanSpec { Priority = 3, Id = 4094 })
            .Prepend(new EthernetSpec());
        var (packet, frame) = Built.Decode(builder);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Vlan, LayerKind.Arp], Decode.Kinds(packet));
        Assert.True(EthernetHeader.TryRead(frame, out var eth));
        Assert.Equal(EtherType.Vlan, eth.EtherType);
        Assert.True(VlanTag.TryRead(frame.AsSpan(Built.Layer(packet, LayerKind.Vlan).Offset), out var tag));
        Assert.Equal(3, tag.Priority);
        Assert.False(tag.DropEligible);
        Assert.Equal(4094, tag.Id);
        Assert.Equal(EtherType.Arp, tag.EtherType);
        Assert.Equal("0:eth.type 1:vlan.etype", Built.Filled(builder));
    }

    [Fact]
    public void AnIdOver12BitsIsMisuse() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new VlanSpec { Id = 4096 }.Emit(new byte[4], EtherType.Ipv4));
}
