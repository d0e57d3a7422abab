using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Icmp;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Udp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Tcp;

/// <summary>The header-only TCP, UDP and ICMP fields tshark's scan asked for, on whole and cut frames.</summary>
public class TransportFieldTests
{
    private static readonly byte[] SackAck = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp,
        TcpSegment(80, 40000, 5001, 1101, 0x010, Hex("0101050a 000004b1 00000515 00000000"))));

    private static readonly byte[] SynWithPadding = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp,
        TcpSegment(40000, 80, 1000, 0, 0x002, Hex("020405b4 04020000"))));

    private static readonly byte[] Unreachable = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Icmp,
        IcmpPacket(3, 3, 0, Ipv4Packet(IpProtocol.Udp, UdpDatagram(50123, 50124, [1, 2, 3])))));

    private static readonly byte[] Redirect = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Icmp,
        IcmpPacket(5, 1, 0x0A0000FD, Ipv4Packet(IpProtocol.Udp, UdpDatagram(50123, 50124, [1, 2, 3])))));

    private static string Text(FieldDefinition field, byte[] frame, int occurrence = 0)
    {
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        int layer = packet.Layers.ToArray().ToList().FindIndex(l => l.Kind == field.Layer);
        Assert.True(FieldReader.TryRead(field, packet, layer, frame, occurrence, out var value), field.Name);
        var text = new char[FieldFormatter.RoomFor(field, value)];
        Assert.True(FieldFormatter.TryFormat(field, value, frame, text, out int written, packet));
        return new string(text, 0, written);
    }

    [Fact]
    public void Flags_string_checksum_status_and_options_read_as_tshark_shows_them()
    {
        Assert.Equal("··········S·", Text(TcpFields.FlagsText, SynWithPadding));
        Assert.Equal("2", Text(TcpFields.ChecksumStatus, SynWithPadding));
        Assert.Equal("020405b404020000", Text(TcpFields.Options, SynWithPadding));
        Assert.Equal("020405b4", Text(TcpFields.OptionMss, SynWithPadding));
        Assert.Equal("0402", Text(TcpFields.OptionSackPermitted, SynWithPadding));
        // zero padding after EOL is one EOL a byte, as tshark walks it
        Assert.Equal("00", Text(TcpFields.OptionEol, SynWithPadding, 1));
        Assert.Equal("050a000004b100000515", Text(TcpFields.OptionSack, SackAck));
        Assert.Equal("1", Text(TcpFields.SackCount, SackAck));
        // no tracker ran: the edges are raw
        Assert.Equal("1201", Text(TcpFields.SackLeftEdge, SackAck));
        Assert.Equal("1301", Text(TcpFields.SackRightEdge, SackAck));
    }

    [Fact]
    public void Icmp_checksum_unused_and_gateway()
    {
        Assert.Equal("1", Text(IcmpFields.ChecksumStatus, Unreachable));
        Assert.Equal("00000000", Text(IcmpFields.Unused, Unreachable));
        Assert.Equal("10.0.0.253", Text(IcmpFields.RedirectGateway, Redirect));
        var bad = (byte[])Unreachable.Clone();
        bad[14 + 20 + 2] ^= 0xFF;
        Assert.Equal("0", Text(IcmpFields.ChecksumStatus, bad));
    }

    [Fact]
    public void Every_prefix_of_the_frames_reads_without_throwing()
    {
        var fields = TcpFields.All.Concat(UdpFields.All).Concat(IcmpFields.All).ToArray();
        foreach (var whole in new[] { SackAck, SynWithPadding, Unreachable, Redirect })
        {
            for (int length = 0; length <= whole.Length; length++)
            {
                var frame = whole[..length];
                var packet = Decode.Frame(frame, LinkType.Ethernet);
                var text = new char[4096];
                for (int layer = 0; layer < packet.LayerCount; layer++)
                {
                    foreach (var field in fields)
                    {
                        for (int occurrence = 0; FieldReader.TryRead(field, packet, layer, frame, occurrence, out var value) && occurrence < 16; occurrence++)
                            FieldFormatter.TryFormat(field, value, packet.BufferOf(packet[layer], frame), text, out _, packet);
                    }
                }
            }
        }
    }
}
