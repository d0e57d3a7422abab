using RawNet.Protocols.Decoding;
using RawNet.Protocols.Stp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Stp;

public class StpTests
{
    private const string BridgeGroup = "01:80:c2:00:00:00";

    /// <summary>A configuration BPDU: root 32768/0/02:00:00:00:00:01, cost 19, bridge 32768/1/02:00:00:00:00:02, port 0x8002.</summary>
    public static byte[] Configuration(byte flags = 0, byte version = 0, byte type = StpBpdu.TypeConfiguration) =>
        Concat([0, 0, version, type, flags], Hex("8000 020000000001"), U32(19), Hex("8001 020000000002"), U16(0x8002),
            U16(256), U16(20 * 256), U16(2 * 256 + 128), U16(15 * 256));

    public static byte[] Rst(byte flags = 0x3C, byte version = 2) => Concat(Configuration(flags, version, StpBpdu.TypeRst), [0]);

    private static byte[] Msti(byte flags, ushort priorityAndId, byte hops) =>
        Concat([flags], U16(priorityAndId), Hex("020000000004"), U32(20000), [0x80, 0x40, hops]);

    /// <summary>An MST BPDU with <paramref name="mstis"/> and a version 3 length that counts them (unless told).</summary>
    public static byte[] Mst(int? v3 = null, params byte[][] mstis)
    {
        var body = Concat(mstis);
        var name = new byte[32];
        "region1"u8.CopyTo(name);
        return Concat(Rst(0x7C, 3), U16((ushort)(v3 ?? 64 + body.Length)), [0], name, U16(1), new byte[16], U32(200000),
            Hex("8001 020000000003"), [20], body);
    }

    /// <summary>An 802.3 frame to the bridges' group address with LLC on SAP 0x42 (or <paramref name="llc"/>) around <paramref name="bpdu"/>.</summary>
    public static byte[] Frame(byte[] bpdu, string llc = "424203", string destination = BridgeGroup)
    {
        var body = Concat(Hex(llc), bpdu);
        return Concat(Mac(destination), Mac(Mac2), U16((ushort)body.Length), body);
    }

