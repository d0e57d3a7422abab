using System.Net;
using System.Net.NetworkInformation;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Icmp;
using RawNet.Protocols.Icmpv6;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Udp;
using RawNet.Protocols.Vlan;

namespace RawNet.Protocols.Tests.Crafting;

/// <summary>
/// Property: for thousands of random specs (seeded, so a failure names a reproducible case), build, decode and read
/// every field back through the views: the same values, the lengths the builder filled, and every checksum good.
/// </summary>
public sealed class BuildDecodePropertyTests
{
    private const int Cases = 5000;

    [Fact]
    public void EveryFieldComesBack()
    {
        var random = new Random(20261121);
        var builder = new PacketBuilder();
        for (int n = 0; n < Cases; n++)
            OneCase(random, builder, n);
    }

    private static void OneCase(Random random, PacketBuilder builder, int n)
    {
        bool ethernet = random.Next(2) == 0;
        bool vlan = ethernet && random.Next(3) == 0;
        bool ipv6 = random.Next(2) == 0;
        int transport = random.Next(3); // 0 TCP, 1 UDP, 2 ICMP or ICMPv6
        var payload = Bytes(random, random.Next(0, 120));

        var eth = new EthernetSpec { Destination = new PhysicalAddress(Bytes(random, 6)), Source = new PhysicalAddress(Bytes(random, 6)) };
        var tag = new VlanSpec { Priority = (byte)random.Next(8), DropEligible = random.Next(2) == 0, Id = (ushort)random.Next(4096) };
        var ip4 = new Ipv4Spec
        {
            DifferentiatedServices = (byte)random.Next(256),
            Identification = (ushort)random.Next(65536),
            Flags = random.Next(2) == 0 ? Ipv4Header.DontFragment : (ushort)0,
            TimeToLive = (byte)random.Next(1, 256),
            Source = new IPAddress(Bytes(random, 4)),
            Destination = new IPAddress(Bytes(random, 4)),
            // NOPs are options every reader skips; the length exercises the padding.
            Options = Enumerable.Repeat((byte)1, random.Next(0, 41)).ToArray(),
        };
        var ip6 = new Ipv6Spec
        {
            TrafficClass = (byte)random.Next(256),
            FlowLabel = random.Next(0x100000),
            HopLimit = (byte)random.Next(256),
            Source = new IPAddress(Bytes(random, 16)),
            Destination = new IPAddress(Bytes(random, 16)),
        };
        var extensions = new List<object>();
        for (int e = random.Next(0, 4); ipv6 && e > 0; e--)
        {
            extensions.Add(random.Next(4) switch
            {
                0 => new Ipv6HopByHopSpec { Options = PadN(random.Next(0, 20)) },
                1 => new Ipv6DestinationOptionsSpec { Options = PadN(random.Next(0, 20)) },
                2 => Routing(random),
                _ => new Ipv6FragmentSpec { Identification = (uint)random.NextInt64(1L << 32) },
            });
        }
        var tcp = new TcpSpec
        {
            SourcePort = Port(random),
            DestinationPort = Port(random),
            SequenceNumber = (uint)random.NextInt64(1L << 32),
            AcknowledgmentNumber = (uint)random.NextInt64(1L << 32),
            Flags = (TcpFlags)random.Next(0x1000),
            Window = (ushort)random.Next(65536),
            UrgentPointer = (ushort)random.Next(65536),
            Options = TcpOptions(random),
        };
        var udp = new UdpSpec { SourcePort = Port(random), DestinationPort = Port(random) };
        uint rest = (uint)random.NextInt64(1L << 32);
        var icmp = new IcmpSpec { Type = (byte)(random.Next(2) == 0 ? IcmpType.EchoRequest : IcmpType.EchoReply), RestOfHeader = rest };
        var icmp6 = new Icmpv6Spec { Type = (byte)(random.Next(2) == 0 ? Icmpv6Type.EchoRequest : Icmpv6Type.EchoReply), RestOfHeader = rest };

        builder.SetPayload(payload);
        if (transport == 0)
            builder.Prepend(tcp);
        else if (transport == 1)
            builder.Prepend(udp);
        else if (ipv6)
            builder.Prepend(icmp6);
        else
            builder.Prepend(icmp);
        for (int e = extensions.Count - 1; e >= 0; e--)
        {
            switch (extensions[e])
            {
                case Ipv6HopByHopSpec s: builder.Prepend(s); break;
                case Ipv6DestinationOptionsSpec s: builder.Prepend(s); break;
                case Ipv6RoutingSpec s: builder.Prepend(s); break;
                case Ipv6FragmentSpec s: builder.Prepend(s); break;
            }
        }
        if (ipv6)
            builder.Prepend(ip6);
        else
            builder.Prepend(ip4);
        if (vlan)
            builder.Prepend(tag);
        if (ethernet)
            builder.Prepend(eth);

        var frame = builder.ToArray();
        string where = $"case {n}: {Convert.ToHexStringLower(frame)}";
        var packet = Decode.Frame(frame, ethernet ? LinkType.Ethernet : LinkType.Raw, options: new DecoderOptions(Defragment: false));
        Assert.True(packet.Outcome == DecodeOutcome.Ok, $"{where}: {packet.Outcome} {packet.StopReason}");
        int i = 1;
        if (ethernet)
        {
            Assert.True(EthernetHeader.TryRead(frame, out var header));
            Assert.True(header.Destination.SequenceEqual(eth.Destination.GetAddressBytes()) && header.Source.SequenceEqual(eth.Source.GetAddressBytes()), where);
            Assert.True(header.EtherType == (vlan ? EtherType.Vlan : ipv6 ? EtherType.Ipv6 : EtherType.Ipv4), where);
            i++;
        }
        if (vlan)
        {
            Assert.True(VlanTag.TryRead(frame.AsSpan(packet[i].Offset), out var view));
            Assert.True(view.Priority == tag.Priority && view.DropEligible == tag.DropEligible && view.Id == tag.Id, where);
            i++;
        }
        int ipOffset = packet[i].Offset;
        if (ipv6)
        {
            Assert.Equal(LayerKind.Ipv6, packet[i].Kind);
            var view = HeaderViews.Ipv6(frame.AsSpan(ipOffset));
            Assert.True(view.TrafficClass == ip6.TrafficClass && view.FlowLabel == ip6.FlowLabel && view.HopLimit == ip6.HopLimit, where);
            Assert.True(view.Source.SequenceEqual(ip6.Source.GetAddressBytes()) && view.Destination.SequenceEqual(ip6.Destination.GetAddressBytes()), where);
            Assert.True(view.PayloadLength == frame.Length - ipOffset - Ipv6Header.Length, where);
            i++;
            foreach (var extension in extensions)
            {
                var kind = extension switch
                {
                    Ipv6HopByHopSpec => LayerKind.Ipv6HopByHop,
                    Ipv6DestinationOptionsSpec => LayerKind.Ipv6DestinationOptions,
                    Ipv6RoutingSpec => LayerKind.Ipv6Routing,
                    _ => LayerKind.Ipv6Fragment,
                };
                Assert.True(packet[i].Kind == kind, $"{where}: layer {i} is {packet[i].Kind}, expected {kind}");
                if (extension is Ipv6FragmentSpec fragment)
                    Assert.True(fragment.Identification == System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(
                        frame.AsSpan(packet[i].Offset + Ipv6ExtensionHeader.Field.FragmentIdentification)), where);
                i++;
            }
        }
        else
        {
            Assert.Equal(LayerKind.Ipv4, packet[i].Kind);
            var view = HeaderViews.Ipv4(frame.AsSpan(ipOffset));
            Assert.True(view.Version == 4 && view.HeaderLength == ip4.HeaderLength && view.TotalLength == frame.Length - ipOffset, where);
            Assert.True(view.DifferentiatedServices == ip4.DifferentiatedServices && view.Identification == ip4.Identification
                && view.FlagsAndFragmentOffset == ip4.Flags && view.TimeToLive == ip4.TimeToLive, where);
            Assert.True(view.Source.SequenceEqual(ip4.Source.GetAddressBytes()) && view.Destination.SequenceEqual(ip4.Destination.GetAddressBytes()), where);
            Assert.True(frame.AsSpan(ipOffset + 20, ip4.Options.Length).SequenceEqual(ip4.Options.Span), where);
            Assert.True(packet[i].Checksum == ChecksumStatus.Good, where);
            i++;
        }

        ref readonly Layer last = ref packet[i];
        var bytes = frame.AsSpan(last.Offset);
        Assert.True(last.Checksum == ChecksumStatus.Good, $"{where}: {last.Kind} checksum {last.Checksum}");
        switch (transport)
        {
            case 0:
                Assert.Equal(LayerKind.Tcp, last.Kind);
                var t = HeaderViews.Tcp(bytes);
                Assert.True(t.SourcePort == tcp.SourcePort && t.DestinationPort == tcp.DestinationPort && t.SequenceNumber == tcp.SequenceNumber
                    && t.AcknowledgmentNumber == tcp.AcknowledgmentNumber && t.Flags == tcp.Flags && t.Window == tcp.Window
                    && t.UrgentPointer == tcp.UrgentPointer && t.HeaderLength == tcp.HeaderLength, where);
                var reader = new TcpOptionReader(bytes[TcpHeader.MinLength..t.HeaderLength]);
                int o = 0;
                while (o < tcp.Options.Count && reader.TryNext(out var option))
                {
                    Assert.True(option.Complete && option.Kind == tcp.Options[o].Kind
                        && bytes.Slice(TcpHeader.MinLength + option.Offset, option.Length).SequenceEqual(tcp.Options[o].Bytes.Span), $"{where}: option {o}");
                    o++;
                    if (option.Kind == TcpOptionKind.EndOfOptionList)
                        o = tcp.Options.Count;
                }
                Assert.True(o == tcp.Options.Count, $"{where}: {o} of {tcp.Options.Count} options read back");
                break;
            case 1:
                Assert.Equal(LayerKind.Udp, last.Kind);
                var u = HeaderViews.Udp(bytes);
                Assert.True(u.SourcePort == udp.SourcePort && u.DestinationPort == udp.DestinationPort && u.Length == bytes.Length, where);
                break;
            default:
                Assert.Equal(ipv6 ? LayerKind.Icmpv6 : LayerKind.Icmp, last.Kind);
                var c = HeaderViews.Icmp(bytes);
                Assert.True(c.Type == (ipv6 ? icmp6.Type : icmp.Type) && c.Code == 0, where);
                Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes[IcmpHeader.Field.RestOfHeader..]) == rest, where);
                break;
        }
        int headerEnd = last.Offset + last.HeaderLength;
        Assert.True(frame.AsSpan(headerEnd).SequenceEqual(payload), $"{where}: payload");
        Assert.True(payload.Length == 0 || packet[packet.LayerCount - 1].Kind == LayerKind.Payload, where);
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    // Ports above the registered ones, clear of tunnel ports (VXLAN 4789, Geneve 6081) a decoder might follow.
    private static ushort Port(Random random) => (ushort)random.Next(10000, 65536);

    // A PadN option of n bytes (n >= 2) or Pad1s: well-formed option TLVs.
    private static byte[] PadN(int n) => n < 2 ? new byte[n] : [1, (byte)(n - 2), .. new byte[n - 2]];

    private static TcpOptionSpec[] TcpOptions(Random random)
    {
        var options = new List<TcpOptionSpec>();
        int room = 40;
        for (int k = random.Next(0, 8); k > 0; k--)
        {
            var option = random.Next(8) switch
            {
                0 => TcpOptionSpec.MaximumSegmentSize((ushort)random.Next(65536)),
                1 => TcpOptionSpec.WindowScale((byte)random.Next(15)),
                2 => TcpOptionSpec.SackPermitted,
                3 => TcpOptionSpec.Timestamps((uint)random.NextInt64(1L << 32), (uint)random.NextInt64(1L << 32)),
                4 => TcpOptionSpec.Sack(Enumerable.Range(0, random.Next(1, 4)).Select(_ => ((uint)random.Next(), (uint)random.Next())).ToArray()),
                5 => TcpOptionSpec.NoOperation,
                6 => TcpOptionSpec.Raw((byte)random.Next(30, 254), Bytes(random, random.Next(0, 6))),
                _ => TcpOptionSpec.EndOfOptionList,
            };
            if (option.Bytes.Length > room)
                break;
            options.Add(option);
            room -= option.Bytes.Length;
            if (option.Kind == TcpOptionKind.EndOfOptionList)
                break;
        }
        return options.ToArray();
    }

    // Segments left may be anything up to the address count: builder and decoder must then agree on the final destination
    // in the transport pseudo-header (RFC 8200 8.1).
    private static Ipv6RoutingSpec Routing(Random random)
    {
        var addresses = Enumerable.Range(0, random.Next(0, 3)).Select(_ => new IPAddress(Bytes(random, 16))).ToArray();
        return new Ipv6RoutingSpec { SegmentsLeft = (byte)random.Next(0, addresses.Length + 1), Addresses = addresses };
    }
}
