using RawNet.Protocols.Decoding;
using RawNet.Protocols.Dtp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Dtp;

public class DtpTests
{
    /// <summary>Domain "corp", status access/desirable, type 802.1Q/802.1Q, neighbor 00:1b:54:94:5a:8b.</summary>
    private const string Tlvs = "0001 0009 636f727000" + "0002 0005 03" + "0003 0005 a5" + "0004 000a 001b54945a8b";

    /// <summary>A DTPv1 PDU around <paramref name="tlvs"/>.</summary>
    public static byte[] Pdu(string tlvs = Tlvs) => Hex("01" + tlvs);

    /// <summary>An 802.3 frame to Cisco's multicast address with LLC/SNAP (OUI 00-00-0C, PID 0x2004) around <paramref name="pdu"/>.</summary>
    public static byte[] Frame(byte[] pdu)
    {
        var body = Concat(Hex("aaaa03 00000c 2004"), pdu);
        return Concat(Hex("01000ccccccc"), Mac(Mac2), U16((ushort)body.Length), body);
    }

    [Fact]
    public void AnAnnouncementShowsItsFields()
    {
        var frame = Frame(Pdu());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Dtp], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, frame, "dtp.version"));
        Assert.Equal("0x0001,0x0002,0x0003,0x0004", Decode.Field(packet, frame, "dtp.tlv_type"));
        Assert.Equal("9,5,5,10", Decode.Field(packet, frame, "dtp.tlv_len"));
        Assert.Equal("corp", Decode.Field(packet, frame, "dtp.domain"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "dtp.tos"));
        Assert.Equal("0x03", Decode.Field(packet, frame, "dtp.tas"));
        Assert.Equal("0x05", Decode.Field(packet, frame, "dtp.tot"));
        Assert.Equal("0x05", Decode.Field(packet, frame, "dtp.tat"));
        Assert.Equal("00:1b:54:94:5a:8b", Decode.Field(packet, frame, "dtp.senderid"));
    }

    [Fact]
    public void TypesAreReadByTheirLowByte()
    {
        // tshark casts the type to 8 bits: 0x0102 is a status, 0x0104 a neighbor
        var frame = Frame(Pdu("0102 0005 81" + "0104 000a 001122334455"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("0x0102,0x0104", Decode.Field(packet, frame, "dtp.tlv_type"));
        Assert.Equal("0x01", Decode.Field(packet, frame, "dtp.tos"));
        Assert.Equal("00:11:22:33:44:55", Decode.Field(packet, frame, "dtp.senderid"));
    }

    [Fact]
    public void AnUnknownValueIsAnAddressOrMalformed()
    {
        var frame = Frame(Pdu("0005 000a aabbccddeeff" + "0099 000c 6162636465666768"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("aa:bb:cc:dd:ee:ff,61:62:63:64:65:66", Decode.Field(packet, frame, "dtp.data"));
        // fewer than 6 bytes: tshark's length check throws
        var pdu = Pdu("0099 0005 01" + "0002 0005 03");
        Assert.Equal(DtpWalkStatus.Malformed, DtpWalk.StatusOf(pdu, pdu.Length, out int stop));
        Assert.Equal(5, stop);
    }

    [Fact]
    public void BadLengthsEndTheWalkOrSkipTheValue()
    {
        // a length of 4 or less ends the walk; a status of 2 bytes is skipped; 1 to 3 bytes left end it
        var frame = Frame(Pdu("0002 0006 0300" + "0003 0004" + "0002 0005 81"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("0x0002,0x0003", Decode.Field(packet, frame, "dtp.tlv_type"));
        Assert.Null(Decode.Field(packet, frame, "dtp.tos"));
        var pdu = Pdu("0002 0005 03 0000");
        Assert.Equal(DtpWalkStatus.Complete, DtpWalk.StatusOf(pdu, pdu.Length, out _));
        // a domain of 34 bytes is more than tshark reads
        frame = Frame(Pdu("0001 0026 " + string.Concat(Enumerable.Repeat("61", 33)) + "00"));
        Assert.Null(Decode.Field(Decode.Frame(frame, LinkType.Ethernet), frame, "dtp.domain"));
    }

    [Fact]
    public void ReadsPastThePduAreMalformedAndPastTheCaptureTruncated()
    {
        var pdu = Pdu("0002 0005 03" + "0001 0028 636f727000");
        Assert.Equal(DtpWalkStatus.Malformed, DtpWalk.StatusOf(pdu, pdu.Length, out int stop));
        Assert.Equal(6, stop);
        var whole = Pdu();
        // the domain TLV's item needs all its 9 bytes
        Assert.Equal(DtpWalkStatus.Truncated, DtpWalk.StatusOf(whole[..8], whole.Length, out stop));
        Assert.Equal(1, stop);
        Assert.Equal(DtpWalkStatus.Malformed, DtpWalk.StatusOf([], 0, out _));
        var frame = Frame(whole);
        var packet = Decode.Frame(frame[..40], LinkType.Ethernet, originalLength: frame.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal("0x0001,0x0002", Decode.Field(packet, frame[..40], "dtp.tlv_type"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefixWithoutException(Frame(Pdu()), LinkType.Ethernet);
        Decode.FieldsAtEveryCut(Pdu(), Frame, ["dtp.tlv_type", "dtp.domain", "dtp.tas", "dtp.senderid"]);
    }

    [Fact]
    public void HostileLengthsNeverThrowNorLoop() =>
        Decode.RandomDamagesWithoutException(_ => Pdu(), Frame, LinkType.Ethernet, seed: 17);
}
