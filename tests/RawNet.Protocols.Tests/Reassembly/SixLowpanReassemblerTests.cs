using RawNet.Protocols.Decoding;
using RawNet.Protocols.Reassembly;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Reassembly;

public class SixLowpanReassemblerTests
{
    private static readonly SixLowpanFragmentKey Key = new(2, 1, 2, 2, 0x0100);

    private static byte[] Bytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    [Fact]
    public void FragmentsOutOfOrderMakeTheDatagramInOffsetOrder()
    {
        var reassembler = new SixLowpanReassembler(ReassemblyLimits.Default);
        var whole = Bytes(148, 1);
        var destination = new byte[SixLowpanReassembler.MaxDatagramLength];
        Assert.False(reassembler.TryAdd(Key, 112, false, whole.AsSpan(112), 1, 0, destination, out _));
        Assert.False(reassembler.TryAdd(Key, 0, true, whole.AsSpan(0, 72), 2, 0, destination, out _));
        Assert.Equal(1, reassembler.InProgress);
        Assert.True(reassembler.TryAdd(Key, 72, true, whole.AsSpan(72, 40), 3, 0, destination, out var datagram));
        Assert.NotNull(datagram);
        Assert.Equal((3, 148), (datagram.Count, datagram.Length));
        Assert.Equal(new long[] { 2, 3, 1 }, Enumerable.Range(0, 3).Select(datagram.FrameOf).ToArray());
        Assert.Equal(whole, destination[..148]);
        Assert.Equal(0, reassembler.InProgress);
    }

    [Fact]
    public void OverlapsKeepTheBytesOfTheLowerOffsetAndMarkConflicts()
    {
        var reassembler = new SixLowpanReassembler(ReassemblyLimits.Default);
        var whole = Bytes(148, 2);
        var destination = new byte[SixLowpanReassembler.MaxDatagramLength];
        reassembler.TryAdd(Key, 0, true, whole.AsSpan(0, 72), 1, 0, destination, out _);
        var other = Enumerable.Repeat((byte)'X', 52).ToArray();
        reassembler.TryAdd(Key, 96, false, other, 2, 0, destination, out _);
        reassembler.TryAdd(Key, 0, true, whole.AsSpan(0, 72), 3, 0, destination, out _);
        Assert.True(reassembler.TryAdd(Key, 72, false, whole.AsSpan(72), 4, 0, destination, out var datagram));
        Assert.Equal(whole, destination[..148]);
        // in offset order: 1, 3 (a repeat: overlap, same bytes), 4, 2 (inside 4 with other bytes: an error)
        Assert.Equal(new long[] { 1, 3, 4, 2 }, Enumerable.Range(0, 4).Select(datagram!.FrameOf).ToArray());
        Assert.Equal(FragmentMarks.None, datagram.MarksOf(0));
        Assert.Equal(FragmentMarks.Overlap, datagram.MarksOf(1));
        Assert.Equal(FragmentMarks.Overlap | FragmentMarks.Conflict, datagram.MarksOf(3));
    }

    [Fact]
    public void TheFirstTailSetsTheLengthAndLaterOnesAreMarked()
    {
        var reassembler = new SixLowpanReassembler(ReassemblyLimits.Default);
        var whole = Bytes(160, 3);
        var destination = new byte[SixLowpanReassembler.MaxDatagramLength];
        reassembler.TryAdd(Key, 112, false, whole.AsSpan(112, 28), 1, 0, destination, out _);
        reassembler.TryAdd(Key, 112, false, whole.AsSpan(112, 36), 2, 0, destination, out _);
        reassembler.TryAdd(Key, 72, true, whole.AsSpan(72, 48), 3, 0, destination, out _);
        Assert.True(reassembler.TryAdd(Key, 0, true, whole.AsSpan(0, 72), 4, 0, destination, out var datagram));
        Assert.Equal(140, datagram!.Length);
        Assert.Equal(whole[..140], destination[..140]);
        Assert.Equal(FragmentMarks.Overlap | FragmentMarks.MultipleTails | FragmentMarks.TooLong, datagram.MarksOf(3));
    }

    [Fact]
    public void ACompletedDatagramIsForgottenAndKeysApartStayApart()
    {
        var reassembler = new SixLowpanReassembler(ReassemblyLimits.Default);
        var destination = new byte[SixLowpanReassembler.MaxDatagramLength];
        Assert.True(reassembler.TryAdd(Key, 0, false, Bytes(72, 4), 1, 0, destination, out _));
        Assert.False(reassembler.TryAdd(Key, 72, true, Bytes(8, 5), 2, 0, destination, out _));
        Assert.False(reassembler.TryAdd(Key with { Source = 3 }, 0, true, Bytes(72, 6), 3, 0, destination, out _));
        Assert.False(reassembler.TryAdd(Key with { Source = 3 }, 80, false, Bytes(8, 7), 4, 0, destination, out _));
        Assert.Equal(2, reassembler.InProgress);
    }

