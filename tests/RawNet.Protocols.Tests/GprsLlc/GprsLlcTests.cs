using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.GprsLlc;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.GprsLlc;

public class GprsLlcTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>A GPRS LLC frame: address, control and information, then the FCS (broken when asked), least significant byte first.</summary>
    public static byte[] Frame(byte address, byte[] control, byte[] information, bool badFcs = false, int? covered = null)
    {
        var body = Concat([address], control, information);
        uint fcs = GprsLlcWalk.Crc24(body.AsSpan(0, covered ?? body.Length));
        if (badFcs)
            fcs ^= 0x5A;
        return Concat(body, [(byte)fcs, (byte)(fcs >> 8), (byte)(fcs >> 16)]);
    }

    /// <summary>A UI control field with N(U), E and PM.</summary>
    public static byte[] Ui(int nu, int e = 0, int pm = 1) => U16((ushort)(0xC000 | nu << 2 | e << 1 | pm));

    /// <summary>An SN-UNITDATA PDU: a first segment with no compression unless given, its segment and N-PDU numbers.</summary>
    public static byte[] UnitData(int nsapi, byte[] payload, bool first = true, bool more = false, int segment = 0, int npdu = 1, byte compression = 0)
    {
        byte address = (byte)(SndcpHeader.TypeBit | (first ? SndcpHeader.FirstBit : 0) | (more ? SndcpHeader.MoreBit : 0) | nsapi);
        return Concat(first ? [address, compression] : [address], U16((ushort)(segment << 12 | npdu)), payload);
    }

    [Fact]
    public void Crc24IsTsharks()
    {
        // the FCS of a UI frame on SAPI 3 tshark calls correct
        Assert.Equal(0x116B8Au, GprsLlcWalk.Crc24([0x03, 0x80, 0x04]));
        Assert.Equal(0u, GprsLlcWalk.Crc24([]));
    }

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(0x45, Ui(5), UnitData(5, Udp4));
        var walk = GprsLlcWalk.Run(frame, frame.Length);
        Assert.Equal(GprsLlcReach.Fcs, walk.Reach);
        Assert.Equal(GprsLlcFormat.UnconfirmedInformation, walk.Format);
        Assert.Equal(5, walk.Sapi);
        Assert.Equal(5, walk.Sequence);
        Assert.Equal(1, walk.Epm);
        Assert.True(walk.FcsComputed);
        Assert.True(walk.FcsGood);
        Assert.Equal(GprsLlcHandoff.Sndcp, walk.Handoff);
        Assert.Equal(3, walk.PayloadAt);
        Assert.Equal(frame.Length - 6, walk.PayloadLength);
        Assert.True(SndcpHeader.TryRead(frame.AsSpan(3), out var sndcp));
        Assert.True(sndcp.First && sndcp.Unacknowledged && !sndcp.More && sndcp.Whole && sndcp.Uncompressed);
        Assert.Equal(5, sndcp.Nsapi);
        Assert.Equal(4, sndcp.Length);
        Assert.Equal(1, sndcp.Npdu);
        Assert.False(SndcpHeader.TryRead(frame.AsSpan(3, 3), out _));
    }

    [Fact]
    public void UnitDataCarriesIp()
    {
        var frame = Frame(0x03, Ui(7), UnitData(6, Udp4));
        var packet = Decode.Frame(frame, LinkType.GprsLlc);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.GprsLlc, LayerKind.Sndcp, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("llcgprs:sndcp:ip:udp:data", Decode.Protocols(packet, frame));
        Assert.Equal("3", Decode.Field(packet, frame, "llcgprs.sapi"));
        Assert.Equal("0x0006", Decode.Field(packet, frame, "llcgprs.ui"));
        Assert.Equal("7", Decode.Field(packet, frame, "llcgprs.nu"));
        Assert.Equal($"0x{GprsLlcWalk.Crc24(frame.AsSpan(0, frame.Length - 3)):x6}", Decode.Field(packet, frame, "llcgprs.fcs"));
        Assert.Equal(ChecksumStatus.Good, packet[1].Checksum);
        // tshark 4.0's sndcp.nsapi shows the whole address byte
        Assert.Equal("102", Decode.Field(packet, frame, "sndcp.nsapi"));
        Assert.Equal("6", Decode.Field(packet, frame, "sndcp.nsapib"));
        Assert.Equal("1", Decode.Field(packet, frame, "sndcp.npdu"));
        Assert.Equal(7, packet[3].Offset);
        // the FCS bounds the N-PDU
        Assert.Equal(Udp4.Length, packet[3].Extent);
    }

    [Fact]
    public void AcknowledgedDataInAnIFrameCarriesIpv6()
    {
        byte[] control = [0x01, 0x02, 0x04];
        var frame = Frame(0x03, control, Concat([0x45, 0x00, 0x09], Tcp6));
        var packet = Decode.Frame(frame, LinkType.GprsLlc);
        Assert.Equal([LayerKind.Frame, LayerKind.GprsLlc, LayerKind.Sndcp, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal("llcgprs:sndcp:ip:ipv6:tcp", Decode.Protocols(packet, frame));
        Assert.Equal("16", Decode.Field(packet, frame, "llcgprs.sackns"));
        Assert.Equal("129", Decode.Field(packet, frame, "llcgprs.sacknr"));
        Assert.Equal("9", Decode.Field(packet, frame, "sndcp.npdu"));
        Assert.Null(Decode.Field(packet, frame, "sndcp.segment"));
    }

    [Fact]
    public void BadFcsIsShownAndTheFrameDecoded()
    {
        var frame = Frame(0x03, Ui(8), UnitData(5, Udp4), badFcs: true);
        var packet = Decode.Frame(frame, LinkType.GprsLlc);
        Assert.Equal(ChecksumStatus.Bad, packet[1].Checksum);
        Assert.Equal(LayerKind.Ipv4, packet[3].Kind);
        // PM clear: the FCS covers the header and four bytes only
        frame = Frame(0x03, Ui(9, pm: 0), UnitData(5, Udp4), covered: GprsLlcWalk.UnprotectedCoverage);
        Assert.Equal(ChecksumStatus.Good, Decode.Frame(frame, LinkType.GprsLlc)[1].Checksum);
    }

    [Fact]
    public void CipheredCompressedAndOtherSapisAreData()
    {
        var ciphered = Frame(0x03, Ui(1, e: 1), UnitData(5, Udp4));
        Assert.Equal([LayerKind.Frame, LayerKind.GprsLlc, LayerKind.Payload], Decode.Kinds(Decode.Frame(ciphered, LinkType.GprsLlc)));
        var compressed = Frame(0x03, Ui(2), UnitData(5, Udp4, compression: 0x10));
        Assert.Equal([LayerKind.Frame, LayerKind.GprsLlc, LayerKind.Sndcp, LayerKind.Payload], Decode.Kinds(Decode.Frame(compressed, LinkType.GprsLlc)));
        var reserved = Frame(0x0C, Ui(3), [1, 2, 3]);
        Assert.Equal([LayerKind.Frame, LayerKind.GprsLlc, LayerKind.Payload], Decode.Kinds(Decode.Frame(reserved, LinkType.GprsLlc)));
        // GMM's DTAP on SAPI 1 is not decoded
        Assert.Equal(DecodeOutcome.Unsupported, Decode.Frame(Frame(0x01, Ui(4), [0x08, 0x01]), LinkType.GprsLlc).Outcome);
    }

    [Fact]
    public void SegmentsShowTheirPayload()
    {
        var first = Frame(0x03, Ui(1), UnitData(5, Udp4[..20], more: true, npdu: 7));
        var packet = Decode.Frame(first, LinkType.GprsLlc);
        Assert.Equal([LayerKind.Frame, LayerKind.GprsLlc, LayerKind.Sndcp], Decode.Kinds(packet));
        Assert.Equal(Convert.ToHexString(Udp4[..20]).ToLowerInvariant(), Decode.Field(packet, first, "sndcp.payload"));
        // segment 0 with no more to follow: tshark's reassembly completes at once
        var whole = Frame(0x03, Ui(2), UnitData(5, Udp4, first: false));
        Assert.Equal(LayerKind.Ipv4, Decode.Frame(whole, LinkType.GprsLlc)[3].Kind);
    }

    [Fact]
    public void ControlFormatsAndTheirFields()
    {
        var s = Frame(0x03, [0x80, 0x07], [0xAA, 0xBB]);
        var packet = Decode.Frame(s, LinkType.GprsLlc);
        Assert.Equal("0x0003", Decode.Field(packet, s, "llcgprs.s1s2"));
        Assert.Equal("0xaa,0xbb", Decode.Field(packet, s, "llcgprs.sackrbits"));
        var xid = Frame(0x01, [0xEB], [0x05, 0x00, 0x01, 0x06, 0x05, 0xDC]);
        packet = Decode.Frame(xid, LinkType.GprsLlc);
        Assert.Equal("0x0b", Decode.Field(packet, xid, "llcgprs.ucom"));
        Assert.Equal("1,0,1", Decode.Field(packet, xid, "llcgprs.xidtype"));
        Assert.Equal("0x00,0x06,0xdc", Decode.Field(packet, xid, "llcgprs.xidbyte"));
        var tom = Frame(0x02, Ui(1), [0x21, 0x02, 0x03, 0x04]);
        packet = Decode.Frame(tom, LinkType.GprsLlc);
        Assert.Equal("2", Decode.Field(packet, tom, "llcgprs.romrl"));
        Assert.Equal("0x04", Decode.Field(packet, tom, "llcgprs.tomdata"));
    }

    [Fact]
    public void AProtocolDiscriminatorWithOtherBitsIsRefused()
    {
        var frame = Frame(0x83, Ui(1), UnitData(5, Udp4));
        var packet = Decode.Frame(frame, LinkType.GprsLlc);
        Assert.Equal([LayerKind.Frame, LayerKind.GprsLlc], Decode.Kinds(packet));
        Assert.Equal("", Decode.Protocols(packet, frame));
        Assert.Null(Decode.Field(packet, frame, "llcgprs.sapi"));
        // PD alone is read on
        frame = Frame(0x80, Ui(1), [1, 2]);
        Assert.Equal("1", Decode.Field(Decode.Frame(frame, LinkType.GprsLlc), frame, "llcgprs.pd"));
    }

    [Fact]
    public void ShortAndCutFrames()
    {
        // Every cut by the capture is truncated; the same bytes as the whole frame are not always malformed: tshark's
        // llcgprs hands on nothing when the FCS leaves no information field (Decode.EveryPrefix would expect Malformed).
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        foreach (var sample in new[] { Frame(0x03, Ui(1), UnitData(5, Udp4)),
                     Frame(0x03, [0x01, 0x02, 0x07], Concat([0x02, 0xF0, 0x0F, 0x55], [0x45, 0x00, 0x09], Tcp6)) })
        {
            for (int prefix = 0; prefix < sample.Length; prefix++)
            {
                var bytes = sample[..prefix];
                var cutPacket = Decode.Frame(bytes, LinkType.GprsLlc, originalLength: sample.Length);
                // a cut in the headers is truncated; one in the FCS only leaves it uncomputed
                if (prefix < 12)
                    Assert.True(cutPacket.Outcome == DecodeOutcome.Truncated, $"prefix {prefix} of {sample.Length}: {cutPacket.Outcome}");
                Assert.NotEqual(DecodeOutcome.Malformed, cutPacket.Outcome);
                Decode.AllFields(cutPacket, bytes, text);
                Decode.AllFields(Decode.Frame(bytes, LinkType.GprsLlc), bytes, text);
            }
        }
        byte[] tooShort = [0x03, 0xC0];
        var packet = Decode.Frame(tooShort, LinkType.GprsLlc);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("3", Decode.Field(packet, tooShort, "llcgprs.sapi"));
        Assert.Null(Decode.Field(packet, tooShort, "llcgprs.nu"));
        // cut by the capture: the FCS is not computed (0 at offset 0), the N-PDU is read as far as it was captured
        var whole = Frame(0x03, Ui(1), UnitData(5, Udp4));
        var cut = whole[..20];
        packet = Decode.Frame(cut, LinkType.GprsLlc, originalLength: whole.Length);
        Assert.Equal("0x000000", Decode.Field(packet, cut, "llcgprs.fcs"));
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal(LayerKind.Ipv4, packet[3].Kind);
    }

    [Fact]
    public void HostileFramesEndInBoundedTime()
    {
        var random = new Random(169);
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 3000; i++)
        {
            var frame = new byte[random.Next(0, 200)];
            random.NextBytes(frame);
            if (frame.Length > 0 && random.Next(2) == 0)
                frame[0] &= 0x4F;
            var packet = Decode.Frame(frame, LinkType.GprsLlc, originalLength: frame.Length + random.Next(0, 3));
            Decode.AllFields(packet, frame, text);
        }
    }
}
