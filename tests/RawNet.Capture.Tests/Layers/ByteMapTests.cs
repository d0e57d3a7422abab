using RawNet.Capture.Injection;
using RawNet.Capture.Layers;
using RawNet.Protocols;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Ipv4;

namespace RawNet.Capture.Tests.Layers;

/// <summary>The byte map of built frames: layers tile the frame, writers follow the socket kind, fields come from the field tables.</summary>
public sealed class ByteMapTests
{
    private static readonly byte[] Udp4 = Build("eth / ipv4 src=198.18.0.1 dst=198.18.0.2 / udp sport=4000 dport=9 / 'hello'");
    private static readonly byte[] Tcp6 = Build("eth / ipv6 src=2001:db8::1 dst=2001:db8::2 / tcp sport=4000 dport=80 flags=PA mss=1460 / 'hello'");

    private static byte[] Build(string expression)
    {
        Assert.True(CraftExpression.TryParse(expression, out var packet, out var error), error.Message);
        return packet.Build().ToArray();
    }

    private static IReadOnlyList<ByteMapLayer> Map(byte[] frame, SocketKind kind, FrameOrigin origin, IReadOnlyCollection<FieldDefinition>? filled, out bool carries) =>
        new ByteMap().Build(frame, new FrameMetadata(0, frame.Length, frame.Length, LinkType.Ethernet), kind, origin, filled ?? [], out carries);

    [Theory]
    [InlineData(SocketKind.Stream, "kernel kernel kernel application")]
    [InlineData(SocketKind.Datagram, "kernel kernel kernel application")]
    [InlineData(SocketKind.Raw, "kernel application application application")]
    [InlineData(SocketKind.Link, "application application application application")]
    public void Each_kind_names_the_writer_of_each_layer_of_an_ipv4_udp_frame(SocketKind kind, string writers)
    {
        var layers = Map(Udp4, kind, FrameOrigin.Sender, null, out bool carries);
        Assert.True(carries);
        Assert.Equal(["eth", "ip", "udp", "data"], layers.Select(l => l.Name));
        Assert.Equal([0, 14, 34, 42], layers.Select(l => l.Offset));
        Assert.Equal([14, 20, 8, 5], layers.Select(l => l.Length));
        Assert.Equal(writers, string.Join(' ', layers.Select(l => l.WrittenBy == WrittenBy.Application ? "application" : "kernel")));
    }

    [Theory]
    [InlineData("eth / ipv4 src=198.18.0.1 dst=198.18.0.2 / tcp sport=40000 dport=80 flags=PA / 'GET / HTTP/1.0\\r\\n\\r\\n'", "tcp")]
    [InlineData("eth / ipv4 src=198.18.0.1 dst=198.18.0.2 / udp sport=40000 dport=53 / '\\x12\\x34\\x01\\x00\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x07example\\x03com\\x00\\x00\\x01\\x00\\x01'", "udp")]
    public void A_message_the_decoder_reads_as_http_or_dns_is_still_the_applications_payload(string expression, string transport)
    {
        var frame = Build(expression);
        var packet = new DecodedPacket();
        new PacketDecoder().Decode(frame, new FrameMetadata(0, frame.Length, frame.Length, LinkType.Ethernet), 1, packet);
        Assert.Contains(packet.Layers.ToArray(), l => l.Kind is LayerKind.Http or LayerKind.Dns);
        var layers = Map(frame, SocketKind.Stream, FrameOrigin.Sender, null, out bool carries);
        Assert.True(carries);
        Assert.Equal(["eth", "ip", transport, "data"], layers.Select(l => l.Name));
        Assert.Equal((LayerKind.Payload, WrittenBy.Application, 0), (layers[3].Kind, layers[3].WrittenBy, layers[3].Fields.Count));
        Assert.Equal(frame.Length, layers[3].Offset + layers[3].Length);
    }

