using RawNet.Capture.Bpf;
using RawNet.Capture.LibPcap;
using RawNet.Capture.Sources;
using RawNet.Protocols;
using RawNet.Testing;
using static RawNet.Capture.Bpf.BpfOpcode;

namespace RawNet.Capture.Tests.LibPcap;

public sealed class PcapLibraryTests
{
    private static void RequireLibPcap()
    {
        if (!PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
    }

    [Fact]
    public void Version_names_libpcap()
    {
        RequireLibPcap();
        Assert.StartsWith("libpcap version ", PcapLibrary.Version);
    }

    [Fact]
    public void FindAll_lists_lo_as_an_up_loopback_device_with_127_0_0_1()
    {
        RequireLibPcap();
        var devices = PcapDevice.FindAll();
        var lo = Assert.Single(devices, d => d.Name == "lo");
        Assert.True(lo.IsLoopback);
        Assert.True(lo.IsUp);
        Assert.Contains(lo.Addresses, a => a.Family == System.Net.Sockets.AddressFamily.InterNetwork && System.Net.IPAddress.Loopback.Equals(a.Address));
        Assert.Contains(devices, d => d.Name == "any");
    }

    [Theory]
    [InlineData("tcp and and", "syntax error")]
    [InlineData("port 99999", "illegal port number 99999")]
    [InlineData("ip broadcast", "netmask not known")]
    public void Compile_errors_carry_pcap_s_message(string expression, string message)
    {
        RequireLibPcap();
        var error = Assert.Throws<BpfCompileException>(() => BpfProgram.Compile(expression, LinkType.Ethernet));
        Assert.Contains(message, error.PcapMessage);
        Assert.Contains(message, error.Message);
        Assert.Equal(expression, error.Expression);
    }

    [Fact]
    public void Vlan_does_not_compile_for_raw_ip()
    {
        RequireLibPcap();
        Assert.Throws<BpfCompileException>(() => BpfProgram.Compile("vlan", LinkType.Raw));
    }

    [Fact]
    public void Protochain_is_refused_because_libpcap_implements_it_with_a_backward_jump()
    {
        RequireLibPcap();
        var error = Assert.Throws<BpfCompileException>(() => BpfProgram.Compile("ip6 protochain 58", LinkType.Ethernet));
        Assert.Contains("outside classic BPF", error.Message);
        Assert.Contains("past the end", error.Message);
    }

    [Fact]
    public void Raw_ip_is_compiled_as_dlt_raw_and_reads_the_version_nibble()
    {
        RequireLibPcap();
        var program = BpfProgram.Compile("ip", LinkType.Raw);
        Assert.Equal("ip", program.Expression);
        Assert.Equal(BpfInstruction.Statement(Ld | B | Abs, 0), program.Instructions[0]);
        Assert.True(program.Matches([0x45, 0, 0, 20]));
        Assert.False(program.Matches([0x60, 0, 0, 0]));
    }

    [Theory]
    [InlineData("tcp", 262144)]
    [InlineData("udp port 53", 262144)]
    [InlineData("host 192.168.1.3 and not arp", 262144)]
    [InlineData("tcp", 96)]
    [InlineData("icmp or arp", 65535)]
    public void Compiled_programs_equal_tcpdump_dd(string expression, int snaplen)
    {
        // SharpPcap compiles for a 65,536-byte snapshot; tcpdump's accepting return carries the one asked for.
        RequireLibPcap();
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var (exit, stdout, stderr) = ExternalTool.Run(tcpdump, ["-y", "EN10MB", "-s", snaplen.ToString(System.Globalization.CultureInfo.InvariantCulture), "-dd", expression], TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, stderr);
        var expected = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.TrimEnd(',').Replace("0x6,", "0x06,").Replace("0x5,", "0x05,"));
        var ours = BpfProgram.Compile(expression, LinkType.Ethernet, snaplen).Instructions.ToArray().Select(i => i.ToString());
        Assert.Equal(expected, ours);
    }

    [Fact]
    public void A_missing_libpcap_is_reported_with_what_to_install_on_each_system()
    {
        Assert.Contains("apt-get install libpcap0.8", LibPcapUnavailableException.MessageFor(windows: false, macOS: false));
        Assert.Contains("libpcap.so.0.8", LibPcapUnavailableException.MessageFor(windows: false, macOS: false));
        Assert.Contains("Npcap", LibPcapUnavailableException.MessageFor(windows: true, macOS: false));
        Assert.Contains("libpcap.dylib", LibPcapUnavailableException.MessageFor(windows: false, macOS: true));
    }

    [Fact]
    public void Only_a_library_that_failed_to_load_counts_as_missing()
    {
        Assert.True(PcapLibrary.IsMissingLibrary(new DllNotFoundException("wpcap")));
        Assert.True(PcapLibrary.IsMissingLibrary(new TypeInitializationException("SharpPcap.Pcap", new DllNotFoundException("wpcap"))));
        Assert.False(PcapLibrary.IsMissingLibrary(new TypeInitializationException("SharpPcap.Pcap", new InvalidOperationException())));
        Assert.False(PcapLibrary.IsMissingLibrary(new InvalidOperationException()));
    }

    [Fact]
    public void Opening_a_nonexistent_device_fails_with_no_such_device()
    {
        RequireLibPcap();
        var error = Assert.Throws<PcapException>(() => LibPcapCaptureSource.Open(new CaptureOptions("rawnet-no-such0")));
        Assert.Equal(LibPcapCaptureSource.NoSuchDeviceStatus, error.Status);
        Assert.Contains("rawnet-no-such0", error.Message);
    }
}
