using RawNet.Protocols.Fields;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ipv4;

/// <summary>The fields inside IPv4 record route, time stamp and security options, as tshark 4.0 reads them.</summary>
public class Ipv4OptionFieldTests
{
    private static byte[] WithOptions(string options) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1]), options: Hex(options)));

    private static string? Field(byte[] frame, string name) => Decode.Field(Decode.Frame(frame, LinkType.Ethernet), frame, name);

    [Fact]
    public void Record_route_slots_follow_the_pointer()
    {
        // one recorded, the next empty (the pointer's), one more empty
        var frame = WithOptions("070f08 01020304 05060708 090a0b0c 00");
        Assert.Equal("8", Field(frame, "ip.opt.ptr"));
        Assert.Equal("1.2.3.4", Field(frame, "ip.rec_rt"));
        Assert.Equal("5.6.7.8,9.10.11.12", Field(frame, "ip.empty_rt"));
        Assert.Equal("5.6.7.8,9.10.11.12", Field(frame, "ip.empty_rt_host"));
    }

    [Theory]
    [InlineData("070b03 01020304 05060708 00")] // before the first slot
    [InlineData("070b05 01020304 05060708 00")] // inside a slot
    public void A_pointer_off_the_slots_shows_no_address(string options)
    {
        var frame = WithOptions(options);
        Assert.NotNull(Field(frame, "ip.opt.ptr"));
        Assert.Null(Field(frame, "ip.rec_rt"));
        Assert.Null(Field(frame, "ip.empty_rt"));
    }

    [Fact]
    public void Time_stamps_with_addresses_come_in_pairs_until_too_few_bytes_are_left()
    {
        var frame = WithOptions("441005f1 0a000001 00000002 00000000");
        Assert.Equal("15", Field(frame, "ip.opt.overflow"));
        Assert.Equal("0x01", Field(frame, "ip.opt.flag"));
        Assert.Equal("10.0.0.1", Field(frame, "ip.opt.time_stamp_addr"));
        Assert.Equal("2", Field(frame, "ip.opt.time_stamp"));
    }

    [Fact]
    public void Rfc791_security_needs_a_level_it_names()
    {
        var known = WithOptions("820bf135 00074142 434445 00");
        Assert.Equal("0xf135", Field(known, "ip.opt.sec_rfc791_sec"));
        Assert.Equal("7", Field(known, "ip.opt.sec_rfc791_comp"));
        Assert.Equal("AB", Field(known, "ip.opt.sec_rfc791_hr"));
        Assert.Equal("CDE", Field(known, "ip.opt.sec_rfc791_tcc"));
        Assert.Null(Field(WithOptions("820b1234 00074142 434445 00"), "ip.opt.sec_rfc791_sec"));
    }

    [Fact]
    public void Every_cut_reads_without_throwing()
    {
        var frame = WithOptions("070f08 01020304 05060708 090a0b0c 820bf135 00074142 434445 0000");
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        for (int cut = 0; cut <= frame.Length; cut++)
        {
            var data = frame[..cut];
            var packet = Decode.Frame(new FrameMetadata(0, cut, frame.Length, LinkType.Ethernet), data);
            Decode.AllFields(packet, data, text);
            // tshark shows no option of options the capture cut
            if (cut > 14 + 20 && cut < 14 + 20 + 28)
                Assert.Null(Decode.Field(packet, data, "ip.opt.type"));
        }
    }
}
