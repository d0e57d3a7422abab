using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fpp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Fpp;

public class FppTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));
    private static readonly byte[] Preamble = [0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55];

    /// <summary>The CRC as it ends an mPacket (least significant byte first).</summary>
    public static byte[] Crc(byte[] data)
    {
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32.Compute(data));
        return crc;
    }

    /// <summary>The mCRC: the CRC with the upper 16 bits of its big-endian reading inverted.</summary>
    public static byte[] MCrc(byte[] data)
    {
        var crc = Crc(data);
        crc[0] ^= 0xFF;
        crc[1] ^= 0xFF;
        return crc;
    }

    /// <summary>A 7-byte preamble, the SMD (and a fragment count), the mData and its CRC unless another is given.</summary>
    public static byte[] MPacket(byte smd, byte[] mdata, byte[]? crc = null, byte? fragment = null) =>
        Concat(Preamble, [smd], fragment is { } f ? [f] : [], mdata, crc ?? Crc(mdata));

    [Fact]
    public void Crc32IsIeee8023()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void Deconstruct()
    {
        var frame = MPacket(FppFrame.Smd.Express, EthernetFrame(EtherType.Ipv4, Udp4));
        var fpp = FppFrame.Read(frame, frame.Length);
        Assert.Equal(FppPacketType.Express, fpp.Type);
        Assert.Equal(FppCrc.Crc, fpp.Crc);
        Assert.Equal(FppReach.Complete, fpp.Reach);
        Assert.Equal(8, fpp.PreambleLength);
        Assert.Equal(fpp, FppFrame.Unpack(fpp.Pack(), 8));
        frame = MPacket(FppFrame.Smd.Continuation2, [1, 2, 3, 4, 5], MCrc([1, 2, 3, 4, 5]), fragment: FppFrame.Smd.Start3);
        fpp = FppFrame.Read(frame, frame.Length);
        Assert.Equal(FppPacketType.Continuation, fpp.Type);
        Assert.Equal(FppCrc.MCrc, fpp.Crc);
        Assert.Equal(9, fpp.PreambleLength);
        Assert.Equal(2, FppFrame.Number(FppFrame.Smd.Continuation2));
        Assert.Equal(3, FppFrame.Number(FppFrame.Smd.Start3));
    }

    [Fact]
    public void ExpressFrameCarriesEthernet()
    {
        var frame = MPacket(FppFrame.Smd.Express, EthernetFrame(EtherType.Ipv4, Udp4));
        var packet = Decode.Frame(frame, LinkType.EthernetMpacket);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Fpp, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("55555555555555d5", Decode.Field(packet, frame, "fpp.preamble"));
        Assert.Equal("0xd5", Decode.Field(packet, frame, "fpp.preamble.smd"));
        Assert.Null(Decode.Field(packet, frame, "fpp.preamble.frag_count"));
        Assert.Null(Decode.Field(packet, frame, "fpp.preamble.pad"));
        Assert.Equal("1", Decode.Field(packet, frame, "fpp.checksum.status"));
        Assert.Null(Decode.Field(packet, frame, "fpp.mcrc32"));
        Assert.Equal($"0x{BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(frame.Length - 4)):x8}", Decode.Field(packet, frame, "fpp.crc32"));
        // Ethernet without an FCS: the CRC is fpp's.
        Assert.Null(Decode.Field(packet, frame, "eth.fcs"));
        Assert.Equal(frame.Length - 4, packet[2].Offset + packet[2].Extent);
    }

    [Fact]
    public void WholePreemptableFrameCarriesEthernetAndFragmentsAreData()
    {
        var ethernet = EthernetFrame(EtherType.Ipv6, Tcp6);
        var packet = Decode.Frame(MPacket(FppFrame.Smd.Start2, ethernet), LinkType.EthernetMpacket);
        Assert.Equal([LayerKind.Frame, LayerKind.Fpp, LayerKind.Ethernet, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        var frame = MPacket(FppFrame.Smd.Start1, ethernet, MCrc(ethernet));
        packet = Decode.Frame(frame, LinkType.EthernetMpacket);
        Assert.Equal([LayerKind.Frame, LayerKind.Fpp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, frame, "fpp.checksum.status"));
        Assert.NotNull(Decode.Field(packet, frame, "fpp.mcrc32"));
        frame = MPacket(FppFrame.Smd.Start1, ethernet, [0, 0, 0, 0]);
        packet = Decode.Frame(frame, LinkType.EthernetMpacket);
        Assert.Equal([LayerKind.Frame, LayerKind.Fpp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0", Decode.Field(packet, frame, "fpp.checksum.status"));
        // An express frame's bad CRC: data.
        frame = MPacket(FppFrame.Smd.Express, ethernet, MCrc(ethernet));
        packet = Decode.Frame(frame, LinkType.EthernetMpacket);
        Assert.Equal([LayerKind.Frame, LayerKind.Fpp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0", Decode.Field(packet, frame, "fpp.checksum.status"));
    }

    [Fact]
    public void ContinuationEndedByAFrameCrcShowsTwoMCrcItems()
    {
        byte[] data = [1, 2, 3, 4, 5, 6];
        var frame = MPacket(FppFrame.Smd.Continuation1, data, fragment: FppFrame.Smd.Start0);
        var packet = Decode.Frame(frame, LinkType.EthernetMpacket);
        Assert.Equal([LayerKind.Frame, LayerKind.Fpp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x52", Decode.Field(packet, frame, "fpp.preamble.smd"));
        Assert.Equal("0xe6", Decode.Field(packet, frame, "fpp.preamble.frag_count"));
        Assert.Equal("0,1", Decode.Field(packet, frame, "fpp.checksum.status"));
        Assert.Equal(2, Decode.Field(packet, frame, "fpp.mcrc32")!.Split(',').Length);
        Assert.Equal("010203040506", Decode.Field(packet, frame, "fpp.mdata"));
    }

    [Fact]
    public void VerifyShowsNoChecksumStatus()
    {
        var frame = MPacket(FppFrame.Smd.Verify, new byte[60], MCrc(new byte[60]));
        var packet = Decode.Frame(frame, LinkType.EthernetMpacket);
        Assert.Null(Decode.Field(packet, frame, "fpp.checksum.status"));
        Assert.NotNull(Decode.Field(packet, frame, "fpp.mcrc32"));
        frame = MPacket(FppFrame.Smd.Respond, new byte[60], MCrc(new byte[60]));
        Assert.Equal("1", Decode.Field(Decode.Frame(frame, LinkType.EthernetMpacket), frame, "fpp.checksum.status"));
    }

    [Fact]
    public void PreambleWalk()
    {
        var ethernet = EthernetFrame(EtherType.Ipv4, Udp4);
        // The alignment byte, its padding nibble a field of its own.
        var frame = Concat([0x50], MPacket(FppFrame.Smd.Express, ethernet));
        var packet = Decode.Frame(frame, LinkType.EthernetMpacket);
        Assert.Equal("0x00", Decode.Field(packet, frame, "fpp.preamble.pad"));
        Assert.Equal("5055555555555555d5", Decode.Field(packet, frame, "fpp.preamble"));
        Assert.Equal(LayerKind.Ipv4, packet[3].Kind);
        // No preamble at all: the SMD first.
        frame = Concat([FppFrame.Smd.Express], ethernet, Crc(ethernet));
        packet = Decode.Frame(frame, LinkType.EthernetMpacket);
        Assert.Equal("d5", Decode.Field(packet, frame, "fpp.preamble"));
        // No SMD: tshark hands the whole frame to Ethernet.
        frame = ethernet;
        packet = Decode.Frame(frame, LinkType.EthernetMpacket);
        Assert.Equal([LayerKind.Frame, LayerKind.Fpp, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(0, packet[2].Offset);
        Assert.Null(Decode.Field(packet, frame, "fpp.preamble"));
    }

    [Theory]
    [InlineData(new byte[] { }, FppReach.Nothing, 1)]
    [InlineData(new byte[] { 0x55 }, FppReach.Columns, 1)]
    [InlineData(new byte[] { 0x50 }, FppReach.Nothing, 1)]
    [InlineData(new byte[] { 0x55, 0xD5, 0x01 }, FppReach.Columns, 1)]
    [InlineData(new byte[] { 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0xE6, 0x01 }, FppReach.Preamble, 1)]
    [InlineData(new byte[] { 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0xE6, 0x01, 0x02, 0x03 }, FppReach.Delimiters, 1)]
    [InlineData(new byte[] { 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0xE6, 0x01, 0x02, 0x03, 0x04 }, FppReach.Complete, 0)]
    public void ShortFramesStopWhereTsharkDoes(byte[] frame, FppReach reach, int malformed)
    {
        Assert.Equal(reach, FppFrame.Read(frame, frame.Length).Reach);
        var packet = Decode.Frame(frame, LinkType.EthernetMpacket);
        Assert.Equal(malformed == 1 ? DecodeOutcome.Malformed : DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(reach >= FppReach.Preamble, Decode.Field(packet, frame, "fpp.preamble") is not null);
        Assert.Equal(reach >= FppReach.Delimiters, Decode.Field(packet, frame, "fpp.preamble.smd") is not null);
        Assert.Equal(reach == FppReach.Complete, Decode.Field(packet, frame, "fpp.mcrc32") is not null);
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        var whole = MPacket(FppFrame.Smd.Express, EthernetFrame(EtherType.Ipv4, Udp4));
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int prefix = 0; prefix < whole.Length; prefix++)
        {
            var cut = whole[..prefix];
            var packet = Decode.Frame(cut, LinkType.EthernetMpacket, originalLength: whole.Length);
            // tshark computes an express frame's CRC before any field: a cut anywhere shows none.
            Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
            Assert.Equal([LayerKind.Frame, LayerKind.Fpp], Decode.Kinds(packet));
            Assert.Null(Decode.Field(packet, cut, "fpp.preamble"));
            Decode.AllFields(packet, cut, text);
        }
        // (Decode.EveryPrefix does not apply: an mPacket that really ends early is a shorter mPacket, not a cut header.)
        // A preemption mPacket shows its preamble once the whole mData is captured; the CRC needs the whole frame.
        foreach (var frame in new[] { MPacket(FppFrame.Smd.Start0, EthernetFrame(EtherType.Ipv6, Tcp6)),
            MPacket(FppFrame.Smd.Continuation0, [1, 2, 3], fragment: FppFrame.Smd.Start0) })
        {
            // tshark reads the byte after the SMD first (a start frame's first mData byte, a continuation's fragment
            // count): both need 9 bytes before the preamble shows.
            const int preambleShown = 9;
            for (int prefix = 0; prefix < frame.Length; prefix++)
            {
                var cut = frame[..prefix];
                var packet = Decode.Frame(cut, LinkType.EthernetMpacket, originalLength: frame.Length);
                Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
                Assert.Equal(LayerStatus.Truncated, packet[1].Status);
                Assert.Equal(prefix, packet[1].HeaderLength);
                Assert.Equal(prefix >= preambleShown, Decode.Field(packet, cut, "fpp.preamble") is not null);
                Assert.Equal(prefix >= frame.Length - 4, Decode.Field(packet, cut, "fpp.mdata") is not null);
                Assert.Null(Decode.Field(packet, cut, "fpp.checksum.status"));
                Decode.AllFields(packet, cut, text);
            }
        }
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(274);
        var bytes = new byte[90];
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        byte[] smds = [0xD5, 0x07, 0x19, 0xE6, 0x4C, 0x7F, 0xB3, 0x61, 0x52, 0x9E, 0x2A, 0x50, 0x55];
        for (int i = 0; i < 3000; i++)
        {
            random.NextBytes(bytes);
            int run = random.Next(12);
            bytes.AsSpan(0, run).Fill(0x55);
            bytes[run] = smds[random.Next(smds.Length)];
            bytes[run + 1] = smds[random.Next(smds.Length)];
            int length = random.Next(bytes.Length + 1);
            var frame = bytes[..length];
            var packet = Decode.Frame(frame, LinkType.EthernetMpacket, originalLength: random.Next(2) == 0 ? length : length + random.Next(1, 20));
            Decode.AllFields(packet, frame, text);
        }
    }
}