    [Fact]
    public void MemoryIsBoundedByLimitsFragmentsAndTime()
    {
        var reassembler = new SixLowpanReassembler(new ReassemblyLimits(2, 1_000));
        var destination = new byte[SixLowpanReassembler.MaxDatagramLength];
        Assert.False(reassembler.TryAdd(Key, 4090, true, Bytes(8, 1), 1, 0, destination, out _));
        Assert.Equal(1, reassembler.FragmentsRejected);
        for (ushort tag = 0; tag < 5; tag++)
            reassembler.TryAdd(Key with { Tag = tag }, 8, true, Bytes(8, tag), tag, 0, destination, out _);
        Assert.Equal(2, reassembler.InProgress);
        Assert.Equal(3, reassembler.DatagramsDropped);
        reassembler.TryAdd(Key with { Tag = 99 }, 8, true, Bytes(8, 9), 9, 5_000, destination, out _);
        Assert.Equal(1, reassembler.InProgress);
        for (int i = 0; i <= SixLowpanReassembler.MaxFragments; i++)
            reassembler.TryAdd(Key, 16, true, Bytes(8, i), i, 5_000, destination, out _);
        Assert.Equal(1, reassembler.InProgress);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SixLowpanReassembler(new ReassemblyLimits(0)));
    }

    /// <summary>802.15.4 data frames from 0x0002 to 0x0001 with a FRAG1 (IPHC, NHC UDP, 24 bytes) and a FRAGN with the other 76 bytes of a 148-byte datagram.</summary>
    public static byte[][] FragmentFrames()
    {
        byte[] mac = [0x61, 0x98, 0x05, 0xCD, 0xAB, 0x01, 0x00, 0x02, 0x00];
        var payload = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        byte[] first = [0xC0, 148, 0x01, 0x00, 0x7E, 0x33, 0xF0, 0x9C, 0x40, 0x00, 0x09, 0x12, 0x34, .. payload.AsSpan(0, 24)];
        byte[] later = [0xE0, 148, 0x01, 0x00, 9, .. payload.AsSpan(24)];
        return [Ieee802154.Ieee802154Tests.Frame(mac, first), Ieee802154.Ieee802154Tests.Frame(mac, later)];
    }

    [Fact]
    public void TheFrameThatCompletesADatagramDecodesItsIpv6AndUdp()
    {
        var frames = FragmentFrames();
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        decoder.Decode(frames[0], new FrameMetadata(0, frames[0].Length, frames[0].Length, LinkType.Ieee802154WithFcs), 1, packet);
        Assert.Equal(LayerKind.Payload, packet[packet.LayerCount - 1].Kind);
        Assert.Equal("72", Decode.Field(packet, frames[0], "data.len"));
        Assert.Null(Decode.Field(packet, frames[0], "6lowpan.fragment"));
        decoder.Decode(frames[1], new FrameMetadata(1_000, frames[1].Length, frames[1].Length, LinkType.Ieee802154WithFcs), 2, packet);
        Assert.Equal("wpan:6lowpan:ipv6:udp:data", Decode.Protocols(packet, frames[1]));
        Assert.Equal("1,2", Decode.Field(packet, frames[1], "6lowpan.fragment"));
        Assert.Equal("2", Decode.Field(packet, frames[1], "6lowpan.fragment.count"));
        Assert.Equal("148", Decode.Field(packet, frames[1], "6lowpan.reassembled.length"));
        Assert.Equal("108", Decode.Field(packet, frames[1], "ipv6.plen"));
        Assert.Equal("108", Decode.Field(packet, frames[1], "udp.length"));
        Assert.Equal("fe80::ff:fe00:2", Decode.Field(packet, frames[1], "ipv6.src"));
        Assert.Equal(148, packet.Decompressed.Length);
        // without reassembly the first fragment shows its headers and the later one its fragment header
        var off = Decode.Frame(frames[1], LinkType.Ieee802154WithFcs, options: DecoderOptions.Default with { Defragment = false });
        Assert.Equal(LayerKind.SixLowpan, off[off.LayerCount - 1].Kind);
    }

    [Fact]
    public void AFirstFragmentHoldingMoreThanItsSizeIsMalformed()
    {
        var frames = FragmentFrames();
        var mac = frames[0][..9];
        var body = frames[0][9..^2];
        body[1] = 71;
        var frame = Ieee802154.Ieee802154Tests.Frame(mac, body);
        var packet = Decode.Frame(frame, LinkType.Ieee802154WithFcs);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("wpan:6lowpan", Decode.Protocols(packet, frame));
    }
}
