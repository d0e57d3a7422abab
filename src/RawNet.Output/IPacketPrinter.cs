using RawNet.Protocols.Decoding;

namespace RawNet.Output;

/// <summary>Writes decoded packets as text, one call per packet, with the frame's bytes alongside.</summary>
public interface IPacketPrinter
{
    /// <summary>Writes one packet; <paramref name="frame"/> is the bytes <paramref name="packet"/> was decoded from.</summary>
    void Print(DecodedPacket packet, ReadOnlySpan<byte> frame, TextWriter output);
}
