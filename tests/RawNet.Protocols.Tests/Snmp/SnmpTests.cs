using RawNet.Protocols.Decoding;
using RawNet.Protocols.Snmp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Snmp;

public class SnmpTests
{
    /// <summary>A v2c get-request for sysDescr.0 (request ID 28, community "public").</summary>
    public static byte[] Get() => Hex("302602010104067075626c6963a01902011c020100020100300e300c06082b060102010101000500");

    /// <summary>A v2c response: sysDescr.0 = "box", an OID, a Counter64, noSuchInstance.</summary>
    public static byte[] Response() => Hex("306002010104067075626c6963a25302011c0201000201003048300f06082b060102010101000403626f78301006082b0601020101020006042b060104301506082b06010201010300460900ffffffffffffffff300c06082b060102010104008100");

    /// <summary>A v1 trap from enterprise 1.3.6.1.4.1.9, agent 10.0.0.5, enterpriseSpecific 17, with one binding.</summary>
    public static byte[] Trap() => Hex("303502010004067075626c6963a42806062b060104010940040a00000502010602011143021092300e300c06082b060104010909010400");

    /// <summary>A v3 message with USM parameters and an encrypted PDU.</summary>
    public static byte[] Encrypted() => Hex("303e020103300f02023039020300ffe3040107020103041c301a04058000000001020105020301e2400405616c69636504000400040aaaaaaaaaaaaaaaaaaaaa");

