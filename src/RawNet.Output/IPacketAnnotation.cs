using System.Text.Json;
using RawNet.Protocols.Decoding;

namespace RawNet.Output;

/// <summary>
/// Something known about a packet from outside its bytes (the sending kernel's TCP_INFO, say), which the tree and
/// JSON printers show after the packet's layers when one is set.
/// </summary>
public interface IPacketAnnotation
{
    /// <summary>Writes the annotation's lines for <paramref name="packet"/> (nothing when it has none), before the tree's closing blank line.</summary>
    void WriteTree(DecodedPacket packet, ReadOnlySpan<byte> frame, TextWriter output);

    /// <summary>Writes the annotation's properties for <paramref name="packet"/> into the packet's JSON object (nothing when it has none).</summary>
    void WriteJson(DecodedPacket packet, ReadOnlySpan<byte> frame, Utf8JsonWriter json);
}
