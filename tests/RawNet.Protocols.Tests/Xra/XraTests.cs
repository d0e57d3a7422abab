using RawNet.Protocols.Decoding;
using RawNet.Protocols.Xra;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Xra;

public class XraTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    /// <summary>An XRA header: version 1, the packet type byte, the TLVs' length (unless given), the TLVs, then the payload.</summary>
    public static byte[] Frame(byte packetType, byte[] tlvs, byte[] payload, int? tlvLength = null) =>
        Concat([1, packetType], U16(tlvLength ?? tlvs.Length), tlvs, payload);

    private static readonly byte[] Docsis = RawNet.Protocols.Tests.Docsis.DocsisTests.Frame(0, EthernetFrame(EtherType.Ipv4, Udp4));

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(80, [10, 1, 3, 18, 1, 0], Docsis);
        var walk = XraWalk.Run(frame, frame.Length);
        Assert.Equal(XraWalk.FixedLength, walk.FixedRead);
        Assert.Equal(80, walk.PacketType);
        Assert.Equal(6, walk.TlvLength);
        Assert.Equal(10, walk.HeaderLength);
        Assert.True(walk.TlvsRead);
        Assert.False(walk.SegmentHeaderPresent);
        Assert.True(XraWalk.CarriesDocsis(walk.PacketType));
        Assert.False(XraWalk.CarriesDocsis(65));
    }

    [Fact]
    public void DocsisTypesCarryDocsis()
    {
        var frame = Frame(1, [1, 1, 5, 2, 4, 0x23, 0xE1, 0xCA, 0x80], Docsis);
        var packet = Decode.Frame(frame, LinkType.DocsisXra31);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Xra, LayerKind.Docsis, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload],
            Decode.Kinds(packet));
        Assert.Equal("xra:docsis:eth:ethertype:ip:udp:data", Decode.Protocols(packet, frame));
        Assert.Equal("0", Decode.Field(packet, frame, "xra.direction"));
        Assert.Equal("1", Decode.Field(packet, frame, "xra.packettype"));
        Assert.Equal("5", Decode.Field(packet, frame, "xra.tlv.ds_channel_id"));
        Assert.Equal("602000000", Decode.Field(packet, frame, "xra.tlv.ds_channel_frequency"));
        Assert.Equal("010105020423e1ca80", Decode.Field(packet, frame, "xra.tlv"));
        Assert.Equal(13, packet[2].Offset);
        Assert.Equal("1", Decode.Field(packet, frame, "docsis.hcs.status"));
    }

    [Fact]
    public void OtherTypesStopAtTheHeader()
    {
        var burst = Frame(65, [18, 1, 0], Docsis);
        var packet = Decode.Frame(burst, LinkType.DocsisXra31);
        Assert.Equal([LayerKind.Frame, LayerKind.Xra], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, burst, "xra.direction"));
        var unknown = Frame(99, [200, 2, 1, 2], [1, 2, 3]);
        packet = Decode.Frame(unknown, LinkType.DocsisXra31);
        // an unknown TLV's value, then the unknown packet type's byte
        Assert.Equal("0102,63", Decode.Field(packet, unknown, "xra.unknown"));
        Assert.Equal(DecodeOutcome.Unsupported, Decode.Frame(Frame(10, [], [1, 2, 3, 4]), LinkType.DocsisXra31).Outcome);
    }

    [Fact]
    public void TlvsPastTheirBytesEndTheFrame()
    {
        var pastFrame = Frame(1, [1, 1, 5], Docsis, tlvLength: 200);
        var packet = Decode.Frame(pastFrame, LinkType.DocsisXra31);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(XraLayerDetail.Contained, packet[1].Detail);
        Assert.Null(Decode.Field(packet, pastFrame, "xra.tlv"));
        var pastTlvs = Frame(1, [1, 5, 0], Docsis);
        packet = Decode.Frame(pastTlvs, LinkType.DocsisXra31);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Null(Decode.Field(packet, pastTlvs, "xra.tlv.ds_channel_id"));
    }

    [Fact]
    public void ShortAndCutFrames()
    {
        // A frame that ends with the header is whole to tshark (no DOCSIS): Decode.EveryPrefix would expect Malformed.
        var sample = Frame(1, [1, 1, 5], Docsis);
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int prefix = 0; prefix < sample.Length; prefix++)
        {
            var bytes = sample[..prefix];
            var cut = Decode.Frame(bytes, LinkType.DocsisXra31, originalLength: sample.Length);
            if (prefix < 13 + 6)
                Assert.True(cut.Outcome == DecodeOutcome.Truncated, $"prefix {prefix}: {cut.Outcome}");
            Decode.AllFields(cut, bytes, text);
            Decode.AllFields(Decode.Frame(bytes, LinkType.DocsisXra31), bytes, text);
        }
        Assert.Equal(DecodeOutcome.Ok, Decode.Frame(sample[..7], LinkType.DocsisXra31).Outcome);
        byte[] three = [1, 1, 0];
        var packet = Decode.Frame(three, LinkType.DocsisXra31);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("1", Decode.Field(packet, three, "xra.packettype"));
        Assert.Null(Decode.Field(packet, three, "xra.tlvlength"));
    }

    [Fact]
    public void HostileHeadersEndInBoundedTime()
    {
        var random = new Random(273);
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            var frame = new byte[random.Next(0, 300)];
            random.NextBytes(frame);
            if (frame.Length > 3)
                frame[2] = 0;
            var packet = Decode.Frame(frame, LinkType.DocsisXra31, originalLength: frame.Length + random.Next(0, 3));
            Decode.AllFields(packet, frame, text);
        }
    }
}
