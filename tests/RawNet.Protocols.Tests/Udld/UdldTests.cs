using RawNet.Protocols.Decoding;
using RawNet.Protocols.Udld;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Udld;

public class UdldTests
{
    /// <summary>Device ID "FOC1234X0AB", port ID "Gi0/1", an empty echo list, intervals of 15 and 5 s, sequence number 42.</summary>
    private const string Tlvs = "0001 0010 464f43313233345830414200" + "0002 0009 4769302f31" + "0003 0008 00000000"
        + "0004 0005 0f" + "0005 0005 05" + "0007 0008 0000002a";

    /// <summary>A UDLDv1 probe with the recommended-timeout flag and checksum 0x6d85 around <paramref name="tlvs"/>.</summary>
    public static byte[] Pdu(string tlvs = Tlvs) => Hex("21 01 6d85" + tlvs);

    /// <summary>An 802.3 frame to Cisco's multicast address with LLC/SNAP (OUI 00-00-0C, PID 0x0111) around <paramref name="pdu"/>.</summary>
    public static byte[] Frame(byte[] pdu)
    {
        var body = Concat(Hex("aaaa03 00000c 0111"), pdu);
        return Concat(Hex("01000ccccccc"), Mac(Mac2), U16((ushort)body.Length), body);
    }

    [Fact]
    public void AProbeShowsItsFields()
    {
        var frame = Frame(Pdu());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Udld], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, frame, "udld.version"));
        Assert.Equal("1", Decode.Field(packet, frame, "udld.opcode"));
        Assert.Equal("1", Decode.Field(packet, frame, "udld.flags"));
        Assert.Equal("0x01", Decode.Field(packet, frame, "udld.flags.rt"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "udld.flags.rsy"));
        Assert.Equal("0x6d85", Decode.Field(packet, frame, "udld.checksum"));
        Assert.Equal("0x0001,0x0002,0x0003,0x0004,0x0005,0x0007", Decode.Field(packet, frame, "udld.tlv.type"));
        Assert.Equal("16,9,8,5,5,8", Decode.Field(packet, frame, "udld.tlv.len"));
        Assert.Equal("FOC1234X0AB", Decode.Field(packet, frame, "udld.device_id"));
        Assert.Equal("Gi0/1", Decode.Field(packet, frame, "udld.sent_through_interface"));
        Assert.Equal("00000000,0f,05,0000002a", Decode.Field(packet, frame, "udld.data"));
    }

    [Fact]
    public void APortIdFollowedByANonZeroByteIsThreeBytesLonger()
    {
        // tshark's guess for one capture: the port ID takes "\x01\x02\x00" of the next TLV, whose rest is then read as a TLV
        var pdu = Pdu("0002 0009 4661302f31" + "0102 0010 616263646566676869" + "6a6b6c");
        Assert.Equal(UdldWalkStatus.Malformed, UdldWalk.StatusOf(pdu, pdu.Length, out int stop, out _));
        Assert.Equal(16, stop);
        var frame = Frame(pdu);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("0x0002", Decode.Field(packet, frame, "udld.tlv.type"));
        Assert.Equal("Fa0/1\u0001\u0002", Decode.Field(packet, frame, "udld.sent_through_interface"));
    }

    [Fact]
    public void APortIdAtThePdusEndReadsPastIt()
    {
        var pdu = Pdu("0001 0007 646576" + "0002 0009 4661302f31");
        Assert.Equal(UdldWalkStatus.Malformed, UdldWalk.StatusOf(pdu, pdu.Length, out int stop, out _));
        Assert.Equal(pdu.Length, stop);
        // cut by the capture instead: truncated
        Assert.Equal(UdldWalkStatus.Truncated, UdldWalk.StatusOf(pdu, pdu.Length + 1, out _, out _));
    }

    [Fact]
    public void ALengthBelowFourEndsTheWalkAndTheRestIsData()
    {
        var frame = Frame(Pdu("0001 0007 646576" + "0009 0002" + "0002 0005 78"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Udld, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x0001,0x0009", Decode.Field(packet, frame, "udld.tlv.type"));
        Assert.Equal("7,2", Decode.Field(packet, frame, "udld.tlv.len"));
        // an unknown TLV of length 4 ends the walk too, and nothing is data
        frame = Frame(Pdu("0001 0007 646576" + "0009 0004" + "0002 0005 78"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Udld], Decode.Kinds(packet));
        Assert.Null(Decode.Field(packet, frame, "udld.sent_through_interface"));
    }

    [Fact]
    public void ReadsPastThePduAreMalformedAndPastTheCaptureTruncated()
    {
        var pdu = Pdu("0001 0028 646576");
        Assert.Equal(UdldWalkStatus.Malformed, UdldWalk.StatusOf(pdu, pdu.Length, out int stop, out _));
        Assert.Equal(8, stop);
        // 1 to 3 bytes after a TLV: its type or length read throws
        pdu = Pdu("0001 0007 646576 0001");
        Assert.Equal(UdldWalkStatus.Malformed, UdldWalk.StatusOf(pdu, pdu.Length, out stop, out _));
        Assert.Equal(11, stop);
        Assert.Equal(UdldWalkStatus.Malformed, UdldWalk.StatusOf([], 0, out _, out _));
        Assert.Equal(UdldWalkStatus.Malformed, UdldWalk.StatusOf(Hex("21 01 6d"), 3, out _, out _));
        var whole = Pdu();
        Assert.Equal(UdldWalkStatus.Truncated, UdldWalk.StatusOf(whole[..10], whole.Length, out _, out _));
        var frame = Frame(whole);
        var packet = Decode.Frame(frame[..50], LinkType.Ethernet, originalLength: frame.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal("0x0001", Decode.Field(packet, frame[..50], "udld.tlv.type"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefixWithoutException(Frame(Pdu()), LinkType.Ethernet);
        Decode.FieldsAtEveryCut(Pdu(), Frame, ["udld.tlv.type", "udld.device_id", "udld.sent_through_interface", "udld.data"]);
    }

    [Fact]
    public void HostileLengthsNeverThrowNorLoop() =>
        Decode.RandomDamagesWithoutException(_ => Pdu(), Frame, LinkType.Ethernet, seed: 17);
}
