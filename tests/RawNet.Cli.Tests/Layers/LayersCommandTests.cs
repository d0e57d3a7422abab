using System.Text.Json;
using RawNet.Capture.Layers;
using RawNet.Cli.Commands;
using RawNet.Cli.Tests.Injection;
using RawNet.Protocols.Decoding;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Layers;

/// <summary>
/// <c>rawnet layers</c> on a namespace's own loopback and across a <see cref="NetworkLab"/>, with tcpdump capturing at
/// the same time: every packet of the JSON is a frame tcpdump saw (and each kind's packets are all the frames of its
/// exchange), tshark decodes those frames to the fields the byte map names, the byte map tiles each frame, and who wrote
/// each layer is what the socket kind implies.
/// </summary>
public sealed class LayersCommandTests
{
    private const int Syn = 0x02, Fin = 0x01, Rst = 0x04, Ack = 0x10;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void On_loopback_each_kinds_packets_are_the_frames_tcpdump_saw_and_tshark_reads_the_same_fields(bool ipv6)
    {
        using var lab = NetworkLab.Create();
        var path = CapturePath(lab);
        try
        {
            string payload = "layers on lo " + lab.Id;
            (int ExitCode, string StdOut, string StdErr) result;
            // The namespace's own loopback: no other traffic of the host crosses it.
            using (var tcpdump = lab.StartTcpdump(lab.A, path, "tcp or udp", device: "lo"))
            {
                result = NetworkLab.RunInNamespace(lab.A.Namespace, () => InProcessRawNet.Run(Arguments(payload, ipv6)));
                Thread.Sleep(300);
                tcpdump.Stop();
            }
            Assert.True(result.ExitCode == 0, result.StdErr);
            using var json = JsonDocument.Parse(result.StdOut);
            CheckAgainstCapture(json.RootElement, path, payload, ipv6, loopback: true);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void In_a_lab_each_kinds_packets_are_the_frames_tcpdump_saw_on_the_listeners_veth_and_all_four_arrive(bool ipv6)
    {
        using var lab = NetworkLab.Create();
        var path = CapturePath(lab);
        try
        {
            string payload = "layers in the lab " + lab.Id;
            (int ExitCode, string StdOut, string StdErr) result;
            using (var tcpdump = lab.StartTcpdump(lab.B, path, "tcp or udp"))
            {
                result = InProcessRawNet.Run([.. Arguments(payload, ipv6), "--lab-network", LabSpec(lab)]);
                Thread.Sleep(300);
                tcpdump.Stop();
            }
            Assert.True(result.ExitCode == 0, result.StdErr);
            using var json = JsonDocument.Parse(result.StdOut);
            Assert.Equal(lab.B.Interface, json.RootElement.GetProperty("interface").GetString());
            CheckAgainstCapture(json.RootElement, path, payload, ipv6, loopback: false);
            // The link frame went from A's MAC to B's, both RawNet's.
            var link = Kind(json.RootElement, "link").GetProperty("packets")[0];
            var frame = Convert.FromHexString(link.GetProperty("hex").GetString()!);
            Assert.Equal(lab.B.Mac.GetAddressBytes(), frame[..6]);
            Assert.Equal(lab.A.Mac.GetAddressBytes(), frame[6..12]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_text_report_has_every_kind_its_byte_map_and_a_summary_table_equal_to_the_jsons()
    {
        using var lab = NetworkLab.Create();
        var report = NetworkLab.RunInNamespace(lab.A.Namespace, () => LayersExperiment.Run(new LayersOptions("text and json"u8.ToArray())));
        var text = new StringWriter();
        LayersText.Write(report, text);
        var jsonText = new StringWriter();
        LayersJson.Write(report, jsonText);
        using var json = JsonDocument.Parse(jsonText.ToString());

        var lines = text.ToString().Split('\n');
        foreach (var kind in (string[])["stream", "datagram", "raw", "link"])
        {
            Assert.Contains(lines, l => l.StartsWith($"== {kind}: ", StringComparison.Ordinal));
            var summary = Kind(json.RootElement, kind).GetProperty("summary");
            var row = lines.SkipWhile(l => l != LayersWording.TableHeading).Single(l => l.StartsWith(kind + " ", StringComparison.Ordinal));
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(summary.GetProperty("payloadBytes").GetInt32().ToString(), cells[1]);
            Assert.Equal(summary.GetProperty("wireBytes").GetInt64().ToString(), cells[2]);
            Assert.Equal(summary.GetProperty("packets").GetInt32().ToString(), cells[3]);
            Assert.Equal(summary.GetProperty("overheadPercent").GetRawText() + "%", cells[4]);
            Assert.Equal(Kind(json.RootElement, kind).GetProperty("packets").GetArrayLength(), summary.GetProperty("packets").GetInt32());
        }
        // Every kind's data frame gets a byte map whose rows name the layers in order, and a hex dump lettered by layer.
        Assert.Equal(4, lines.Count(l => l.Contains("byte map of packet", StringComparison.Ordinal)));
        Assert.Equal(3, lines.Count(l => l == "   Layers:  A=eth [0-13]  B=ip [14-33]  C=udp [34-41]  D=data [42-54]"));
        Assert.Single(lines, l => l.StartsWith("   Layers:  A=eth [0-13]  B=ip [14-33]  C=tcp [34-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("0      14  eth      kernel", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("0      14  eth      application", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ip.checksum=", StringComparison.Ordinal) && l.Contains("*", StringComparison.Ordinal));
        // The wire bytes add up: the stream's frames, each of the others one frame of 14 + 20 + 8 + 13 bytes.
        Assert.Equal(55, Kind(json.RootElement, "datagram").GetProperty("summary").GetProperty("wireBytes").GetInt64());
    }

    [Fact]
    public void A_lab_that_is_not_up_is_one_line_naming_rawnet_lab_up()
    {
        ExternalTool.RequireRoot();
        var (code, stdout, stderr) = InProcessRawNet.Run("layers", "--lab-network", "rn-nosuch-a,rn-nosuch-b,x,y,198.18.0,2001:db8:");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal("rawnet: layers: the lab is not up (rn-nosuch-a and rn-nosuch-b do not both exist): run rawnet lab up first", stderr.Trim());
    }

    [Theory]
    [InlineData("a,b,c", "rawnet: layers: --lab-network: expected NS_A,NS_B,IF_A,IF_B,IPV4_PREFIX,IPV6_PREFIX")]
    [InlineData("a,b,c,d,not-an-address,2001:db8:", "rawnet: layers: --lab-network: not-an-address and 2001:db8: do not make addresses (not-an-address.1, 2001:db8::1)")]
    public void A_bad_lab_network_is_a_usage_error(string spec, string message)
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("layers", "--lab-network", spec);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(message, stderr.Trim());
    }

    [Fact]
    public void An_empty_or_oversized_payload_is_a_usage_error()
    {
        var (code, _, stderr) = InProcessRawNet.Run("layers", "--payload", "");
        Assert.Equal(2, code);
        Assert.Equal("rawnet: layers: --payload: 1 to 1400 bytes (it is 0)", stderr.Trim());
        (code, _, stderr) = InProcessRawNet.Run("layers", "--payload", new string('x', 1401));
        Assert.Equal(2, code);
        Assert.Equal("rawnet: layers: --payload: 1 to 1400 bytes (it is 1401)", stderr.Trim());
    }

    [Fact]
    public void As_nobody_it_is_one_line_naming_CAP_NET_RAW_and_setcap()
    {
        var (code, stdout, stderr) = RawNet.Cli.Tests.Capture.PermissionTests.RunAsNobody("layers");
        Assert.True(code == 1, $"exit {code}: {stderr}");
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("rawnet: layers: cannot capture on lo: capturing needs CAP_NET_RAW; run as root, or give the binary the capability once: sudo setcap cap_net_raw,cap_net_admin=eip", line);
    }

    private static string[] Arguments(string payload, bool ipv6) => ipv6
        ? ["layers", "--json", "--payload", payload, "--ipv6"]
        : ["layers", "--json", "--payload", payload];

    /// <summary>The hidden --lab-network value for <paramref name="lab"/>: its names and address prefixes.</summary>
    internal static string LabSpec(NetworkLab lab) =>
        $"{lab.A.Namespace},{lab.B.Namespace},{lab.A.Interface},{lab.B.Interface},198.18.{lab.Subnet},2001:db8:{lab.Subnet:x}:";

    private static string CapturePath(NetworkLab lab) => Path.Combine(Path.GetTempPath(), $"rn-layers-{lab.Id}.pcap");

    private static JsonElement Kind(JsonElement root, string socket) =>
        root.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("socket").GetString() == socket);

    private static void CheckAgainstCapture(JsonElement root, string path, string payload, bool ipv6, bool loopback)
    {
        Assert.Equal(payload, root.GetProperty("payload").GetString());
        Assert.Equal(["stream", "datagram", "raw", "link"], root.GetProperty("kinds").EnumerateArray().Select(k => k.GetProperty("socket").GetString()));
        var dumped = DecodedFrame.ReadAll(path);
        var dumpedHex = dumped.Select(f => Convert.ToHexStringLower(f.Bytes)).ToList();
        var fieldChecks = new List<(int FrameNumber, string Field, string Value)>();

        foreach (var kind in root.GetProperty("kinds").EnumerateArray())
        {
            string socket = kind.GetProperty("socket").GetString()!;
            var packets = kind.GetProperty("packets").EnumerateArray().ToList();
            Assert.NotEmpty(packets);
            bool expectDelivery = !(socket == "link" && loopback && !ipv6);
            Assert.Equal(expectDelivery, kind.GetProperty("deliveryExpected").GetBoolean());
            Assert.True(kind.GetProperty("delivered").GetBoolean() == expectDelivery, socket + ": " + string.Join(" | ", kind.GetProperty("notes").EnumerateArray()));

            // The kind's exchange in tcpdump's file: every frame between the sender's port and the listener's, both ways.
            var first = Convert.FromHexString(packets[0].GetProperty("hex").GetString()!);
            var (protocol, senderPort, listenerPort) = Ports(first);
            var exchange = dumped.Where(f => Ports(f.Bytes) is var p && p.Protocol == protocol
                && (p.Source == senderPort && p.Destination == listenerPort || p.Source == listenerPort && p.Destination == senderPort)).ToList();
            Assert.Equal(exchange.Select(f => Convert.ToHexStringLower(f.Bytes)), packets.Select(p => p.GetProperty("hex").GetString()));

            foreach (var packet in packets)
            {
                var frame = Convert.FromHexString(packet.GetProperty("hex").GetString()!);
                var layers = packet.GetProperty("layers").EnumerateArray().ToList();
                // The byte map tiles the frame: contiguous from 0 to the last byte.
                int at = 0;
                foreach (var layer in layers)
                {
                    Assert.Equal(at, layer.GetProperty("offset").GetInt32());
                    at += layer.GetProperty("length").GetInt32();
                }
                Assert.Equal(frame.Length, at);
                bool fromSender = packet.GetProperty("from").GetString() == "sender";
                foreach (var layer in layers)
                {
                    string name = layer.GetProperty("name").GetString()!;
                    string expected = fromSender ? ExpectedWriter(socket, name) : "kernel";
                    Assert.True(expected == layer.GetProperty("writtenBy").GetString(), $"{socket} {name}: written by {layer.GetProperty("writtenBy")}");
                    var kernelFilled = layer.GetProperty("fields").EnumerateArray()
                        .Where(f => f.GetProperty("writtenBy").GetString() != expected).Select(f => f.GetProperty("name").GetString()).ToHashSet();
                    string[] filled = fromSender && socket == "raw" ? (name, ipv6) switch
                    {
                        ("ip", false) => ["ip.len", "ip.checksum", "ip.id"],
                        ("udp", true) => ["udp.checksum"],
                        _ => [],
                    } : [];
                    Assert.True(kernelFilled.SetEquals(filled), $"{socket} {name}: kernel filled {string.Join(',', kernelFilled)}");
                    // RawNet's own checksums, and the kernel's IPV6_CHECKSUM and IPv4 header checksum, are computed in full;
                    // only the kernel's own TCP and UDP checksums may be left to offload.
                    if (name == "ip" || fromSender && socket is "raw" or "link" && name == "udp")
                        Assert.Equal("good", layer.GetProperty("checksum").GetString());
                    if (name == "data")
                        Assert.Equal(payload, System.Text.Encoding.UTF8.GetString(frame, layer.GetProperty("offset").GetInt32(), layer.GetProperty("length").GetInt32()));
                }
                int number = dumpedHex.IndexOf(packet.GetProperty("hex").GetString()!) + 1;
                foreach (var group in layers.SelectMany(l => l.GetProperty("fields").EnumerateArray()).GroupBy(f => f.GetProperty("name").GetString()!))
                    fieldChecks.Add((number, group.Key, string.Join(',', group.Select(f => f.GetProperty("value").GetString()))));
            }

            var data = Assert.Single(packets, p => p.GetProperty("carriesPayload").GetBoolean());
            Assert.Equal("sender", data.GetProperty("from").GetString());
            if (socket != "stream")
            {
                Assert.Single(packets);
                continue;
            }
            // The kernel's TCP exchange: handshake, the data, a FIN each way, no reset.
            var flags = packets.Select(p => TcpFlags(Convert.FromHexString(p.GetProperty("hex").GetString()!))).ToList();
            Assert.Equal([Syn, Syn | Ack, Ack], flags.Take(3).Select(f => f & (Syn | Ack | Fin | Rst)));
            var from = packets.Select(p => p.GetProperty("from").GetString()).ToList();
            Assert.Equal(["sender", "listener", "sender"], from.Take(3));
            Assert.Contains(Enumerable.Range(0, flags.Count), i => (flags[i] & Fin) != 0 && from[i] == "sender");
            Assert.Contains(Enumerable.Range(0, flags.Count), i => (flags[i] & Fin) != 0 && from[i] == "listener");
            Assert.DoesNotContain(flags, f => (f & Rst) != 0);
            Assert.Equal("sender", from[^1]);
        }
        CompareWithTshark(path, fieldChecks);
    }

    /// <summary>Who writes a layer of the sender's frame for each socket kind.</summary>
    private static string ExpectedWriter(string socket, string layer) => (socket, layer) switch
    {
        (_, "data") => "application",
        ("link", _) => "application",
        ("raw", "ip" or "udp") => "application",
        _ => "kernel",
    };

    /// <summary>Every (frame, field, value) the byte map names, against <c>tshark -T fields</c> on tcpdump's file.</summary>
    private static void CompareWithTshark(string path, List<(int FrameNumber, string Field, string Value)> checks)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var names = checks.Select(c => c.Field).Distinct().ToList();
        var arguments = new List<string> { "-n", "-r", path, "-T", "fields" };
        foreach (var name in names)
            arguments.AddRange(["-e", name]);
        var (code, stdout, stderr) = ExternalTool.Run(tshark, arguments);
        Assert.True(code == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split('\t')).ToList();
        var mismatches = checks.Where(c => rows[c.FrameNumber - 1][names.IndexOf(c.Field)] != c.Value)
            .Select(c => $"frame {c.FrameNumber} {c.Field}: tshark '{rows[c.FrameNumber - 1][names.IndexOf(c.Field)]}' layers '{c.Value}'").ToList();
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        Assert.True(checks.Count > 100, $"only {checks.Count} fields compared");
    }

    /// <summary>The outermost TCP or UDP header's kind and ports, through RawNet's decoder; kind Frame when there is none.</summary>
    private static (LayerKind Protocol, int Source, int Destination) Ports(byte[] frame)
    {
        var packet = Decode(frame);
        for (int i = 1; i < packet.LayerCount; i++)
        {
            var layer = packet[i];
            if (layer.Kind is LayerKind.Tcp or LayerKind.Udp)
                return (layer.Kind, frame[layer.Offset] << 8 | frame[layer.Offset + 1], frame[layer.Offset + 2] << 8 | frame[layer.Offset + 3]);
        }
        return (LayerKind.Frame, -1, -1);
    }

    private static int TcpFlags(byte[] frame)
    {
        var packet = Decode(frame);
        return frame[packet[packet.IndexOf(LayerKind.Tcp)].Offset + 13];
    }

    private static DecodedPacket Decode(byte[] frame)
    {
        var packet = new DecodedPacket();
        new PacketDecoder().Decode(frame, new RawNet.Protocols.FrameMetadata(0, frame.Length, frame.Length, RawNet.Protocols.LinkType.Ethernet), 1, packet);
        return packet;
    }
}
