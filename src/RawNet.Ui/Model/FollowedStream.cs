using System.Net;
using System.Text;
using RawNet.Protocols.Conversations.Follow;

namespace RawNet.Ui.Model;

/// <summary>One line of a followed stream as the follow screen shows it: whose bytes, and their text.</summary>
/// <param name="Node">The end that sent them (the client is the sender of the stream's first packet, as tshark's Node 0).</param>
/// <param name="Text">Printable ASCII; other bytes as '.', as Wireshark's ASCII view shows them.</param>
/// <param name="IsNote">A line RawNet adds (a gap, data not shown, the end of what is kept), not stream data.</param>
public readonly record struct FollowLine(FollowNode Node, string Text, bool IsNote = false);

/// <summary>
/// A TCP or UDP stream followed for the UI's follow screen (the <c>f</c> key): <see cref="StreamFollower"/> (the engine of
/// <c>rawnet follow</c>, tshark's <c>-z follow</c> rules) fed the stream's packets in capture order, its data kept as
/// text lines, each end in its own colour on screen. What is kept is bounded (<see cref="MaxShownBytes"/>); the
/// totals count everything.
/// </summary>
public sealed class FollowedStream : IFollowReceiver
{
    /// <summary>Bytes of data kept for the screen; past them the totals still count, and a note says so.</summary>
    public const int MaxShownBytes = 4 << 20;

    private readonly List<FollowLine> _lines = [];
    private readonly StringBuilder _current = new();
    private FollowNode _currentNode;
    private bool _open;
    private long _shown;

    private FollowedStream(FollowProtocol protocol, uint stream)
    {
        Protocol = protocol;
        Stream = stream;
    }

    /// <summary>TCP or UDP.</summary>
    public FollowProtocol Protocol { get; }

    /// <summary>tcp.stream or udp.stream.</summary>
    public uint Stream { get; }

    /// <summary>The two ends (client first).</summary>
    public FollowEndpoints Endpoints { get; private set; }

    /// <summary>The stream's data and notes, as lines.</summary>
    public IReadOnlyList<FollowLine> Lines => _lines;

    /// <summary>Bytes each end sent that the follow shows (all of them, also past <see cref="MaxShownBytes"/>).</summary>
    public long ClientBytes { get; private set; }

    /// <inheritdoc cref="ClientBytes"/>
    public long ServerBytes { get; private set; }

    /// <summary>Packets of the stream read.</summary>
    public long Packets { get; private set; }

    /// <summary>The display filter that shows the stream's packets (<c>tcp.stream eq N</c>).</summary>
    public static string FilterFor(FollowProtocol protocol, uint stream) => $"{(protocol == FollowProtocol.Tcp ? "tcp" : "udp")}.stream eq {stream}";

    /// <summary>Starts following <paramref name="stream"/>: give it the stream's packets in capture order (<see cref="Following.Add"/>), then <see cref="Following.Finish"/>.</summary>
    public static Following Start(FollowProtocol protocol, uint stream) => new(new FollowedStream(protocol, stream));

    /// <summary>A follow in progress: the engine fed packet by packet, the lines collected.</summary>
    public sealed class Following
    {
        private readonly FollowedStream _stream;
        private readonly StreamFollower _follower;

        internal Following(FollowedStream stream)
        {
            _stream = stream;
            _follower = new StreamFollower(stream.Protocol, stream.Stream, stream);
        }

        /// <summary>The next packet (packets of other streams are ignored), its analysis restored.</summary>
        public void Add(Protocols.Decoding.DecodedPacket packet, ReadOnlySpan<byte> frame) => _follower.Add(packet, frame);

        /// <summary>Ends the follow (reporting data left behind a gap) and returns the stream.</summary>
        public FollowedStream Finish()
        {
            _follower.Finish();
            _stream.EndLine();
            _stream.Packets = _follower.Packets;
            return _stream;
        }
    }

    /// <summary>"198.18.0.1:40000" for an end.</summary>
    public static string Name(in FollowEndpoint end)
    {
        if (end.IsNone)
            return "?";
        Span<byte> address = stackalloc byte[16];
        int length = end.WriteAddress(address);
        var text = new IPAddress(address[..length]).ToString();
        return (end.Family == 6 ? $"[{text}]" : text) + ":" + end.Port;
    }

    void IFollowReceiver.Endpoints(in FollowEndpoints endpoints) => Endpoints = endpoints;

    void IFollowReceiver.Data(FollowNode node, ReadOnlySpan<byte> bytes, long frame)
    {
        if (node == FollowNode.Client)
            ClientBytes += bytes.Length;
        else
            ServerBytes += bytes.Length;
        if (_shown >= MaxShownBytes)
            return;
        int keep = (int)Math.Min(bytes.Length, MaxShownBytes - _shown);
        _shown += keep;
        // Each turn of the conversation starts a line of its own; within one, the data's own line breaks split it.
        if (_open && node != _currentNode)
            EndLine();
        _currentNode = node;
        _open = true;
        foreach (byte b in bytes[..keep])
        {
            if (b == (byte)'\n')
            {
                EndLine();
                _open = true;
            }
            else if (b != (byte)'\r')
                _current.Append(b is >= 0x20 and < 0x7F or (byte)'\t' ? (char)b : '.');
        }
        if (_shown >= MaxShownBytes)
            Note(node, $"[the first {MaxShownBytes >> 20} MiB are shown here; rawnet follow prints the whole stream]");
    }

    void IFollowReceiver.Missing(FollowNode node, int bytes, long frame) =>
        Note(node, $"[{bytes} bytes missing in capture file]");

    void IFollowReceiver.Unshown(in UnshownData unshown) =>
        Note(unshown.Node, $"[{Output.Follow.FollowNotices.Describe(unshown)}]");

    private void Note(FollowNode node, string text)
    {
        EndLine();
        _lines.Add(new FollowLine(node, text, IsNote: true));
    }

    private void EndLine()
    {
        if (_open)
            _lines.Add(new FollowLine(_currentNode, _current.ToString()));
        _current.Clear();
        _open = false;
    }
}
