using System.Net;
using System.Net.NetworkInformation;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Tests.Crafting;
using RawNet.Protocols.Udp;

namespace RawNet.Protocols.Tests.Ethernet;

public sealed class EthernetSpecTests
{
    private static readonly PhysicalAddress A = PhysicalAddress.Parse("02-00-00-00-00-0A");
    private static readonly PhysicalAddress B = PhysicalAddress.Parse("02-00-00-00-00-0B");

    [Fact]
    public void EmitWritesEveryByte()
    {
        var buffer = Built.Garbage(EthernetHeader.Length);
        new EthernetSpec { Destination = A, Source = B }.Emit(buffer, EtherType.Ipv6);
        Assert.Equal("02000000000a02000000000b86dd", Built.Hex(buffer));
    }

    [Fact]
    public void ConstructThenParseWithTheView()
    {
        var builder = new PacketBuilder().SetPayload([1, 2])
            .Prepend(new UdpSpec { SourcePort = 1, DestinationPort = 2 })
            .Prepend(new Ipv4Spec { Source = IPAddress.Parse("10.0.0.1"), Destination = IPAddress.Parse("10.0.0.2") })
            .Prepend(new EthernetSpec { Destination = A, Source = B });
        var (packet, frame) = Built.Decode(builder);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.True(EthernetHeader.TryRead(frame, out var header));
        Assert.Equal(A.GetAddressBytes(), header.Destination.ToArray());
        Assert.Equal(B.GetAddressBytes(), header.Source.ToArray());
        Assert.Equal(EtherType.Ipv4, header.EtherType);
        Assert.StartsWith("0:eth.type ", Built.Filled(builder));
    }

    [Fact]
    public void PinnedEtherTypeIsKept()
    {
        var builder = new PacketBuilder().SetPayload([1, 2, 3]).Prepend(new EthernetSpec { EtherType = (EtherType)0x88B5 });
        Assert.Equal("00000000000000000000000088b5010203", Built.Hex(builder.Bytes));
        Assert.Empty(builder.Filled);
    }

    [Fact]
    public void AMacOfTheWrongSizeIsMisuse() =>
        Assert.Throws<ArgumentException>(() => new EthernetSpec { Source = new PhysicalAddress([1, 2, 3]) }.Emit(new byte[14], EtherType.Ipv4));
}
