using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Macsec;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Macsec;

public class MacsecTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Icv = Enumerable.Range(0xA0, 16).Select(b => (byte)b).ToArray();
    private static readonly byte[] Sci = Hex("0200000000010001");

    /// <summary>A MACsec frame: TCI/AN, short length, packet number, the SCI when SC is set, the secure data, the ICV.</summary>
    private static byte[] Frame(byte tci, byte[] data, byte shortLength = 0, uint packetNumber = 1) =>
        EthernetFrame(EtherType.Macsec, Concat([tci, shortLength], U32(packetNumber), (tci & 0x20) != 0 ? Sci : [], data, Icv));

    [Fact]
    public void Deconstruct()
    {
        Assert.True(MacsecHeader.TryRead(Concat([0x6D, 0x05], U32(7), Sci), out var tag));
        Assert.True(tag.HasSci);
        Assert.Equal(14, tag.HeaderLength);
        Assert.True(tag.IsVersionZero);
        Assert.True(tag.IsConfidential);
        Assert.Equal(1, tag.AssociationNumber);
        Assert.Equal(5, tag.ShortLength);
        Assert.Equal(7u, tag.PacketNumber);
        Assert.Equal(0x0200000000010001UL, tag.Sci);
        Assert.False(MacsecHeader.TryRead(Concat([0x20, 0x00], U32(7)), out _));
        Assert.True(MacsecHeader.TryRead(Concat([0x80, 0x00], U32(7)), out var v1));
        Assert.False(v1.IsVersionZero);
        Assert.False(MacsecHeader.TryRead([], out _));
    }

    [Fact]
    public void UnmodifiedDataIsDecodedAndTheIcvIsWhatIpLeaves()
    {
        var frame = Frame(0x20, Concat(U16(0x0800), Udp4), packetNumber: 5);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Macsec, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(16, packet[2].HeaderLength);
        Assert.Equal("0x08", Decode.Field(packet, frame, "macsec.TCI"));
        Assert.Equal("1", Decode.Field(packet, frame, "macsec.TCI.SC"));
        Assert.Equal("5", Decode.Field(packet, frame, "macsec.PN"));
        Assert.Equal("02:00:00:00:00:01", Decode.Field(packet, frame, "macsec.SCI.system_identifier"));
        Assert.Equal("1", Decode.Field(packet, frame, "macsec.SCI.port_identifier"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "macsec.etype"));
        Assert.Equal("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf", Decode.Field(packet, frame, "macsec.ICV"));
    }

    [Fact]
    public void WithoutTheSciTheFieldsMove()
    {
        var frame = Frame(0x00, Concat(U16(0x0800), Udp4));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(8, packet[2].HeaderLength);
        Assert.Null(Decode.Field(packet, frame, "macsec.SCI.system_identifier"));
        Assert.Equal("0x0800", Decode.Field(packet, frame, "macsec.etype"));
        Assert.Equal("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf", Decode.Field(packet, frame, "macsec.ICV"));
    }

    [Fact]
    public void EncryptedDataStaysDataUpToTheIcv()
    {
        var frame = Frame(0x0C, Concat(U16(0x0800), Udp4));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Macsec, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(2 + Udp4.Length, packet[3].Extent);
        Assert.Null(Decode.Field(packet, frame, "macsec.etype"));
        Assert.Equal("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf", Decode.Field(packet, frame, "macsec.ICV"));
    }

    [Fact]
    public void AnUnknownEtherTypeTakesTheIcvIntoItsData()
    {
        var frame = Frame(0x00, Concat(U16(0x1234), Hex("616263")));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(LayerKind.Payload, packet[3].Kind);
        Assert.Equal(3 + 16, packet[3].Extent);
        Assert.Null(Decode.Field(packet, frame, "macsec.ICV"));
    }

    [Fact]
    public void VersionOneAndFramesTooShortForAnIcvAreNotMacsec()
    {
        foreach (var frame in new[] { Frame(0x80, Concat(U16(0x0800), Udp4)), EthernetFrame(EtherType.Macsec, Concat([0x00, 0x00], U32(1), Icv)) })
        {
            var packet = Decode.Frame(frame, LinkType.Ethernet);
            Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Payload], Decode.Kinds(packet));
        }
    }

    [Fact]
    public void ZerosEthernetTakesForPaddingAreNoIcv()
    {
        var ip = Ipv4Packet((IpProtocol)253, []);
        var frame = Concat(EthernetFrame(EtherType.Macsec, Concat([0x00, 0x00], U32(1), U16(0x0800), ip, new byte[16])), [0, 0]);
        Assert.Equal(60, frame.Length);
        Assert.Null(Decode.Field(Decode.Frame(frame, LinkType.Ethernet), frame, "macsec.ICV"));
        frame = Concat(EthernetFrame(EtherType.Macsec, Concat([0x00, 0x00], U32(1), U16(0x0800), ip, Icv)), [0, 0]);
        Assert.Equal("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf0000", Decode.Field(Decode.Frame(frame, LinkType.Ethernet), frame, "macsec.ICV"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        foreach (var frame in new[] { Frame(0x20, Concat(U16(0x0800), Udp4)), Frame(0x00, Concat(U16(0x0800), Udp4)), Frame(0x0C, Concat(U16(0x0800), Udp4)) })
        {
            int sectag = (frame[14] & 0x20) != 0 ? 14 : 6;
            for (int cut = 0; cut <= frame.Length; cut++)
            {
                var packet = Decode.Frame(frame[..cut], LinkType.Ethernet, originalLength: frame.Length);
                bool macsec = cut - 14 > sectag + 16;
                Assert.Equal(macsec, Decode.Kinds(packet).Contains(LayerKind.Macsec));
                Decode.AllFields(packet, frame.AsSpan(0, cut), text);
                // The same bytes when the frame really ended there.
                packet = Decode.Frame(frame[..cut], LinkType.Ethernet);
                Decode.AllFields(packet, frame.AsSpan(0, cut), text);
            }
        }
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(13);
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            var body = new byte[random.Next(0, 80)];
            random.NextBytes(body);
            var frame = EthernetFrame(EtherType.Macsec, body);
            var packet = Decode.Frame(frame, LinkType.Ethernet, originalLength: frame.Length + random.Next(0, 3) * 40);
            Decode.AllFields(packet, frame, text);
        }
    }
}
