using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Igmp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Igmp;

public class IgmpTests
{
    /// <summary>An IGMP message with its checksum filled (over the first 8 bytes for v1 and v2 as tshark checks them, else the whole).</summary>
    public static byte[] Signed(byte[] message, bool bad = false)
    {
        message = (byte[])message.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), 0);
        ushort sum = InternetChecksum.Compute(message);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), (ushort)(bad ? sum + 1 : sum));
        return message;
    }

    public static byte[] V2Report(string group = "239.1.1.1", bool bad = false) => Signed(Concat(Hex("16000000"), Ip(group)), bad);

    /// <summary>A v3 query for 232.1.1.1 with a max response code of 0x8a, S, QRV 2, QQIC 125 and two sources.</summary>
    public static byte[] V3Query() => Signed(Concat(Hex("118a0000"), Ip("232.1.1.1"), Hex("0a7d0002"), Ip("10.0.0.1"), Ip("10.0.0.2")));

    /// <summary>A v3 report: change to exclude 239.1.1.1 with no source, then allow 232.5.5.5 from one source with one word of aux data.</summary>
    public static byte[] V3Report() => Signed(Concat(Hex("22000000 00000002"), Hex("04000000"), Ip("239.1.1.1"),
        Hex("05010001"), Ip("232.5.5.5"), Ip("10.0.0.5"), Hex("41555844")));

    public static byte[] Frame(byte[] igmp, string destination = "224.0.0.22") =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Igmp, igmp, destination: destination, ttl: 1));

    [Fact]
    public void V2ReportShowsTshark4Fields()
    {
        var frame = Frame(V2Report());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Igmp], Decode.Kinds(packet));
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("eth:ethertype:ip:igmp:igmp", Decode.Protocols(packet, frame));
        Assert.Equal("2", Decode.Field(packet, frame, "igmp.version"));
        Assert.Equal("0x16", Decode.Field(packet, frame, "igmp.type"));
        Assert.Equal("0", Decode.Field(packet, frame, "igmp.max_resp"));
        Assert.Equal("1", Decode.Field(packet, frame, "igmp.checksum.status"));
        Assert.Equal("239.1.1.1", Decode.Field(packet, frame, "igmp.maddr"));
        Assert.Null(Decode.Field(packet, frame, "igmp.reserved"));
    }

    [Fact]
    public void BadChecksumIsBad()
    {
        var frame = Frame(V2Report(bad: true));
        Assert.Equal("0", Decode.Field(Decode.Frame(frame, LinkType.Ethernet), frame, "igmp.checksum.status"));
    }

    [Fact]
    public void V3QueryShowsTshark4Fields()
    {
        var frame = Frame(V3Query(), "232.1.1.1");
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("3", Decode.Field(packet, frame, "igmp.version"));
        Assert.Equal("208", Decode.Field(packet, frame, "igmp.max_resp"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "igmp.max_resp.exp"));
        Assert.Equal("0x0a", Decode.Field(packet, frame, "igmp.max_resp.mant"));
        Assert.Equal("1", Decode.Field(packet, frame, "igmp.s"));
        Assert.Equal("2", Decode.Field(packet, frame, "igmp.qrv"));
        Assert.Equal("125", Decode.Field(packet, frame, "igmp.qqic"));
        Assert.Equal("2", Decode.Field(packet, frame, "igmp.num_src"));
        Assert.Equal("10.0.0.1,10.0.0.2", Decode.Field(packet, frame, "igmp.saddr"));
        Assert.Equal("1", Decode.Field(packet, frame, "igmp.checksum.status"));
    }

    [Fact]
    public void V3ReportRepeatsRecordFields()
    {
        var frame = Frame(V3Report());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("00,0000", Decode.Field(packet, frame, "igmp.reserved"));
        Assert.Equal("2", Decode.Field(packet, frame, "igmp.num_grp_recs"));
        Assert.Equal("4,5", Decode.Field(packet, frame, "igmp.record_type"));
        Assert.Equal("0,1", Decode.Field(packet, frame, "igmp.aux_data_len"));
        Assert.Equal("0,1", Decode.Field(packet, frame, "igmp.num_src"));
        Assert.Equal("239.1.1.1,232.5.5.5", Decode.Field(packet, frame, "igmp.maddr"));
        Assert.Equal("10.0.0.5", Decode.Field(packet, frame, "igmp.saddr"));
        Assert.Equal("41555844", Decode.Field(packet, frame, "igmp.aux_data"));
    }

    [Fact]
    public void UnclaimedTypeIsIgmpOnceWithItsData()
    {
        var frame = Frame(Signed(Hex("33070000 ef010101")));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("eth:ethertype:ip:igmp", Decode.Protocols(packet, frame));
        Assert.Null(Decode.Field(packet, frame, "igmp.version"));
        Assert.Equal("0x33", Decode.Field(packet, frame, "igmp.type"));
        Assert.Equal("07" + Convert.ToHexStringLower(frame.AsSpan(frame.Length - 6, 2)) + "ef010101", Decode.Field(packet, frame, "igmp.data"));
    }

    [Fact]
    public void TypesOtherDissectorsClaimAreData()
    {
        // DVMRP (0x13) and IGMPv0 (0x01) are tshark's other dissectors': IGMP's dispatcher, then the bytes as data.
        foreach (var type in new byte[] { 0x13, 0x01 })
        {
            var frame = Frame(Signed(Concat([type], Hex("000000 00000000"))));
            var packet = Decode.Frame(frame, LinkType.Ethernet);
            Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Igmp, LayerKind.Payload], Decode.Kinds(packet));
            Assert.Equal("eth:ethertype:ip:igmp:data", Decode.Protocols(packet, frame));
            Assert.Null(Decode.Field(packet, frame, "igmp.type"));
        }
    }

    [Fact]
    public void RgmpIsRgmpToItsGroupOnly()
    {
        var hello = Signed(Hex("ff000000 00000000"));
        var frame = Frame(hello, "224.0.0.25");
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Rgmp], Decode.Kinds(packet));
        Assert.Equal("eth:ethertype:ip:igmp:rgmp", Decode.Protocols(packet, frame));
        Assert.Equal("0xff", Decode.Field(packet, frame, "rgmp.type"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "rgmp.reserved"));
        Assert.Equal("1", Decode.Field(packet, frame, "rgmp.checksum.status"));
        Assert.Equal("0.0.0.0", Decode.Field(packet, frame, "rgmp.maddr"));
        // To another address tshark's RGMP refuses it: an unknown IGMP type.
        frame = Frame(hello, "224.0.0.2");
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("eth:ethertype:ip:igmp", Decode.Protocols(packet, frame));
        Assert.Equal("0xff", Decode.Field(packet, frame, "igmp.type"));
    }

    [Fact]
    public void CutsAreTruncatedOrMalformed()
    {
        var frame = Frame(V2Report());
        // Cut by the capture inside the group address: truncated, the fields before it kept.
        var cut = frame[..^2];
        var packet = Decode.Frame(cut, LinkType.Ethernet, originalLength: frame.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal(LayerStatus.Truncated, packet[3].Status);
        Assert.Equal("2", Decode.Field(packet, cut, "igmp.checksum.status"));
        Assert.Null(Decode.Field(packet, cut, "igmp.maddr"));
        // A v3 report whose record count runs past the datagram: malformed.
        var report = V3Report();
        report[7] = 5;
        var longCount = Frame(Signed(report));
        packet = Decode.Frame(longCount, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[3].Status);
        Assert.Equal("4,5", Decode.Field(packet, longCount, "igmp.record_type"));
    }

    [Fact]
    public void WalkFollowsTsharkReads()
    {
        var walk = new IgmpWalk(V3Query(), 20);
        Assert.Equal(IgmpForm.V3Query, walk.Form);
        var values = new List<IgmpValue>();
        while (walk.Next(out var item))
            values.Add(item.Value);
        Assert.False(walk.Failed);
        Assert.Equal([IgmpValue.Version, IgmpValue.Type, IgmpValue.MaxResponse, IgmpValue.MaxResponseExponent, IgmpValue.MaxResponseMantissa,
            IgmpValue.Checksum, IgmpValue.ChecksumStatus, IgmpValue.GroupAddress, IgmpValue.Suppress, IgmpValue.RobustnessValue,
            IgmpValue.QueryIntervalCode, IgmpValue.SourceCount, IgmpValue.SourceAddress, IgmpValue.SourceAddress], values);
        // A v3 query reads its number of sources first: cut before it, only the version and type show.
        walk = new IgmpWalk(V3Query().AsSpan(0, 11), 20);
        int count = 0;
        while (walk.Next(out _))
            count++;
        Assert.Equal(2, count);
        Assert.True(walk.Failed);
        Assert.Equal(12, walk.FailedEnd);
        Assert.Equal(IgmpForm.V1, IgmpMessage.FormOf(Hex("11000000 00000000"), 8));
        Assert.Equal(IgmpForm.V2, IgmpMessage.FormOf(Hex("11640000 00000000 00"), 9));
        Assert.Equal(IgmpForm.QueryUnread, IgmpMessage.FormOf(Hex("11"), 8));
        Assert.Equal(IgmpForm.Unread, IgmpMessage.FormOf([], 8));
        Assert.Equal(31744u, IgmpMessage.V3MaxResponse(0xff));
    }

    [Fact]
    public void HostileCountsEndAtTheCapturedBytes()
    {
        // 65535 records of 65535 sources each in 16 bytes: the walk ends at the first read past them.
        var hostile = Hex("22000000 0000ffff 01ffffff e0000001");
        var walk = new IgmpWalk(hostile, hostile.Length);
        int items = 0;
        while (walk.Next(out _))
            items++;
        Assert.True(walk.Failed);
        Assert.True(items < 16);
    }

    [Fact]
    public void EveryPrefixDecodes()
    {
        Decode.EveryPrefix(Frame(V2Report()), LinkType.Ethernet);
        Decode.EveryPrefix(Frame(V3Query(), "232.1.1.1"), LinkType.Ethernet);
        Decode.EveryPrefix(Frame(V3Report()), LinkType.Ethernet);
    }
}
