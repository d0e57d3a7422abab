using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Loopback;
using RawNet.Protocols.Pflog;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Pflog;

public class PflogTests
{
    /// <summary>The address families the records below use, as the header's byte holds them.</summary>
    public const byte Inet = (byte)LoopbackHeader.Inet, Inet6 = (byte)LoopbackHeader.BsdInet6;

    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>
    /// A pf log record: the header in the layout <paramref name="length"/> names (OpenBSD 3.4's below 61, 3.8's below 100,
    /// else 4.9's), padded to 4 bytes, then <paramref name="payload"/>. The IDs are little-endian, as tshark reads them here.
    /// </summary>
    public static byte[] Frame(byte family, byte[] payload, byte length = 100, byte action = 1, string ifname = "em0", int rule = 5,
        int subrule = -1, byte direction = 1)
    {
        var header = new byte[Math.Max(PflogHeader.FieldsLength(length), (length + 3) & ~3)];
        header[0] = length;
        header[1] = family;
        header[2] = action;
        header[3] = 3;
        System.Text.Encoding.ASCII.GetBytes(ifname).CopyTo(header, 4);
        System.Text.Encoding.ASCII.GetBytes("anchor").CopyTo(header, 20);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(36), rule);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(40), subrule);
        if (length >= PflogHeader.IdsLength)
        {
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(44), 1000);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(48), -2);
            header[60] = direction;
        }
        else
            header[44] = direction;
        if (length >= PflogHeader.FullLength)
        {
            header[61] = 1;
            Ip("198.18.0.1").CopyTo(header, 64);
            Ip("198.18.0.2").CopyTo(header, 80);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(96), 40000);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(98), 9);
        }
        return Concat(header[..((length + 3) & ~3)], payload);
    }

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(Inet, Udp4, rule: 7, subrule: 3);
        Assert.True(PflogHeader.TryRead(frame, out var pflog));
        Assert.Equal(100, pflog.Length);
        Assert.Equal(Inet, pflog.Family);
        Assert.Equal(1, pflog.Action);
        Assert.Equal(3, pflog.Reason);
        Assert.Equal("em0"u8.ToArray(), pflog.InterfaceName[..3].ToArray());
        Assert.Equal(0, pflog.InterfaceName[3]);
        Assert.Equal(7u, pflog.RuleNumber);
        Assert.Equal(3u, pflog.SubruleNumber);
        Assert.Equal(1, pflog.Direction);
        Assert.False(PflogHeader.TryRead(frame.AsSpan(0, 99), out _));
        Assert.False(PflogHeader.TryRead([], out _));
        // The layouts: 48 bytes of fields below 61 (whatever the length, below 45 too), 64 below 100, else 100.
        Assert.Equal(48, PflogHeader.FieldsLength(0));
        Assert.Equal(48, PflogHeader.FieldsLength(45));
        Assert.Equal(48, PflogHeader.FieldsLength(60));
        Assert.Equal(64, PflogHeader.FieldsLength(61));
        Assert.Equal(64, PflogHeader.FieldsLength(99));
        Assert.Equal(100, PflogHeader.FieldsLength(255));
        Assert.Equal(48, PflogHeader.PayloadStart(45));
        Assert.Equal(64, PflogHeader.PayloadStart(61));
        Assert.Equal(104, PflogHeader.PayloadStart(101));
        Assert.Equal(256, PflogHeader.PayloadStart(255));
        Assert.True(LoopbackHeader.IsBsdInet6(24) && LoopbackHeader.IsBsdInet6(28) && LoopbackHeader.IsBsdInet6(30) && !LoopbackHeader.IsBsdInet6(10));
    }

    [Fact]
    public void ParseOpenBsd49()
    {
        var frame = Frame(Inet, Udp4, subrule: 3);
        var packet = Decode.Frame(frame, LinkType.Pflog);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Pflog, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(100, packet[1].HeaderLength);
        Assert.Equal(100, packet[2].Offset);
        Assert.Equal("100", Decode.Field(packet, frame, "pflog.length"));
        Assert.Equal("2", Decode.Field(packet, frame, "pflog.af"));
        Assert.Equal("em0", Decode.Field(packet, frame, "pflog.ifname"));
        Assert.Equal("anchor", Decode.Field(packet, frame, "pflog.ruleset"));
        Assert.Equal("5", Decode.Field(packet, frame, "pflog.rulenr"));
        Assert.Equal("3", Decode.Field(packet, frame, "pflog.subrulenr"));
        Assert.Equal("1000", Decode.Field(packet, frame, "pflog.uid"));
        Assert.Equal("-2", Decode.Field(packet, frame, "pflog.pid"));
        Assert.Equal("1", Decode.Field(packet, frame, "pflog.dir"));
        Assert.Equal("1", Decode.Field(packet, frame, "pflog.rewritten"));
        Assert.Equal("0000", Decode.Field(packet, frame, "pflog.pad"));
        Assert.Equal("198.18.0.1", Decode.Field(packet, frame, "pflog.saddr.ipv4"));
        Assert.Equal("198.18.0.2", Decode.Field(packet, frame, "pflog.daddr.ipv4"));
        Assert.Null(Decode.Field(packet, frame, "pflog.saddr.ipv6"));
        Assert.Null(Decode.Field(packet, frame, "pflog.saddr.bytes"));
        Assert.Equal("40000", Decode.Field(packet, frame, "pflog.sport"));
        Assert.Equal("9", Decode.Field(packet, frame, "pflog.dport"));
    }

    [Fact]
    public void OlderLayoutsMoveTheDirectionAndPadding()
    {
        var old = Frame(Inet, Udp4, length: 45, direction: 2);
        var packet = Decode.Frame(old, LinkType.Pflog);
        Assert.Equal([LayerKind.Frame, LayerKind.Pflog, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(48, packet[2].Offset);
        Assert.Equal("2", Decode.Field(packet, old, "pflog.dir"));
        Assert.Equal("000000", Decode.Field(packet, old, "pflog.pad"));
        Assert.Null(Decode.Field(packet, old, "pflog.uid"));
        Assert.Null(Decode.Field(packet, old, "pflog.rewritten"));

        var freeBsd = Frame((byte)LoopbackHeader.FreeBsdInet6, Tcp6, length: 61, direction: 0);
        packet = Decode.Frame(freeBsd, LinkType.Pflog);
        Assert.Equal([LayerKind.Frame, LayerKind.Pflog, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal(64, packet[2].Offset);
        Assert.Equal("1000", Decode.Field(packet, freeBsd, "pflog.uid"));
        Assert.Equal("0", Decode.Field(packet, freeBsd, "pflog.dir"));
        Assert.Equal("000000", Decode.Field(packet, freeBsd, "pflog.pad"));
        Assert.Null(Decode.Field(packet, freeBsd, "pflog.sport"));
    }

    [Fact]
    public void TheFamilyChoosesWhatFollows()
    {
        // Family 2 goes to tshark's "ip" dissector, which reads IPv6 by its version.
        Assert.Equal([LayerKind.Frame, LayerKind.Pflog, LayerKind.Ipv6, LayerKind.Tcp],
            Decode.Kinds(Decode.Frame(Frame(Inet, Tcp6), LinkType.Pflog)));
        foreach (byte family in new byte[] { Inet6, (byte)LoopbackHeader.FreeBsdInet6, (byte)LoopbackHeader.DarwinInet6 })
            Assert.Equal(LayerKind.Ipv6, Decode.Frame(Frame(family, Tcp6), LinkType.Pflog)[2].Kind);
        var other = Frame(9, Udp4);
        var packet = Decode.Frame(other, LinkType.Pflog);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Pflog, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("c6120001000000000000000000000000", Decode.Field(packet, other, "pflog.saddr.bytes"));
    }

    [Fact]
    public void HostileLengths()
    {
        // Below 45: tshark flags it and reads the packet from inside the header (here the interface name: not IP).
        var frame = Concat([10], Frame(Inet, Udp4)[1..]);
        var packet = Decode.Frame(frame, LinkType.Pflog);
        Assert.Equal(LayerStatus.Complete, packet[1].Status);
        Assert.Equal(LayerKind.Ipv4, packet[2].Kind);
        Assert.Equal(12, packet[2].Offset);
        Assert.NotEqual(DecodeOutcome.Ok, packet.Outcome);
        // Past the packet: malformed; past the capture only: cut.
        var past = Concat([200], Frame(Inet, Udp4)[1..]);
        packet = Decode.Frame(past, LinkType.Pflog);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[1].Status);
        Assert.Equal(2, packet.LayerCount);
        var cut = Frame(Inet, Udp4, length: 101);
        packet = Decode.Frame(cut[..102], LinkType.Pflog, originalLength: cut.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal(LayerStatus.Truncated, packet[1].Status);
    }

    [Fact]
    public void LengthsBelowOpenBsd34sAreExpertErrors()
    {
        var finder = new Expert.ExpertFinder();
        var findings = new Expert.ExpertFinding[Expert.ExpertFinder.MaxFindingsPerPacket];
        var invalid = Concat([44], Frame(Inet, Udp4)[1..]);
        int count = finder.Find(Decode.Frame(invalid, LinkType.Pflog), invalid, findings);
        var finding = new Expert.ExpertFinding(Expert.ExpertItem.PflogInvalidHeaderLength, 44);
        Assert.Contains(finding, findings[..count]);
        Assert.Equal("Invalid header length 44", Expert.ExpertItems.Summary(finding));
        Assert.Equal(ExpertSeverity.Error, Expert.ExpertItems.Severity(finding.Item));
        Assert.Equal(Expert.ExpertGroup.Malformed, Expert.ExpertItems.Group(finding.Item));
        Assert.Equal("PFLOG", Expert.ExpertItems.Protocol(finding.Item));
        foreach (byte length in new byte[] { 45, 61, 100 })
        {
            var valid = Frame(Inet, Udp4, length: length);
            count = finder.Find(Decode.Frame(valid, LinkType.Pflog), valid, findings);
            Assert.DoesNotContain(findings[..count], f => f.Item == Expert.ExpertItem.PflogInvalidHeaderLength);
        }
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(Frame(Inet, Udp4), LinkType.Pflog);
        Decode.EveryPrefix(Frame(Inet6, Tcp6, length: 61), LinkType.Pflog);
        Decode.EveryPrefix(Frame(Inet, Udp4, length: 45), LinkType.Pflog);
        var whole = Frame(Inet, Udp4);
        for (int cut = 1; cut < PflogHeader.FullLength; cut++)
        {
            var frame = whole[..cut];
            var packet = Decode.Frame(frame, LinkType.Pflog, originalLength: whole.Length);
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            // As tshark: each field once its bytes are there.
            Assert.Equal("100", Decode.Field(packet, frame, "pflog.length"));
            Assert.Equal(cut >= 20 ? "em0" : null, Decode.Field(packet, frame, "pflog.ifname"));
            Assert.Equal(cut >= 40 ? "5" : null, Decode.Field(packet, frame, "pflog.rulenr"));
            Assert.Equal(cut >= 48 ? "1000" : null, Decode.Field(packet, frame, "pflog.uid"));
            Assert.Equal(cut >= 61 ? "1" : null, Decode.Field(packet, frame, "pflog.dir"));
            Assert.Equal(cut >= 68 ? "198.18.0.1" : null, Decode.Field(packet, frame, "pflog.saddr.ipv4"));
            Assert.Null(Decode.Field(packet, frame, "pflog.dport"));
        }
        for (int end = 0; end < PflogHeader.FullLength; end++)
            Assert.Equal(DecodeOutcome.Malformed, Decode.Frame(whole[..end], LinkType.Pflog).Outcome);
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(117);
        var bytes = new byte[160];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        byte[] lengths = [0, 1, 44, 45, 48, 61, 64, 99, 100, 101, 150, 255];
        byte[] families = [2, 24, 28, 30, 9];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            if (i % 2 == 0)
            {
                bytes[0] = lengths[i / 2 % lengths.Length];
                bytes[1] = families[i / 2 % families.Length];
            }
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.Pflog, originalLength: random.Next(2) == 0 ? length : length + 20);
            Decode.AllFields(packet, frame, text);
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset >= 0 && layer.Offset + layer.HeaderLength <= frame.Length);
        }
    }
}
