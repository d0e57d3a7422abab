using RawNet.Protocols.Cdp;
using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Cdp;

public class CdpTests
{
    /// <summary>Device ID "sw1", Port ID "Gi0/1", capabilities switch and IGMP, an IPv4 address 192.168.1.1, native VLAN 10.</summary>
    private const string Tlvs = "0001 0007 737731" + "0003 0009 4769302f31" + "0004 0008 00000028"
        + "0002 0011 00000001 01 01 cc 0004 c0a80101" + "000a 0006 000a";

    /// <summary>A CDPv2 PDU (TTL 180) around <paramref name="tlvs"/>, its checksum computed as Cisco's devices do.</summary>
    public static byte[] Pdu(string tlvs = Tlvs, int? checksum = null)
    {
        var pdu = Hex("02b4 0000" + tlvs);
        CdpWalk.Verifies(pdu, out ushort expected);
        ushort value = (ushort)(checksum ?? expected);
        pdu[2] = (byte)(value >> 8);
        pdu[3] = (byte)value;
        return pdu;
    }

    /// <summary>An 802.3 frame to Cisco's multicast address with LLC/SNAP (OUI 00-00-0C, PID 0x2000) around <paramref name="pdu"/>.</summary>
    public static byte[] Frame(byte[] pdu)
    {
        var body = Concat(Hex("aaaa03 00000c 2000"), pdu);
        return Concat(Hex("01000ccccccc"), Mac(Mac2), U16((ushort)body.Length), body);
    }

    [Fact]
    public void AnAnnouncementShowsItsFields()
    {
        var frame = Frame(Pdu());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Cdp], Decode.Kinds(packet));
        Assert.Equal("2", Decode.Field(packet, frame, "cdp.version"));
        Assert.Equal("180", Decode.Field(packet, frame, "cdp.ttl"));
        Assert.Equal("1", Decode.Field(packet, frame, "cdp.checksum.status"));
        Assert.Equal("0x0001,0x0003,0x0004,0x0002,0x000a", Decode.Field(packet, frame, "cdp.tlv.type"));
        Assert.Equal("sw1", Decode.Field(packet, frame, "cdp.deviceid"));
        Assert.Equal("Gi0/1", Decode.Field(packet, frame, "cdp.portid"));
        Assert.Equal("0x00000028", Decode.Field(packet, frame, "cdp.capabilities"));
        Assert.Equal("1", Decode.Field(packet, frame, "cdp.capabilities.switch"));
        Assert.Equal("0", Decode.Field(packet, frame, "cdp.capabilities.router"));
        Assert.Equal("192.168.1.1", Decode.Field(packet, frame, "cdp.nrgyz.ip_address"));
        Assert.Equal("10", Decode.Field(packet, frame, "cdp.native_vlan"));
    }

    [Fact]
    public void TheChecksumIsCiscosOverTheWholePdu()
    {
        var pdu = Pdu();
        Assert.True(CdpWalk.Verifies(pdu, out _));
        var bad = Pdu(checksum: 0x1234);
        Assert.False(CdpWalk.Verifies(bad, out ushort expected));
        Assert.Equal(BitConverterBigEndian(pdu, 2), expected);
        // an odd length: the last byte's word is 0x00XX, or 0xFF(XX-1) with its top bit set (Cisco's rule, as tshark's)
        Assert.True(CdpWalk.Verifies(Pdu("0001 0005 41"), out _));
        Assert.True(CdpWalk.Verifies(Pdu("0001 0005 c1"), out _));
        var frame = Frame(bad);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(RawNet.Protocols.Checksums.ChecksumStatus.Bad, packet[3].Checksum);
        Assert.Equal("0", Decode.Field(packet, frame, "cdp.checksum.status"));
    }

    [Fact]
    public void ATlvLengthBelowFourEndsTheWalkAndTheRestIsData()
    {
        var frame = Frame(Pdu("0001 0007 737731" + "0006 0002" + "0003 0009 4769302f31"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Cdp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x0001,0x0006", Decode.Field(packet, frame, "cdp.tlv.type"));
        Assert.Null(Decode.Field(packet, frame, "cdp.portid"));
    }

    [Fact]
    public void ReadsPastThePduAreMalformedAndPastTheCaptureTruncated()
    {
        // a platform TLV declared longer than the PDU
        var pdu = Pdu("0001 0007 737731 0006 0040 636973636f");
        Assert.Equal(CdpWalkStatus.Malformed, CdpWalk.StatusOf(pdu, pdu.Length, out _, out _));
        // cut by the capture: the checksum needs every byte, so nothing after the TTL is read
        var whole = Pdu();
        Assert.Equal(CdpWalkStatus.Truncated, CdpWalk.StatusOf(whole[..20], whole.Length, out int stop, out _));
        Assert.Equal(0, stop);
        var frame = Frame(whole);
        var packet = Decode.Frame(frame[..40], LinkType.Ethernet, originalLength: frame.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal("180", Decode.Field(packet, frame[..40], "cdp.ttl"));
        Assert.Null(Decode.Field(packet, frame[..40], "cdp.checksum"));
        // an address count far above what the TLV holds: the records stop with the TLV
        pdu = Pdu("0002 0011 ffffffff 01 01 cc 0004 c0a80101" + "0003 0009 4769302f31");
        Assert.Equal(CdpWalkStatus.Complete, CdpWalk.StatusOf(pdu, pdu.Length, out _, out _));
        // an address TLV too short for its count: tshark's 16-bit length wraps and the data after it is past the PDU
        pdu = Pdu("0016 0006 0000" + "00000000");
        Assert.Equal(CdpWalkStatus.Malformed, CdpWalk.StatusOf(pdu, pdu.Length, out _, out _));
    }

    [Fact]
    public void AnUnknownTlvWithNoValueEndsTheWalk()
    {
        var frame = Frame(Pdu("0001 0007 737731" + "0099 0004" + "0003 0009 4769302f31"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("0x0001,0x0099", Decode.Field(packet, frame, "cdp.tlv.type"));
        Assert.Null(Decode.Field(packet, frame, "cdp.portid"));
    }

    [Fact]
    public void PrefixesAreShownAsTsharkStoresThem()
    {
        var frame = Frame(Pdu("0007 000e 0a010000 10 ac100000 0c"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        // tshark keeps the prefix in host order: its bytes come out reversed
        Assert.Equal("0.0.1.10,0.0.16.172", Decode.Field(packet, frame, "cdp.ip_prefix"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefixWithoutException(Frame(Pdu()), LinkType.Ethernet);
        Decode.FieldsAtEveryCut(Pdu(), Frame, ["cdp.tlv.type", "cdp.deviceid", "cdp.portid", "cdp.nrgyz.ip_address", "cdp.checksum.status"]);
    }

    [Fact]
    public void HostileLengthsNeverThrowNorLoop() =>
        Decode.RandomDamagesWithoutException(_ => Pdu(), Frame, LinkType.Ethernet, seed: 17);

    private static ushort BitConverterBigEndian(byte[] bytes, int at) => (ushort)(bytes[at] << 8 | bytes[at + 1]);
}