    [Fact]
    public void Over_ipv6_a_raw_sends_ipv6_header_is_the_kernels_and_the_listeners_frames_are_all_kernel()
    {
        var raw = Map(Tcp6, SocketKind.Raw, FrameOrigin.Sender, null, out _);
        Assert.Equal(["eth", "ipv6", "tcp", "data"], raw.Select(l => l.Name));
        Assert.Equal([WrittenBy.Kernel, WrittenBy.Kernel, WrittenBy.Application, WrittenBy.Application], raw.Select(l => l.WrittenBy));
        var reply = Map(Tcp6, SocketKind.Link, FrameOrigin.Listener, null, out bool carries);
        Assert.False(carries);
        Assert.All(reply, l => Assert.Equal(WrittenBy.Kernel, l.WrittenBy));
    }

    [Fact]
    public void Fields_the_kernel_fills_in_a_raw_header_are_marked_and_read_as_the_field_tables_format_them()
    {
        var filled = RawIpSender.KernelFilledFields(ipv4: true, new HeaderOptions());
        var ip = Map(Udp4, SocketKind.Raw, FrameOrigin.Sender, filled, out _).Single(l => l.Name == "ip");
        Assert.Equal(["ip.len", "ip.id", "ip.checksum"], ip.Fields.Where(f => f.WrittenBy == WrittenBy.Kernel).Select(f => f.Name));
        var ttl = ip.Fields.Single(f => f.Name == "ip.ttl");
        Assert.Equal(("64", 14 + 8, 1), (ttl.Value, ttl.Offset, ttl.Length));
        // Every field of the fixed header is mapped (options, host names and other derived fields are there when the packet has them).
        Assert.Subset(ip.Fields.Select(f => f.Name).ToHashSet(),
            new HashSet<string> { "ip.version", "ip.hdr_len", "ip.dsfield", "ip.len", "ip.id", "ip.flags", "ip.frag_offset", "ip.ttl", "ip.proto", "ip.checksum", "ip.src", "ip.dst" });
        Assert.Equal(2, ip.Fields.Count(f => f.Name == "ip.addr"));
        Assert.Equal(RawNet.Protocols.Checksums.ChecksumStatus.Good, ip.Checksum);
        // Not for the sender's kernel to fill in a header it wrote itself, nor in the listener's frames.
        Assert.All(Map(Udp4, SocketKind.Raw, FrameOrigin.Listener, filled, out _).SelectMany(l => l.Fields), f => Assert.Equal(WrittenBy.Kernel, f.WrittenBy));
        Assert.DoesNotContain(Map(Udp4, SocketKind.Link, FrameOrigin.Sender, [], out _).SelectMany(l => l.Fields), f => f.WrittenBy == WrittenBy.Kernel);
    }

    [Fact]
    public void Bytes_after_the_ip_packet_become_a_trailer_written_by_the_kernel()
    {
        var padded = Udp4.Concat(new byte[60 - Udp4.Length + 4]).ToArray();
        var layers = Map(padded, SocketKind.Link, FrameOrigin.Sender, null, out _);
        Assert.Equal(["eth", "ip", "udp", "data", "trailer"], layers.Select(l => l.Name));
        Assert.Equal((47, padded.Length - 47, WrittenBy.Kernel), (layers[^1].Offset, layers[^1].Length, layers[^1].WrittenBy));
    }

    [Fact]
    public void Every_prefix_of_a_frame_is_tiled_exactly_without_throwing()
    {
        foreach (var frame in new[] { Udp4, Tcp6 })
        {
            for (int length = 0; length <= frame.Length; length++)
            {
                var prefix = frame[..length];
                var layers = Map(prefix, SocketKind.Stream, FrameOrigin.Sender, null, out _);
                int at = 0;
                foreach (var layer in layers)
                {
                    Assert.Equal(at, layer.Offset);
                    Assert.True(layer.Length > 0);
                    at += layer.Length;
                }
                Assert.Equal(length, at);
            }
        }
    }
}
