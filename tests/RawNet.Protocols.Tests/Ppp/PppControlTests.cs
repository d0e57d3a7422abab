using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ppp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ppp;

/// <summary>LCP, IPCP and IPv6CP: the shared control-packet framing, the option walk and the fields tshark shows.</summary>
public class PppControlTests
{
    /// <summary>A control packet behind PPP's address, control and the protocol, its length filled in unless given.</summary>
    private static byte[] Control(ushort protocol, byte code, byte id, byte[] data, int? length = null) =>
        Concat(Hex("ff03"), U16(protocol), [code, id], U16(length ?? 4 + data.Length), data);

    private static byte[] Option(byte type, string value) => Concat([type, (byte)(2 + Hex(value).Length)], Hex(value));

    private static readonly byte[] ConfigureRequest = Control(0xc021, 1, 7, Concat(
        Option(1, "05dc"), Option(2, "000a0000"), Option(3, "c22305"), Option(5, "12345678"), Option(7, ""), Option(8, ""),
        Option(13, "06"), Option(17, "05dc"), Option(19, "03010203040506")));

    [Fact]
    public void Deconstruct()
    {
        var bytes = ConfigureRequest.AsSpan(4);
        Assert.True(PppControlPacket.TryRead(bytes, out var cp));
        Assert.Equal((byte)PppControlCode.ConfigureRequest, cp.Code);
        Assert.Equal(7, cp.Identifier);
        Assert.Equal(bytes.Length, cp.Length);
        Assert.True(cp.HasBody);
        Assert.Equal(cp.Length, cp.End);
        Assert.True(PppControlPacket.HasOptions(cp.Code));

        var walker = new PppOptionWalker(bytes, PppProtocol.Lcp);
        var types = new List<byte>();
        while (walker.MoveNext(out var option))
        {
            Assert.Equal(PppOptionState.Shown, option.State);
            Assert.Equal(option.Length, option.Bytes.Length);
            types.Add(option.Type);
        }
        Assert.Equal([1, 2, 3, 5, 7, 8, 13, 17, 19], types);

        // A length below the header's: no options, only the code's fixed fields after the header.
        Assert.True(PppControlPacket.TryRead(Hex("0901 0003"), out cp));
        Assert.False(cp.HasBody);
        Assert.Equal(8, cp.End);
        Assert.False(PppControlPacket.TryRead(Hex("0901 00"), out _));
    }

