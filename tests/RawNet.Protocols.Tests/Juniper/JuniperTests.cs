using RawNet.Protocols.Decoding;
using RawNet.Protocols.Juniper;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Juniper;

public class JuniperTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>"MGC", the flags, with <paramref name="extensions"/> the total length (or <paramref name="total"/>) and the TLVs, then the payload.</summary>
    public static byte[] Frame(byte flags, byte[] payload, byte[]? extensions = null, int? total = null) =>
        extensions is null ? Concat("MGC"u8.ToArray(), [flags], payload)
            : Concat("MGC"u8.ToArray(), [(byte)(flags | JuniperHeader.Flags.Extensions)], U16((ushort)(total ?? extensions.Length)), extensions, payload);

    /// <summary>An extension TLV: type, length (the value's unless given), value.</summary>
    public static byte[] Tlv(byte type, byte[] value, int? length = null) => Concat([type, (byte)(length ?? value.Length)], value);

    public static byte[] Le32(uint value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];

    private static readonly byte[] Interface = Concat(Tlv(1, Le32(5)), Tlv(4, Le32(77)), Tlv(3, [1]), Tlv(6, [14]), Tlv(2, "ge-0/0/0"u8.ToArray()),
        Tlv(5, [2, 1]), Tlv(7, [1, 2, 3]), Tlv(8, [9, 9, 9, 9, 9]), Tlv(0x81, [0, 0, 0, 1]));

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(JuniperHeader.Flags.In, EthernetFrame(EtherType.Ipv4, Udp4), Interface);
        Assert.True(JuniperHeader.TryRead(frame, out var juniper));
        Assert.True(juniper.IsJuniper);
        Assert.True(juniper.Inbound);
        Assert.True(juniper.Extended);
        Assert.False(juniper.NoL2);
        Assert.Equal(6 + Interface.Length, JuniperHeader.TsharkHeaderLength(frame));
        var walk = new JuniperExtensions(frame);
        var types = new List<byte>();
        while (walk.MoveNext())
            types.Add(walk.Type);
        Assert.Equal([1, 4, 3, 6, 2, 5, 7, 8, 0x81], types);
        Assert.Equal(JuniperWalkEnd.Done, walk.End);
        Assert.Equal(0x030201u, JuniperHeader.ExtensionValue(7, [1, 2, 3]));
        Assert.Equal(0x010203u, JuniperHeader.ExtensionValue(0x87, [1, 2, 3]));
        Assert.Equal(uint.MaxValue, JuniperHeader.ExtensionValue(1, [1, 2, 3, 4, 5]));
        Assert.False(JuniperHeader.TryRead("MGC"u8, out _));
    }

    [Fact]
    public void ParseExtensionsAndEthernet()
    {
        var frame = Frame(JuniperHeader.Flags.In, EthernetFrame(EtherType.Ipv4, Udp4), Interface);
        var packet = Decode.Frame(frame, LinkType.JuniperEther);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Juniper, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(6 + Interface.Length, packet[2].Offset);
        Assert.Equal("0x4d4743", Decode.Field(packet, frame, "juniper.magic-number"));
        Assert.Equal("0x01", Decode.Field(packet, frame, "juniper.direction"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "juniper.l2hdr"));
        Assert.Equal(Interface.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Decode.Field(packet, frame, "juniper.ext_total_len"));
        Assert.Equal("5", Decode.Field(packet, frame, "juniper.ext.ifd"));
        Assert.Equal("77", Decode.Field(packet, frame, "juniper.ext.ifl"));
        Assert.Equal("1", Decode.Field(packet, frame, "juniper.ext.ifmt"));
        Assert.Equal("14", Decode.Field(packet, frame, "juniper.ext.ifle"));
        Assert.Equal("258", Decode.Field(packet, frame, "juniper.ext.unit"));
        Assert.Equal("197121", Decode.Field(packet, frame, "juniper.ext.ttp_ifmt"));
        Assert.Equal("4294967295", Decode.Field(packet, frame, "juniper.ext.ttp_ifle"));
        Assert.Equal("204", Decode.Field(packet, frame, "juniper.payload_type"));
    }

    [Fact]
    public void NoMagicReadsEthernetFromTheFirstByte()
    {
        var frame = Concat("XYZ"u8.ToArray(), [1], EthernetFrame(EtherType.Ipv4, Udp4));
        var packet = Decode.Frame(frame, LinkType.JuniperEther);
        Assert.Equal([LayerKind.Frame, LayerKind.Juniper, LayerKind.Ethernet, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(0, packet[2].Offset);
        Assert.Equal("0x58595a", Decode.Field(packet, frame, "juniper.magic-number"));
        Assert.Null(Decode.Field(packet, frame, "juniper.direction"));
        Assert.Equal("204", Decode.Field(packet, frame, "juniper.payload_type"));
    }

    [Fact]
    public void NoL2ReadsThePayloadTypesLowByte()
    {
        var frame = Frame(JuniperHeader.Flags.NoL2, Concat(Le32(2), Udp4));
        var packet = Decode.Frame(frame, LinkType.JuniperEther);
        Assert.Equal([LayerKind.Frame, LayerKind.Juniper, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(8, packet[1].HeaderLength);
        Assert.Equal("0x01", Decode.Field(packet, frame, "juniper.l2hdr"));
        Assert.Equal("2", Decode.Field(packet, frame, "juniper.payload_type"));
        // 0xa248: tshark keeps the low byte, 0x48, which names nothing.
        frame = Frame(JuniperHeader.Flags.NoL2, Concat(Le32(0xa248), Udp4));
        packet = Decode.Frame(frame, LinkType.JuniperEther);
        Assert.Equal("72", Decode.Field(packet, frame, "juniper.payload_type"));
        Assert.Equal([LayerKind.Frame, LayerKind.Juniper, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal([LayerKind.Frame, LayerKind.Juniper, LayerKind.Ipv6, LayerKind.Tcp],
            Decode.Kinds(Decode.Frame(Frame(JuniperHeader.Flags.NoL2, Concat(Le32(7), Tcp6)), LinkType.JuniperEther)));
        Assert.Equal([LayerKind.Frame, LayerKind.Juniper, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(Decode.Frame(Frame(JuniperHeader.Flags.NoL2, Concat(Le32(204), EthernetFrame(EtherType.Ipv4, Udp4))), LinkType.JuniperEther)));
    }

    [Fact]
    public void HostileExtensionLengthsAsTsharkReadsThem()
    {
        var ethernet = EthernetFrame(EtherType.Ipv4, Udp4);
        // A zero length, or one past the total, ends the walk quietly; the header still ends where the total says.
        foreach (var extensions in new[] { Concat(Tlv(1, Le32(5), length: 0), Tlv(4, Le32(6))), Tlv(1, Le32(5), length: 9) })
        {
            var frame = Frame(0, ethernet, extensions);
            var packet = Decode.Frame(frame, LinkType.JuniperEther);
            Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
            Assert.Null(Decode.Field(packet, frame, "juniper.ext.ifd"));
            Assert.Null(Decode.Field(packet, frame, "juniper.ext.ifl"));
            Assert.Equal(6 + extensions.Length, packet[2].Offset);
            Assert.Equal("204", Decode.Field(packet, frame, "juniper.payload_type"));
        }
        // A total past the packet: malformed, before any Ethernet.
        var past = Frame(0, ethernet, Tlv(4, Le32(6)), total: 200);
        var malformed = Decode.Frame(past, LinkType.JuniperEther);
        Assert.Equal(DecodeOutcome.Malformed, malformed.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Juniper], Decode.Kinds(malformed));
        Assert.Equal("6", Decode.Field(malformed, past, "juniper.ext.ifl"));
        // tshark's 16-bit header length wraps: 6 + 0xfffa is 0 (the walk ends at the zero length after the first TLV).
        var wrapped = Frame(0, ethernet, Concat(Tlv(4, Le32(6)), [9, 0]), total: 0xfffa);
        var packetWrapped = Decode.Frame(wrapped, LinkType.JuniperEther);
        Assert.Equal(0, packetWrapped[2].Offset);
        Assert.Equal(LayerKind.Ethernet, packetWrapped[2].Kind);
        Assert.Equal("204", Decode.Field(packetWrapped, wrapped, "juniper.payload_type"));
        // Many tiny TLVs: a bounded walk.
        var many = Concat(Enumerable.Repeat(Tlv(9, [1]), PacketDecoder.MaxJuniperExtensions + 10).ToArray());
        var bounded = Frame(0, ethernet, many);
        var packetBounded = Decode.Frame(bounded, LinkType.JuniperEther);
        Assert.Equal(DecodeOutcome.Unsupported, packetBounded.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Juniper, LayerKind.Payload], Decode.Kinds(packetBounded));
        Assert.Null(Decode.Field(packetBounded, bounded, "juniper.payload_type"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        var ethernet = EthernetFrame(EtherType.Ipv4, Udp4);
        Decode.EveryPrefix(Frame(JuniperHeader.Flags.In, ethernet, Interface), LinkType.JuniperEther);
        Decode.EveryPrefix(Frame(JuniperHeader.Flags.In, ethernet), LinkType.JuniperEther);
        Decode.EveryPrefix(Frame(JuniperHeader.Flags.NoL2, Concat(Le32(6), Tcp6)), LinkType.JuniperEther);
        var whole = Frame(JuniperHeader.Flags.In, ethernet, Concat(Tlv(1, Le32(5)), Tlv(5, [2, 0])));
        for (int cut = 0; cut < 16; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.JuniperEther, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: nothing before the flags; a TLV's field once its bytes are there; the payload type after the walk.
            Assert.Equal(cut >= 4 ? "0x4d4743" : null, Decode.Field(packet, frame, "juniper.magic-number"));
            Assert.Equal(cut >= 6 ? "10" : null, Decode.Field(packet, frame, "juniper.ext_total_len"));
            Assert.Equal(cut >= 12 ? "5" : null, Decode.Field(packet, frame, "juniper.ext.ifd"));
            Assert.Equal(cut >= 16 ? "2" : null, Decode.Field(packet, frame, "juniper.ext.unit"));
            Assert.Null(Decode.Field(packet, frame, "juniper.payload_type"));
        }
        for (int end = 0; end < 4; end++)
            Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(whole[..end], LinkType.JuniperEther).Outcome);
    }

    [Theory]
    [InlineData(LinkType.JuniperPppoe, "", LayerKind.Ethernet, "204")]
    [InlineData(LinkType.JuniperPpp, "ff03 0021", LayerKind.Ppp, "200")]
    [InlineData(LinkType.JuniperFrameRelay, "1841 03cc", LayerKind.FrameRelay, "207")]
    [InlineData(LinkType.JuniperChdlc, "0f00 0800", LayerKind.CiscoHdlc, "208")]
    [InlineData(LinkType.JuniperVp, "0000 0000 0000 0000 0000 0000 0000 0000 0000", LayerKind.Ipv4, "2")]
    public void OtherLinkTypesCarryTheirLinkHeader(LinkType linkType, string link, LayerKind first, string payloadType)
    {
        var payload = linkType == LinkType.JuniperPppoe ? EthernetFrame(EtherType.Ipv4, Udp4) : Concat(Hex(link), Udp4);
        var frame = Frame(JuniperHeader.Flags.In, payload, Interface);
        var packet = Decode.Frame(frame, linkType);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(LayerKind.Juniper, packet[1].Kind);
        Assert.Equal((byte)JuniperHeader.LinkOf(linkType), packet[1].Detail);
        Assert.Equal(first, packet[2].Kind);
        Assert.Contains(LayerKind.Udp, Decode.Kinds(packet));
        Assert.Equal(payloadType, Decode.Field(packet, frame, "juniper.payload_type"));
        Assert.Equal("77", Decode.Field(packet, frame, "juniper.ext.ifl"));
        // tshark skips PPP's address and control, and the Voice PIC's 18 bytes, in the Juniper layer.
        int skipped = JuniperHeader.SkipOf(JuniperHeader.LinkOf(linkType));
        Assert.Equal(6 + Interface.Length + skipped, packet[2].Offset);
        Assert.Equal(packet[2].Offset, packet[1].HeaderLength);
        Decode.EveryPrefix(frame, linkType);
        // With the no-L2 flag every Juniper link type reads the payload type.
        var bare = Frame(JuniperHeader.Flags.NoL2, Concat(Le32(6), Tcp6));
        Assert.Equal([LayerKind.Frame, LayerKind.Juniper, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(Decode.Frame(bare, linkType)));
    }

    [Fact]
    public void NoMagicReadsTheLinkPastWhatTsharkSkips()
    {
        var frame = Concat("XYZ"u8.ToArray(), [1], new byte[14], Udp4);
        var packet = Decode.Frame(frame, LinkType.JuniperVp);
        Assert.Equal(LayerKind.Ipv4, packet[2].Kind);
        Assert.Equal(18, packet[2].Offset);
        Assert.Equal("2", Decode.Field(packet, frame, "juniper.payload_type"));
        var ppp = Decode.Frame(Concat("XY"u8.ToArray(), [0x00, 0x21], Udp4), LinkType.JuniperPpp);
        Assert.Equal(LayerKind.Ppp, ppp[2].Kind);
        Assert.Equal(2, ppp[2].Offset);
        Assert.Contains(LayerKind.Udp, Decode.Kinds(ppp));
    }

    [Theory]
    // ATM1: a 4-byte cookie; SNAP, IP by its first byte (VC-MUX, encap 2), Cisco's NLPID (encap 1), nothing found (65535).
    [InlineData(LinkType.JuniperAtm1, 1, "0000 0000 aaaa 0300 0000 0800", LayerKind.Llc, "203", "juniper.atm1.cookie", "0x00000000", null)]
    [InlineData(LinkType.JuniperAtm1, 1, "0000 0000", LayerKind.Ipv4, "2", "juniper.encap_type", "2", null)]
    [InlineData(LinkType.JuniperAtm1, 1, "0000 0000 03cc", LayerKind.Ipv4, "201", "juniper.encap_type", "1", null)]
    [InlineData(LinkType.JuniperAtm1, 1, "0000 0000 0021", LayerKind.Payload, "65535", "juniper.atm1.cookie", "0x00000000", null)]
    [InlineData(LinkType.JuniperAtm1, 1, "8000 0000", LayerKind.Payload, "205", "juniper.atm1.cookie", "0x80000000", null)]
    // ATM2: an 8-byte cookie; PPP VC-MUX (encap 0), Ethernet sent with a gap count, OAM by the cell type bits.
    [InlineData(LinkType.JuniperAtm2, 1, "0000 0000 0000 0000 0021", LayerKind.Ppp, "200", "juniper.encap_type", "0", null)]
    [InlineData(LinkType.JuniperAtm2, 0, "0000 0005 0000 0000 0202 0202 0202 0101 0101 0101 0800", LayerKind.Ethernet, "204",
        "juniper.atm2.cookie", "0x0000000500000000", null)]
    [InlineData(LinkType.JuniperAtm2, 1, "0000 0000 0000 0010", LayerKind.Payload, "205", "juniper.atm2.cookie", "0x0000000000000010", null)]
    // MLPPP: PPP's address and control, an ML PIC's cookie, an LS PIC's, an AS PIC's naming IPv4 (sent).
    [InlineData(LinkType.JuniperMlppp, 1, "ff03 0021", LayerKind.Ppp, "200", "juniper.cookie_len", "0", null)]
    [InlineData(LinkType.JuniperMlppp, 1, "0005 0021", LayerKind.Ppp, "200", "juniper.mlpic.cookie", "0x0005", "2")]
    [InlineData(LinkType.JuniperMlppp, 1, "5405 0000", LayerKind.Ppp, "200", "juniper.lspic.cookie", "0x54050000", "4")]
    [InlineData(LinkType.JuniperMlppp, 0, "4700 0000 0000 0008", LayerKind.Ipv4, "2", "juniper.aspic.cookie", "0x4700000000000008", "8")]
    // MLFR: an AS PIC's IPv4, an ML PIC's cookie before Q.922's UI and the NLPID of IPv4 (OSI, then IP).
    [InlineData(LinkType.JuniperMlfr, 1, "4700 0000 0000 0008", LayerKind.Ipv4, "2", "juniper.aspic.cookie", "0x4700000000000008", "8")]
    [InlineData(LinkType.JuniperMlfr, 1, "0005 03cc", LayerKind.Ipv4, "201", "juniper.mlpic.cookie", "0x0005", "2")]
    // GGSN: a little-endian protocol and VLAN; the services PIC: 16 bytes inbound with its protocol, 12 outbound.
    [InlineData(LinkType.JuniperGgsn, 1, "0200 0500", LayerKind.Ipv4, "2", "juniper.vlan", "5", null)]
    [InlineData(LinkType.JuniperGgsn, 1, "9900 0000", LayerKind.Payload, "153", "juniper.proto", "153", null)]
    [InlineData(LinkType.JuniperServices, 1, "0000 0000 0000 0000 0000 0000 0000 0000", LayerKind.Ipv4, "2", "juniper.proto", "2", null)]
    [InlineData(LinkType.JuniperServices, 0, "0000 0000 0000 0000 0000 0000", LayerKind.Ipv4, "2", "juniper.proto", null, null)]
    public void PicLinkTypesReadTheirCookieAndGuessThePayload(LinkType linkType, byte flags, string cookie, LayerKind first, string payloadType,
        string field, string? value, string? cookieLength)
    {
        var frame = Frame(flags, Concat(Hex(cookie), Udp4), Interface);
        var packet = Decode.Frame(frame, linkType);
        Assert.Equal(LayerKind.Juniper, packet[1].Kind);
        Assert.Equal((byte)JuniperHeader.LinkOf(linkType), packet[1].Detail);
        Assert.Equal(first, packet.LayerCount > 2 ? packet[2].Kind : LayerKind.Frame);
        Assert.Equal(payloadType, Decode.Field(packet, frame, "juniper.payload_type"));
        Assert.Equal(value, Decode.Field(packet, frame, field));
        Assert.Equal(cookieLength, linkType is LinkType.JuniperMlppp or LinkType.JuniperMlfr && cookieLength is not null
            ? Decode.Field(packet, frame, "juniper.cookie_len") : null);
        Assert.Equal("77", Decode.Field(packet, frame, "juniper.ext.ifl"));
        // A cut changes the guess (tshark reads past where the payload starts), so every prefix is only read safely.
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int prefix = 0; prefix < frame.Length; prefix++)
        {
            var cut = Decode.Frame(frame[..prefix], linkType, originalLength: frame.Length);
            Assert.True(prefix >= packet[1].HeaderLength || cut.Outcome == DecodeOutcome.Truncated, $"prefix {prefix}: {cut.Outcome}");
            Decode.AllFields(cut, frame[..prefix], text);
        }
    }

    [Fact]
    public void PicCookieCutShortIsTruncatedOrMalformed()
    {
        // tshark reads ATM's 64-bit cookie before either is shown, and MLPPP's and MLFR's 8 bytes before any guess.
        foreach (var linkType in new[] { LinkType.JuniperAtm1, LinkType.JuniperAtm2, LinkType.JuniperMlppp, LinkType.JuniperMlfr })
        {
            var frame = Frame(JuniperHeader.Flags.In, [0, 0, 0, 0, 0, 0, 0]);
            Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(frame, linkType).Outcome);
            Assert.Null(Decode.Field(Decode.Frame(frame, linkType), frame, "juniper.payload_type"));
            Assert.Equal(DecodeOutcome.Truncated, Decode.Frame(frame, linkType, originalLength: frame.Length + 40).Outcome);
        }
        // Without the magic the no-L2 flag shortens ATM2's cookie to 4 bytes (inbound: no Ethernet guess).
        // (An IPv4 length of 128 keeps the cookie's OAM bits, 0x70 of its last byte, clear.)
        var bare = Concat("XYZ"u8.ToArray(), [JuniperHeader.Flags.NoL2 | JuniperHeader.Flags.In], Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, new byte[100])));
        var packet = Decode.Frame(bare, LinkType.JuniperAtm2);
        Assert.Equal(LayerKind.Ipv4, packet[2].Kind);
        Assert.Equal(4, packet[2].Offset);
        Assert.Equal("0x58595a0345000080", Decode.Field(packet, bare, "juniper.atm2.cookie"));
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(178);
        var bytes = new byte[96];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 3000; i++)
        {
            random.NextBytes(bytes);
            if (i % 4 != 0)
            {
                "MGC"u8.CopyTo(bytes);
                bytes[4] = 0;
                bytes[5] = (byte)random.Next(i % 3 == 0 ? 256 : 40);
                for (int at = 6; at + 2 <= bytes.Length && i % 2 == 0; at += 2 + bytes[at + 1])
                    bytes[at + 1] = (byte)(bytes[at + 1] % 6);
            }
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var linkType = (i % 12) switch
            {
                0 => LinkType.JuniperPppoe, 1 => LinkType.JuniperPpp, 2 => LinkType.JuniperFrameRelay, 3 => LinkType.JuniperChdlc,
                4 => LinkType.JuniperVp, 5 => LinkType.JuniperMlppp, 6 => LinkType.JuniperMlfr, 7 => LinkType.JuniperGgsn,
                8 => LinkType.JuniperAtm2, 9 => LinkType.JuniperServices, 10 => LinkType.JuniperAtm1, _ => LinkType.JuniperEther,
            };
            var packet = Decode.Frame(frame, linkType, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset >= 0 && layer.Offset + layer.HeaderLength <= frame.Length);
        }
    }
}
