using System.Text;
using System.Text.RegularExpressions;
using RawNet.Protocols.Conversations.Follow;
using RawNet.Testing;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>
/// The follow screen (<c>f</c>) shows a stream's data as tshark's <c>-z follow,PROTO,raw,N</c> gives it: the same bytes
/// from each end in the same order, gaps where tshark marks them, the two ends named as tshark's Node 0 and Node 1;
/// the display filter becomes <c>tcp.stream eq N</c>. Started from a packet in the middle of the stream, after the view
/// has jumped around (the analysis is restored at random, not walked in order).
/// </summary>
public sealed class FollowedStreamTests
{
    private static readonly Regex Missing = new(@"^\[\d+ bytes missing in capture file\]\0$", RegexOptions.Compiled);

    public static TheoryData<string, string> Streams() => new()
    {
        { "tcp-handshake-ipv4.pcap", "tcp" },
        { "tcp-handshake-ipv6.pcap", "tcp" },
        { "udp-exchange.pcap", "udp" },
        { "tcp-analysis/tcp-lost-segment.pcap", "tcp" },
        { "tcp-analysis/tcp-out-of-order.pcap", "tcp" },
        { "tcp-analysis/tcp-lossy-upload.pcap", "tcp" },
        { "tcp-analysis/tcp-port-reuse.pcap", "tcp" },
        { "tcp-analysis/udp-streams.pcap", "udp" },
    };

    [Theory]
    [MemberData(nameof(Streams))]
    public void Every_stream_shows_what_tshark_follows(string name, string protocol)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var streams = ExternalTool.Run(tshark, ["-n", "-r", Views.Capture(name), "-T", "fields", "-e", "frame.number", "-e", protocol + ".stream"]);
        Assert.True(streams.ExitCode == 0, streams.StdErr);
        // Each stream's packets, by frame number: the follow starts from the middle one.
        var byStream = streams.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t'))
            .Where(f => f.Length == 2 && f[1].Length > 0)
            .GroupBy(f => uint.Parse(f[1]), f => int.Parse(f[0]))
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.NotEmpty(byStream);

        foreach (var (stream, frames) in byStream.OrderByDescending(p => p.Key))
        {
            var view = Views.Open(name);
            view.Last(); // jump about first
            view.First();
            SelectFrame(view, frames[frames.Count / 2] - 1);
            view.FollowSelected();
            Assert.Equal(ScreenKind.Follow, view.Screen);
            var followed = view.Followed!;
            Assert.Equal($"{protocol}.stream eq {stream}", view.FilterText);
            Assert.Equal(stream, followed.Stream);
            Assert.Equal(frames.Count, view.ShownCount);

            var result = ExternalTool.Run(tshark, ["-n", "-r", Views.Capture(name), "-q", "-z", $"follow,{protocol},raw,{stream}"]);
            Assert.True(result.ExitCode == 0, result.StdErr);
            var (client, server, lines, clientBytes, serverBytes) = Expected(result.StdOut);
            string where = $"{name} {protocol}.stream {stream}";
            Assert.True(client == FollowedStream.Name(followed.Endpoints.Client), $"{where}: Node 0 {client}, ui {FollowedStream.Name(followed.Endpoints.Client)}");
            Assert.True(server == FollowedStream.Name(followed.Endpoints.Server), $"{where}: Node 1 {server}, ui {FollowedStream.Name(followed.Endpoints.Server)}");
            Assert.True(clientBytes == followed.ClientBytes && serverBytes == followed.ServerBytes,
                $"{where}: tshark {clientBytes}/{serverBytes} bytes, ui {followed.ClientBytes}/{followed.ServerBytes}");
            Assert.Equal(lines, followed.Lines.ToList());
            view.Screen = ScreenKind.Main;
        }
    }

    private static void SelectFrame(CaptureView view, int frame)
    {
        while (view.SelectedFrame < frame)
            view.Move(1);
        Assert.Equal(frame, view.SelectedFrame);
    }

    /// <summary>tshark's raw follow, turned into the screen's lines by the rules FollowedStream documents.</summary>
    private static (string Client, string Server, List<FollowLine> Lines, long ClientBytes, long ServerBytes) Expected(string output)
    {
        string client = "", server = "";
        var lines = new List<FollowLine>();
        var current = new StringBuilder();
        FollowNode node = FollowNode.Client;
        bool open = false;
        long clientBytes = 0, serverBytes = 0;
        void End()
        {
            if (open)
                lines.Add(new FollowLine(node, current.ToString()));
            current.Clear();
            open = false;
        }
        foreach (var raw in output.Split('\n'))
        {
            if (raw.StartsWith("Node 0: ", StringComparison.Ordinal))
                client = raw[8..];
            else if (raw.StartsWith("Node 1: ", StringComparison.Ordinal))
                server = raw[8..];
            if (raw.Length == 0 || raw.StartsWith("===") || raw.Contains(':'))
                continue;
            var chunkNode = raw[0] == '\t' ? FollowNode.Server : FollowNode.Client;
            var bytes = Convert.FromHexString(raw.Trim());
            string text = Encoding.Latin1.GetString(bytes);
            if (Missing.IsMatch(text))
            {
                End();
                lines.Add(new FollowLine(chunkNode, text.TrimEnd('\0'), IsNote: true));
                continue;
            }
            if (chunkNode == FollowNode.Client)
                clientBytes += bytes.Length;
            else
                serverBytes += bytes.Length;
            if (open && chunkNode != node)
                End();
            node = chunkNode;
            open = true;
            foreach (byte b in bytes)
            {
                if (b == '\n')
                {
                    End();
                    open = true;
                }
                else if (b != '\r')
                    current.Append(b is >= 0x20 and < 0x7F or (byte)'\t' ? (char)b : '.');
            }
        }
        End();
        return (client, server, lines, clientBytes, serverBytes);
    }
}
