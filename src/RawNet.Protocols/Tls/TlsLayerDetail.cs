using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Tls;

/// <summary>
/// What a TLS layer's reading needs from before it, set by the conversation tracker (<see cref="TlsStreams"/>): the
/// session's version in <see cref="Layer.Note"/> (0: not known, as when the packet is read alone) and, in
/// <see cref="Layer.Detail"/>, whether the sender sent Change Cipher Spec in an earlier frame.
/// </summary>
public static class TlsLayerDetail
{
    /// <summary>The sender's Change Cipher Spec came in an earlier frame: its handshake records are encrypted.</summary>
    public const byte AfterChangeCipherSpec = 1;

    /// <summary>Handshake messages without records: a QUIC CRYPTO frame's data (<see cref="LayerSource.QuicPlaintext"/>).</summary>
    public const byte QuicCrypto = 2;

    /// <summary>
    /// A walk over the layer's records (whose offsets refer to <paramref name="buffer"/>), from where the session stood
    /// before it: as the tracker noted, or else <paramref name="carried"/> (what the layers before reached, read alone).
    /// </summary>
    public static TlsRecordWalk Walk(in Layer layer, ReadOnlySpan<byte> buffer, ushort carried = 0)
    {
        int start = Math.Min(layer.Offset, buffer.Length);
        var bytes = buffer[start..Math.Min(buffer.Length, start + layer.HeaderLength)];
        return new TlsRecordWalk(bytes, layer.Extent, layer.Note != 0 ? layer.Note : carried, (layer.Detail & AfterChangeCipherSpec) != 0,
            messagesOnly: (layer.Detail & QuicCrypto) != 0);
    }
}