    [Fact]
    public void ParseShowsTheOptionsAsTsharkNamesThem()
    {
        var packet = Decode.Frame(ConfigureRequest, LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ppp, LayerKind.Lcp], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, ConfigureRequest, "ppp.code"));
        Assert.Equal("7", Decode.Field(packet, ConfigureRequest, "ppp.identifier"));
        Assert.Equal("1,2,3,5,7,8,13,17,19", Decode.Field(packet, ConfigureRequest, "lcp.opt.type"));
        Assert.Equal("4,6,5,6,2,2,3,4,9", Decode.Field(packet, ConfigureRequest, "lcp.opt.length"));
        Assert.Equal("1500", Decode.Field(packet, ConfigureRequest, "lcp.opt.mru"));
        Assert.Equal("0x000a0000", Decode.Field(packet, ConfigureRequest, "lcp.opt.asyncmap"));
        Assert.Equal("0xc223", Decode.Field(packet, ConfigureRequest, "lcp.opt.auth_protocol"));
        Assert.Equal("5", Decode.Field(packet, ConfigureRequest, "lcp.opt.algorithm"));
        Assert.Equal("0x12345678", Decode.Field(packet, ConfigureRequest, "lcp.opt.magic_number"));
        Assert.Equal("6", Decode.Field(packet, ConfigureRequest, "lcp.opt.operation"));
        Assert.Equal("1500", Decode.Field(packet, ConfigureRequest, "lcp.opt.mrru"));
        Assert.Equal("3", Decode.Field(packet, ConfigureRequest, "lcp.opt.ep_disc_class"));
        Assert.Equal("01:02:03:04:05:06", Decode.Field(packet, ConfigureRequest, "lcp.opt.802_1_address"));
        Assert.Null(Decode.Field(packet, ConfigureRequest, "ppp.opt.len.invalid"));
    }

    [Fact]
    public void IpcpAndIpv6cpShareTheFramingWithTheirOwnOptions()
    {
        var ipcp = Control(0x8021, 1, 1, Concat(Option(3, "c0a80101"), Option(129, "08080808"), Option(2, "002d0f01"), Option(131, "08080404")));
        var packet = Decode.Frame(ipcp, LinkType.Ppp);
        Assert.Equal([LayerKind.Frame, LayerKind.Ppp, LayerKind.Ipcp], Decode.Kinds(packet));
        Assert.Equal("3,129,2,131", Decode.Field(packet, ipcp, "ipcp.opt.type"));
        Assert.Equal("192.168.1.1", Decode.Field(packet, ipcp, "ipcp.opt.ip_address"));
        Assert.Equal("8.8.8.8", Decode.Field(packet, ipcp, "ipcp.opt.pri_dns_address"));
        Assert.Equal("8.8.4.4", Decode.Field(packet, ipcp, "ipcp.opt.sec_dns_address"));
        Assert.Equal("0x002d", Decode.Field(packet, ipcp, "ipcp.opt.compress_proto"));
        Assert.Equal("15", Decode.Field(packet, ipcp, "ipcp.opt.max_slot_id"));
        Assert.Equal("1", Decode.Field(packet, ipcp, "ipcp.opt.comp_slot_id"));
        Assert.Null(Decode.Field(packet, ipcp, "lcp.opt.type"));

        // IPv6CP's compression option is IPCP's, under IPCP's names.
        var ipv6cp = Control(0x8057, 2, 9, Concat(Option(1, "0102030405060708"), Option(2, "1234")));
        packet = Decode.Frame(ipv6cp, LinkType.Ppp);
        Assert.Equal([LayerKind.Frame, LayerKind.Ppp, LayerKind.Ipv6cp], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, ipv6cp, "ipv6cp.opt.type"));
        Assert.Equal("2", Decode.Field(packet, ipv6cp, "ipcp.opt.type"));
        Assert.Equal("0x1234", Decode.Field(packet, ipv6cp, "ipcp.opt.compress_proto"));
        Assert.Equal("01:02:03:04:05:06:07:08", Decode.Field(packet, ipv6cp, "ipv6cp.interface_identifier"));
    }

    [Fact]
    public void TheCodesFieldsAreReadAsLcpsInEveryControlProtocol()
    {
        var echo = Control(0xc021, 9, 3, Hex("12345678 6869"));
        var packet = Decode.Frame(echo, LinkType.Ppp);
        Assert.Equal("0x12345678", Decode.Field(packet, echo, "lcp.magic_number"));
        Assert.Equal("6869", Decode.Field(packet, echo, "lcp.data"));

        var ipcpEcho = Control(0x8021, 9, 3, Hex("12345678"));
        packet = Decode.Frame(ipcpEcho, LinkType.Ppp);
        Assert.Equal("0x12345678", Decode.Field(packet, ipcpEcho, "lcp.magic_number"));
        Assert.Null(Decode.Field(packet, ipcpEcho, "lcp.data"));

        var remaining = Control(0xc021, 13, 4, Concat(Hex("12345678 00000e10"), "left"u8.ToArray()));
        packet = Decode.Frame(remaining, LinkType.Ppp);
        Assert.Equal("3600", Decode.Field(packet, remaining, "lcp.secs_remaining"));
        Assert.Equal("left", Decode.Field(packet, remaining, "lcp.message"));

        var vendor = Control(0xc021, 0, 5, Hex("12345678 000001 02 6162"));
        packet = Decode.Frame(vendor, LinkType.Ppp);
        Assert.Equal("0x12345678", Decode.Field(packet, vendor, "ppp.magic_number"));
        Assert.Equal("1", Decode.Field(packet, vendor, "ppp.oui"));
        Assert.Equal("2", Decode.Field(packet, vendor, "ppp.kind"));
        Assert.Equal("6162", Decode.Field(packet, vendor, "ppp.data"));

        var terminate = Control(0x8057, 5, 6, "bye"u8.ToArray());
        packet = Decode.Frame(terminate, LinkType.Ppp);
        Assert.Equal("627965", Decode.Field(packet, terminate, "ppp.data"));
    }

    [Fact]
    public void AProtocolRejectHandsTheRejectedPacketOnQuoted()
    {
        var inner = Hex("0901 0008 61626364");
        var reject = Control(0xc021, 8, 2, Concat(Hex("c021"), inner));
        var packet = Decode.Frame(reject, LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ppp, LayerKind.Lcp, LayerKind.Lcp], Decode.Kinds(packet));
        Assert.True(packet[3].Quoted);
        Assert.False(packet[2].Quoted);
        Assert.Equal("0xc021", Decode.Field(packet, reject, "lcp.rej_proto"));
        Assert.Equal("8,9", Decode.Field(packet, reject, "ppp.code"));
        Assert.Equal("0x61626364", Decode.Field(packet, reject, "lcp.magic_number"));

        // An IPv4 packet cut short inside the reject is the reject's business: the packet is not malformed.
        var ip = Control(0xc021, 8, 3, Hex("0021 4500"));
        packet = Decode.Frame(ip, LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ppp, LayerKind.Lcp, LayerKind.Ipv4], Decode.Kinds(packet));
    }

    [Theory]
    [InlineData("0104 05dc 01", "1", false)]        // one byte left: no room for a length
    [InlineData("0101 05dc", "1", false)]           // a length below 2 ends the walk
    [InlineData("0100 05dc", "1", false)]
    [InlineData("0110 05dc", "1", false)]           // past the end of the options
    [InlineData("0105 05dc00 0702", "1", false)]    // a length the type rejects: marked, the walk goes on
    [InlineData("0408 c025 00000010", null, true)]  // tshark reads a quality protocol's period past the option
    [InlineData("6305 616263 0702", null, false)]   // an unknown type is skipped
    public void HostileOptionLengthsAreMarkedAndBounded(string options, string? invalid, bool malformed)
    {
        var frame = Control(0xc021, 1, 1, Hex(options));
        var packet = Decode.Frame(frame, LinkType.Ppp);
        Assert.Equal(malformed ? DecodeOutcome.Malformed : DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(invalid, Decode.Field(packet, frame, "ppp.opt.len.invalid"));
        Assert.Equal(LayerKind.Lcp, packet[2].Kind);
        Assert.Equal(frame.Length - 4, packet[2].HeaderLength);
    }

    [Fact]
    public void TheDeclaredLengthBoundsThePacket()
    {
        // Longer than the frame: malformed, and no option is shown (tshark fails before the first).
        var lying = Control(0xc021, 1, 1, Option(1, "05dc"), length: 40);
        var packet = Decode.Frame(lying, LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("40", Decode.Field(packet, lying, "ppp.length"));
        Assert.Null(Decode.Field(packet, lying, "lcp.opt.type"));

        // Shorter: what follows is nobody's; below 4, the code's fixed fields are still read, and malformed when missing.
        var trailing = Concat(Control(0x8021, 1, 1, Option(3, "01020304")), "trail"u8.ToArray());
        packet = Decode.Frame(trailing, LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(10, packet[2].HeaderLength);
        var shortEcho = Control(0xc021, 9, 1, Hex("01020304 0506"), length: 3);
        packet = Decode.Frame(shortEcho, LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("0x01020304", Decode.Field(packet, shortEcho, "lcp.magic_number"));
        Assert.Null(Decode.Field(packet, shortEcho, "lcp.data"));
        packet = Decode.Frame(Control(0xc021, 9, 1, Hex("0102"), length: 3), LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        packet = Decode.Frame(Control(0xc021, 9, 1, Hex("0102")), LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
    }

    [Fact]
    public void LaterLcpOptionsShowTheirValues()
    {
        var frame = Control(0xc021, 1, 1, Concat(Option(9, "07"), Option(21, "01"), Option(22, "0000"), Option(23, "1234"), Option(25, "fd"),
            Option(27, "0204"), Option(28, "0000006a656e"), Option(29, "")));
        var packet = Decode.Frame(frame, LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("0x07", Decode.Field(packet, frame, "lcp.opt.fcs_alternatives"));
        Assert.Equal("1", Decode.Field(packet, frame, "lcp.opt.fcs_alternatives.ccitt32"));
        Assert.Equal("1", Decode.Field(packet, frame, "lcp.opt.mode"));
        Assert.Equal("0000", Decode.Field(packet, frame, "lcp.opt.unused"));
        Assert.Equal("4660", Decode.Field(packet, frame, "lcp.opt.link_discrim"));
        Assert.Equal("0xfd", Decode.Field(packet, frame, "lcp.opt.flags"));
        Assert.Equal("0x3f", Decode.Field(packet, frame, "lcp.opt.flags.reserved"));
        Assert.Equal("0", Decode.Field(packet, frame, "lcp.opt.flags.pre"));
        Assert.Equal("1", Decode.Field(packet, frame, "lcp.opt.flags.zxe"));
        Assert.Equal("2", Decode.Field(packet, frame, "lcp.opt.code"));
        Assert.Equal("4", Decode.Field(packet, frame, "lcp.opt.max_susp_classes"));
        Assert.Equal("106", Decode.Field(packet, frame, "lcp.opt.MIBenum"));
        Assert.Equal("en", Decode.Field(packet, frame, "lcp.opt.language_tag"));
    }

    [Theory]
    [InlineData("01", false, false)]        // no class: nothing read
    [InlineData("0101", true, false)]       // a prefix longer than the option: skipped quietly
    [InlineData("0100", true, true)]        // one that fits: tshark's reading of it fails
    [InlineData("01026162", true, true)]
    public void PrefixElisionFailsWhereTsharkReadsAPrefix(string value, bool hasClass, bool malformed)
    {
        var frame = Control(0xc021, 1, 1, Concat(Option(26, value), Option(1, "05dc")));
        var packet = Decode.Frame(frame, LinkType.Ppp);
        Assert.Equal(malformed ? DecodeOutcome.Malformed : DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(hasClass ? "1" : null, Decode.Field(packet, frame, "lcp.opt.class"));
    }

    [Fact]
    public void AHeaderCutShortShowsNoField()
    {
        foreach (var frame in new[] { Hex("ff03 c021 01"), Hex("ff03 c021 0102 00"), Hex("ff03 c021") })
        {
            var packet = Decode.Frame(frame, LinkType.Ppp);
            Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
            Assert.Equal(LayerKind.Lcp, packet.StoppedAt);
            Assert.Null(Decode.Field(packet, frame, "ppp.code"));
        }
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(ConfigureRequest, LinkType.Ppp);
        Decode.EveryPrefix(Control(0x8021, 1, 1, Concat(Option(1, "0102030405060708"), Option(2, "0061000f0010002000300040"))), LinkType.Ppp);
        Decode.EveryPrefix(Control(0x8057, 1, 1, Option(1, "0102030405060708")), LinkType.PppHdlc);
        Decode.EveryPrefix(Control(0xc021, 13, 1, Concat(Hex("12345678 00000e10"), "left"u8.ToArray())), LinkType.Ppp);
    }

    [Fact]
    public void EveryByteOfEveryOptionChangedNeverThrowsNorReadsOutsideThePacket()
    {
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        foreach (var protocol in new ushort[] { 0xc021, 0x8021, 0x8057 })
        {
            var frame = ConfigureRequest.ToArray();
            frame[2] = (byte)(protocol >> 8);
            frame[3] = (byte)protocol;
            for (int at = 4; at < frame.Length; at++)
            {
                foreach (byte value in new byte[] { 0, 1, 2, 3, 4, 0x7f, 0xff })
                {
                    var damaged = frame.ToArray();
                    damaged[at] = value;
                    var packet = Decode.Frame(damaged, LinkType.Ppp);
                    Assert.True(packet.LayerCount <= DecodedPacket.MaxLayers);
                    Decode.AllFields(packet, damaged, text);
                }
            }
        }
    }
}
