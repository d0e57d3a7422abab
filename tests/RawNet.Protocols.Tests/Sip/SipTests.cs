using System.Text;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Sip;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Sip;

public class SipTests
{
    private const string Sdp = "v=0\r\no=alice 1 2 IN IP4 192.0.2.10\r\ns=-\r\na=tool:x\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\na=sendrecv\r\n";

    /// <summary>An INVITE with <paramref name="extra"/> header lines and an SDP body.</summary>
    public static byte[] Invite(string extra = "") => Encoding.ASCII.GetBytes(
        "INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1\r\nMax-Forwards: 70\r\n"
        + "To: <sip:bob@example.com>\r\nf: <sip:alice@example.com>;tag=1\r\ni: call-1\r\nCSeq: 7 INVITE\r\n" + extra
        + $"c: application/sdp\r\nl: {Sdp.Length}\r\n\r\n" + Sdp);

    /// <summary>An Ethernet frame with IPv4 and UDP from <paramref name="source"/> to <paramref name="destination"/> around <paramref name="message"/>.</summary>
    public static byte[] Frame(byte[] message, ushort source = 40000, ushort destination = SipPorts.Sip) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(source, destination, message)));

    [Fact]
    public void Deconstruct()
    {
        var request = SipStartLine.Read("INVITE sip:a@b SIP/2.0\r\n"u8);
        Assert.Equal((SipLineKind.Request, 6, 7, 7, 24), (request.Kind, request.MethodLength, request.UriStart, request.UriLength, request.Next));
        var status = SipStartLine.Read("SIP/2.0 180 Ringing\r\n"u8);
        Assert.Equal((SipLineKind.Status, 180), (status.Kind, status.StatusCode));
        // tshark's strict version check, one space between the parts, a space after the code.
        Assert.Equal(SipLineKind.None, SipStartLine.Read("INVITE sip:a@b sip/2.0\r\n"u8).Kind);
        Assert.Equal(SipLineKind.None, SipStartLine.Read("INVITE  sip:a@b SIP/2.0\r\n"u8).Kind);
        Assert.Equal(SipLineKind.None, SipStartLine.Read("SIP/2.0 200\r\n"u8).Kind);
        Assert.Equal(SipLineKind.None, SipStartLine.Read("\0\u0001\u0002"u8).Kind);
        Assert.Equal(SipHeader.CallId, SipNames.HeaderOf("I"u8));
        Assert.Equal(SipHeader.ContentLength, SipNames.HeaderOf("content-LENGTH"u8));
        Assert.Equal(SipHeader.Supported, SipNames.HeaderOf("k"u8));
        Assert.Equal(SipHeader.Other, SipNames.HeaderOf("q"u8));
        Assert.Equal((0u, 0u, 4294967295u, 5u), (SipNames.NumberOf("5x"u8), SipNames.NumberOf("5 "u8), SipNames.NumberOf("99999999999"u8), SipNames.NumberOf(" 5"u8)));
    }

    [Fact]
    public void AnInviteShowsItsHeadersAndSdp()
    {
        var frame = Frame(Invite("User-Agent: test\r\nX-Other: 1\r\n"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Sip], Decode.Kinds(packet));
        Assert.Equal("eth:ethertype:ip:udp:sip:sdp", Decode.Protocols(packet, frame));
        Assert.Equal("INVITE", Decode.Field(packet, frame, "sip.Method"));
        Assert.Equal("sip:bob@example.com", Decode.Field(packet, frame, "sip.r-uri"));
        Assert.Equal("<sip:alice@example.com>;tag=1", Decode.Field(packet, frame, "sip.From"));
        Assert.Equal("call-1", Decode.Field(packet, frame, "sip.Call-ID"));
        Assert.Equal(("7", "INVITE"), (Decode.Field(packet, frame, "sip.CSeq.seq"), Decode.Field(packet, frame, "sip.CSeq.method")));
        Assert.Equal("70", Decode.Field(packet, frame, "sip.Max-Forwards"));
        Assert.Equal("test", Decode.Field(packet, frame, "sip.User-Agent"));
        Assert.Equal("0", Decode.Field(packet, frame, "sip.resend"));
        Assert.Equal("alice 1 2 IN IP4 192.0.2.10", Decode.Field(packet, frame, "sdp.owner"));
        Assert.Equal("tool:x", Decode.Field(packet, frame, "sdp.session_attr"));
        Assert.Equal("sendrecv", Decode.Field(packet, frame, "sdp.media_attr"));
        Assert.Null(Decode.Field(packet, frame, "sip.Status-Code"));
    }

    [Fact]
    public void APayloadThatIsNotSipStaysData()
    {
        var frame = Frame("INVITE sip:bob@example.com\r\n\r\n"u8.ToArray());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("eth:ethertype:ip:udp:data", Decode.Protocols(packet, frame));
    }

    [Fact]
    public void AHeaderLineWithoutItsEndingIsMalformedAndACutHeadTruncated()
    {
        var frame = Frame("OPTIONS sip:a@b SIP/2.0\r\nCall-ID: x\r\nCSeq: 3 OPTIONS"u8.ToArray());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("3", Decode.Field(packet, frame, "sip.CSeq.seq"));
        Assert.Null(Decode.Field(packet, frame, "sip.resend"));
        var whole = Frame(Invite());
        packet = Decode.Frame(whole[..100], LinkType.Ethernet, whole.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal("INVITE", Decode.Field(packet, whole[..100], "sip.Method"));
        Assert.Null(Decode.Field(packet, whole[..100], "sip.Via"));
    }

    [Fact]
    public void SipOverTcpIsOneMessagePerSegment()
    {
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, TcpSegment(40000, SipPorts.Sip, 1, 1, 0x18, [], Invite())));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("eth:ethertype:ip:tcp:sip:sdp", Decode.Protocols(packet, frame));
    }

    [Fact]
    public void EveryPrefixDecodesWithoutThrowing()
    {
        Decode.EveryPrefix(Frame(Invite("Contact: <sip:a@b>;expires=0, *\r\nExpires: 0\r\n")), LinkType.Ethernet);
        var multipart = Encoding.ASCII.GetBytes("OPTIONS sip:a@b SIP/2.0\r\nContent-Type: multipart/mixed;boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: application/sdp\r\n\r\n" + Sdp + "\r\n--b\r\n\r\nx\r\n--b--\r\n");
        Decode.EveryPrefix(Frame(multipart), LinkType.Ethernet);
    }
}
