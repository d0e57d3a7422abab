using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Testing;

namespace RawNet.Protocols.Tests.Decoding;

/// <summary>
/// Seeded random and mutated input (350,000 decodes, every field of each read and formatted: about 10 s of CPU): whatever the bytes, lengths and link type, decoding never throws, stays within
/// <see cref="DecodedPacket.MaxLayers"/>, keeps every layer inside its buffer, and every field of every layer reads and
/// formats without throwing.
/// </summary>
public class FuzzTests
{
    private static readonly LinkType[] LinkTypes = [.. Enum.GetValues<LinkType>(), (LinkType)147, (LinkType)0xFFFF];

    private static void DecodeAndCheck(PacketDecoder decoder, DecodedPacket packet, ReadOnlySpan<byte> data, in FrameMetadata metadata, Span<char> text)
    {
        decoder.Decode(data, metadata, 1, packet);
        Assert.InRange(packet.LayerCount, 1, DecodedPacket.MaxLayers);
        Assert.Equal(LayerKind.Frame, packet[0].Kind);
        foreach (var layer in packet.Layers)
        {
            var buffer = packet.BufferOf(layer, data);
            Assert.True(layer.Offset >= 0 && layer.HeaderLength >= 0 && layer.Offset + layer.HeaderLength <= buffer.Length,
                $"{layer.Kind}@{layer.Offset}+{layer.HeaderLength} outside a {buffer.Length}-byte buffer");
        }
        Decode.AllFields(packet, data, text);
    }

    private static void Mutate(Random random, byte[] data, int length)
    {
        if (length == 0)
            return;
        switch (random.Next(4))
        {
            case 0: // bit flips
                for (int n = random.Next(1, 5); n > 0; n--)
                    data[random.Next(length)] ^= (byte)(1 << random.Next(8));
                break;
            case 1: // set bytes to edge values
                for (int n = random.Next(1, 4); n > 0; n--)
                    data[random.Next(length)] = (byte)(random.Next(3) switch { 0 => 0, 1 => 0xFF, _ => random.Next(256) });
                break;
            case 2: // a header length nibble or length field somewhere in the first 80 bytes
                int at = random.Next(Math.Min(length, 80));
                data[at] = (byte)random.Next(256);
                if (at + 1 < length)
                    data[at + 1] = (byte)random.Next(256);
                break;
            default: // leave as is (only the lengths below change)
                break;
        }
    }

    [Fact]
    public void MutatedRealAndBuiltPacketsNeverBreakTheDecoder()
    {
        var samples = Samples.PeerCorpus().Concat(Samples.Built()).ToList();
        var random = new Random(20261121);
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        var buffer = new byte[70000];
        var started = ThreadCpuClock.Now();
        int decodes = 0, reassembled = 0;
        var outcomes = new int[4];
        for (; decodes < 150_000; decodes++)
        {
            var sample = samples[random.Next(samples.Count)];
            int length = sample.Data.Length;
            sample.Data.CopyTo(buffer, 0);
            Mutate(random, buffer, length);
            int captured = random.Next(5) == 0 ? random.Next(length + 1) : length;
            int original = random.Next(4) switch { 0 => captured, 1 => captured + random.Next(2000), _ => length };
            var link = random.Next(8) == 0 ? LinkTypes[random.Next(LinkTypes.Length)] : sample.Metadata.LinkType;
            var metadata = new FrameMetadata(decodes * 1_000_000L, captured, original, link);
            DecodeAndCheck(decoder, packet, buffer.AsSpan(0, captured), metadata, text);
            outcomes[(int)packet.Outcome]++;
            reassembled += packet.HasReassembledPayload ? 1 : 0;
        }
        // The mutations reach every kind of ending, and reassembly, not only the happy path.
        Assert.All(outcomes, n => Assert.True(n > 1000, $"outcomes {string.Join(',', outcomes)}"));
        Assert.True(reassembled > 0);
        var used = ThreadCpuClock.Now() - started;
        Assert.True(used < TimeSpan.FromSeconds(60), $"{decodes} decodes took {used} of CPU");
    }

    [Fact]
    public void RandomBytesWithEveryLinkTypeNeverBreakTheDecoder()
    {
        var random = new Random(42);
        var decoder = new PacketDecoder();
        var noReassembly = new PacketDecoder(new DecoderOptions(Defragment: false, VerifyChecksums: false));
        var packet = new DecodedPacket();
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        var data = new byte[2048];
        for (int i = 0; i < 200_000; i++)
        {
            int length = random.Next(4) == 0 ? random.Next(2048) : random.Next(96);
            random.NextBytes(data.AsSpan(0, length));
            // Random bytes rarely look like IP: make the version nibble plausible half of the time.
            if (length > 0 && random.Next(2) == 0)
                data[random.Next(2) == 0 ? 0 : Math.Min(length - 1, 14)] = (byte)(random.Next(2) == 0 ? 0x45 : 0x60);
            var link = LinkTypes[i % LinkTypes.Length];
            int original = random.Next(3) == 0 ? length + random.Next(100) : length;
            var metadata = new FrameMetadata(i, length, original, link);
            DecodeAndCheck(i % 2 == 0 ? decoder : noReassembly, packet, data.AsSpan(0, length), metadata, text);
        }
    }

    [Fact]
    public void DeeplyNestedInputStopsAtTheLayerLimit()
    {
        // 40 VLAN tags, 40 IP-in-IP headers, 40 IPv6 extension headers: every walk is bounded.
        var tags = Enumerable.Repeat(PacketBytes.Hex("0001 8100"), 40).SelectMany(b => b).ToArray();
        var ip = PacketBytes.Ipv4Packet(IpProtocol.Udp, PacketBytes.UdpDatagram(1, 2, []));
        for (int i = 0; i < 40; i++)
            ip = i % 2 == 0 ? PacketBytes.Ipv6Packet(IpProtocol.IpInIp, ip) : PacketBytes.Ipv4Packet(IpProtocol.Ipv6, ip);
        var options = Enumerable.Repeat(Ipv6.Ipv6Tests.DestinationOptions, 40).ToArray();
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        foreach (var (link, frame) in new[]
        {
            (LinkType.Ethernet, PacketBytes.EthernetFrame(EtherType.Vlan, tags)),
            (LinkType.Raw, ip),
            (LinkType.Ipv6, PacketBytes.Ipv6Packet(IpProtocol.Udp, PacketBytes.UdpDatagram(1, 2, []), options)),
        })
        {
            var packet = new DecodedPacket();
            DecodeAndCheck(new PacketDecoder(), packet, frame, new FrameMetadata(0, frame.Length, frame.Length, link), text);
            Assert.True(packet.Outcome == DecodeOutcome.Unsupported, $"{link}: {packet.Outcome} at {packet.StoppedAt} ({packet.StopReason}) {string.Join(' ', Decode.Kinds(packet))}");
        }
    }
}
