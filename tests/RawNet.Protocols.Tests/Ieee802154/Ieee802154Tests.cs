using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ieee802154;
using RawNet.Protocols.SixLowpan;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ieee802154;

public class Ieee802154Tests
{
    /// <summary>A 2006 data frame, ack request and PAN ID compression, short addresses 0x0001 (destination) and 0x0002 (source) in PAN 0xABCD.</summary>
    private static readonly byte[] ShortHeader = [0x61, 0x98, 0x05, 0xCD, 0xAB, 0x01, 0x00, 0x02, 0x00];

    /// <summary>The same with long addresses 02:12:34:56:78:ab:cd:ef and 11:22:33:44:55:66:77:88, least significant byte first.</summary>
    private static readonly byte[] LongHeader =
        [0x61, 0xDC, 0x05, 0xCD, 0xAB, 0xEF, 0xCD, 0xAB, 0x78, 0x56, 0x34, 0x12, 0x02, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11];

    /// <summary>An IPHC header eliding everything (TF 11, NH 1, HLIM 64, SAM and DAM 11), then NHC UDP with inline ports 40000 and 9 and checksum 0x1234, then "hello".</summary>
    private static readonly byte[] IphcUdp = [0x7E, 0x33, 0xF0, 0x9C, 0x40, 0x00, 0x09, 0x12, 0x34, .. "hello"u8];

    /// <summary><paramref name="mac"/> and <paramref name="payload"/> with the FCS (ITU-T CRC-16, least significant byte first).</summary>
    public static byte[] Frame(byte[] mac, byte[] payload, bool badFcs = false)
    {
        var body = Concat(mac, payload);
        var fcs = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(fcs, Crc16.ComputeKermit(body));
        if (badFcs)
            fcs[0] ^= 0x55;
        return Concat(body, fcs);
    }

