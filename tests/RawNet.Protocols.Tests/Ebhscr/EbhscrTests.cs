using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ebhscr;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ebhscr;

public class EbhscrTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));

    /// <summary>An EBHSCR frame: major number, slot and channel, version and status, the payload's length, timestamps, the major-specific header, the payload.</summary>
    public static byte[] Frame(byte major, byte[] payload, byte slotChannel = 0, ushort versionStatus = 0x1000, ulong majorHeader = 0) =>
        Concat([major, slotChannel], U16(versionStatus), U32((uint)payload.Length), U32(0x11), U32(0x22334455), U32(0x11), U32(0x22335555),
            U32((uint)(majorHeader >> 32)), U32((uint)majorHeader), payload);

    /// <summary>An Ethernet frame with its FCS.</summary>
    public static byte[] EthernetWithFcs(byte[] ip)
    {
        var frame = EthernetFrame(EtherType.Ipv4, ip);
        return Concat(frame, BitConverter.GetBytes(Crc32.Compute(frame)));
    }

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(0x50, [1, 2, 3], slotChannel: 0x95, versionStatus: 0x2ABC, majorHeader: 0x0000000400000000);
        Assert.True(EbhscrHeader.TryRead(frame, out var header));
        Assert.Equal(0x50, header.Major);
        Assert.Equal(2, header.Slot);
        Assert.Equal(0x15, header.Channel);
        Assert.Equal(2, header.Version);
        Assert.Equal(0xABC, header.Status);
        Assert.Equal(3u, header.PayloadLength);
        Assert.Equal(EbhscrHeader.FcsUnavailable, header.MajorHeader);
        Assert.False(EbhscrHeader.TryRead(frame.AsSpan(0, 31), out _));
        Assert.True(EbhscrHeader.IsOtherKnownMajor(0x53));
        Assert.False(EbhscrHeader.IsOtherKnownMajor(0x50));
    }

    [Fact]
    public void EthernetCarriesItsFcsUnlessUnavailable()
    {
        var frame = Frame(0x50, EthernetWithFcs(Udp4), versionStatus: 0x1201);
        var packet = Decode.Frame(frame, LinkType.Ebhscr);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ebhscr, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(32, packet[2].Offset);
        Assert.NotNull(Decode.Field(packet, frame, "eth.fcs"));
        Assert.Equal("0x50", Decode.Field(packet, frame, "ebhscr.mjr"));
        Assert.Equal("0x0201", Decode.Field(packet, frame, "ebhscr.sts"));
        Assert.Equal("1", Decode.Field(packet, frame, "ebhscr.eth.crc"));
        Assert.Equal("1", Decode.Field(packet, frame, "ebhscr.eth.rxtrc"));
        Assert.Equal("0", Decode.Field(packet, frame, "ebhscr.eth.fcsua"));
        var bare = Frame(0x50, EthernetFrame(EtherType.Ipv4, Udp4), majorHeader: EbhscrHeader.FcsUnavailable);
        packet = Decode.Frame(bare, LinkType.Ebhscr);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Null(Decode.Field(packet, bare, "eth.fcs"));
        Assert.Equal("1", Decode.Field(packet, bare, "ebhscr.eth.fcsua"));
    }

    [Fact]
    public void OtherMajorNumbersAreDataWithoutEthernetFields()
    {
        var frame = Frame(0x99, [1, 2, 3, 4], majorHeader: 5);
        var packet = Decode.Frame(frame, LinkType.Ebhscr);
        Assert.Equal([LayerKind.Frame, LayerKind.Ebhscr, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x0000000000000005", Decode.Field(packet, frame, "ebhscr.mjrhdr"));
        Assert.Null(Decode.Field(packet, frame, "ebhscr.eth.crc"));
        var can = Frame(0x53, [1, 2, 3, 4]);
        packet = Decode.Frame(can, LinkType.Ebhscr);
        Assert.Null(Decode.Field(packet, can, "ebhscr.sts"));
        Assert.Equal("0x53", Decode.Field(packet, can, "ebhscr.mjr"));
    }

    [Fact]
    public void ShortFramesShowNoField()
    {
        var frame = Frame(0x50, EthernetWithFcs(Udp4));
        var packet = Decode.Frame(frame[..31], LinkType.Ebhscr, originalLength: frame.Length);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ebhscr], Decode.Kinds(packet));
        Assert.Null(Decode.Field(packet, frame[..31], "ebhscr.hdr"));
        // tshark reads the payload by the captured length: a cut inside it is malformed
        packet = Decode.Frame(frame[..40], LinkType.Ebhscr, originalLength: frame.Length);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("0x50001000", Decode.Field(packet, frame[..40], "ebhscr.hdr"));
    }

    [Fact]
    public void HostileBytesNeverThrow()
    {
        var random = new Random(279);
        var frame = new byte[80];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(frame);
            if (i % 2 == 0)
                frame[0] = 0x50;
            var bytes = frame[..random.Next(frame.Length + 1)];
            Decode.Frame(bytes, LinkType.Ebhscr);
            Decode.Frame(bytes, LinkType.Ebhscr, originalLength: bytes.Length + random.Next(100));
        }
    }
}
