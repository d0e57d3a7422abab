using RawNet.Testing;
using Xunit;
using static RawNet.Ui.Tests.EndToEnd.RawnetProgram;

namespace RawNet.Ui.Tests.EndToEnd;

/// <summary>The craft screen's transport experiments in the real <c>rawnet ui</c> in tmux, on the loopback of a namespace of the test's own.</summary>
public sealed partial class CraftUiTests
{
    [Fact]
    public void X_runs_the_transport_experiments_writes_checksum_and_wire_and_shows_the_calls_the_walk_and_the_wire()
    {
        ExternalTool.Require("tmux", "tmux");
        var ip = ExternalTool.Require("ip", "iproute2");
        using var lab = NetworkLab.Create();
        using var ui = Start($"'{ip}' netns exec {lab.A.Namespace}", 200, 60);
        ui.Keys("c");
        Settled(ui, "Craft and layers");

        // writes: three send() calls over TCP, the listener's one late recv() with all 39 bytes.
        ui.Keys("x");
        var screen = Settled(ui, "[writes]");
        Assert.Contains("Enter runs the writes experiment on loopback over TCP", screen, StringComparison.Ordinal);
        ui.Keys("Enter");
        screen = Settled(ui, "Result: writes over IPv4");
        Assert.Matches(@"3 send\(\) calls of 3 x 13 bytes -> [1-3] TCP segments? with data on the wire \(.*\) -> 1 recv\(\) call returning 39 bytes", screen);
        Assert.Matches(@"\n  recv\(\) listener <- 127\.0\.0\.1:\d+: 39 bytes ""hello, layershello, layershello, layers""", screen);
        Assert.Matches(@"\s1 > \S+ IP 127\.0\.0\.1\.\d+ > 127\.0\.0\.1\.\d+: Flags \[S\],", screen);

        // checksum over UDP (datagram) and IPv6: the walk's pseudo-header ends with the next header, and on lo the
        // kernel left the checksum for offload.
        ui.Keys("x", "x", "x", "x", "x", "l", "v");
        Settled(ui, "[checksum]");
        ui.Keys("Enter");
        screen = Settled(ui, "Result: checksum over IPv6");
        Assert.Contains("UDP checksum over IPv6, by hand (RFC 1071)", screen, StringComparison.Ordinal);
        Assert.Matches(@"\n  pseudo-header  0011   [0-9a-f]{4}( \+c)?\s+zero, next header 17", screen);
        ui.Keys("G");
        screen = Settled(ui, "what it shows:");
        Assert.Matches(@"the packet holds 0x[0-9a-f]{4}, the pseudo-header's folded sum", screen);

        // wire: the bytes per layer, and the frame on the wire.
        ui.Keys("x", "x");
        Settled(ui, "[wire]");
        ui.Keys("Enter");
        screen = Settled(ui, "Result: wire over IPv6");
        Assert.Contains("udp header, bytes 54-61 of the frame:", screen, StringComparison.Ordinal);
        ui.Keys("G");
        screen = Settled(ui, "what it shows:");
        Assert.Contains("captured 75 bytes = eth 14 + ipv6 40 + udp 8 + data 13", screen, StringComparison.Ordinal);
        Assert.Contains("captured 75, Ethernet frame 79 (with the FCS), on the wire 99 byte times", screen, StringComparison.Ordinal);

        ui.Keys("Escape");
        ui.WaitFor("Packets (10 shown of 10)");
        Quit(ui);
    }

    [Fact]
    public void A_switches_to_a_lab_where_segment_cuts_at_the_mss_and_fragment_over_ipv6_shows_the_fragments()
    {
        ExternalTool.RequireRoot();
        ExternalTool.Require("tmux", "tmux");
        using var lab = NetworkLab.Create();
        string spec = $"{lab.A.Namespace},{lab.B.Namespace},{lab.A.Interface},{lab.B.Interface},198.18.{lab.Subnet},2001:db8:{lab.Subnet:x}:";
        // --keep-root: entering the lab's namespaces needs CAP_SYS_ADMIN, which the UI gives up otherwise.
        using var ui = new TmuxSession($"'{Dotnet}' '{Rawnet}' ui --keep-root --lab-network {spec} '{Handshake}'; echo \"{Exited}$?\"; sleep 60", 200, 60);
        ui.WaitFor("Packets (10 shown of 10)");
        ui.Keys("c");
        Settled(ui, "Craft and layers");
        ui.Keys("x", "x");
        var screen = Settled(ui, "[segment]");
        Assert.Contains("Enter runs the segment experiment on loopback and captures the wire; it needs the lab (a; rawnet lab up first)", screen, StringComparison.Ordinal);
        ui.Keys("a");
        screen = Settled(ui, $"IPv4, the lab: 198.18.{lab.Subnet}.1 in {lab.A.Namespace} to 198.18.{lab.Subnet}.2 in {lab.B.Namespace}");
        Assert.Contains("Enter runs the segment experiment in the lab and captures the wire", screen, StringComparison.Ordinal);
        ui.Keys("Enter");
        screen = Settled(ui, "Result: segment over IPv4");
        Assert.Contains($"captured on {lab.B.Interface} in {lab.B.Namespace} (sent from {lab.A.Namespace})", screen, StringComparison.Ordinal);
        ui.Keys("G");
        screen = Settled(ui, "what it shows:");
        Assert.Contains("1 send() call of 4000 bytes -> 3 TCP segments with data on the wire (1448, 1448, 1104 bytes) -> ", screen, StringComparison.Ordinal);
        Assert.Contains("largest segment 1448 bytes, MSS 1448", screen, StringComparison.Ordinal);

        ui.Keys("x", "v");
        Settled(ui, "[fragment]");
        ui.Keys("Enter");
        screen = Settled(ui, "Result: fragment over IPv6");
        ui.Keys("G");
        screen = Settled(ui, "what it shows:");
        Assert.Matches(@"fragment id 0x[0-9a-f]+ offset  1448 \(181 x 8\) length 1448 more fragments, frame 1510 bytes", screen);
        Assert.Contains("the listener's kernel reassembled them: one recvfrom() returned 4000 bytes, the datagram whole", screen, StringComparison.Ordinal);

        ui.Keys("Escape");
        ui.WaitFor("Packets (10 shown of 10)");
        Quit(ui);
    }
}