    /// <summary>The frames Samples.cs decodes without allocating: uncompressed IPv6, IPHC with NHC UDP, long addresses and a mesh header.</summary>
    public static byte[][] SampleFrames() =>
    [
        Frame(ShortHeader, Concat([0x41], Ipv6Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3])))),
        Frame(ShortHeader, IphcUdp),
        Frame(LongHeader, IphcUdp),
        Frame(ShortHeader, Concat([0xB5, 0x00, 0x10, 0x00, 0x20], IphcUdp)),
    ];

    [Fact]
    public void CrcIsItuKermit()
    {
        Assert.Equal(0x2189, Crc16.ComputeKermit("123456789"u8));
        Assert.Equal(0, Crc16.ComputeKermit([]));
    }

    [Fact]
    public void DeconstructShortAndLongHeaders()
    {
        Assert.True(Ieee802154Header.TryRead(ShortHeader, out var s));
        Assert.Equal(Ieee802154Header.TypeData, s.FrameType);
        Assert.Equal(1, s.Version);
        Assert.Equal((3, 5, 7, -1, 9), (s.DestinationPanAt, s.DestinationAt, s.SourceAt, s.SourcePanAt, s.HeaderLength));
        Span<byte> iid = stackalloc byte[8];
        Assert.True(s.TryInterfaceId(true, iid));
        Assert.Equal(new byte[] { 0, 0, 0, 0xFF, 0xFE, 0, 0, 2 }, iid.ToArray());
        Assert.True(Ieee802154Header.TryRead(LongHeader, out var l));
        Assert.Equal((5, 13, 21), (l.DestinationAt, l.SourceAt, l.HeaderLength));
        Assert.True(l.TryInterfaceId(false, iid));
        Assert.Equal(new byte[] { 0x00, 0x12, 0x34, 0x56, 0x78, 0xAB, 0xCD, 0xEF }, iid.ToArray());
        Assert.False(Ieee802154Header.TryRead([0x61], out _));
    }

    [Fact]
    public void BothPanIdsWithoutCompression()
    {
        byte[] mac = [0x21, 0x88, 0x05, 0xCD, 0xAB, 0x01, 0x00, 0x34, 0x12, 0x02, 0x00];
        Assert.True(Ieee802154Header.TryRead(mac, out var h));
        Assert.Equal((3, 5, 7, 9, 11), (h.DestinationPanAt, h.DestinationAt, h.SourcePanAt, h.SourceAt, h.HeaderLength));
        var frame = Frame(mac, []);
        var packet = Decode.Frame(frame, LinkType.Ieee802154WithFcs);
        Assert.Equal("0x1234", Decode.Field(packet, frame, "wpan.src_pan"));
        Assert.Equal("0x0001,0x0002", Decode.Field(packet, frame, "wpan.addr16"));
    }

    [Fact]
    public void IphcRebuildsIpv6AndUdp()
    {
        var frame = Frame(ShortHeader, IphcUdp);
        var packet = Decode.Frame(frame, LinkType.Ieee802154WithFcs);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("1", Decode.Field(packet, frame, "wpan.fcs_ok"));
        Assert.Equal("0x03", Decode.Field(packet, frame, "6lowpan.pattern"));
        Assert.Equal("fe80::ff:fe00:2", Decode.Field(packet, frame, "6lowpan.src"));
        Assert.Equal("fe80::ff:fe00:1", Decode.Field(packet, frame, "ipv6.dst"));
        Assert.Equal("13", Decode.Field(packet, frame, "ipv6.plen"));
        Assert.Equal("64", Decode.Field(packet, frame, "ipv6.hlim"));
        Assert.Equal("13", Decode.Field(packet, frame, "udp.length"));
        Assert.Equal("0x1234", Decode.Field(packet, frame, "udp.checksum"));
        int ip = packet.IndexOf(LayerKind.Ipv6);
        Assert.Equal(LayerSource.Decompressed, packet[ip].Source);
        Assert.Equal(40 + 8 + 5, packet.Decompressed.Length);
    }

    [Fact]
    public void MeshAddressesMakeTheInterfaceIds()
    {
        var frame = Frame(LongHeader, Concat([0xB5, 0x00, 0x10, 0x00, 0x20], IphcUdp));
        var packet = Decode.Frame(frame, LinkType.Ieee802154WithFcs);
        Assert.Equal("0x02,0x03", Decode.Field(packet, frame, "6lowpan.pattern"));
        Assert.Equal("fe80::ff:fe00:10", Decode.Field(packet, frame, "ipv6.src"));
        Assert.Equal("fe80::ff:fe00:20", Decode.Field(packet, frame, "6lowpan.dst"));
    }

    [Fact]
    public void InlineFieldsAndMulticast()
    {
        // TF 00 (ECN 2, DSCP 56, flow 0x12345), inline next header 17, hop limit 7, SAM 00 (whole), M with DAM 11 (ff02::1)
        byte[] iphc = [0x60, 0x0B, 0xB8, 0x01, 0x23, 0x45, 17, 7, .. new byte[15], 0x01, 0x01];
        var udp = UdpDatagram(40000, 9, [1, 2, 3]);
        var frame = Frame(ShortHeader, Concat(iphc, udp));
        var packet = Decode.Frame(frame, LinkType.Ieee802154NoFcs);
        Assert.Equal("0xe2", Decode.Field(packet, frame, "6lowpan.class"));
        Assert.Equal("0x012345", Decode.Field(packet, frame, "6lowpan.flow"));
        Assert.Equal("7", Decode.Field(packet, frame, "ipv6.hlim"));
        Assert.Equal("::1", Decode.Field(packet, frame, "ipv6.src"));
        Assert.Equal("ff02::1", Decode.Field(packet, frame, "ipv6.dst"));
        Assert.Null(Decode.Field(packet, frame, "6lowpan.iphc.sctx.prefix"));
        Assert.Equal("fe80::", Decode.Field(packet, frame, "6lowpan.iphc.dctx.prefix"));
    }

    [Fact]
    public void BadFcsLeavesThePayloadAsData()
    {
        var frame = Frame(ShortHeader, IphcUdp, badFcs: true);
        var packet = Decode.Frame(frame, LinkType.Ieee802154WithFcs);
        Assert.Equal("0", Decode.Field(packet, frame, "wpan.fcs_ok"));
        Assert.False(packet.Has(LayerKind.SixLowpan));
        Assert.True(packet.Has(LayerKind.Payload));
    }

    [Fact]
    public void FragmentsShowTheirHeadersOnly()
    {
        var first = Frame(ShortHeader, Concat([0xC0, 0x78, 0x01, 0x01], IphcUdp));
        var packet = Decode.Frame(first, LinkType.Ieee802154WithFcs);
        Assert.Equal("120", Decode.Field(packet, first, "6lowpan.frag.size"));
        Assert.Equal("40000", Decode.Field(packet, first, "6lowpan.udp.src"));
        Assert.False(packet.Has(LayerKind.Ipv6));
        var later = Frame(ShortHeader, [0xE0, 0x78, 0x01, 0x01, 0x04, 1, 2, 3]);
        packet = Decode.Frame(later, LinkType.Ieee802154WithFcs);
        Assert.Equal("32", Decode.Field(packet, later, "6lowpan.frag.offset"));
        Assert.Equal("0x1c", Decode.Field(packet, later, "6lowpan.pattern"));
    }

    [Fact]
    public void ParseStopsShortAndOnStatefulCompression()
    {
        Assert.Equal(SixLowpanEnd.Short, SixLowpanLayout.Parse(IphcUdp.AsSpan(0, 5)).Reached);
        Assert.Equal(SixLowpanEnd.Unsupported, SixLowpanLayout.Parse([0x7E, 0x73, 0xF0]).Reached);
        Assert.Equal(SixLowpanEnd.Iphc, SixLowpanLayout.Parse(IphcUdp).Reached);
    }

    [Theory]
    [InlineData(LinkType.Ieee802154WithFcs)]
    [InlineData(LinkType.Ieee802154NoFcs)]
    public void EveryPrefixAndEveryByteDecodesWithoutThrowing(LinkType link)
    {
        foreach (var whole in SampleFrames())
        {
            for (int cut = 0; cut <= whole.Length; cut++)
            {
                var frame = whole[..cut];
                var packet = Decode.Frame(frame, link, originalLength: whole.Length);
                foreach (var name in new[] { "wpan.dst64", "6lowpan.src", "6lowpan.dst", "6lowpan.flow", "ipv6.src", "udp.srcport" })
                    Decode.Field(packet, frame, name);
                var shortened = Decode.Frame(frame, link);
                Decode.Field(shortened, frame, "6lowpan.dst");
            }
            for (int at = 0; at < whole.Length; at++)
            {
                foreach (byte value in new byte[] { 0x00, 0xFF, 0x7F, 0xC0, 0xE0, 0x80 })
                {
                    var frame = (byte[])whole.Clone();
                    frame[at] = value;
                    var packet = Decode.Frame(frame, link);
                    Decode.Field(packet, frame, "6lowpan.src");
                    Decode.Field(packet, frame, "wpan.src64");
                }
            }
        }
    }
}
