using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Gfp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Gfp;

public class GfpTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>
    /// A GFP frame: the core header (the PLI, the payload area's length unless given, and cHEC), the type (PTI, PFI, EXI,
    /// UPI) and tHEC, a linear frame's extension header when EXI is 1, the payload, and its FCS when PFI is set; the HECs
    /// named in <paramref name="bad"/> ('c', 't', 'e') broken.
    /// </summary>
    public static byte[] Frame(byte upi, byte[] payload, byte pti = 0, bool pfi = false, byte exi = 0, byte cid = 0, int? pli = null,
        string bad = "", uint? fcs = null)
    {
        byte[] Hec(byte[] covered, char which) => U16(Crc16.Xmodem(covered) ^ (bad.Contains(which) ? 0x0101 : 0));
        byte[] type = [(byte)((pti << 5) | (pfi ? 0x10 : 0) | exi), upi];
        var area = Concat(type, Hec(type, 't'));
        if (exi == GfpHeader.ExtensionLinear)
        {
            byte[] extension = [cid, 0];
            area = Concat(area, extension, Hec(extension, 'e'));
        }
        area = Concat(area, payload);
        if (pfi)
            area = Concat(area, U32(fcs ?? ~Crc32.Mpeg2(payload)));
        var core = U16(pli ?? area.Length);
        return Concat(core, Hec(core, 'c'), area);
    }

    [Fact]
    public void ChecksumsAreGfps()
    {
        Assert.Equal(0x31C3, Crc16.Xmodem("123456789"u8));
        Assert.Equal(0x8108, Crc16.Xmodem([0x00, 0x08]));
        Assert.Equal(0x0376E6E7u, Crc32.Mpeg2("123456789"u8));
        Assert.Equal(0xFFFFFFFFu, Crc32.Mpeg2([]));
    }

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame((byte)GfpUserPayload.Ipv6, [1, 2, 3], pti: 5, pfi: true, exi: 1, cid: 9);
        Assert.True(GfpHeader.TryRead(frame, out var header));
        Assert.Equal(frame.Length - 4, header.Pli);
        Assert.Equal(5, header.PayloadType);
        Assert.True(header.HasFcs);
        Assert.Equal(1, header.Extension);
        Assert.Equal(17, header.UserPayload);
        Assert.Equal(0xB111, header.Type);
        Assert.True(GfpHeader.HecGood(frame, GfpHeader.Field.Pli));
        Assert.True(GfpHeader.HecGood(frame, GfpHeader.Field.Type));
        Assert.True(GfpHeader.HecGood(frame, GfpHeader.Field.ChannelId));
        Assert.False(GfpHeader.TryRead(frame.AsSpan(0, 7), out _));
        var read = GfpFrame.Read(frame, frame.Length);
        Assert.Equal(GfpReach.Complete, read.Reach);
        Assert.Equal(GfpHeader.ExtendedLength, read.PayloadOffset);
        Assert.Equal(3, read.PayloadLength);
        Assert.Equal(15, read.FcsAt);
        Assert.True(read.FcsGood);
    }

    [Fact]
    public void EthernetCarriesItsFcs()
    {
        var ethernet = EthernetFrame(EtherType.Ipv4, Udp4);
        ethernet = Concat(ethernet, new byte[Math.Max(0, 60 - ethernet.Length)]);
        ethernet = Concat(ethernet, BitConverter.GetBytes(Crc32.Compute(ethernet)));
        var frame = Frame((byte)GfpUserPayload.Ethernet, ethernet);
        var packet = Decode.Frame(frame, LinkType.GfpFrameMapped);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Gfp, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(8, packet[2].Offset);
        Assert.Equal($"{frame.Length - 4}", Decode.Field(packet, frame, "gfp.pli"));
        Assert.Equal("1", Decode.Field(packet, frame, "gfp.chec.status"));
        Assert.Equal("0x0001", Decode.Field(packet, frame, "gfp.type"));
        Assert.Equal("0x0001", Decode.Field(packet, frame, "gfp.upi"));
        Assert.Equal("0", Decode.Field(packet, frame, "gfp.pfi"));
        Assert.Null(Decode.Field(packet, frame, "gfp.cid"));
        Assert.Null(Decode.Field(packet, frame, "gfp.fcs"));
        Assert.NotNull(Decode.Field(packet, frame, "eth.fcs"));
    }

    [Theory]
    [InlineData(GfpUserPayload.Ipv4, LayerKind.Ipv4)]
    [InlineData(GfpUserPayload.Ipv6, LayerKind.Ipv6)]
    [InlineData(GfpUserPayload.Mpls, LayerKind.Mpls)]
    [InlineData(GfpUserPayload.AsynchronousFibreChannel, LayerKind.Mpls)]
    [InlineData(GfpUserPayload.Ppp, LayerKind.Ppp)]
    public void UserPayloadsGoWhereTsharkSendsThem(GfpUserPayload upi, LayerKind kind)
    {
        byte[] payload = upi switch
        {
            GfpUserPayload.Ipv4 => Udp4,
            GfpUserPayload.Ipv6 => Tcp6,
            GfpUserPayload.Ppp => Concat([0xFF, 0x03, 0x00, 0x21], Udp4),
            _ => Concat(U32(16u << 12 | 1u << 8 | 64), Udp4),
        };
        var frame = Frame((byte)upi, payload);
        var packet = Decode.Frame(frame, LinkType.GfpTransparent);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(kind, packet[2].Kind);
        Assert.Equal(GfpHeader.Length, packet[2].Offset);
    }

    [Fact]
    public void ExtensionHeaderAndFcsAreReadAndChecked()
    {
        var frame = Frame((byte)GfpUserPayload.Ipv4, Udp4, pfi: true, exi: 1, cid: 7, bad: "e", fcs: 0x12345678);
        var packet = Decode.Frame(frame, LinkType.GfpFrameMapped);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal(LayerKind.Ipv4, packet[2].Kind);
        Assert.Equal(GfpHeader.ExtendedLength, packet[2].Offset);
        Assert.Equal(Udp4.Length, packet[2].Extent);
        Assert.Equal("0x07", Decode.Field(packet, frame, "gfp.cid"));
        Assert.Equal("0", Decode.Field(packet, frame, "gfp.ehec.status"));
        Assert.Equal("0x12345678", Decode.Field(packet, frame, "gfp.fcs"));
        Assert.Equal("0", Decode.Field(packet, frame, "gfp.fcs_good"));
        Assert.Equal("1", Decode.Field(packet, frame, "gfp.fcs_bad"));
        Assert.Equal(ChecksumStatus.Bad, packet[1].Checksum);
        Assert.Equal(Crc16.Xmodem([7, 0]), packet[1].ExpectedChecksum);
    }

    [Fact]
    public void IdleAndReservedFramesEndAtTheCoreHeader()
    {
        foreach (int pli in new[] { 0, 1, 3 })
        {
            var frame = Concat(Frame(0, [], pli: pli)[..4], [1, 2, 3, 4, 5]);
            var packet = Decode.Frame(frame, LinkType.GfpFrameMapped);
            Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
            Assert.Equal([LayerKind.Frame, LayerKind.Gfp], Decode.Kinds(packet));
            Assert.Equal($"{pli}", Decode.Field(packet, frame, "gfp.pli"));
            Assert.Null(Decode.Field(packet, frame, "gfp.type"));
            Assert.Null(Decode.Field(packet, frame, "gfp.thec"));
        }
    }

    [Fact]
    public void ReservedPtiShowsNoTypeAndNoPayload()
    {
        var frame = Frame((byte)GfpUserPayload.Ipv4, Udp4, pti: 3);
        var packet = Decode.Frame(frame, LinkType.GfpFrameMapped);
        Assert.Equal([LayerKind.Frame, LayerKind.Gfp], Decode.Kinds(packet));
        Assert.Null(Decode.Field(packet, frame, "gfp.pti"));
        Assert.Equal("1", Decode.Field(packet, frame, "gfp.thec.status"));
    }

    [Fact]
    public void PliPastTheFrameStillHandsOnThePayload()
    {
        var frame = Frame((byte)GfpUserPayload.Ipv4, Udp4, pli: 2000);
        var packet = Decode.Frame(frame, LinkType.GfpFrameMapped);
        Assert.Equal(LayerKind.Ipv4, packet[2].Kind);
        Assert.Equal(LayerStatus.Complete, packet[2].Status);
    }

    [Fact]
    public void ShortFramesStopWhereTsharkStops()
    {
        var frame = Frame((byte)GfpUserPayload.Ipv6, Tcp6, pfi: true, exi: 1);
        Assert.Equal(GfpReach.None, GfpFrame.Read(frame.AsSpan(0, 3), 3).Reach);
        Assert.Equal(GfpReach.Protocol, GfpFrame.Read(frame.AsSpan(0, 1), frame.Length).Reach);
        Assert.Equal(GfpReach.Pli, GfpFrame.Read(frame.AsSpan(0, 3), frame.Length).Reach);
        Assert.Equal(GfpReach.Core, GfpFrame.Read(frame.AsSpan(0, 7), frame.Length).Reach);
        Assert.Equal(GfpReach.Type, GfpFrame.Read(frame.AsSpan(0, 8), frame.Length).Reach);
        Assert.Equal(GfpReach.ChannelId, GfpFrame.Read(frame.AsSpan(0, 11), frame.Length).Reach);
        var cut = GfpFrame.Read(frame.AsSpan(0, frame.Length - 1), frame.Length);
        Assert.Equal(GfpReach.Headers, cut.Reach);
        Assert.True(cut.Cut);
        var ended = GfpFrame.Read(frame.AsSpan(0, frame.Length - 1), frame.Length - 1);
        Assert.False(ended.Cut);
        var packet = Decode.Frame(frame[..^1], LinkType.GfpFrameMapped);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[1].Status);
        packet = Decode.Frame(frame[..^1], LinkType.GfpFrameMapped, originalLength: frame.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Null(Decode.Field(packet, frame[..^1], "gfp.fcs"));
        Assert.Equal("0x00", Decode.Field(packet, frame[..^1], "gfp.cid"));
    }

    [Fact]
    public void EveryPrefixDecodesWithoutThrowing()
    {
        Decode.EveryPrefix(Frame((byte)GfpUserPayload.Ipv6, Tcp6, exi: 1), LinkType.GfpFrameMapped);
        Decode.EveryPrefix(Frame((byte)GfpUserPayload.Ipv4, Udp4), LinkType.GfpTransparent);
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(171);
        var frame = new byte[40];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(frame);
            var bytes = frame[..random.Next(frame.Length + 1)];
            Decode.Frame(bytes, LinkType.GfpFrameMapped);
            Decode.Frame(bytes, LinkType.GfpFrameMapped, originalLength: bytes.Length + random.Next(100));
        }
    }
}
