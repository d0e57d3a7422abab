using RawNet.Protocols.Decoding;
using RawNet.Protocols.Garp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Garp;

public class GarpTests
{
    public const string GvrpAddress = "01:80:c2:00:00:21", GmrpAddress = "01:80:c2:00:00:20";

    /// <summary>GVRP: one VID message with Leave All and a Join In of VID 10 and a Leave Empty of VID 4094, both end marks.</summary>
    public static byte[] Gvrp() => Hex("0001 01 0200 0402000a 04030ffe 00 00");

    /// <summary>GMRP: a Group Membership message (Join Empty of 01:00:5e:00:00:01), a Service Requirement message (Join In of 1).</summary>
    public static byte[] Gmrp() => Hex("0001 01 0801 01005e000001 00 02 030201 00 00");

    /// <summary>An 802.3 frame to <paramref name="destination"/> with LLC on SAP 0x42 around <paramref name="pdu"/>, its length <paramref name="length"/> if told.</summary>
    public static byte[] Frame(byte[] pdu, string destination = GvrpAddress, int? length = null, string llc = "424203")
    {
        var body = Concat(Hex(llc), pdu);
        return Concat(Mac(destination), Mac(Mac2), U16((ushort)(length ?? body.Length)), body);
    }

    [Fact]
    public void GvrpShowsTshark4Fields()
    {
        var frame = Frame(Gvrp());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Gvrp], Decode.Kinds(packet));
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("0x0001", Decode.Field(packet, frame, "gvrp.protocol_id"));
        Assert.Equal("0x01", Decode.Field(packet, frame, "gvrp.attribute_type"));
        Assert.Equal("2,4,4", Decode.Field(packet, frame, "gvrp.attribute_length"));
        Assert.Equal("0,2,3", Decode.Field(packet, frame, "gvrp.attribute_event"));
        // Leave All carries no value.
        Assert.Equal("10,4094", Decode.Field(packet, frame, "gvrp.attribute_value"));
        Assert.Equal("1,1", Decode.Field(packet, frame, "gvrp.end_of_mark"));
        Assert.Null(Decode.Field(packet, frame, "gmrp.protocol_id"));
        // The provider bridges' GVRP address is GVRP's too.
        Assert.Equal(LayerKind.Gvrp, Decode.Frame(Frame(Gvrp(), "01:80:c2:00:00:0d"), LinkType.Ethernet)[3].Kind);
    }

    [Fact]
    public void GmrpShowsEachValueUnderItsType()
    {
        var frame = Frame(Gmrp(), GmrpAddress);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Gmrp], Decode.Kinds(packet));
        Assert.Equal("0x01,0x02", Decode.Field(packet, frame, "gmrp.attribute_type"));
        Assert.Equal("8,3", Decode.Field(packet, frame, "gmrp.attribute_length"));
        Assert.Equal("1,2", Decode.Field(packet, frame, "gmrp.attribute_event"));
        Assert.Equal("01:00:5e:00:00:01", Decode.Field(packet, frame, "gmrp.attribute_value_group_membership"));
        Assert.Equal("0x01", Decode.Field(packet, frame, "gmrp.attribute_value_service_requirement"));
        // Two messages' end marks and the PDU's, each a byte of 0.
        Assert.Equal("0x00,0x00,0x00", Decode.Field(packet, frame, "gmrp.end_of_mark"));
        // tshark accepts either length for either type: a Group Membership of length 3 still reads a MAC.
        var odd = Frame(Hex("0001 01 0301 0a0b0c0d0e0f 00 00"), GmrpAddress);
        var oddPacket = Decode.Frame(odd, LinkType.Ethernet);
        Assert.Equal("0a:0b:0c:0d:0e:0f", Decode.Field(oddPacket, odd, "gmrp.attribute_value_group_membership"));
    }

    [Theory]
    [InlineData("0002 01 0402000a 00 00", 2)] // another protocol ID: the rest
    [InlineData("0001 00 0000", 2)] // an end mark before any message: the rest from it
    [InlineData("0001 02 0402000a 00 00", 3)] // an unknown type: the rest after it
    [InlineData("0001 01 00 00", 3)] // an end mark before any attribute: the rest from it
    [InlineData("0001 01 0400 000a 00 00", 5)] // Leave All of length 4: the rest after its event
    [InlineData("0001 01 0302 000a 00 00", 5)] // a VID of length 3
    [InlineData("0001 01 0406 000a 00 00", 5)] // an unknown event
    public void WhatTsharkRefusesIsData(string pdu, int dataAt)
    {
        var frame = Frame(Hex(pdu));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Gvrp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(14 + 3 + dataAt, packet[4].Offset);
        Assert.Equal(dataAt, packet[3].HeaderLength);
        Assert.Equal(LayerStatus.Complete, packet[3].Status);
        Assert.Equal(GarpEnd.Data, GarpPdu.ReadAll(Hex(pdu), Hex(pdu).Length, gmrp: false, out int at));
        Assert.Equal(dataAt, at);
    }

    [Fact]
    public void OtherGarpApplicationsShowNothingAfterLlc()
    {
        var packet = Decode.Frame(Frame(Gvrp(), "01:80:c2:00:00:22"), LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc], Decode.Kinds(packet));
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal(0x22, packet[2].Detail);
        Assert.Equal(GarpApplication.Unknown, GarpPdu.ApplicationOf(Mac("01:80:c2:00:00:2f")));
        Assert.Equal(GarpApplication.None, GarpPdu.ApplicationOf(Mac("01:80:c2:00:00:30")));
        Assert.Equal(GarpApplication.None, GarpPdu.ApplicationOf(Mac("01:80:c2:00:00:00")));
        Assert.Equal(GarpApplication.None, GarpPdu.ApplicationOf(Mac("01:80:c2:00:00:21")[..5]));
    }

    [Fact]
    public void BehindSnapAndAVlanTagTheAddressStillDecides()
    {
        var snap = Decode.Frame(Frame(Gmrp(), GmrpAddress, llc: "aaaa03 0080c2 000e"), LinkType.Ethernet);
        Assert.Equal(LayerKind.Gmrp, snap[snap.LayerCount - 1].Kind);
        var plain = Frame(Gvrp());
        var tagged = Concat(plain[..12], Hex("8100 0005"), plain[12..]);
        var packet = Decode.Frame(tagged, LinkType.Ethernet);
        Assert.Equal(LayerKind.Gvrp, packet[packet.LayerCount - 1].Kind);
        Assert.Equal("10,4094", Decode.Field(packet, tagged, "gvrp.attribute_value"));
    }

    [Fact]
    public void TokenRingsDestinationDecidesAsEthernetsButFddisAndWlansDoNot()
    {
        // tshark's BPDU dissector reads pinfo->dl_dst, an Ethernet address behind 802.3 and Token Ring only.
        var tokenRing = Concat(Hex("1040"), Mac(GvrpAddress), Mac(Mac2), Hex("424203"), Gvrp());
        var packet = Decode.Frame(tokenRing, LinkType.TokenRing);
        Assert.Equal(LayerKind.Gvrp, packet[packet.LayerCount - 1].Kind);
        Assert.Equal("10,4094", Decode.Field(packet, tokenRing, "gvrp.attribute_value"));
        var fddi = Concat(Hex("50"), Mac(GvrpAddress), Mac(Mac2), Hex("424203"), Gvrp());
        Assert.DoesNotContain(LayerKind.Gvrp, Decode.Kinds(Decode.Frame(fddi, LinkType.Fddi)));
    }

    [Fact]
    public void CutsAreTruncatedInsideTheLengthAndMalformedPastIt()
    {
        // The capture cuts inside the VID: the fields before it stay, the layer is truncated.
        var frame = Frame(Gvrp());
        var cut = Decode.Frame(frame[..(14 + 3 + 8)], LinkType.Ethernet, frame.Length);
        Assert.Equal(LayerStatus.Truncated, cut[3].Status);
        Assert.Equal(DecodeOutcome.Truncated, cut.Outcome);
        Assert.Equal("0,2", Decode.Field(cut, frame, "gvrp.attribute_event"));
        Assert.Null(Decode.Field(cut, frame, "gvrp.attribute_value"));
        // The 802.3 length ends inside the VID: malformed, whatever the frame holds after it.
        var shortLength = Frame(Gvrp(), length: 3 + 8);
        var malformed = Decode.Frame(shortLength, LinkType.Ethernet);
        Assert.Equal(LayerStatus.Malformed, malformed[3].Status);
        Assert.Equal(DecodeOutcome.Malformed, malformed.Outcome);
        Assert.Equal("2,4", Decode.Field(malformed, shortLength, "gvrp.attribute_length"));
        Assert.Null(Decode.Field(malformed, shortLength, "gvrp.attribute_value"));
        // A PDU of one byte shows the protocol and no field.
        var one = Frame(Hex("00"));
        var onePacket = Decode.Frame(one, LinkType.Ethernet);
        Assert.Equal(LayerStatus.Malformed, onePacket[3].Status);
        Assert.Null(Decode.Field(onePacket, one, "gvrp.protocol_id"));
        // No end marks: the PDU's length ends the walk, complete.
        Assert.Equal(GarpEnd.Complete, GarpPdu.ReadAll(Hex("0001 01 0402000a"), 7, gmrp: false, out _));
        Assert.Equal(GarpEnd.Truncated, GarpPdu.ReadAll(Hex("0001 01 0402"), 7, gmrp: false, out int end));
        Assert.Equal(7, end);
        Assert.Equal(GarpEnd.Malformed, GarpPdu.ReadAll(Hex("0001 01 0402"), 5, gmrp: false, out end));
        Assert.Equal(7, end);
    }

    [Fact]
    public void TheWalkIsBoundedByThePdusLength()
    {
        // 300 attributes and no end marks: every step consumes a byte, the walk ends at the length.
        var attributes = Enumerable.Repeat(Hex("0402 0007"), 300).SelectMany(b => b).ToArray();
        var frame = Frame(Concat(Hex("0001 01"), attributes));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(LayerStatus.Complete, packet[3].Status);
        Assert.Equal(string.Join(',', Enumerable.Repeat("7", 300)), Decode.Field(packet, frame, "gvrp.attribute_value"));
    }

    [Fact]
    public void EveryPrefixDecodes()
    {
        Decode.EveryPrefix(Frame(Gvrp()), LinkType.Ethernet);
        Decode.EveryPrefix(Frame(Gmrp(), GmrpAddress), LinkType.Ethernet);
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(21);
        var text = new char[1 << 16];
        for (int i = 0; i < 3000; i++)
        {
            var pdu = new byte[random.Next(0, 120)];
            random.NextBytes(pdu);
            // Mostly what tshark walks far: protocol 1, known types and events, lengths it accepts.
            if (pdu.Length > 1 && random.Next(4) > 0)
                (pdu[0], pdu[1]) = (0, 1);
            for (int j = 2; j < pdu.Length; j++)
            {
                if (random.Next(3) == 0)
                    pdu[j] = (byte)random.Next(9);
            }
            var frame = Frame(pdu, random.Next(2) == 0 ? GvrpAddress : GmrpAddress, length: random.Next(8) == 0 ? random.Next(0, 140) : null);
            var packet = Decode.Frame(frame[..random.Next(14, frame.Length + 1)], LinkType.Ethernet, frame.Length);
            Decode.AllFields(packet, frame, text);
        }
    }
}
