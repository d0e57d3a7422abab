using RawNet.Files;
using RawNet.Protocols;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Tests.Injection;

/// <summary>One captured frame as RawNet's decoder sees it: the bytes and each layer's kind, offset and checksum verdict.</summary>
internal sealed record DecodedFrame(byte[] Bytes, IReadOnlyList<(LayerKind Kind, int Offset, int HeaderLength, ChecksumStatus Checksum)> Layers)
{
    public (LayerKind Kind, int Offset, int HeaderLength, ChecksumStatus Checksum) Layer(LayerKind kind) => Layers.Single(l => l.Kind == kind);

    public bool Has(LayerKind kind) => Layers.Any(l => l.Kind == kind);

    /// <summary>The TCP flags byte (low 8 bits).</summary>
    public int TcpFlags => Bytes[Layer(LayerKind.Tcp).Offset + 13];

    /// <summary>The bytes after the innermost transport header.</summary>
    public byte[] TransportPayload
    {
        get
        {
            var t = Layers.Last(l => l.Kind is LayerKind.Tcp or LayerKind.Udp);
            return Bytes[(t.Offset + t.HeaderLength)..];
        }
    }

    /// <summary>Every frame of a capture file, decoded.</summary>
    public static List<DecodedFrame> ReadAll(string path)
    {
        var decoder = new PacketDecoder();
        var result = new List<DecodedFrame>();
        using var reader = CaptureFileReader.Open(path);
        long number = 0;
        while (reader.TryReadNext(out var frame))
        {
            var packet = new DecodedPacket();
            decoder.Decode(frame.Data, frame.Metadata, ++number, packet);
            var layers = new List<(LayerKind, int, int, ChecksumStatus)>();
            for (int i = 1; i < packet.LayerCount; i++)
                layers.Add((packet[i].Kind, packet[i].Offset, packet[i].HeaderLength, packet[i].Checksum));
            result.Add(new DecodedFrame(frame.Data.ToArray(), layers));
        }
        return result;
    }
}
