using System.Net;
using System.Net.NetworkInformation;
using RawNet.Protocols.Arp;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Tests.Crafting;

namespace RawNet.Protocols.Tests.Arp;

public sealed class ArpSpecTests
{
    private static readonly ArpSpec Reply = new()
    {
        Operation = ArpOperation.Reply,
        SenderHardwareAddress = PhysicalAddress.Parse("02-11-22-33-44-55"),
        SenderProtocolAddress = IPAddress.Parse("192.0.2.1"),
        TargetHardwareAddress = PhysicalAddress.Parse("02-66-77-88-99-00"),
        TargetProtocolAddress = IPAddress.Parse("192.0.2.2"),
    };

    [Fact]
    public void EmitWritesEveryByte()
    {
        var buffer = Built.Garbage(ArpSpec.Length);
        Reply.Emit(buffer);
        Assert.Equal("0001080006040002" + "021122334455c0000201" + "026677889900c0000202", Built.Hex(buffer));
    }

    [Fact]
    public void ConstructThenParseWithTheView()
    {
        var builder = new PacketBuilder().SetPayload([]).Prepend(Reply).Prepend(new EthernetSpec());
        var (packet, frame) = Built.Decode(builder);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        var layer = Built.Layer(packet, LayerKind.Arp);
        Assert.True(ArpPacket.TryRead(frame.AsSpan(layer.Offset), out var arp));
        Assert.True(arp.IsEthernetIpv4);
        Assert.Equal(ArpOperation.Reply, arp.Operation);
        Assert.Equal(ArpSpec.Length, arp.TotalLength);
        Assert.Equal("192.0.2.2", Decode.Field(packet, frame, "arp.dst.proto_ipv4"));
        Assert.Equal("02:11:22:33:44:55", Decode.Field(packet, frame, "arp.src.hw_mac"));
    }
}
