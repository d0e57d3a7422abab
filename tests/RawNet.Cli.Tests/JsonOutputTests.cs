using System.Text.Json;
using RawNet.Testing;

namespace RawNet.Cli.Tests;

/// <summary><c>-T json</c> is one valid JSON object per line whose field values are exactly what <c>-T fields</c> prints.</summary>
public sealed class JsonOutputTests
{
    private static readonly string[] Fields = ["frame.number", "eth.src", "ip.src", "ip.dst", "ip.addr", "ipv6.src", "tcp.srcport", "tcp.flags", "udp.length", "icmp.type", "tcp.options.timestamp.tsval"];

    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(TestPaths.Captures, "*.pcap").Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void Json_parses_and_agrees_with_fields_output(string file)
    {
        var json = InProcessRawNet.Run("read", "-T", "json", file);
        Assert.Equal(0, json.ExitCode);
        var args = new List<string> { "read", "-T", "fields" };
        foreach (var field in Fields)
            args.AddRange(["-e", field]);
        args.Add(file);
        var fields = InProcessRawNet.Run([.. args]);
        Assert.Equal(0, fields.ExitCode);

        var objects = json.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = fields.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(rows.Length, objects.Length);
        for (int i = 0; i < objects.Length; i++)
        {
            using var document = JsonDocument.Parse(objects[i]);
            var columns = rows[i].Split('\t');
            for (int f = 0; f < Fields.Length; f++)
                Assert.Equal((Fields[f], columns[f]), (Fields[f], ValuesOf(document.RootElement, Fields[f])));
        }
    }

    [Fact]
    public void A_field_two_definitions_fill_is_one_key()
    {
        // IPv6 behind EtherType 0x0800: IPv4's dissector and IPv6's each add ip.version; the object holds one key, an array.
        var file = Path.Combine(TestPaths.Captures, "link", "trailer-cuts.pcap");
        var json = InProcessRawNet.Run("read", "-T", "json", "-Y", "ip && ipv6", file);
        var fields = InProcessRawNet.Run("read", "-T", "fields", "-e", "ip.version", "-Y", "ip && ipv6", file);
        var objects = json.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(objects);
        Assert.Equal(fields.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries), objects.Select(o =>
        {
            using var document = JsonDocument.Parse(o);
            return ValuesOf(document.RootElement, "ip.version");
        }));
        Assert.Contains("\"ip.version\":[\"6\",\"6\"]", json.StdOut);
        Assert.DoesNotContain("\"ip.version\":\"6\",\"ip.version\"", json.StdOut);
    }

    [Fact]
    public void Expert_items_stand_in_their_layers_as_tshark_writes_them()
    {
        // truncated.pcap's first frame: a SYN whose options the capture cut (ExpertTreeOracleTests compares every capture)
        var json = InProcessRawNet.Run("read", "-T", "json", "-c", "1", Path.Combine(TestPaths.Captures, "truncated.pcap"));
        using var document = JsonDocument.Parse(json.StdOut.Split('\n')[0]);
        var root = document.RootElement;
        var tcp = root.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "tcp").GetProperty("fields");
        var expert = tcp.GetProperty("_ws.expert");
        Assert.Equal("", expert.GetProperty("tcp.connection.syn").GetString());
        Assert.Equal("Connection establish request (SYN): server port 80", expert.GetProperty("_ws.expert.message").GetString());
        Assert.Equal("2097152", expert.GetProperty("_ws.expert.severity").GetString());
        Assert.Equal("33554432", expert.GetProperty("_ws.expert.group").GetString());
        Assert.Equal("[Packet size limited during capture: TCP truncated]", root.GetProperty("_ws.short").GetString());
        Assert.False(root.TryGetProperty("_ws.malformed", out _));
        Assert.False(root.GetProperty("frame").TryGetProperty("_ws.expert", out _));
    }

    /// <summary>Every value of a field across the frame and all layers, comma-joined as -T fields joins them.</summary>
    private static string ValuesOf(JsonElement packet, string name)
    {
        var values = new List<string>();
        void Collect(JsonElement fields)
        {
            if (!fields.TryGetProperty(name, out var value))
                return;
            if (value.ValueKind == JsonValueKind.Array)
                values.AddRange(value.EnumerateArray().Select(v => v.GetString()!));
            else
                values.Add(value.GetString()!);
        }
        Collect(packet.GetProperty("frame"));
        foreach (var layer in packet.GetProperty("layers").EnumerateArray())
        {
            if (layer.TryGetProperty("fields", out var fields))
                Collect(fields);
        }
        return string.Join(',', values);
    }
}
