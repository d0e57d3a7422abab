using RawNet.Protocols.Decoding;
using RawNet.Protocols.Quic;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Quic;

public class QuicTests
{
    /// <summary>RFC 9001 appendix A's client DCID.</summary>
    private const string Dcid = "8394c8f03e515708";

    /// <summary>
    /// A v1 client Initial with RFC 9001 A's DCID, an SCID of 4, no token, a length of 40 and 40 bytes (the first 20 are
    /// A.2's protected packet number and sample, so the header protection comes off as the RFC shows).
    /// </summary>
    public static byte[] Initial() => Hex("c0 00000001 08" + Dcid + "04 0a0b0c0d 00 4028"
        + "7b9aec34 d1b1c98dd7689fb8ec11d242b123dc9b" + new string('5', 40));

    /// <summary>A Handshake packet with a 2-byte DCID of its own and 8 bytes after its length.</summary>
    public static byte[] Handshake(string dcid = "aabb") => Hex("e0 00000001" + (dcid.Length / 2).ToString("x2") + dcid + "00 08 0102030405060708");

    /// <summary>An Ethernet frame with IPv4 and UDP to port 443 around <paramref name="payload"/>.</summary>
    public static byte[] Frame(byte[] payload, ushort destination = 443) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(50000, destination, payload)));

    [Fact]
    public void HeuristicTakesLongHeadersOfKnownVersions()
    {
        Assert.True(QuicPacket.IsTaken(Initial()));
        Assert.True(QuicPacket.IsTaken(Hex("c0 ff00001d 06 010203040506 00")));
        Assert.False(QuicPacket.IsTaken(Hex("c0 abcdef01 08 0102030405060708 00")));
        Assert.False(QuicPacket.IsTaken(Hex("c0 ff00000a 08 0102030405060708 00")));
        Assert.False(QuicPacket.IsTaken(Hex("c0 00000000 08 0102030405060708 00")));
        Assert.False(QuicPacket.IsTaken(Hex("40 00000001 08 0102030405060708 00")));
        Assert.False(QuicPacket.IsTaken(Initial()[..12]));
        // the SCID length byte must be captured, and a CID length at most 20
        Assert.False(QuicPacket.IsTaken(Hex("c0 00000001 07 01020304050607")));
        Assert.False(QuicPacket.IsTaken(Hex("c0 00000001 15" + new string('1', 42) + "00")));
        Assert.True(QuicPacket.IsKnownVersion(0x1a2a3a4a));
        Assert.True(QuicPacket.IsKnownVersion(0x51303530));
        Assert.False(QuicPacket.IsKnownVersion(0x51303433));
    }

    [Fact]
    public void HeaderProtectionMaskIsRfc9001s()
    {
        Span<byte> mask = stackalloc byte[5];
        Assert.True(QuicHeaderProtection.TryMask(1, Hex(Dcid), Hex("d1b1c98dd7689fb8ec11d242b123dc9b"), mask));
        Assert.Equal(Hex("437b9aec36"), mask.ToArray());
        Assert.False(QuicHeaderProtection.TryMask(0xabcdef01, Hex(Dcid), Hex("d1b1c98dd7689fb8ec11d242b123dc9b"), mask));
    }

    [Fact]
    public void InitialShowsItsUnprotectedPacketNumber()
    {
        var frame = Frame(Initial());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Quic], Decode.Kinds(packet));
        Assert.Equal("0x00000001", Decode.Field(packet, frame, "quic.version"));
        Assert.Equal(Dcid, Decode.Field(packet, frame, "quic.dcid"));
        Assert.Equal("0", Decode.Field(packet, frame, "quic.long.reserved"));
        Assert.Equal("3", Decode.Field(packet, frame, "quic.packet_number_length"));
        Assert.Equal("2", Decode.Field(packet, frame, "quic.packet_number"));
        Assert.Equal("40", Decode.Field(packet, frame, "quic.length"));
        Assert.Null(Decode.Field(packet, frame, "quic.remaining_payload"));
    }

    [Fact]
    public void CoalescedPacketsWithTheFirstDcidAreWalkedPaddingIsNot()
    {
        var datagram = Initial().Concat(Hex("e0 00000001 08" + Dcid + "00 02 0102")).ToArray();
        var kinds = new List<QuicValue>();
        var collector = new Collector(kinds);
        Assert.Equal(QuicWalkStatus.Complete, QuicWalk.Run(datagram, datagram.Length, ref collector, out _));
        Assert.Equal(2, kinds.Count(k => k == QuicValue.PacketLength));
        Assert.Equal(QuicValue.RemainingPayload, kinds[^1]);
        // another DCID after the first packet is padding: the walk ends before it
        datagram = Initial().Concat(Handshake()).ToArray();
        kinds.Clear();
        Assert.Equal(QuicWalkStatus.Complete, QuicWalk.Run(datagram, datagram.Length, ref collector, out _));
        Assert.Equal(1, kinds.Count(k => k == QuicValue.PacketLength));
    }

    [Fact]
    public void EveryPrefixEndsTheWalkWithoutAnException()
    {
        // a cut in a packet's payload is shown as far as captured (no exception), and a next packet that starts past the
        // captured bytes is not read: only a cut in a header, a sample or where an item starts is truncation
        var datagram = Initial().Concat(Hex("e0 00000001 08" + Dcid + "00 02 0102")).ToArray();
        for (int length = 0; length <= datagram.Length; length++)
        {
            var status = QuicWalk.StatusOf(datagram.AsSpan(0, length), datagram.Length, default, out int stop);
            Assert.True(status is QuicWalkStatus.Complete or QuicWalkStatus.Truncated);
            Assert.True(status == QuicWalkStatus.Complete == (length >= 42 && length < Initial().Length || length > Initial().Length + 16), $"{length}: {status}");
            Assert.InRange(stop, -1, length);
            var frame = Frame(datagram);
            Decode.Frame(frame[..(42 + length)], LinkType.Ethernet, originalLength: frame.Length);
        }
    }

    [Fact]
    public void PayloadsTheHeuristicRefusesStayData()
    {
        var frame = Frame(Hex("40 0102030405060708090a0b0c0d0e0f"));
        Assert.Equal(LayerKind.Payload, Decode.Kinds(Decode.Frame(frame, LinkType.Ethernet))[^1]);
        frame = Frame(Hex("c0 abcdef01 08 0102030405060708 00"), 4433);
        Assert.Equal(LayerKind.Payload, Decode.Kinds(Decode.Frame(frame, LinkType.Ethernet))[^1]);
        frame = Frame(Handshake(), 4433);
        Assert.Equal(LayerKind.Quic, Decode.Kinds(Decode.Frame(frame, LinkType.Ethernet))[^1]);
    }

    private readonly struct Collector(List<QuicValue> kinds) : IQuicVisitor
    {
        public bool Item(QuicValue which, int offset, int length, ulong number)
        {
            kinds.Add(which);
            return true;
        }
    }
}
