using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Reassembly;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Reassembly;

public class IpReassemblerTests
{
    /// <summary>A UDP datagram whose checksum covers the whole datagram, for the given IP version's pseudo-header.</summary>
    private static byte[] Datagram(int payloadLength, int version, int seed = 1)
    {
        var payload = new byte[payloadLength];
        new Random(seed).NextBytes(payload);
        var udp = UdpDatagram(5060, 5060, payload);
        ulong pseudo = version == 4
            ? InternetChecksum.PseudoHeaderIpv4(Ip(V4Src), Ip(V4Dst), IpProtocol.Udp, udp.Length)
            : InternetChecksum.PseudoHeaderIpv6(Ip(V6Src), Ip(V6Dst), IpProtocol.Udp, udp.Length);
        FillTransportChecksum(IpProtocol.Udp, udp, pseudo);
        return udp;
    }

    /// <summary>(start, length) pieces: the first two overlap by 24 bytes when <paramref name="overlap"/> is set.</summary>
    private static (int Start, int Length)[] Pieces(int total, int size, bool overlap = false)
    {
        var pieces = new List<(int, int)>();
        for (int start = 0; start < total; start += size)
            pieces.Add((start, Math.Min(size, total - start)));
        if (overlap)
            pieces[1] = (pieces[1].Item1 - 24, pieces[1].Item2 + 24);
        return pieces.ToArray();
    }

