using RawNet.Capture.Sources;

namespace RawNet.Capture.Tests.Sources;

/// <summary>Which back end <c>auto</c> means, on Linux and where AF_PACKET does not exist.</summary>
public sealed class CaptureBackendsTests
{
    private static bool Ethernet(string name) => name != "wlan-monitor0";

    [Theory]
    [InlineData("eth0", "afpacket")]
    [InlineData("lo", "afpacket")]
    [InlineData("any", "libpcap")]
    [InlineData("wlan-monitor0", "libpcap")]
    public void On_linux_auto_captures_ethernet_and_loopback_with_afpacket_and_the_rest_with_libpcap(string iface, string expected) =>
        Assert.Equal(expected, CaptureBackends.ForCapture(CaptureBackends.Auto, iface, afPacketExists: true, Ethernet));

    [Theory]
    [InlineData("eth0")]
    [InlineData(@"\Device\NPF_{0E7A1A55-0000-0000-0000-000000000000}")]
    [InlineData("en0")]
    public void Without_af_packet_auto_always_captures_with_libpcap(string iface) =>
        Assert.Equal(CaptureBackends.LibPcap, CaptureBackends.ForCapture(CaptureBackends.Auto, iface, afPacketExists: false, Ethernet));

    [Fact]
    public void A_back_end_asked_for_is_kept() =>
        Assert.Equal(CaptureBackends.LibPcap, CaptureBackends.ForCapture(CaptureBackends.LibPcap, "eth0", afPacketExists: true, Ethernet));

    [Theory]
    [InlineData(true, "afpacket")]
    [InlineData(false, "libpcap")]
    public void Auto_sends_with_afpacket_where_it_exists_else_with_libpcap(bool afPacketExists, string expected) =>
        Assert.Equal(expected, CaptureBackends.ForSending(CaptureBackends.Auto, afPacketExists));

    [Fact]
    public void Afpacket_off_linux_is_refused_in_one_line_naming_the_way_out()
    {
        Assert.Equal("the afpacket back end exists only on Linux; use --backend libpcap (or leave --backend out)",
            CaptureBackends.Unavailable(CaptureBackends.AfPacket, afPacketExists: false));
        Assert.Null(CaptureBackends.Unavailable(CaptureBackends.AfPacket, afPacketExists: true));
        Assert.Null(CaptureBackends.Unavailable(CaptureBackends.LibPcap, afPacketExists: false));
    }

    [Fact]
    public void This_linux_has_af_packet() => Assert.Equal(OperatingSystem.IsLinux(), CaptureBackends.AfPacketExists);
}
