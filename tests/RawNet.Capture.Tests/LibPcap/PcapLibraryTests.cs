using RawNet.Capture.Bpf;
using RawNet.Capture.LibPcap;
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
    [InlineData("tcp")]
    [InlineData("udp port 53")]
    [InlineData("host 192.168.1.3 and not arp")]
    public void Compiled_programs_equal_tcpdump_dd(string expression)
    {
        RequireLibPcap();
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var (exit, stdout, stderr) = ExternalTool.Run(tcpdump, ["-y", "EN10MB", "-dd", expression], TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, stderr);
        var expected = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.TrimEnd(',').Replace("0x6,", "0x06,").Replace("0x5,", "0x05,"));
        var ours = BpfProgram.Compile(expression, LinkType.Ethernet).Instructions.ToArray().Select(i => i.ToString());
        Assert.Equal(expected, ours);
    }

    [Fact]
    public void A_missing_libpcap_is_reported_with_the_debian_package()
    {
        var loader = new LibPcapLoader(["libpcap-rawnet-missing.so.42", "libpcap-rawnet-missing.so"]);
        Assert.False(loader.IsAvailable);
        var error = Assert.Throws<LibPcapUnavailableException>(loader.EnsureAvailable);
        Assert.Contains("apt-get install libpcap0.8", error.Message);
        Assert.Contains("libpcap-rawnet-missing.so.42", error.Message);
        Assert.Equal(loader.Candidates, error.TriedNames);
    }

    [Fact]
    public void The_default_loader_tries_upstream_and_debian_sonames() =>
        Assert.Equal(["libpcap.so.1", "libpcap.so.0.8", "libpcap.so"], LibPcapLoader.DefaultCandidates);

    [Fact]
    public void Options_after_activation_and_reads_before_it_are_errors()
    {
        RequireLibPcap();
        using var handle = PcapHandle.Create("lo");
        Assert.False(handle.IsActivated);
        Assert.Throws<InvalidOperationException>(() => handle.TryNext(out _));
        Assert.Throws<InvalidOperationException>(() => handle.GetStatistics());
    }

    [Fact]
    public void Activating_a_nonexistent_device_fails_with_pcap_s_message()
    {
        RequireLibPcap();
        using var handle = PcapHandle.Create("rawnet-no-such0");
        var error = Assert.Throws<PcapException>(() => handle.Activate());
        Assert.True(error.Status < 0);
        Assert.Contains("rawnet-no-such0", error.Message);
    }
}