    [Fact]
    public void ConfigurationBpduShowsTshark4Fields()
    {
        var frame = Frame(Configuration(flags: 0x81));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Stp], Decode.Kinds(packet));
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("0x0000", Decode.Field(packet, frame, "stp.protocol"));
        Assert.Equal("0", Decode.Field(packet, frame, "stp.version"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "stp.type"));
        Assert.Equal("0x81", Decode.Field(packet, frame, "stp.flags"));
        Assert.Equal("1", Decode.Field(packet, frame, "stp.flags.tc"));
        Assert.Equal("1", Decode.Field(packet, frame, "stp.flags.tcack"));
        // A configuration BPDU has only the two topology change bits.
        Assert.Null(Decode.Field(packet, frame, "stp.flags.agreement"));
        Assert.Null(Decode.Field(packet, frame, "stp.flags.port_role"));
        Assert.Equal("32768", Decode.Field(packet, frame, "stp.root.prio"));
        Assert.Equal("0", Decode.Field(packet, frame, "stp.root.ext"));
        Assert.Equal("02:00:00:00:00:01", Decode.Field(packet, frame, "stp.root.hw"));
        Assert.Equal("19", Decode.Field(packet, frame, "stp.root.cost"));
        Assert.Equal("1", Decode.Field(packet, frame, "stp.bridge.ext"));
        Assert.Equal("0x8002", Decode.Field(packet, frame, "stp.port"));
        Assert.Equal("1", Decode.Field(packet, frame, "stp.msg_age"));
        Assert.Equal("20", Decode.Field(packet, frame, "stp.max_age"));
        Assert.Equal("2.5", Decode.Field(packet, frame, "stp.hello"));
        Assert.Equal("15", Decode.Field(packet, frame, "stp.forward"));
        Assert.Null(Decode.Field(packet, frame, "stp.version_1_length"));
    }

    [Fact]
    public void RstBpduShowsEveryFlagAndThePortRole()
    {
        var frame = Frame(Rst(flags: 0x08 | 0x40 | 0x02));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("2", Decode.Field(packet, frame, "stp.flags.port_role"));
        Assert.Equal("1", Decode.Field(packet, frame, "stp.flags.agreement"));
        Assert.Equal("1", Decode.Field(packet, frame, "stp.flags.proposal"));
        Assert.Equal("0", Decode.Field(packet, frame, "stp.flags.forwarding"));
        Assert.Equal("0", Decode.Field(packet, frame, "stp.version_1_length"));
        Assert.Null(Decode.Field(packet, frame, "mstp.version_3_length"));
    }

    [Fact]
    public void MstBpduShowsTheCistAndEachMsti()
    {
        var frame = Frame(Mst(null, Msti(0x7C, 0x8001, 19), Msti(0x09, 0x9002, 18)));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("96", Decode.Field(packet, frame, "mstp.version_3_length"));
        Assert.Equal("region1", Decode.Field(packet, frame, "mstp.config_name"));
        Assert.Equal("200000", Decode.Field(packet, frame, "mstp.cist_internal_root_path_cost"));
        Assert.Equal("02:00:00:00:00:03", Decode.Field(packet, frame, "mstp.cist_bridge.hw"));
        Assert.Equal("1,2", Decode.Field(packet, frame, "mstp.msti.msti_id"));
        Assert.Equal("0x08,0x09", Decode.Field(packet, frame, "mstp.msti.priority"));
        Assert.Equal("19,18", Decode.Field(packet, frame, "mstp.msti.remaining_hops"));
        Assert.Equal("8,8", Decode.Field(packet, frame, "mstp.msti.bridge_priority"));
        Assert.Equal("4,4", Decode.Field(packet, frame, "mstp.msti.port_priority"));
        // The flag bits once for the CIST and once per MSTI.
        Assert.Equal("0,0,1", Decode.Field(packet, frame, "stp.flags.tc"));
        Assert.Equal("3,3,2", Decode.Field(packet, frame, "stp.flags.port_role"));
    }

    [Fact]
    public void AVersion3LengthShortOfAWholeMessageMakesTsharksReadMalformed()
    {
        // tshark cuts the BPDU to 102 + 8 bytes, then reads a message of 16.
        var frame = Frame(Mst(64 + 8, Msti(0x7C, 0x8001, 19)));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("20", Decode.Field(packet, frame, "mstp.cist_remaining_hops"));
        Assert.Null(Decode.Field(packet, frame, "mstp.msti.msti_id"));
    }

    [Fact]
    public void TopologyChangeShowsItsTypeOnly()
    {
        var frame = Frame(Hex("00000080"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("0x80", Decode.Field(packet, frame, "stp.type"));
        Assert.Null(Decode.Field(packet, frame, "stp.flags"));
    }

    [Fact]
    public void ABpduTooShortForTsharksColumnsShowsNoField()
    {
        var frame = Frame(Configuration()[..26]);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(LayerKind.Stp, packet[packet.LayerCount - 1].Kind);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Null(Decode.Field(packet, frame, "stp.protocol"));
        var enough = Frame(Configuration()[..27]);
        packet = Decode.Frame(enough, LinkType.Ethernet);
        Assert.Equal("0x8002", Decode.Field(packet, enough, "stp.port"));
        Assert.Null(Decode.Field(packet, enough, "stp.msg_age"));
    }

    [Fact]
    public void BpdusBehindSnapAreStp()
    {
        foreach (var snap in new[] { "aaaa03 0080c2 000e", "aaaa03 00000c 010c", "aaaa03 00000c 010b", "aaaa03 00e02f 0001" })
        {
            var frame = Frame(Configuration(), snap);
            var packet = Decode.Frame(frame, LinkType.Ethernet);
            Assert.Equal(LayerKind.Stp, packet[packet.LayerCount - 1].Kind);
            Assert.Equal("0x8002", Decode.Field(packet, frame, "stp.port"));
        }
    }

    [Fact]
    public void GarpsAddressesAreNotStp()
    {
        // tshark hands them to GVRP and GMRP (whose protocol ID 1 a BPDU's 0 is not: the rest is data), or reads no further.
        foreach (var (destination, last) in new[] { ("01:80:c2:00:00:21", LayerKind.Payload), ("01:80:c2:00:00:20", LayerKind.Payload),
            ("01:80:c2:00:00:2f", LayerKind.Llc), ("01:80:c2:00:00:0d", LayerKind.Payload) })
        {
            var packet = Decode.Frame(Frame(Configuration(), destination: destination), LinkType.Ethernet);
            Assert.Equal(last, packet[packet.LayerCount - 1].Kind);
            Assert.DoesNotContain(LayerKind.Stp, Decode.Kinds(packet));
        }
        var lldp = Decode.Frame(Frame(Configuration(), destination: "01:80:c2:00:00:0e"), LinkType.Ethernet);
        Assert.Equal(LayerKind.Stp, lldp[lldp.LayerCount - 1].Kind);
    }

    [Fact]
    public void ReadsEndWhereTsharksDo()
    {
        Assert.True(StpBpdu.TryReadAll(Configuration(), 35, out int end, out _));
        Assert.Equal(35, end);
        Assert.True(StpBpdu.TryReadAll(Rst(), 36, out end, out _));
        Assert.Equal(36, end);
        var mst = Mst(null, Msti(0x7C, 0x8001, 19));
        Assert.True(StpBpdu.TryReadAll(mst, mst.Length, out end, out _));
        Assert.Equal(118, end);
        // Cut by the capture inside the root's MAC, with the frame long enough: truncated; with it as short: malformed.
        Assert.False(StpBpdu.TryReadAll(Configuration()[..10], 35, out end, out bool malformed));
        Assert.Equal(13, end);
        Assert.False(malformed);
        Assert.False(StpBpdu.TryReadAll(Configuration()[..10], 12, out _, out malformed));
        Assert.True(malformed);
    }

    [Fact]
    public void EveryPrefixDecodes()
    {
        Decode.EveryPrefix(Frame(Configuration()), LinkType.Ethernet);
        Decode.EveryPrefix(Frame(Mst(null, Msti(0x7C, 0x8001, 19), Msti(0x09, 0x9002, 18))), LinkType.Ethernet);
    }

    [Fact]
    public void HostileLengthsAndRandomBytesNeverThrow()
    {
        var random = new Random(13);
        var text = new char[1 << 16];
        // A version 3 length of 65535 counts 4091 messages: the walk stops at the first the frame does not hold.
        var frames = new List<byte[]> { Frame(Mst(0xFFFF)), Frame(Mst(0, Msti(1, 2, 3))), Frame(Concat(Mst(null, Msti(1, 2, 3))[..36], [4])) };
        for (int i = 0; i < 2000; i++)
        {
            var bpdu = new byte[random.Next(0, 160)];
            random.NextBytes(bpdu);
            if (bpdu.Length > 3)
                bpdu[3] = (byte)(random.Next(3) switch { 0 => 0, 1 => 2, _ => bpdu[3] });
            if (bpdu.Length > 2)
                bpdu[2] = (byte)random.Next(6);
            frames.Add(Frame(bpdu));
        }
        foreach (var frame in frames)
        {
            var packet = Decode.Frame(frame, LinkType.Ethernet);
            Decode.AllFields(packet, frame, text);
        }
    }
}
