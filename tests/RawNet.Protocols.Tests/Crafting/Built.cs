using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Tests.Crafting;

/// <summary>Helpers for builder tests: garbage-filled buffers (smoltcp's 0xa5) and decoding what a builder built.</summary>
internal static class Built
{
    /// <summary>A buffer of <paramref name="length"/> bytes of 0xa5, so a byte an emitter forgets to write shows.</summary>
    public static byte[] Garbage(int length) => Enumerable.Repeat((byte)0xa5, length).ToArray();

    /// <summary>Lower-case hex of <paramref name="bytes"/>.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Decodes the builder's bytes as one frame of <paramref name="link"/>, without reassembly.</summary>
    public static (DecodedPacket Packet, byte[] Frame) Decode(PacketBuilder builder, LinkType link = LinkType.Ethernet)
    {
        var frame = builder.ToArray();
        return (Tests.Decode.Frame(frame, link, options: new DecoderOptions(Defragment: false)), frame);
    }

    /// <summary>The decoded layer of <paramref name="kind"/> (the first one), asserting it is there.</summary>
    public static Layer Layer(DecodedPacket packet, LayerKind kind, int start = 0)
    {
        int index = packet.IndexOf(kind, start);
        Assert.True(index >= 0, $"no {kind} layer in {string.Join('/', Tests.Decode.Kinds(packet))}");
        return packet[index];
    }

    /// <summary>The names of the fields the builder filled, in order, as "layer:name".</summary>
    public static string Filled(PacketBuilder builder) => string.Join(' ', builder.Filled.Select(f => $"{f.Layer}:{f.Name}"));
}
