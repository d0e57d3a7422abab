using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.L2tp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.L2tp;

public class L2tpv3Tests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] InnerEthernet = EthernetFrame(EtherType.Ipv4, Udp4);

    /// <summary>An Ethernet frame with IPv4 carrying <paramref name="l2tp"/> as IP protocol 115.</summary>
    private static byte[] OverIp(byte[] l2tp) => EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.L2tp, l2tp));

    /// <summary>The same over IPv6.</summary>
    private static byte[] OverIpv6(byte[] l2tp) => EthernetFrame(EtherType.Ipv6, Ipv6Packet(IpProtocol.L2tp, l2tp));

    /// <summary>An Ethernet frame with IPv4 and UDP from port 1701 around <paramref name="l2tp"/>.</summary>
    private static byte[] OverUdp(byte[] l2tp) => EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1701, 1701, l2tp)));

    private static byte[] Avp(ushort type, byte[] value, ushort flags = 0x8000, ushort vendor = 0) =>
        Concat(U16((ushort)(flags | (6 + value.Length))), U16(vendor), U16(type), value);

    /// <summary>A control message with length and sequence numbers (T, L, S, version 3) and connection ID 0x0a0b0c0d.</summary>
    private static byte[] Control(params byte[][] avps)
    {
        var body = Concat(avps);
        return Concat(U16(0xC803), U16((ushort)(12 + body.Length)), Hex("0a0b0c0d"), U16(1), U16(2), body);
    }

    [Fact]
    public void ControlHeaderLengthAndColumnReach()
    {
        Assert.Equal(12, L2tpv3Message.ControlHeaderLength(0xC803));
        Assert.Equal(8, L2tpv3Message.ControlHeaderLength(0xC003));
        Assert.Equal(6, L2tpv3Message.ControlHeaderLength(0x8003));
        Assert.Equal(4, L2tpv3Message.CcidOffset(0xC803));
        Assert.Equal(2, L2tpv3Message.CcidOffset(0x8803));
        var hello = Control(Avp(0, Hex("0006")));
        // Flags, length and ID, then the first AVP's vendor and type, and its message type since both are 0.
        Assert.Equal(20, L2tpv3Message.ColumnReach(hello));
        Assert.Equal(8, L2tpv3Message.ColumnReach(hello[..7]));
        Assert.Equal(16, L2tpv3Message.ColumnReach(hello[..15]));
        Assert.Equal(18, L2tpv3Message.ColumnReach(hello[..17]));
        var vendorFirst = Control(Avp(100, Hex("00"), vendor: 311));
        Assert.Equal(18, L2tpv3Message.ColumnReach(vendorFirst));
        Assert.False(L2tpv3Message.TryColumnMessageType(vendorFirst, out _, out _));
        Assert.True(L2tpv3Message.TryColumnMessageType(hello, out bool isMessageType, out ushort type));
        Assert.True(isMessageType);
        Assert.Equal(6, type);
        var zlb = Control();
        Assert.True(L2tpv3Message.IsZeroLengthBody(0xC803, zlb));
        Assert.Equal(8, L2tpv3Message.ColumnReach(zlb));
    }

    [Fact]
    public void DataOverIpShowsTheSessionIdAndThePayloadAsData()
    {
        var frame = OverIp(Concat(Hex("00001234"), InnerEthernet));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.L2tpv3, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x00001234", Decode.Field(packet, frame, "l2tp.sid"));
        Assert.Equal("0", Decode.Field(packet, frame, "l2tp.avp.pseudowire_type"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.flags"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.ccid"));

        frame = OverIpv6(Hex("00000099 aa"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv6, LayerKind.L2tpv3, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x00000099", Decode.Field(packet, frame, "l2tp.sid"));
    }

    [Fact]
    public void DataOverUdpShowsFlagsReservedAndSessionId()
    {
        var frame = OverUdp(Concat(Hex("4803 beef 00000057"), InnerEthernet));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(LayerKind.L2tpv3, packet[packet.LayerCount - 2].Kind);
        Assert.Equal("0x4803", Decode.Field(packet, frame, "l2tp.flags"));
        Assert.Equal("0", Decode.Field(packet, frame, "l2tp.type"));
        Assert.Equal("1", Decode.Field(packet, frame, "l2tp.length_bit"));
        Assert.Equal("3", Decode.Field(packet, frame, "l2tp.version"));
        Assert.Equal("0xbeef", Decode.Field(packet, frame, "l2tp.res"));
        Assert.Equal("0x00000057", Decode.Field(packet, frame, "l2tp.sid"));
        // A data message has no length field even with the L bit set.
        Assert.Null(Decode.Field(packet, frame, "l2tp.length"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.offset_bit"));
    }

    [Fact]
    public void ControlMessageOverIpAndUdpReadsHeaderAndAvps()
    {
        var message = Control(Avp(0, Hex("000a")), Avp(63, Hex("00001234")), Avp(64, Hex("00000000")), Avp(68, Hex("0005")), Avp(65, Hex("deadbeef")),
            Avp(69, Hex("0001")), Avp(66, Hex("70772d31")), Avp(61, Hex("0a0b0c0d")));
        foreach (var (frame, sid) in new[] { (OverIp(Concat(Hex("00000000"), message)), "0x00000000"), (OverUdp(message), null) })
        {
            var packet = Decode.Frame(frame, LinkType.Ethernet);
            Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
            Assert.Equal(LayerKind.L2tpv3, packet[packet.LayerCount - 1].Kind);
            Assert.Equal(sid, Decode.Field(packet, frame, "l2tp.sid"));
            Assert.Equal("0xc803", Decode.Field(packet, frame, "l2tp.flags"));
            Assert.Equal("1", Decode.Field(packet, frame, "l2tp.type"));
            Assert.Equal("0x0a0b0c0d", Decode.Field(packet, frame, "l2tp.ccid"));
            Assert.Equal("1", Decode.Field(packet, frame, "l2tp.Ns"));
            Assert.Equal("2", Decode.Field(packet, frame, "l2tp.Nr"));
            Assert.Equal("0,63,64,68,65,69,66,61", Decode.Field(packet, frame, "l2tp.avp.type"));
            Assert.Equal("10", Decode.Field(packet, frame, "l2tp.avp.message_type"));
            Assert.Equal("4660", Decode.Field(packet, frame, "l2tp.avp.local_session_id"));
            Assert.Equal("0", Decode.Field(packet, frame, "l2tp.avp.remote_session_id"));
            Assert.Equal("5", Decode.Field(packet, frame, "l2tp.avp.pseudowire_type"));
            Assert.Equal("deadbeef", Decode.Field(packet, frame, "l2tp.avp.assigned_cookie"));
            Assert.Equal("1", Decode.Field(packet, frame, "l2tp.avp.layer2_specific_sublayer"));
            Assert.Equal("pw-1", Decode.Field(packet, frame, "l2tp.avp.remote_end_id"));
            Assert.Equal("168496141", Decode.Field(packet, frame, "l2tp.avp.assigned_control_conn_id"));
            Assert.Null(Decode.Field(packet, frame, "l2tp.tunnel"));
        }
    }

    [Fact]
    public void OffsetBitOfAControlMessageAddsNoOffsetField()
    {
        var message = Control(Avp(0, Hex("0006")), Avp(7, Hex("6c6e73")));
        message[1] = 0x03;
        message[0] = 0xCB;
        var frame = OverUdp(message);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("0,7", Decode.Field(packet, frame, "l2tp.avp.type"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.offset"));
    }

    [Fact]
    public void ShortMessagesShowWhatTsharkReadBeforeFailing()
    {
        // Over IP, fewer than 4 bytes: L2TPv3 with no field, malformed.
        var frame = OverIp(Hex("0000"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerKind.L2tpv3, packet[packet.LayerCount - 1].Kind);
        Assert.Null(Decode.Field(packet, frame, "l2tp.sid"));
        // A length field shorter than the header cuts it: the fields before the cut show.
        frame = OverUdp(Concat(Hex("c803 0006 0a0b0c0d 0001 0002"), Avp(0, Hex("0006"))));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("6", Decode.Field(packet, frame, "l2tp.length"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.ccid"));
        // A UDP data message with its flags only: the flags show.
        frame = OverUdp(Hex("0003"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("0x0003", Decode.Field(packet, frame, "l2tp.flags"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.sid"));
    }

    [Fact]
    public void IpV6HandsEvenAnEmptyPayloadToL2tpv3AndIpv4DoesNot()
    {
        var packet = Decode.Frame(OverIpv6([]), LinkType.Ethernet);
        Assert.Equal(LayerKind.L2tpv3, packet[packet.LayerCount - 1].Kind);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        packet = Decode.Frame(OverIp([]), LinkType.Ethernet);
        Assert.DoesNotContain(LayerKind.L2tpv3, Decode.Kinds(packet));
    }

    [Fact]
    public void AnOwnDissectorVendorsAvpPastTheMessageIsMarkedContained()
    {
        var message = Control(Avp(0, Hex("0006")), Concat(U16(0x8000 | 24), U16(9), U16(9)));
        var packet = Decode.Frame(OverUdp(message), LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.NotEqual(0, packet[packet.LayerCount - 1].Detail & L2tpLayerDetail.ContainedBit);
        // Another vendor's past the message is malformed only.
        message = Control(Avp(0, Hex("0006")), Concat(U16(0x8000 | 24), U16(311), U16(9)));
        packet = Decode.Frame(OverUdp(message), LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(0, packet[packet.LayerCount - 1].Detail & L2tpLayerDetail.ContainedBit);
    }

    [Fact]
    public void AFailedReadAfterTheHeaderShowsNoAvp()
    {
        // A vendor AVP first whose type is 0: tshark reads a message type after the header, past the length of 19.
        var frame = OverUdp(Concat(Hex("c803 0013 0a0b0c0d 0001 0002"), Hex("8007 0137 0000 2a")));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("2", Decode.Field(packet, frame, "l2tp.Nr"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.avp.length"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        var message = Control(Avp(0, Hex("000a")), Avp(63, Hex("00001234")), Avp(7, Hex("6c6e73")));
        foreach (var frame in new[] { OverIp(Concat(Hex("00001234"), InnerEthernet)), OverIp(Concat(Hex("00000000"), message)),
            OverUdp(Concat(Hex("0003 0000 00000055"), InnerEthernet)), OverUdp(message) })
        {
            for (int cut = 0; cut < frame.Length; cut++)
            {
                var packet = Decode.Frame(frame[..cut], LinkType.Ethernet, originalLength: frame.Length);
                if (cut >= 14 + 20 + (frame[14 + 9] == (byte)IpProtocol.Udp ? 8 : 0) + 2)
                    Assert.Contains(LayerKind.L2tpv3, Decode.Kinds(packet));
                Decode.AllFields(packet, frame.AsSpan(0, cut), text);
            }
        }
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(3931);
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        for (int i = 0; i < 3000; i++)
        {
            var body = new byte[random.Next(0, 300)];
            random.NextBytes(body);
            if (i % 3 == 0 && body.Length > 4)
                body[0] = body[1] = body[2] = body[3] = 0;
            if (i % 3 == 1 && body.Length > 1)
                body[1] = (byte)(body[1] & 0xF0 | 3);
            var frame = i % 3 == 1 ? OverUdp(body) : OverIp(body);
            var packet = Decode.Frame(frame, LinkType.Ethernet, originalLength: frame.Length + random.Next(0, 2) * 100);
            Decode.AllFields(packet, frame, text);
        }
    }

    /// <summary>Decodes <paramref name="frame"/> with <paramref name="decoder"/>, which remembers what earlier frames taught it.</summary>
    private static DecodedPacket DecodeWith(PacketDecoder decoder, byte[] frame)
    {
        var packet = new DecodedPacket();
        decoder.Decode(frame, new FrameMetadata(1_700_000_000_123_456_789, frame.Length, frame.Length, LinkType.Ethernet), 1, packet);
        return packet;
    }

    private static byte[] Id(uint id) => Concat(U16((ushort)(id >> 16)), U16((ushort)id));

    /// <summary>Over IP from <paramref name="source"/> to <paramref name="destination"/>.</summary>
    private static byte[] OverIp(byte[] l2tp, string source, string destination) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.L2tp, l2tp, source, destination));

    private static byte[] Sccrq() => Control(Avp(0, Hex("0001")), Avp(61, Hex("0a0b0c0d")));

    [Fact]
    public void DataAfterASessionSetUpShowsItsCookieSublayerAndEthernetFrame()
    {
        const string first = "192.0.2.1", second = "198.51.100.2";
        var decoder = new PacketDecoder();
        DecodeWith(decoder, OverIp(Concat(Id(0), Sccrq()), first, second));
        // The first end asks for a 4-byte cookie and the default sublayer; the second end assigns an 8-byte cookie.
        DecodeWith(decoder, OverIp(Concat(Id(0), Control(Avp(0, Hex("000a")), Avp(63, Id(0x1001)), Avp(68, Hex("0005")), Avp(65, Hex("a1a2a3a4")),
            Avp(69, Hex("0001")))), first, second));
        DecodeWith(decoder, OverIp(Concat(Id(0), Control(Avp(0, Hex("000b")), Avp(63, Id(0x2001)), Avp(64, Id(0x1001)), Avp(65, Hex("b1b2b3b4b5b6b7b8")))),
            second, first));

        // To the second end: its session ID, its cookie, the default sublayer both ends learnt from the request.
        var frame = OverIp(Concat(Id(0x2001), Hex("b1b2b3b4b5b6b7b8 40000007"), InnerEthernet), first, second);
        var packet = DecodeWith(decoder, frame);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.L2tpv3, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(packet));
        Assert.Equal("b1b2b3b4b5b6b7b8", Decode.Field(packet, frame, "l2tp.cookie"));
        Assert.Equal("1", Decode.Field(packet, frame, "l2tp.l2_spec_s"));
        Assert.Equal("7", Decode.Field(packet, frame, "l2tp.l2_spec_sequence"));
        Assert.Equal("5", Decode.Field(packet, frame, "l2tp.avp.pseudowire_type"));

        // To the first end: its own session ID and the 4-byte cookie it asked for.
        frame = OverIp(Concat(Id(0x1001), Hex("a1a2a3a4 00000000"), InnerEthernet), second, first);
        packet = DecodeWith(decoder, frame);
        Assert.Equal("a1a2a3a4", Decode.Field(packet, frame, "l2tp.cookie"));
        Assert.Equal("0", Decode.Field(packet, frame, "l2tp.l2_spec_s"));
        Assert.Equal(LayerKind.Ethernet, packet[4].Kind);

        // A session nothing taught, or another conversation: no cookie, no sublayer, data of type 0.
        foreach (var unknown in new[] { OverIp(Concat(Id(0x7777), InnerEthernet), first, second), OverIp(Concat(Id(0x2001), InnerEthernet), first, "203.0.113.9") })
        {
            packet = DecodeWith(decoder, unknown);
            Assert.Equal(LayerKind.Payload, packet[packet.LayerCount - 1].Kind);
            Assert.Equal(5, packet.LayerCount);
            Assert.Null(Decode.Field(packet, unknown, "l2tp.cookie"));
            Assert.Equal("0", Decode.Field(packet, unknown, "l2tp.avp.pseudowire_type"));
        }
    }

    [Fact]
    public void WithoutAnSccrqNothingIsLearnt()
    {
        var decoder = new PacketDecoder();
        DecodeWith(decoder, OverIp(Concat(Id(0), Control(Avp(0, Hex("000a")), Avp(63, Id(0x1001)), Avp(68, Hex("0005")), Avp(65, Hex("a1a2a3a4"))))));
        var frame = OverIp(Concat(Id(0x1001), Hex("a1a2a3a4"), InnerEthernet), V4Dst, V4Src);
        var packet = DecodeWith(decoder, frame);
        Assert.Null(Decode.Field(packet, frame, "l2tp.cookie"));
        Assert.Equal(LayerKind.Payload, packet[packet.LayerCount - 1].Kind);
    }

    [Fact]
    public void ADecoderThatDoesNotFollowSessionsDecodesDataTheSameWayWhateverCameBefore()
    {
        const string first = "192.0.2.1", second = "198.51.100.2";
        var frame = OverIp(Concat(Id(0x2001), Hex("b1b2b3b4b5b6b7b8"), InnerEthernet), first, second);
        // The UI's random access: the set-up decoded before the data changes nothing.
        var decoder = new PacketDecoder(new DecoderOptions(FollowSessions: false));
        var before = Decode.Kinds(DecodeWith(decoder, frame));
        DecodeWith(decoder, OverIp(Concat(Id(0), Sccrq()), first, second));
        DecodeWith(decoder, OverIp(Concat(Id(0), Control(Avp(0, Hex("000a")), Avp(63, Id(0x1001)), Avp(68, Hex("0005")))), first, second));
        DecodeWith(decoder, OverIp(Concat(Id(0), Control(Avp(0, Hex("000b")), Avp(63, Id(0x2001)), Avp(64, Id(0x1001)), Avp(65, Hex("b1b2b3b4b5b6b7b8")))),
            second, first));
        var packet = DecodeWith(decoder, frame);
        Assert.Equal(before, Decode.Kinds(packet));
        Assert.Equal(LayerKind.Payload, packet[packet.LayerCount - 1].Kind);
        Assert.Null(Decode.Field(packet, frame, "l2tp.cookie"));

        // The same set-up teaches a decoder that follows sessions.
        var following = new PacketDecoder();
        DecodeWith(following, OverIp(Concat(Id(0), Sccrq()), first, second));
        DecodeWith(following, OverIp(Concat(Id(0), Control(Avp(0, Hex("000a")), Avp(63, Id(0x1001)), Avp(68, Hex("0005")))), first, second));
        DecodeWith(following, OverIp(Concat(Id(0), Control(Avp(0, Hex("000b")), Avp(63, Id(0x2001)), Avp(64, Id(0x1001)), Avp(65, Hex("b1b2b3b4b5b6b7b8")))),
            second, first));
        packet = DecodeWith(following, frame);
        Assert.Equal("b1b2b3b4b5b6b7b8", Decode.Field(packet, frame, "l2tp.cookie"));
        Assert.Equal(LayerKind.Ethernet, packet[4].Kind);
    }

    [Fact]
    public void ACookieOrSublayerTheCaptureCutStopsTheLayerTruncated()
    {
        var decoder = new PacketDecoder();
        DecodeWith(decoder, OverUdp(Sccrq()));
        DecodeWith(decoder, OverUdp(Control(Avp(0, Hex("000a")), Avp(63, Id(5)), Avp(68, Hex("0005")), Avp(69, Hex("0001")))));
        DecodeWith(decoder, OverUdp(Control(Avp(0, Hex("000b")), Avp(63, Id(6)), Avp(64, Id(5)), Avp(65, Hex("c1c2c3c4")))));
        var whole = OverUdp(Concat(Hex("0003 0000"), Id(6), Hex("c1c2c3c4 40000001"), InnerEthernet));
        int sessionEnd = 14 + 20 + 8 + 8;
        foreach (var (cut, cookie, s, sequence) in new[] { (2, null, null, null), (5, "c1c2c3c4", "1", null), (8, "c1c2c3c4", "1", "1") })
        {
            var packet = new DecodedPacket();
            decoder.Decode(whole.AsSpan(0, sessionEnd + cut), new FrameMetadata(0, sessionEnd + cut, whole.Length, LinkType.Ethernet), 1, packet);
            var frame = whole[..(sessionEnd + cut)];
            Assert.Equal(cookie, Decode.Field(packet, frame, "l2tp.cookie"));
            Assert.Equal(s, Decode.Field(packet, frame, "l2tp.l2_spec_s"));
            Assert.Equal(sequence, Decode.Field(packet, frame, "l2tp.l2_spec_sequence"));
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        }
    }

    [Fact]
    public void TheSessionTableIsBounded()
    {
        var decoder = new PacketDecoder();
        DecodeWith(decoder, OverIp(Concat(Id(0), Sccrq())));
        // Far more set-ups than the table holds (replies naming both IDs, so each is a session of its own): the first
        // ones stay learnt, the rest are not, and nothing throws.
        for (uint id = 1; id <= L2tpv3Sessions.MaxSessions + 100; id++)
        {
            DecodeWith(decoder, OverIp(Concat(Id(0), Control(Avp(0, Hex("000b")), Avp(63, Id(0x10000 + id)), Avp(64, Id(id)), Avp(65, Hex("a1a2a3a4")))),
                V4Dst, V4Src));
        }
        var known = OverIp(Concat(Id(0x10001), Hex("a1a2a3a4"), InnerEthernet));
        Assert.Equal("a1a2a3a4", Decode.Field(DecodeWith(decoder, known), known, "l2tp.cookie"));
        var dropped = OverIp(Concat(Id(0x10000 + L2tpv3Sessions.MaxSessions + 50), Hex("a1a2a3a4"), InnerEthernet));
        Assert.Null(Decode.Field(DecodeWith(decoder, dropped), dropped, "l2tp.cookie"));
    }

    [Fact]
    public void OverUdpTheTunnelKeepsTheSccrqSendersPort()
    {
        static byte[] Udp(byte[] l2tp, ushort sourcePort, ushort destinationPort, bool reverse = false) => EthernetFrame(EtherType.Ipv4,
            Ipv4Packet(IpProtocol.Udp, UdpDatagram(sourcePort, destinationPort, l2tp), reverse ? V4Dst : V4Src, reverse ? V4Src : V4Dst));
        var decoder = new PacketDecoder();
        DecodeWith(decoder, Udp(Sccrq(), 1701, 1701));
        DecodeWith(decoder, Udp(Control(Avp(0, Hex("000b")), Avp(63, Id(6)), Avp(64, Id(5)), Avp(65, Hex("c1c2c3c4"))), 1701, 1701, reverse: true));
        var data = Concat(Hex("0003 0000"), Id(6), Hex("c1c2c3c4"), InnerEthernet);
        // From the first end's port to any port of the other end: the tunnel's; from another port of the first end: not.
        var known = Udp(data, 1701, 50000);
        Assert.Equal("c1c2c3c4", Decode.Field(DecodeWith(decoder, known), known, "l2tp.cookie"));
        var other = Udp(data, 50000, 1701);
        Assert.Null(Decode.Field(DecodeWith(decoder, other), other, "l2tp.cookie"));
    }

    /// <summary>A decoder that learnt, over IP from V4Src (the first end) to V4Dst, session 0x31 of <paramref name="pseudowire"/> with <paramref name="sublayer"/>.</summary>
    private static PacketDecoder LearntPseudowire(ushort pseudowire, ushort sublayer)
    {
        var decoder = new PacketDecoder();
        DecodeWith(decoder, OverIp(Concat(Id(0), Sccrq())));
        DecodeWith(decoder, OverIp(Concat(Id(0), Control(Avp(0, Hex("000a")), Avp(63, Id(0x31)), Avp(68, U16(pseudowire)), Avp(69, U16(sublayer))))));
        return decoder;
    }

    /// <summary>Data to the first end of session 0x31, <paramref name="afterSessionId"/> after its session ID.</summary>
    private static byte[] ToFirstEnd(byte[] afterSessionId) => OverIp(Concat(Id(0x31), afterSessionId), V4Dst, V4Src);

    private static readonly byte[] Udp6 = Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    public static TheoryData<ushort, ushort, string, LayerKind[]> Pseudowires() => new()
    {
        // PPP in HDLC-like framing, address and control optional; Cisco's address hands it to Cisco HDLC (ppp_hdlc's rule).
        { 7, 1, "40000001 ff030021", [LayerKind.Ppp, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload] },
        { 7, 0, "0057", [LayerKind.Ppp, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload] },
        { 7, 0, "0f000800", [LayerKind.CiscoHdlc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload] },
        { 6, 1, "40000001 0f000800", [LayerKind.CiscoHdlc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload] },
        { 6, 0, "8f0086dd", [LayerKind.CiscoHdlc, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload] },
        { 1, 1, "40000001 040103cc", [LayerKind.FrameRelay, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload] },
        { 1, 0, "0401038e", [LayerKind.FrameRelay, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload] },
        // AAL5 as LLC, with or without the ATM sublayer (T bit clear); an OAM cell (T bit set) stays data.
        { 2, 0, "aaaa03 000000 0800", [LayerKind.Llc, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload] },
        { 2, 2, "40000001 aaaa03 000000 86dd", [LayerKind.Llc, LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload] },
        { 2, 2, "48000001 aaaa03 000000 0800", [LayerKind.Payload] },
        // IP by its version; DOCSIS DMPT's MPEG-TS, Ethernet VLAN and unassigned types stay data.
        { 11, 0, "", [LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload] },
        { 11, 1, "40000001", [LayerKind.Ipv6, LayerKind.Udp, LayerKind.Payload] },
        { 12, 0, "", [LayerKind.Payload] },
        { 4, 0, "", [LayerKind.Payload] },
        { 0x99, 0, "", [LayerKind.Payload] },
    };

    [Theory]
    [MemberData(nameof(Pseudowires))]
    public void EachLearntPseudowireTypeDecodesWhatItCarries(ushort pseudowire, ushort sublayer, string header, LayerKind[] expected)
    {
        var decoder = LearntPseudowire(pseudowire, sublayer);
        // The IPv6 cases say so in their header (an EtherType, an NLPID, PPP's protocol) or, for IP, in the sublayer's presence.
        bool v6 = header.Contains("86dd") || header.Contains("8e") || header.EndsWith("0057") || (pseudowire == 11 && sublayer == 1);
        var frame = ToFirstEnd(Concat(Hex(header), v6 ? Udp6 : Udp4));
        var packet = DecodeWith(decoder, frame);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.L2tpv3, .. expected], Decode.Kinds(packet));
        Assert.Equal(pseudowire.ToString(), Decode.Field(packet, frame, "l2tp.avp.pseudowire_type"));
        // What a table entry RawNet lacks a decoder for (DOCSIS DMPT's MPEG-TS, an OAM cell) is unsupported; no entry is plain data.
        bool unsupported = pseudowire == 12 || header.StartsWith("48");
        Assert.Equal(unsupported ? DecodeOutcome.Unsupported : DecodeOutcome.Ok, packet.Outcome);
    }

    [Fact]
    public void TheAtmSublayerShowsItsBitsAndSequenceNumber()
    {
        var decoder = LearntPseudowire(2, 2);
        var frame = ToFirstEnd(Concat(Hex("4f000102 aaaa03 000000 0800"), Udp4));
        var packet = DecodeWith(decoder, frame);
        foreach (var bit in new[] { "s", "t", "g", "c", "u" })
            Assert.Equal("1", Decode.Field(packet, frame, "l2tp.l2_spec_" + bit));
        Assert.Equal("258", Decode.Field(packet, frame, "l2tp.l2_spec_sequence"));
        Assert.NotNull(Decode.Field(packet, frame, "l2tp.l2_spec_atm"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.l2_spec_def"));
        Assert.Null(Decode.Field(packet, frame, "l2tp.cookie"));
        // The T bit marks an OAM cell, which RawNet leaves as data.
        Assert.Equal(LayerKind.Payload, packet[4].Kind);
    }

    [Theory]
    [InlineData((ushort)7), InlineData((ushort)11)]
    public void AnEmptyPppOrIpPayloadEndsTheL2tpv3Layer(ushort pseudowire)
    {
        // tshark's ppp_hdlc and ip dissectors fail on their first byte before naming themselves: no layer of theirs.
        var decoder = LearntPseudowire(pseudowire, 1);
        var frame = ToFirstEnd(Hex("40000001"));
        var packet = DecodeWith(decoder, frame);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.L2tpv3], Decode.Kinds(packet));
        Assert.Equal(LayerStatus.Malformed, packet[3].Status);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
    }

    [Fact]
    public void AnEmptyCiscoHdlcFrameRelayOrLlcPayloadIsThatLayerCutShort()
    {
        foreach (var (pseudowire, kind) in new[] { ((ushort)6, LayerKind.CiscoHdlc), ((ushort)1, LayerKind.FrameRelay), ((ushort)2, LayerKind.Llc) })
        {
            var decoder = LearntPseudowire(pseudowire, 1);
            var frame = ToFirstEnd(Hex("40000001"));
            var packet = DecodeWith(decoder, frame);
            Assert.Equal(kind, packet[packet.LayerCount - 1].Kind);
            Assert.Equal(LayerStatus.Malformed, packet[packet.LayerCount - 1].Status);
        }
    }

    [Fact]
    public void PseudowirePayloadsTruncatedAtEveryPrefixNeverThrow()
    {
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        foreach (var (pseudowire, sublayer, header) in new[] { ((ushort)7, (ushort)1, "40000001 ff030021"), ((ushort)6, (ushort)0, "0f000800"),
            ((ushort)1, (ushort)1, "40000001 04010300cc"), ((ushort)2, (ushort)2, "40000001 060603"), ((ushort)11, (ushort)0, "") })
        {
            var whole = ToFirstEnd(Concat(Hex(header), Udp4));
            for (int cut = 14 + 20; cut <= whole.Length; cut++)
            {
                var decoder = LearntPseudowire(pseudowire, sublayer);
                var packet = new DecodedPacket();
                decoder.Decode(whole.AsSpan(0, cut), new FrameMetadata(0, cut, whole.Length, LinkType.Ethernet), 1, packet);
                Decode.AllFields(packet, whole.AsSpan(0, cut), text);
                // Once a byte past the session ID is there, a cut in the headers is a truncation (before it tshark reads no further;
                // in the payload, data shows what there is).
                if (cut > 14 + 20 + 4 && cut < whole.Length - 3)
                    Assert.True((cut == whole.Length ? DecodeOutcome.Ok : DecodeOutcome.Truncated) == packet.Outcome, $"type {pseudowire} cut at {cut} of {whole.Length}: {packet.Outcome}");
            }
        }
    }

    [Fact]
    public void HostilePseudowirePayloadsNeverThrow()
    {
        var random = new Random(4591);
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        foreach (ushort pseudowire in new ushort[] { 1, 2, 5, 6, 7, 11 })
        {
            var decoder = LearntPseudowire(pseudowire, (ushort)(pseudowire == 2 ? 2 : 1));
            for (int i = 0; i < 300; i++)
            {
                var body = new byte[random.Next(0, 80)];
                random.NextBytes(body);
                var frame = ToFirstEnd(body);
                var packet = new DecodedPacket();
                decoder.Decode(frame, new FrameMetadata(0, frame.Length, frame.Length + random.Next(0, 2) * 50, LinkType.Ethernet), 1, packet);
                Decode.AllFields(packet, frame, text);
                Assert.Equal(LayerKind.L2tpv3, packet[3].Kind);
            }
        }
    }
}
