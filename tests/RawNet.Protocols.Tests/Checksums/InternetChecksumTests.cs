using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Checksums;

public class InternetChecksumTests
{
    [Fact]
    public void Rfc1071Example()
    {
        // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (with the carry folded in).
        var data = Hex("0001 f203 f4f5 f6f7");
        Assert.Equal(0x220D, InternetChecksum.Compute(data));
        Assert.Equal(0xDDF2, (ushort)~InternetChecksum.Finish(InternetChecksum.Add(0, data)));
    }

    [Fact]
    public void EmptyAndAllOnes()
    {
        Assert.Equal(0xFFFF, InternetChecksum.Compute([]));
        Assert.Equal(0x0000, InternetChecksum.Compute(Hex("ffff")));
        Assert.Equal(0x0000, InternetChecksum.Compute(Enumerable.Repeat((byte)0xFF, 65534).ToArray()));
    }

    [Fact]
    public void OddLengthPadsTheLastByteWithZero()
    {
        Assert.Equal(0x54FF, InternetChecksum.Compute([0xAB]));
        var random = new Random(1071);
        for (int length = 1; length < 200; length += 2)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(InternetChecksum.Compute(Concat(data, [0])), InternetChecksum.Compute(data));
        }
    }

    [Fact]
    public void SumsInEvenPiecesEqualTheWhole()
    {
        var random = new Random(7);
        for (int length = 0; length < 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            int split = random.Next(0, length / 2 + 1) * 2;
            ulong pieces = InternetChecksum.Add(InternetChecksum.Add(0, data.AsSpan(0, split)), data.AsSpan(split));
            Assert.Equal(InternetChecksum.Compute(data), InternetChecksum.Finish(pieces));
        }
    }

    [Fact]
    public void DataWithItsChecksumInsertedVerifies()
    {
        var random = new Random(3);
        for (int length = 2; length < 1500; length += 37)
        {
            var data = new byte[length + (length & 1)];
            random.NextBytes(data);
            int at = random.Next(0, data.Length / 2) * 2;
            data[at] = data[at + 1] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), InternetChecksum.Compute(data));
            Assert.True(InternetChecksum.Verifies(InternetChecksum.Add(0, data)));
            Assert.Equal(0, InternetChecksum.Compute(data));
            data[random.Next(data.Length)] ^= 0x10;
            Assert.False(InternetChecksum.Verifies(InternetChecksum.Add(0, data)));
        }
    }

    /// <summary>RFC 1071's sum, one big-endian 16-bit word at a time, folded and complemented.</summary>
    private static ushort WordByWord(ulong start, byte[] data)
    {
        ulong sum = start;
        for (int i = 0; i < data.Length; i += 2)
            sum += (uint)(data[i] << 8 | (i + 1 < data.Length ? data[i + 1] : 0));
        while (sum >> 16 != 0)
            sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    [Fact]
    public void VectorSumAgreesWithTheWordByWordSum()
    {
        // Long spans are summed in vectors of little-endian words (32 and 16 bytes at a time, then the scalar tail):
        // every length through several vector widths, random, all-zero and all-ones bytes, with and without a running sum.
        var random = new Random(1624);
        for (int length = 0; length <= 700; length++)
        {
            foreach (byte fill in new byte[] { 0x00, 0xFF, 0x5A })
            {
                var data = new byte[length];
                if (fill == 0x5A)
                    random.NextBytes(data);
                else
                    Array.Fill(data, fill);
                foreach (ulong start in new ulong[] { 0, 0xFFFF, 0x1_2345_6789 })
                {
                    Assert.Equal(WordByWord(start, data), InternetChecksum.Finish(InternetChecksum.Add(start, data)));
                    Assert.Equal(WordByWord(start, data) == 0, InternetChecksum.Verifies(InternetChecksum.Add(start, data)));
                }
            }
        }
        foreach (int length in new[] { 65_535, 65_536, 1 << 20 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(WordByWord(0, data), InternetChecksum.Compute(data));
            Array.Fill(data, (byte)0xFF);
            Assert.Equal(WordByWord(0, data), InternetChecksum.Compute(data));
        }
    }

    [Fact]
    public void Ipv4PseudoHeaderIsTheRfc768Layout()
    {
        var explicitHeader = Concat(Ip("10.1.2.3"), Ip("172.16.0.9"), [0, 17], U16(1234));
        Assert.Equal(
            InternetChecksum.Finish(InternetChecksum.Add(0, explicitHeader)),
            InternetChecksum.Finish(InternetChecksum.PseudoHeaderIpv4(Ip("10.1.2.3"), Ip("172.16.0.9"), IpProtocol.Udp, 1234)));
    }

    [Fact]
    public void Ipv6PseudoHeaderIsTheRfc8200Layout()
    {
        var explicitHeader = Concat(Ip("2001:db8::1"), Ip("fe80::abcd:1"), U32(70000), [0, 0, 0, 58]);
        Assert.Equal(
            InternetChecksum.Finish(InternetChecksum.Add(0, explicitHeader)),
            InternetChecksum.Finish(InternetChecksum.PseudoHeaderIpv6(Ip("2001:db8::1"), Ip("fe80::abcd:1"), IpProtocol.Icmpv6, 70000)));
    }

    [Fact]
    public void UdpSendsAComputedZeroAsAllOnes()
    {
        Assert.Equal(0xFFFF, InternetChecksum.ForUdp(0));
        Assert.Equal(0x1234, InternetChecksum.ForUdp(0x1234));

        // Choose two payload bytes so the checksum computes to 0: the datagram must then carry 0xFFFF and still verify.
        var datagram = UdpDatagram(1000, 2000, [0, 0, 0x55, 0x66]);
        ulong pseudo = InternetChecksum.PseudoHeaderIpv4(Ip(V4Src), Ip(V4Dst), IpProtocol.Udp, datagram.Length);
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(8), InternetChecksum.Finish(InternetChecksum.Add(pseudo, datagram)));
        Assert.Equal(0, InternetChecksum.Finish(InternetChecksum.Add(pseudo, datagram)));
        var ip = Ipv4Packet(IpProtocol.Udp, datagram);
        Assert.Equal(0xFFFF, BinaryPrimitives.ReadUInt16BigEndian(ip.AsSpan(26)));
        var packet = Decode.Frame(ip, LinkType.Ipv4);
        Assert.Equal(ChecksumStatus.Good, packet[2].Checksum);
    }

    private static byte[] TcpFrame() =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x18, payload: new byte[100])));

    [Fact]
    public void DecoderStatusGood()
    {
        var packet = Decode.Frame(TcpFrame(), LinkType.Ethernet);
        Assert.Equal((ChecksumStatus.Good, ChecksumStatus.Good), (packet[2].Checksum, packet[3].Checksum));
    }

    [Theory]
    [InlineData(22, ChecksumStatus.Bad, ChecksumStatus.Good)]   // TTL: IP header only
    [InlineData(24, ChecksumStatus.Bad, ChecksumStatus.Good)]   // the IP checksum itself
    [InlineData(27, ChecksumStatus.Bad, ChecksumStatus.Bad)]    // source address: also in the TCP pseudo-header
    [InlineData(38, ChecksumStatus.Good, ChecksumStatus.Bad)]   // TCP sequence number
    [InlineData(50, ChecksumStatus.Good, ChecksumStatus.Bad)]   // the TCP checksum itself
    [InlineData(133, ChecksumStatus.Good, ChecksumStatus.Bad)]  // last payload byte
    public void DecoderStatusBad(int at, ChecksumStatus ip, ChecksumStatus tcp)
    {
        var frame = TcpFrame();
        frame[at] ^= 0x01;
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal((ip, tcp), (packet[2].Checksum, packet[3].Checksum));
    }

    [Fact]
    public void DecoderStatusNotVerifiableWhenTheSnaplenCutThePayload()
    {
        var frame = TcpFrame();
        var packet = Decode.Frame(frame[..80], LinkType.Ethernet, originalLength: frame.Length);
        Assert.Equal(ChecksumStatus.Good, packet[2].Checksum);
        Assert.Equal(ChecksumStatus.NotVerifiable, packet[3].Checksum);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
    }

    [Fact]
    public void DecoderStatusNotPresentForUdpOverIpv4WithZero()
    {
        var ip = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]), transportChecksum: false);
        Assert.Equal(ChecksumStatus.NotPresent, Decode.Frame(ip, LinkType.Ipv4)[2].Checksum);
    }

    [Fact]
    public void DecoderStatusNoneWhenVerificationIsOff()
    {
        var packet = Decode.Frame(TcpFrame(), LinkType.Ethernet, options: new DecoderOptions(VerifyChecksums: false));
        Assert.All(packet.Layers.ToArray(), l => Assert.Equal(ChecksumStatus.None, l.Checksum));
    }
}
