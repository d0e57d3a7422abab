using System.Text;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Http;

/// <summary>TCP segments carrying HTTP for the tests, and a conversation that sends them in order through a tracker.</summary>
internal static class HttpFrames
{
    /// <summary>Offset of the TCP payload in the frames built here (Ethernet, IPv4, a 20-byte TCP header).</summary>
    public const int PayloadOffset = 14 + 20 + 20;

    public static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>
    /// An Ethernet/IPv4/TCP frame (PSH ACK, or FIN ACK) from <paramref name="sourcePort"/> to <paramref name="destinationPort"/>:
    /// from the client's address to the server's, or back when <paramref name="fromServer"/>.
    /// </summary>
    public static byte[] Segment(byte[] payload, ushort sourcePort = 40000, ushort destinationPort = 80, uint seq = 1000, bool fin = false,
        bool fromServer = false, uint ack = 5000) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, TcpSegment(sourcePort, destinationPort, seq, ack, (ushort)(fin ? 0x011 : 0x018), payload: payload),
            fromServer ? V4Dst : V4Src, fromServer ? V4Src : V4Dst));

    public static byte[] Segment(string payload, ushort sourcePort = 40000, ushort destinationPort = 80) => Segment(Ascii(payload), sourcePort, destinationPort);

    /// <summary>One TCP connection whose segments go through one decoder and one tracker, in order.</summary>
    public sealed class Stream(ushort clientPort = 40000, ushort serverPort = 80, ConversationTracker? tracker = null)
    {
        private readonly PacketDecoder _decoder = new();
        private uint _clientSeq = 1000, _serverSeq = 9000;
        private long _number;

        public ConversationTracker Tracker { get; } = tracker ?? new ConversationTracker();

        /// <summary>The packet of the last segment, decoded and analysed (valid until the next one).</summary>
        public DecodedPacket Packet { get; } = new();

        /// <summary>The frame of the last segment.</summary>
        public byte[] Frame { get; private set; } = [];

        /// <summary>Sends <paramref name="payload"/> (a resend of it when <paramref name="resend"/>) and returns the packet.</summary>
        public DecodedPacket Send(string payload, bool fromClient = true, bool fin = false, bool resend = false) =>
            Send(Ascii(payload), fromClient, fin, resend);

        public DecodedPacket Send(byte[] payload, bool fromClient = true, bool fin = false, bool resend = false)
        {
            ref uint seq = ref fromClient ? ref _clientSeq : ref _serverSeq;
            uint at = resend ? seq - (uint)payload.Length : seq;
            Frame = fromClient
                ? Segment(payload, clientPort, serverPort, at, fin, ack: _serverSeq)
                : Segment(payload, serverPort, clientPort, at, fin, fromServer: true, ack: _clientSeq);
            if (!resend)
                seq += (uint)payload.Length + (fin ? 1u : 0u);
            var metadata = new FrameMetadata(1_700_000_000_000_000_000 + ++_number * 1_000_000, Frame.Length, Frame.Length, LinkType.Ethernet);
            _decoder.Decode(Frame, metadata, _number, Packet);
            Tracker.Analyze(Packet, Frame);
            return Packet;
        }

        /// <summary>A field of the last packet as tshark -T fields prints it (null when absent).</summary>
        public string? Field(string name) => Decode.Field(Packet, Frame, name);

        /// <summary>The TCP record of the last packet's analysis.</summary>
        public TransportAnalysis Tcp => Packet.Analysis[Packet.Analysis.IndexOf(Packet.IndexOf(LayerKind.Tcp))];
    }
}