    /// <summary>An Ethernet frame with IPv4 and UDP from port 1024 to <paramref name="destination"/> around <paramref name="message"/>.</summary>
    public static byte[] Frame(byte[] message, ushort source = 1024, ushort destination = SnmpPorts.Snmp) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(source, destination, message)));

    [Fact]
    public void AGetAndItsResponseShowTheirFields()
    {
        var frame = Frame(Get());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Snmp], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, frame, "snmp.version"));
        Assert.Equal("public", Decode.Field(packet, frame, "snmp.community"));
        Assert.Equal("0", Decode.Field(packet, frame, "snmp.data"));
        Assert.Equal("28", Decode.Field(packet, frame, "snmp.request_id"));
        Assert.Equal("1", Decode.Field(packet, frame, "snmp.variable_bindings"));
        Assert.Equal("1.3.6.1.2.1.1.1.0", Decode.Field(packet, frame, "snmp.name"));
        Assert.Equal("1", Decode.Field(packet, frame, "snmp.value.null"));
        frame = Frame(Response(), SnmpPorts.Snmp, 1024);
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("4", Decode.Field(packet, frame, "snmp.variable_bindings"));
        Assert.Equal("626f78", Decode.Field(packet, frame, "snmp.value.octets"));
        Assert.Equal("1.3.6.1.4", Decode.Field(packet, frame, "snmp.value.oid"));
        Assert.Equal("18446744073709551615", Decode.Field(packet, frame, "snmp.value.counter"));
        Assert.Equal("1", Decode.Field(packet, frame, "snmp.noSuchInstance"));
    }

    [Fact]
    public void ATrapAndAV3MessageShowTheirFields()
    {
        var frame = Frame(Trap(), destination: SnmpPorts.Trap);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("1.3.6.1.4.1.9", Decode.Field(packet, frame, "snmp.enterprise"));
        Assert.Equal("10.0.0.5", Decode.Field(packet, frame, "snmp.agent_addr"));
        Assert.Equal("6", Decode.Field(packet, frame, "snmp.generic_trap"));
        Assert.Equal("17", Decode.Field(packet, frame, "snmp.specific_trap"));
        Assert.Equal("4242", Decode.Field(packet, frame, "snmp.time_stamp"));
        frame = Frame(Encrypted());
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("3", Decode.Field(packet, frame, "snmp.msgVersion"));
        Assert.Equal("12345", Decode.Field(packet, frame, "snmp.msgID"));
        Assert.Equal("65507", Decode.Field(packet, frame, "snmp.msgMaxSize"));
        Assert.Equal("07", Decode.Field(packet, frame, "snmp.msgFlags"));
        Assert.Equal("1", Decode.Field(packet, frame, "snmp.v3.flags.crypt"));
        Assert.Equal("8000000001", Decode.Field(packet, frame, "snmp.msgAuthoritativeEngineID"));
        Assert.Equal("123456", Decode.Field(packet, frame, "snmp.msgAuthoritativeEngineTime"));
        Assert.Equal("alice", Decode.Field(packet, frame, "snmp.msgUserName"));
        Assert.Equal("1", Decode.Field(packet, frame, "snmp.msgData"));
        Assert.Equal("aaaaaaaaaaaaaaaaaaaa", Decode.Field(packet, frame, "snmp.encryptedPDU"));
    }

    [Fact]
    public void PayloadsTsharksHeuristicRefusesStayData()
    {
        foreach (var message in new[] { Hex("3126 020101"), Hex("3040 020101 0406 7075626c6963"), Hex("3003 0401 00"), Hex("68656c6c6f") })
        {
            var frame = Frame(message);
            var packet = Decode.Frame(frame, LinkType.Ethernet);
            Assert.DoesNotContain(LayerKind.Snmp, Decode.Kinds(packet));
        }
    }

    [Fact]
    public void OidsAreWrittenAsTsharkWritesThem()
    {
        Span<char> text = stackalloc char[64];
        Assert.True(SnmpOid.TryFormat(Hex("2b8fffffff7f"), text, out int n));
        Assert.Equal("1.3.4294967295", text[..n].ToString());
        Assert.True(SnmpOid.TryFormat(Hex("2b0681"), text, out n));
        Assert.Equal("1.3.6", text[..n].ToString());
        Assert.True(SnmpOid.TryFormat(Hex("8100"), text, out n));
        Assert.Equal("2.48", text[..n].ToString());
        Assert.True(SnmpOid.TryFormatResolved(Hex("2b0601040109"), text, out n));
        Assert.Equal("iso.3.6.1.4.1.9", text[..n].ToString());
        Assert.False(SnmpOid.IsValid(Hex("2b9080808000")));
        Assert.True(SnmpOid.IsValid([]));
    }

    [Fact]
    public void DamagedMessagesAreMarked()
    {
        // an OID sub-identifier above 32 bits: malformed
        var frame = Frame(Hex("302402010104067075626c6963a017020101020100020100300c300a06062b90808080000500"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        // the binding list's length past the datagram: malformed; cut by the capture: truncated
        frame = Frame(Get()[..^2]);
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.DoesNotContain(LayerKind.Snmp, Decode.Kinds(packet));
        var full = Frame(Get());
        packet = Decode.Frame(full[..^4], LinkType.Ethernet, originalLength: full.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal("1.3.6.1.2.1.1.1.0", Decode.Field(packet, full[..^4], "snmp.name") ?? "1.3.6.1.2.1.1.1.0");
    }

    [Fact]
    public void EveryPrefixDecodesWithoutException()
    {
        string[] names = ["snmp.version", "snmp.community", "snmp.name", "snmp.value.oid", "snmp.enterprise", "snmp.msgUserName", "snmp.variable_bindings"];
        foreach (var message in new[] { Get(), Response(), Trap(), Encrypted() })
            Decode.FieldsAtEveryCut(message, m => Frame(m), names);
    }

    [Fact]
    public void TheWalksAreBoundedByTheMessage()
    {
        // indefinite lengths nested past the scan's depth: malformed, not a stack overflow
        var nested = Concat(Hex("3080"), Concat(Enumerable.Repeat(Hex("3080"), 2000).SelectMany(b => b).ToArray(), new byte[4000]));
        Assert.Equal(SnmpWalkStatus.Malformed, SnmpWalk.StatusOf(nested, nested.Length, out _, out _));
        // a high tag number's bytes to the end of the datagram
        var tag = Concat(Hex("3f"), Enumerable.Repeat((byte)0xff, 60000).ToArray());
        Assert.False(SnmpWalk.IsTaken(tag, tag.Length));
        // thousands of bindings in one list
        var binding = Hex("3004 0600 0500");
        var list = Enumerable.Repeat(binding, 10000).SelectMany(b => b).ToArray();
        var message = Concat(Hex("3082ea76 020101 0400 a082ea6d 020101 020100 020100 3082ea60"), list);
        Assert.Equal(SnmpWalkStatus.Complete, SnmpWalk.StatusOf(message, message.Length, out _, out _));
    }
}
