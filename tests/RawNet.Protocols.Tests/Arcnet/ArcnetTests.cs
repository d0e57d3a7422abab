using RawNet.Protocols.Arcnet;
using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Arcnet;

public class ArcnetTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>A Linux ARCNET frame from station 0x01 to 0x02: the offset, the ID, RFC 1201's split flag and sequence when the ID has them.</summary>
    public static byte[] Frame(byte protocol, byte[] payload, byte split = 0, ushort sequence = 0x1234) =>
        ArcnetHeader.HasFragmentFields(protocol)
            ? Concat([0x01, 0x02, 0x00, 0x00, protocol, split], U16(sequence), payload)
            : Concat([0x01, 0x02, 0x00, 0x00, protocol], payload);

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(ArcnetHeader.Protocol.Ipv4, Udp4);
        Assert.True(ArcnetHeader.TryRead(frame, out var arcnet));
        Assert.Equal(0x01, arcnet.Source);
        Assert.Equal(0x02, arcnet.Destination);
        Assert.Equal(ArcnetHeader.Protocol.Ipv4, arcnet.ProtocolId);
        Assert.False(ArcnetHeader.TryRead(frame.AsSpan(0, 4), out _));
        Assert.Equal(8, ArcnetHeader.LengthFor(ArcnetHeader.Protocol.Ipv4));
        Assert.Equal(5, ArcnetHeader.LengthFor(ArcnetHeader.Protocol.Ipv4Rfc1051));
        Assert.Equal(5, ArcnetHeader.LengthFor(ArcnetHeader.Protocol.Diagnose));
        // BACnet's ID has no fragmentation fields for tshark, but tcpdump reads them.
        Assert.Equal(5, ArcnetHeader.LengthFor(ArcnetHeader.Protocol.Bacnet));
        Assert.Equal(8, ArcnetHeader.TcpdumpLengthFor(ArcnetHeader.Protocol.Bacnet));
    }

    [Fact]
    public void ParseRfc1201Ipv4()
    {
        var frame = Frame(ArcnetHeader.Protocol.Ipv4, Udp4, split: 3, sequence: 0xfffe);
        var packet = Decode.Frame(frame, LinkType.ArcnetLinux);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Arcnet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(8, packet[1].HeaderLength);
        Assert.Equal("0x01", Decode.Field(packet, frame, "arcnet.src"));
        Assert.Equal("0x02", Decode.Field(packet, frame, "arcnet.dst"));
        Assert.Equal("0000", Decode.Field(packet, frame, "arcnet.offset"));
        Assert.Equal("0xd4", Decode.Field(packet, frame, "arcnet.protID"));
        Assert.Equal("3", Decode.Field(packet, frame, "arcnet.split_flag"));
        Assert.Equal("65534", Decode.Field(packet, frame, "arcnet.sequence"));
    }

    [Fact]
    public void ParseRfc1051HasNoFragmentFields()
    {
        var frame = Frame(ArcnetHeader.Protocol.Ipv4Rfc1051, Udp4);
        var packet = Decode.Frame(frame, LinkType.ArcnetLinux);
        Assert.Equal([LayerKind.Frame, LayerKind.Arcnet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(5, packet[1].HeaderLength);
        Assert.Equal("0xf0", Decode.Field(packet, frame, "arcnet.protID"));
        Assert.Null(Decode.Field(packet, frame, "arcnet.split_flag"));
        Assert.Null(Decode.Field(packet, frame, "arcnet.sequence"));
    }

    [Theory]
    [InlineData(ArcnetHeader.Protocol.Arp)]
    [InlineData(ArcnetHeader.Protocol.ArpRfc1051)]
    [InlineData(ArcnetHeader.Protocol.ReverseArp)]
    public void ArpIdsCarryArp(byte protocol)
    {
        var packet = Decode.Frame(Frame(protocol, Arp.ArpTests.Request), LinkType.ArcnetLinux);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Arcnet, LayerKind.Arp], Decode.Kinds(packet));
    }

    [Fact]
    public void IpIdsReadTheVersionAsTsharksIpDissector()
    {
        Assert.Equal([LayerKind.Frame, LayerKind.Arcnet, LayerKind.Ipv6, LayerKind.Tcp],
            Decode.Kinds(Decode.Frame(Frame(ArcnetHeader.Protocol.Ipv6, Tcp6), LinkType.ArcnetLinux)));
        // IPv6 behind an IPv4 ID: tshark's "ip" dissector hands it to IPv6 by its version.
        Assert.Equal([LayerKind.Frame, LayerKind.Arcnet, LayerKind.Ipv6, LayerKind.Tcp],
            Decode.Kinds(Decode.Frame(Frame(ArcnetHeader.Protocol.Ipv4, Tcp6), LinkType.ArcnetLinux)));
    }

    [Fact]
    public void UnknownIdsAreData()
    {
        foreach (byte protocol in new byte[] { 0x99, ArcnetHeader.Protocol.Diagnose, 0xFA })
        {
            var frame = Frame(protocol, [1, 2, 3]);
            var packet = Decode.Frame(frame, LinkType.ArcnetLinux);
            Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
            Assert.Equal([LayerKind.Frame, LayerKind.Arcnet, LayerKind.Payload], Decode.Kinds(packet));
            Assert.Equal(3, packet[2].HeaderLength);
        }
        // The exception form's 0xff is only a split flag on Linux's link type.
        var exception = Frame(ArcnetHeader.Protocol.Ipv4, Concat([ArcnetHeader.Protocol.Ipv4, 0, 0, 1], Udp4), split: 0xff, sequence: 0);
        var bogus = Decode.Frame(exception, LinkType.ArcnetLinux);
        Assert.Equal("255", Decode.Field(bogus, exception, "arcnet.split_flag"));
        Assert.Equal(LayerKind.Ipv4, bogus[2].Kind);
        Assert.Equal(DecodeOutcome.Malformed, bogus.Outcome);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(Frame(ArcnetHeader.Protocol.Ipv4, Udp4), LinkType.ArcnetLinux);
        Decode.EveryPrefix(Frame(ArcnetHeader.Protocol.Ipv4Rfc1051, Udp4), LinkType.ArcnetLinux);
        Decode.EveryPrefix(Frame(ArcnetHeader.Protocol.Ipv6, Tcp6), LinkType.ArcnetLinux);
        var whole = Frame(ArcnetHeader.Protocol.Ipv4, Udp4);
        for (int cut = 0; cut < ArcnetHeader.Length; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.ArcnetLinux, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: both station IDs are read before either is added; then each field once its bytes are there.
            Assert.Equal(cut >= 2 ? "0x01" : null, Decode.Field(packet, frame, "arcnet.src"));
            Assert.Equal(cut >= 2 ? "0x02" : null, Decode.Field(packet, frame, "arcnet.dst"));
            Assert.Equal(cut >= 4 ? "0000" : null, Decode.Field(packet, frame, "arcnet.offset"));
            Assert.Equal(cut >= 5 ? "0xd4" : null, Decode.Field(packet, frame, "arcnet.protID"));
            Assert.Equal(cut >= 6 ? "0" : null, Decode.Field(packet, frame, "arcnet.split_flag"));
            Assert.Null(Decode.Field(packet, frame, "arcnet.sequence"));
        }
        for (int end = 0; end < ArcnetHeader.Length; end++)
            Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(whole[..end], LinkType.ArcnetLinux).Outcome);
    }

    /// <summary>Random bytes on both layouts, the protocol ID often one that is decoded and often followed by 0xff (BSD: an exception frame).</summary>
    [Theory]
    [InlineData(LinkType.ArcnetLinux, ArcnetHeader.Field.ProtocolId)]
    [InlineData(LinkType.ArcnetBsd, ArcnetHeader.BsdField.ProtocolId)]
    public void HostileBytesNeverThrow(LinkType linkType, int idAt)
    {
        var random = new Random((int)linkType);
        var bytes = new byte[64];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        byte[] ids = [0xD4, 0xF0, 0xC4, 0xD5, 0xF1, 0xD6, 0xCD, 0x80];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            if (i % 2 == 0)
                bytes[idAt] = ids[i / 2 % ids.Length];
            if (i % 3 == 0)
                bytes[idAt + 1] = ArcnetHeader.ExceptionFlag;
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, linkType, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset >= 0 && layer.Offset + layer.HeaderLength <= frame.Length);
        }
    }

    /// <summary>A BSD ARCNET frame from station 0x01 to 0x02: the ID, RFC 1201's split flag and sequence when the ID has them.</summary>
    public static byte[] BsdFrame(byte protocol, byte[] payload, byte split = 0, ushort sequence = 0x1234) =>
        ArcnetHeader.HasFragmentFields(protocol)
            ? Concat([0x01, 0x02, protocol, split], U16(sequence), payload)
            : Concat([0x01, 0x02, protocol], payload);

    /// <summary>A BSD ARCNET exception frame: 0xff, padding 0xffff, the ID again, the real split flag and sequence.</summary>
    public static byte[] BsdException(byte protocol, byte[] payload, byte split = 0, ushort sequence = 0x0042, byte again = 0) =>
        Concat([0x01, 0x02, protocol, 0xFF, 0xFF, 0xFF, again == 0 ? protocol : again, split], U16(sequence), payload);

    [Fact]
    public void BsdRfc1201Ipv4()
    {
        var frame = BsdFrame(ArcnetHeader.Protocol.Ipv4, Udp4, split: 3, sequence: 0xfffe);
        var packet = Decode.Frame(frame, LinkType.ArcnetBsd);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Arcnet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(6, packet[1].HeaderLength);
        Assert.Equal("0x01", Decode.Field(packet, frame, "arcnet.src"));
        Assert.Equal("0x02", Decode.Field(packet, frame, "arcnet.dst"));
        Assert.Null(Decode.Field(packet, frame, "arcnet.offset"));
        Assert.Equal("0xd4", Decode.Field(packet, frame, "arcnet.protID"));
        Assert.Equal("3", Decode.Field(packet, frame, "arcnet.split_flag"));
        Assert.Equal("65534", Decode.Field(packet, frame, "arcnet.sequence"));
        Assert.Null(Decode.Field(packet, frame, "arcnet.exception_flag"));
        Assert.Null(Decode.Field(packet, frame, "arcnet.padding"));
        // Linux's layout shows none of the BSD fields.
        var linux = Frame(ArcnetHeader.Protocol.Ipv4, Udp4);
        var linuxPacket = Decode.Frame(linux, LinkType.ArcnetLinux);
        Assert.Equal("0xd4", Decode.Field(linuxPacket, linux, "arcnet.protID"));
        Assert.Null(Decode.Field(linuxPacket, linux, "arcnet.padding"));
    }

    [Fact]
    public void BsdRfc1051AndDiagnoseHaveThreeBytes()
    {
        // An RFC 1051 ID reads no exception form: 0xff is IP's first byte.
        var frame = BsdFrame(ArcnetHeader.Protocol.Ipv4Rfc1051, Udp4);
        var packet = Decode.Frame(frame, LinkType.ArcnetBsd);
        Assert.Equal([LayerKind.Frame, LayerKind.Arcnet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(3, packet[1].HeaderLength);
        Assert.Null(Decode.Field(packet, frame, "arcnet.split_flag"));
        var diag = BsdFrame(ArcnetHeader.Protocol.Diagnose, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        var diagPacket = Decode.Frame(diag, LinkType.ArcnetBsd);
        Assert.Equal([LayerKind.Frame, LayerKind.Arcnet, LayerKind.Payload], Decode.Kinds(diagPacket));
        Assert.Equal(3, diagPacket[1].HeaderLength);
        Assert.Null(Decode.Field(diagPacket, diag, "arcnet.exception_flag"));
    }

    [Fact]
    public void BsdExceptionFrame()
    {
        var frame = BsdException(ArcnetHeader.Protocol.Ipv6, Tcp6, split: 1, sequence: 0x0043, again: 0x99);
        var packet = Decode.Frame(frame, LinkType.ArcnetBsd);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        // The first ID chooses what follows, as in tshark; the copy is only shown.
        Assert.Equal([LayerKind.Frame, LayerKind.Arcnet, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal(10, packet[1].HeaderLength);
        Assert.Equal("0xc4,0x99", Decode.Field(packet, frame, "arcnet.protID"));
        Assert.Equal("0xff", Decode.Field(packet, frame, "arcnet.exception_flag"));
        Assert.Equal("0xffff", Decode.Field(packet, frame, "arcnet.padding"));
        Assert.Equal("1", Decode.Field(packet, frame, "arcnet.split_flag"));
        Assert.Equal("67", Decode.Field(packet, frame, "arcnet.sequence"));
    }

    [Fact]
    public void BsdTruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(BsdFrame(ArcnetHeader.Protocol.Ipv4, Udp4), LinkType.ArcnetBsd);
        Decode.EveryPrefix(BsdFrame(ArcnetHeader.Protocol.Ipv4Rfc1051, Udp4), LinkType.ArcnetBsd);
        Decode.EveryPrefix(BsdException(ArcnetHeader.Protocol.Ipv4, Udp4), LinkType.ArcnetBsd);
        var whole = BsdException(ArcnetHeader.Protocol.Ipv4, Udp4);
        for (int cut = 0; cut < ArcnetHeader.BsdExceptionLength; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.ArcnetBsd, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: each field once its bytes are there; the exception flag as soon as the split flag's byte is.
            Assert.Equal(cut >= 2 ? "0x01" : null, Decode.Field(packet, frame, "arcnet.src"));
            Assert.Equal(cut >= 3 ? (cut >= 7 ? "0xd4,0xd4" : "0xd4") : null, Decode.Field(packet, frame, "arcnet.protID"));
            Assert.Equal(cut >= 4 ? "0xff" : null, Decode.Field(packet, frame, "arcnet.exception_flag"));
            Assert.Equal(cut >= 6 ? "0xffff" : null, Decode.Field(packet, frame, "arcnet.padding"));
            Assert.Equal(cut >= 8 ? "0" : null, Decode.Field(packet, frame, "arcnet.split_flag"));
            Assert.Null(Decode.Field(packet, frame, "arcnet.sequence"));
        }
        for (int end = 0; end < ArcnetHeader.BsdExceptionLength; end++)
            Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(whole[..end], LinkType.ArcnetBsd).Outcome);
    }
}
