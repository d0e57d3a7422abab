using System.Buffers.Binary;
using RawNet.Protocols.Fields;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Icmp;

/// <summary>ICMPv4's pointer, RFC 4884 length and the time stamp tshark guesses in an echo's data.</summary>
public class IcmpFieldTests
{
    private const long FrameSeconds = 1_700_000_100;

    private static byte[] Message(byte type, byte code, uint rest, byte[] data) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Icmp, IcmpPacket(type, code, rest, data)));

    private static string? Field(byte[] frame, string name) =>
        Decode.Field(Decode.Frame(new FrameMetadata(FrameSeconds * 1_000_000_000, frame.Length, frame.Length, LinkType.Ethernet), frame), frame, name);

    private static byte[] Stamp(uint seconds, uint micros, bool littleEndian)
    {
        var data = new byte[12];
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(data, seconds);
            BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), micros);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(data, seconds);
            BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), micros);
        }
        return data;
    }

    [Fact]
    public void A_parameter_problem_has_a_pointer_and_maybe_a_length()
    {
        var frame = Message(12, 0, 0x0907_0000, new byte[28]);
        Assert.Equal("9", Field(frame, "icmp.pointer"));
        Assert.Equal("7", Field(frame, "icmp.length"));
        Assert.Equal("28", Field(frame, "icmp.length.original_datagram"));
        Assert.Null(Field(Message(12, 0, 0x0900_0000, new byte[28]), "icmp.length"));
        Assert.Null(Field(Message(3, 3, 0, new byte[28]), "icmp.pointer"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_echo_time_stamp_is_read_in_either_byte_order(bool littleEndian)
    {
        var frame = Message(8, 0, 0x4321_0001, Stamp((uint)FrameSeconds - 1, 250_000, littleEndian));
        Assert.Equal("0.750000000", Field(frame, "icmp.data_time_relative"));
        Assert.NotNull(Field(frame, "icmp.data_time"));
    }

    [Theory]
    [InlineData(86400u, 0u)]       // a day off
    [InlineData(0u, 1_000_000u)]   // not microseconds
    public void Data_not_like_a_time_stamp_shows_none(uint off, uint micros)
    {
        var frame = Message(8, 0, 0x4321_0001, Stamp((uint)(FrameSeconds - off), micros, false));
        Assert.Null(Field(frame, "icmp.data_time"));
    }

    [Fact]
    public void Negative_microseconds_show_as_tshark_prints_them()
    {
        var text = Field(Message(8, 0, 1, Stamp((uint)FrameSeconds, 0xFFFF_FFFF, false)), "icmp.data_time");
        Assert.NotNull(text);
        Assert.Contains(".-00001000 ", text);
    }
}