    private static byte[] Fragment4(byte[] datagram, (int Start, int Length) piece, ushort id = 0x4242, string source = V4Src)
    {
        bool more = piece.Start + piece.Length < datagram.Length;
        ushort flags = (ushort)((more ? 0x2000 : 0) | (piece.Start / 8));
        return EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, datagram.AsSpan(piece.Start, piece.Length).ToArray(),
            source: source, flagsAndOffset: flags, identification: id, transportChecksum: false));
    }

    private static byte[] Fragment6(byte[] datagram, (int Start, int Length) piece, uint id = 0x01020304)
    {
        bool more = piece.Start + piece.Length < datagram.Length;
        var fragment = new Extension(IpProtocol.Ipv6Fragment, Concat(U16(piece.Start | (more ? 1 : 0)), U32(id)));
        return EthernetFrame(EtherType.Ipv6, Ipv6Packet(IpProtocol.Udp, datagram.AsSpan(piece.Start, piece.Length).ToArray(), [fragment]));
    }

    private static DecodedPacket Feed(PacketDecoder decoder, byte[] frame, long time = 0)
    {
        var packet = new DecodedPacket();
        decoder.Decode(frame, new FrameMetadata(time, frame.Length, frame.Length, LinkType.Ethernet), 1, packet);
        return packet;
    }

    private static void AssertReassembled(DecodedPacket packet, byte[] datagram, LayerKind ip, int fragments, ChecksumStatus checksum = ChecksumStatus.Good)
    {
        Assert.True(packet.HasReassembledPayload);
        Assert.False(packet.IsUnreassembledFragment);
        Assert.Equal(fragments, packet.ReassembledFragmentCount);
        Assert.Equal(datagram, packet.Reassembled.ToArray());
        var kinds = Decode.Kinds(packet);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, ip], kinds[..3]);
        int udp = packet.IndexOf(LayerKind.Udp);
        Assert.True(udp > 0);
        Assert.Equal(LayerSource.Reassembled, packet[udp].Source);
        Assert.Equal((0, 8, datagram.Length), (packet[udp].Offset, packet[udp].HeaderLength, packet[udp].Extent));
        Assert.Equal(checksum, packet[udp].Checksum);
        Assert.Equal(LayerKind.Payload, packet[udp + 1].Kind);
        Assert.Equal(LayerSource.Reassembled, packet[udp + 1].Source);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
    }

    private static void AssertPending(DecodedPacket packet)
    {
        Assert.True(packet.IsUnreassembledFragment);
        Assert.False(packet.HasReassembledPayload);
        Assert.Equal(LayerKind.Payload, packet[packet.LayerCount - 1].Kind);
        Assert.Equal(-1, packet.IndexOf(LayerKind.Udp));
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
    }

    public static TheoryData<int, bool, bool, bool> Orders => new()
    {
        // version, reversed, duplicated, overlapping
        { 4, false, false, false },
        { 4, true, false, false },
        { 4, false, true, false },
        { 4, false, false, true },
        { 4, true, true, true },
        { 6, false, false, false },
        { 6, true, false, false },
        { 6, false, true, false },
        { 6, false, false, true },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void FragmentsCompleteTheirDatagram(int version, bool reversed, bool duplicated, bool overlapping)
    {
        var datagram = Datagram(3000, version);
        var pieces = Pieces(datagram.Length, 1232, overlapping).ToList();
        if (duplicated)
            pieces.Insert(2, pieces[1]);
        if (reversed)
            pieces.Reverse();
        var decoder = new PacketDecoder();
        for (int i = 0; i < pieces.Count; i++)
        {
            var frame = version == 4 ? Fragment4(datagram, pieces[i]) : Fragment6(datagram, pieces[i]);
            var packet = Feed(decoder, frame);
            if (i < pieces.Count - 1)
                AssertPending(packet);
            else
                AssertReassembled(packet, datagram, version == 4 ? LayerKind.Ipv4 : LayerKind.Ipv6, pieces.Count);
        }
        Assert.Equal(0, decoder.Reassembler!.InProgress);
    }

    [Fact]
    public void CorruptFragmentMakesTheReassembledChecksumBad()
    {
        var datagram = Datagram(2000, 4);
        var decoder = new PacketDecoder();
        var pieces = Pieces(datagram.Length, 1000);
        Feed(decoder, Fragment4(datagram, pieces[0]));
        var corrupt = Fragment4(datagram, pieces[1]);
        corrupt[^5] ^= 0x80;
        Feed(decoder, corrupt);
        var last = Feed(decoder, Fragment4(datagram, pieces[2]));
        Assert.True(last.HasReassembledPayload);
        Assert.Equal(ChecksumStatus.Bad, last[last.IndexOf(LayerKind.Udp)].Checksum);
    }

    [Fact]
    public void ReassembledFieldsReadFromTheReassembledBuffer()
    {
        var datagram = Datagram(1500, 4);
        var decoder = new PacketDecoder();
        var pieces = Pieces(datagram.Length, 800);
        Feed(decoder, Fragment4(datagram, pieces[0]));
        var frame = Fragment4(datagram, pieces[1]);
        var packet = Feed(decoder, frame);
        Assert.Equal("5060", Decode.Field(packet, frame, "udp.srcport"));
        Assert.Equal(datagram.Length.ToString(), Decode.Field(packet, frame, "udp.length"));
    }

    [Fact]
    public void DatagramsAreKeptApartByIdentificationAndAddress()
    {
        var a = Datagram(1600, 4, seed: 1);
        var b = Datagram(1600, 4, seed: 2);
        var decoder = new PacketDecoder();
        var pieces = Pieces(a.Length, 808);
        Feed(decoder, Fragment4(a, pieces[0], id: 1));
        Feed(decoder, Fragment4(b, pieces[0], id: 2));
        Feed(decoder, Fragment4(b, pieces[1], id: 2, source: "192.0.2.77")); // another host's datagram 2
        Assert.Equal(3, decoder.Reassembler!.InProgress);
        AssertReassembled(Feed(decoder, Fragment4(a, pieces[1], id: 1)), a, LayerKind.Ipv4, 2);
        AssertReassembled(Feed(decoder, Fragment4(b, pieces[1], id: 2)), b, LayerKind.Ipv4, 2);
    }

    [Fact]
    public void IncompleteDatagramsAreBoundedAndTheOldestIsEvicted()
    {
        var decoder = new PacketDecoder(new DecoderOptions(Reassembly: new ReassemblyLimits(MaxDatagramsInProgress: 2)));
        var datagrams = Enumerable.Range(1, 3).Select(i => Datagram(1000, 4, seed: i)).ToArray();
        var pieces = Pieces(1008, 504);
        for (int i = 0; i < 3; i++)
            AssertPending(Feed(decoder, Fragment4(datagrams[i], pieces[0], id: (ushort)i), time: i * 1000));
        Assert.Equal(2, decoder.Reassembler!.InProgress);
        Assert.Equal(1, decoder.Reassembler.DatagramsDropped);
        // Datagram 0 was evicted: its second half starts a new, incomplete entry (evicting datagram 1).
        AssertPending(Feed(decoder, Fragment4(datagrams[0], pieces[1], id: 0), time: 4000));
        Assert.Equal(2, decoder.Reassembler.DatagramsDropped);
        AssertReassembled(Feed(decoder, Fragment4(datagrams[2], pieces[1], id: 2), time: 5000), datagrams[2], LayerKind.Ipv4, 2);
    }

    [Fact]
    public void IncompleteDatagramsTimeOutByCaptureTime()
    {
        var decoder = new PacketDecoder(new DecoderOptions(Reassembly: new ReassemblyLimits(TimeoutNanoseconds: 1_000_000_000)));
        var datagram = Datagram(1000, 6);
        var pieces = Pieces(datagram.Length, 504);
        AssertPending(Feed(decoder, Fragment6(datagram, pieces[0]), time: 10_000_000_000));
        AssertPending(Feed(decoder, Fragment6(datagram, pieces[1]), time: 11_500_000_000));
        Assert.Equal(1, decoder.Reassembler!.DatagramsDropped);
        // Within the timeout it completes.
        AssertReassembled(Feed(decoder, Fragment6(datagram, pieces[0]), time: 12_000_000_000), datagram, LayerKind.Ipv6, 2);
    }

    [Fact]
    public void FragmentsBeyond65535AreRejected()
    {
        var decoder = new PacketDecoder();
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, new byte[16], flagsAndOffset: 0x1FFF, transportChecksum: false));
        var packet = Feed(decoder, frame);
        Assert.True(packet.IsUnreassembledFragment);
        Assert.Equal(1, decoder.Reassembler!.FragmentsRejected);
        Assert.Equal(0, decoder.Reassembler.InProgress);

        var reassembler = new IpReassembler(ReassemblyLimits.Default);
        var key = new FragmentKey(1, 2, 3, 17, 4);
        Assert.False(reassembler.TryAdd(key, 65528, false, new byte[8], 0, out _, out _, out _));
        Assert.Equal(1, reassembler.FragmentsRejected);
        Assert.False(reassembler.TryAdd(key, -8, true, new byte[8], 0, out _, out _, out _));
        Assert.Equal(2, reassembler.FragmentsRejected);
        // Exactly 65535 is allowed.
        Assert.False(reassembler.TryAdd(key, 65528, false, new byte[7], 0, out _, out _, out _));
        Assert.Equal(2, reassembler.FragmentsRejected);
    }

    [Fact]
    public void LimitsMustAllowOneDatagram() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IpReassembler(new ReassemblyLimits(MaxDatagramsInProgress: -1)));

    [Fact]
    public void WithoutDefragmentationTheFirstFragmentShowsItsTransportHeader()
    {
        var datagram = Datagram(3000, 4);
        var decoder = new PacketDecoder(new DecoderOptions(Defragment: false));
        Assert.Null(decoder.Reassembler);
        var pieces = Pieces(datagram.Length, 1480);
        var first = Feed(decoder, Fragment4(datagram, pieces[0]));
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(first));
        Assert.Equal(LayerStatus.Complete, first[3].Status);
        Assert.Equal(ChecksumStatus.NotVerifiable, first[3].Checksum);
        Assert.Equal(DecodeOutcome.Ok, first.Outcome);
        Assert.False(first.HasReassembledPayload);
        for (int i = 1; i < pieces.Length; i++)
        {
            var later = Feed(decoder, Fragment4(datagram, pieces[i]));
            Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Payload], Decode.Kinds(later));
            Assert.True(later.IsUnreassembledFragment);
            Assert.Equal(DecodeOutcome.Ok, later.Outcome);
        }
    }

    [Fact]
    public void WithoutDefragmentationAFirstTcpFragmentIsNotVerifiable()
    {
        // The checksum covers the whole segment, most of which is in later fragments: not Bad, just not verifiable.
        var segment = TcpSegment(80, 4000, 1, 2, 0x18, payload: new byte[2000]);
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, segment[..1000], flagsAndOffset: 0x2000, transportChecksum: false));
        var packet = Feed(new PacketDecoder(new DecoderOptions(Defragment: false)), frame);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Tcp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(ChecksumStatus.NotVerifiable, packet[3].Checksum);
        Assert.Equal("980", Decode.Field(packet, frame, "tcp.len"));
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
    }

    [Fact]
    public void WithoutDefragmentationTheFirstIpv6FragmentShowsItsTransportHeader()
    {
        var datagram = Datagram(3000, 6);
        var decoder = new PacketDecoder(new DecoderOptions(Defragment: false));
        var first = Feed(decoder, Fragment6(datagram, Pieces(datagram.Length, 1232)[0]));
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv6, LayerKind.Ipv6Fragment, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(first));
        Assert.Equal(LayerStatus.Complete, first[4].Status);
        Assert.Equal(DecodeOutcome.Ok, first.Outcome);
    }

    [Fact]
    public void PeerCorpusFragmentedSip()
    {
        var frames = Decode.Corpus("udp-ip-fragmented.pcap");
        var decoder = new PacketDecoder();
        int reassembled = 0;
        foreach (var (metadata, data) in frames)
        {
            var packet = new DecodedPacket();
            decoder.Decode(data, metadata, 1, packet);
            if (!packet.HasReassembledPayload)
                continue;
            reassembled++;
            Assert.Equal(ChecksumStatus.Good, packet[packet.IndexOf(LayerKind.Udp)].Checksum);
        }
        Assert.True(reassembled > 0);
    }

    /// <summary>
    /// A reassembled datagram can carry another datagram's first fragment (a VXLAN datagram fragmented on the underlay
    /// whose inner IP packet is itself a fragment): adding that fragment while the completed datagram is being decoded
    /// must not overwrite the completed one's bytes.
    /// </summary>
    [Theory]
    [InlineData(64)]
    [InlineData(2)]
    [InlineData(1)]
    public void A_fragment_added_after_a_completion_leaves_the_completed_datagram_intact(int slots)
    {
        var reassembler = new IpReassembler(new ReassemblyLimits(MaxDatagramsInProgress: slots));
        var outer = new FragmentKey(1, 2, 0xaf00, 17, 4);
        var inner = new FragmentKey(3, 4, 0x6265, 17, 4);
        var first = Enumerable.Range(0, 1480).Select(i => (byte)i).ToArray();
        Assert.False(reassembler.TryAdd(outer, 0, true, first, 0, out _, out _, out _));
        Assert.True(reassembler.TryAdd(outer, 1480, false, new byte[50], 0, out var buffer, out int length, out int count));
        Assert.Equal(1530, length);
        Assert.Equal(2, count);
        var completed = buffer!.AsSpan(0, length).ToArray();
        Assert.False(reassembler.TryAdd(inner, 0, true, Enumerable.Repeat((byte)0x71, 1480).ToArray(), 0, out _, out _, out _));
        Assert.Equal(completed, buffer.AsSpan(0, length).ToArray());
        // With a single slot the inner fragment has nowhere to go but is refused, not written over the datagram.
        Assert.Equal(slots == 1 ? 1 : 0, reassembler.FragmentsRejected);
    }

    /// <summary>
    /// tshark's order and marks: fragments by offset (arrival among equals), the first bytes at a place win, a repeat is
    /// an overlap, other bytes a conflict, a second last fragment ending elsewhere a tail too many and too long.
    /// </summary>
    [Fact]
    public void A_completed_datagram_lists_its_fragments_in_tshark_s_order_with_their_marks()
    {
        var reassembler = new IpReassembler(ReassemblyLimits.Default);
        var key = new FragmentKey(1, 2, 3, 17, 4);
        var a = Enumerable.Repeat((byte)0xaa, 16).ToArray();
        var b = Enumerable.Repeat((byte)0xbb, 16).ToArray();
        Assert.False(reassembler.TryAdd(key, 16, false, a, 1, 0, out _, out _, out _));
        Assert.False(reassembler.TryAdd(key, 16, false, b.Concat(b).ToArray(), 2, 0, out _, out _, out _));
        Assert.False(reassembler.TryAdd(key, 8, true, a, 3, 0, out _, out _, out _));
        Assert.True(reassembler.TryAdd(key, 0, true, b, 4, 0, out var buffer, out int length, out var datagram));
        Assert.Equal(32, length);
        Assert.Equal([4L, 3, 1, 2], Enumerable.Range(0, datagram!.Count).Select(datagram.FrameOf));
        Assert.Equal([0, 8, 16, 16], Enumerable.Range(0, datagram.Count).Select(datagram.OffsetOf));
        Assert.Equal(FragmentMarks.None, datagram.MarksOf(0));
        Assert.Equal(FragmentMarks.Overlap | FragmentMarks.Conflict, datagram.MarksOf(1));
        Assert.Equal(FragmentMarks.Overlap, datagram.MarksOf(2));
        Assert.Equal(FragmentMarks.Overlap | FragmentMarks.Conflict | FragmentMarks.MultipleTails | FragmentMarks.TooLong, datagram.MarksOf(3));
        Assert.Equal(b.Concat(a).ToArray(), buffer!.AsSpan(0, length).ToArray());
        Assert.Equal(buffer.AsSpan(0, length).ToArray(), datagram.Data.ToArray());
    }

    [Fact]
    public void A_datagram_of_too_many_fragments_is_dropped()
    {
        var reassembler = new IpReassembler(ReassemblyLimits.Default);
        var key = new FragmentKey(1, 2, 3, 17, 4);
        for (int i = 0; i < IpReassembler.MaxFragments; i++)
            Assert.False(reassembler.TryAdd(key, 8, true, new byte[8], i + 1, 0, out _, out _, out _));
        Assert.Equal(0, reassembler.DatagramsDropped);
        Assert.False(reassembler.TryAdd(key, 0, true, new byte[8], 999, 0, out _, out _, out _));
        Assert.Equal(1, reassembler.DatagramsDropped);
        Assert.Equal(0, reassembler.InProgress);
    }
}
