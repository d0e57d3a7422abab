using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Atm;

/// <summary>SunATM (LINKTYPE_SUNATM, 123): Sun's 4-byte header, then the AAL5 PDU as tshark's pseudo-header reads it.</summary>
public class SunAtmTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>Sun's header (flags, VPI, VCI) before <paramref name="pdu"/>.</summary>
    public static byte[] Frame(byte flags, byte[] pdu, byte vpi = 1, ushort vci = 32) => Concat([flags, vpi], U16(vci), pdu);

    /// <summary>Frames for the zero-allocation tests.</summary>
    public static IEnumerable<(LinkType, byte[])> Samples(byte[] udp4, byte[] tcp6) =>
    [
        (LinkType.SunAtm, Frame(0x82, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), udp4))),
        (LinkType.SunAtm, Frame(0x01, Concat(Hex("0005"), EthernetFrame(EtherType.Ipv6, tcp6)), vci: 100)),
        (LinkType.SunAtm, Frame(0x01, Hex("ff00 0101 0101 0000 00000001 0005 0000"), vci: 100)),
        (LinkType.SunAtm, Frame(0x00, tcp6, vci: 33)),
    ];

    [Fact]
    public void ParseLlcMultiplexed()
    {
        var frame = Frame(0x82, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv6), Tcp6), vpi: 7, vci: 300);
        var packet = Decode.Frame(frame, LinkType.SunAtm);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Atm, LayerKind.Llc, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal("0", Decode.Field(packet, frame, "atm.channel"));
        Assert.Equal("4", Decode.Field(packet, frame, "atm.aal"));
        Assert.Equal("1", Decode.Field(packet, frame, "atm.traffic_type"));
        Assert.Null(Decode.Field(packet, frame, "atm.traffic.lane"));
        Assert.Equal("7", Decode.Field(packet, frame, "atm.vpi"));
        Assert.Equal("300", Decode.Field(packet, frame, "atm.vci"));
        Assert.True(PacketDecoder.DecodesLinkType(LinkType.SunAtm));
    }

    [Fact]
    public void ParseLane()
    {
        var client = Frame(0x01, Concat(Hex("1234"), EthernetFrame(EtherType.Ipv4, Udp4)), vci: 100);
        var packet = Decode.Frame(client, LinkType.SunAtm);
        Assert.Equal([LayerKind.Frame, LayerKind.Atm, LayerKind.AtmLane, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, client, "atm.channel"));
        Assert.Equal("3", Decode.Field(packet, client, "atm.traffic_type"));
        Assert.Equal("2", Decode.Field(packet, client, "atm.traffic.lane"));
        Assert.Equal("0x1234", Decode.Field(packet, client, "atm.le_client.client"));

        var control = Frame(0x01, Hex("ff00 0101 0006 0000 00000001 0005 0000"), vci: 100);
        packet = Decode.Frame(control, LinkType.SunAtm);
        Assert.Equal([LayerKind.Frame, LayerKind.Atm, LayerKind.AtmLane], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, control, "atm.traffic.lane"));
        Assert.Equal("0x0006", Decode.Field(packet, control, "atm.le_control.opcode"));
        Assert.Null(Decode.Field(packet, control, "atm.le_control.status"));
        Assert.Equal("0x00000001", Decode.Field(packet, control, "atm.le_control.transaction_id"));
        Assert.Null(Decode.Field(packet, control, "atm.le_client.client"));

        // Fewer than 2 bytes: wiretap cannot tell, and tshark hands them to data.
        packet = Decode.Frame(Frame(0x01, [0], vci: 100), LinkType.SunAtm);
        Assert.Equal([LayerKind.Frame, LayerKind.Atm, LayerKind.AtmLane, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0", Decode.Field(packet, Frame(0x01, [0], vci: 100), "atm.traffic.lane"));
    }

    [Fact]
    public void UnknownTrafficIsGuessedAsTsharkGuessesIt()
    {
        Assert.Equal([LayerKind.Frame, LayerKind.Atm, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(Decode.Frame(Frame(0x00, Tcp6, vci: 33), LinkType.SunAtm)));
        Assert.Equal(LayerKind.Llc, Decode.Kinds(Decode.Frame(Frame(0x03, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), Udp4)), LinkType.SunAtm))[2]);
        Assert.Equal(LayerKind.Ppp, Decode.Kinds(Decode.Frame(Frame(0x04, Concat(Hex("0021"), Udp4)), LinkType.SunAtm))[2]);
        Assert.Equal(LayerKind.Ethernet, Decode.Kinds(Decode.Frame(Frame(0x00, Concat(Hex("0000"), EthernetFrame(EtherType.Ipv4, Udp4))), LinkType.SunAtm))[2]);
        Assert.Equal(LayerKind.FrameRelay, Decode.Kinds(Decode.Frame(Frame(0x00, Concat(Hex("184103cc"), Udp4)), LinkType.SunAtm))[2]);
        Assert.Equal([LayerKind.Frame, LayerKind.Atm, LayerKind.Payload], Decode.Kinds(Decode.Frame(Frame(0x00, Hex("01020304050607")), LinkType.SunAtm)));
        // Signalling (type 6, or VPI 0 VCI 5 with no type) and ILMI are data here: tshark's SSCOP and SNMP are not decoded.
        var signalling = Frame(0x00, Hex("0903000001050000"), vpi: 0, vci: 5);
        var packet = Decode.Frame(signalling, LinkType.SunAtm);
        Assert.Equal("6", Decode.Field(packet, signalling, "atm.aal"));
        Assert.Null(Decode.Field(packet, signalling, "atm.traffic_type"));
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(Frame(0x02, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), Udp4)), LinkType.SunAtm);
        // LANE's type is told from the captured bytes: a whole PDU of 0 or 1 bytes is data (no mark in tshark), a cut one is cut.
        var lane = Frame(0x01, Concat(Hex("0005"), EthernetFrame(EtherType.Ipv4, Udp4)));
        for (int cut = 4; cut < lane.Length - 3; cut++)
            Assert.Equal(DecodeOutcome.Truncated, Decode.Frame(lane[..cut], LinkType.SunAtm, originalLength: lane.Length).Outcome);
        Assert.Equal(DecodeOutcome.Unsupported, Decode.Frame(lane[..5], LinkType.SunAtm).Outcome);
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(lane[..10], LinkType.SunAtm).Outcome);
        // A raw PDU of up to 7 bytes is data whole (tshark guesses from 8), and cut when the capture kept fewer of more.
        var raw = Frame(0x00, Udp4);
        for (int cut = 4; cut < raw.Length - 3; cut++)
            Assert.Equal(DecodeOutcome.Truncated, Decode.Frame(raw[..cut], LinkType.SunAtm, originalLength: raw.Length).Outcome);
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(Hex("020100"), LinkType.SunAtm).Outcome);
        Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(Frame(0x01, Hex("ff000101")), LinkType.SunAtm).Outcome);
        // Cut before the 8 bytes the type is guessed from.
        Assert.Equal(DecodeOutcome.Truncated, Decode.Frame(Frame(0x00, Udp4)[..10], LinkType.SunAtm, originalLength: 4 + Udp4.Length).Outcome);
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(123);
        var bytes = new byte[80];
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        for (int i = 0; i < 3000; i++)
        {
            random.NextBytes(bytes);
            bytes[0] = (byte)(bytes[0] & 0x8F);
            if (i % 3 == 0)
                Hex("ff00").CopyTo(bytes, 4);
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.SunAtm, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset >= 0 && layer.Offset + layer.HeaderLength <= frame.Length);
        }
    }
}
