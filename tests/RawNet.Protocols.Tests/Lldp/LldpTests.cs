using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Lldp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Lldp;

public class LldpTests
{
    /// <summary>Chassis MAC 00:1b:54:94:5a:8b, port "Gi1/0/24" (interface name), TTL 120.</summary>
    private const string Mandatory = "0207 04 001b54945a8b" + "0409 05 4769312f302f3234" + "0602 0078";

    /// <summary>A switch's LLDPDU: the mandatory TLVs, a system name, capabilities, an IPv4 management address, an 802.1 port VLAN ID, an 802.3 maximum frame size, End.</summary>
    public static byte[] Switch() => Hex(Mandatory + "0a08 636f72652d737731" + "0e04 0014 0004" + "100c 05 01 0a000001 02 000003e9 00"
        + "fe06 0080c2 01 000a" + "fe06 00120f 04 05f2" + "0000");

    /// <summary>The mandatory TLVs and End only.</summary>
    public static byte[] Minimal() => Hex(Mandatory + "0000");

    /// <summary>An Ethernet frame to the nearest-bridge address around <paramref name="pdu"/>.</summary>
    public static byte[] Frame(byte[] pdu) => EthernetFrame(EtherType.Lldp, pdu);

    [Fact]
    public void ASwitchsPduShowsItsFields()
    {
        var frame = Frame(Switch());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Lldp], Decode.Kinds(packet));
        Assert.Equal("00:1b:54:94:5a:8b", Decode.Field(packet, frame, "lldp.chassis.id.mac"));
        Assert.Equal("Gi1/0/24", Decode.Field(packet, frame, "lldp.port.id"));
        Assert.Equal("120", Decode.Field(packet, frame, "lldp.time_to_live"));
        Assert.Equal("core-sw1", Decode.Field(packet, frame, "lldp.tlv.system.name"));
        Assert.Equal("0x0014", Decode.Field(packet, frame, "lldp.tlv.system_cap"));
        Assert.Equal("1", Decode.Field(packet, frame, "lldp.tlv.system_cap.router"));
        Assert.Equal("10.0.0.1", Decode.Field(packet, frame, "lldp.mgn.addr.ip4"));
        Assert.Equal("1001", Decode.Field(packet, frame, "lldp.mgn.interface.number"));
        Assert.Equal("32962,4623", Decode.Field(packet, frame, "lldp.orgtlv.oui"));
        Assert.Equal("10", Decode.Field(packet, frame, "lldp.ieee.802_1.port_vlan.id"));
        Assert.Equal("1522", Decode.Field(packet, frame, "lldp.ieee.802_3.max_frame_size"));
        Assert.Null(Decode.Field(packet, frame, "lldp.chassis.id.ip4"));
    }

    [Fact]
    public void TheEndTlvEndsThePduAByteBeforeIt()
    {
        // tshark's set_actual_length(tvb, offset + -1): what follows is Ethernet's trailer
        var pdu = Minimal();
        var status = LldpWalk.StatusOf(pdu, pdu.Length, out _, out int claimed);
        Assert.Equal(LldpWalkStatus.Complete, status);
        Assert.Equal(pdu.Length - 3, claimed);
    }

    [Fact]
    public void BadOrRepeatedMandatoryTlvsEndTheWalkWithTshark_sText()
    {
        Assert.Equal(LldpInfoText.InvalidChassis, InfoText(Hex("0409 05 4769312f302f3234 0000")));
        Assert.Equal(LldpInfoText.InvalidChassis, InfoText(Hex("0205 04 001b5494 0409 05 4769312f302f3234 0000")));
        Assert.Equal(LldpInfoText.InvalidTtl, InfoText(Hex("0207 04 001b54945a8b 0409 05 4769312f302f3234 0a01 41 0000")));
        Assert.Equal(LldpInfoText.DuplicatePort, InfoText(Hex(Mandatory + "0403 07 7032 0000")));
        Assert.Null(InfoText(Minimal()));
    }

    [Fact]
    public void ReadsPastATlvOrTheFrameAreMalformedOrContained()
    {
        // a TTL of one byte: read past the TLV
        var pdu = Hex("0207 04 001b54945a8b 0409 05 4769312f302f3234 0601 05 0000");
        Assert.Equal(LldpWalkStatus.Malformed, LldpWalk.StatusOf(pdu, pdu.Length, out _, out _));
        // a system name declared longer than the frame: past the frame, inside the TLV
        pdu = Hex(Mandatory + "0a28 73686f7274");
        Assert.Equal(LldpWalkStatus.Contained, LldpWalk.StatusOf(pdu, pdu.Length, out _, out _));
        var frame = Frame(pdu);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LldpLayerDetail.Contained, packet[2].Detail);
        // cut by the capture: truncated, and nothing of the cut TLV is shown
        Assert.Equal(LldpWalkStatus.Truncated, LldpWalk.StatusOf(Switch()[..12], Switch().Length, out _, out _));
        frame = Frame(Switch());
        packet = Decode.Frame(frame[..(14 + 12)], LinkType.Ethernet, originalLength: frame.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal("7", Decode.Field(packet, frame[..(14 + 12)], "lldp.tlv.len"));
        Assert.Null(Decode.Field(packet, frame[..(14 + 12)], "lldp.port.subtype"));
    }

    [Fact]
    public void AnOidIsWrittenAsItsArcs()
    {
        var buffer = Hex("2b060104010903");
        Span<char> text = stackalloc char[64];
        Assert.True(LldpFieldReader.TryFormatOid(new RawNet.Protocols.Fields.FieldValue(0, 0, buffer.Length), buffer, text, out int written));
        Assert.Equal("1.3.6.1.4.1.9.3", text[..written].ToString());
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        // tshark reads TLVs while captured bytes remain: a cut between two TLVs is no truncation, so the rule of
        // Decode.EveryPrefix (truncated until the last header is whole) does not hold
        Decode.EveryPrefixWithoutException(Frame(Switch()), LinkType.Ethernet);
        Decode.FieldsAtEveryCut(Switch(), Frame, ["lldp.tlv.type", "lldp.port.id", "lldp.tlv.system.name", "lldp.mgn.obj.id", "lldp.unknown_subtype.content"]);
    }

    [Fact]
    public void HostileLengthsNeverThrowNorLoop() =>
        Decode.RandomDamagesWithoutException(_ => Switch(), Frame, LinkType.Ethernet, seed: 13);

    private static LldpInfoText? InfoText(byte[] pdu)
    {
        var finder = new InfoFinder();
        LldpWalk.Run(pdu, pdu.Length, ref finder, out _, out _);
        return finder.Text;
    }

    private struct InfoFinder : IItemVisitor<LldpValue>
    {
        public LldpInfoText? Text;

        public bool Item(LldpValue which, int offset, int length, ulong number)
        {
            if (which == LldpValue.InfoSet)
                Text = (LldpInfoText)number;
            return true;
        }
    }
}
