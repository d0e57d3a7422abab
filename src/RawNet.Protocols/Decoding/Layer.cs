using RawNet.Protocols.Checksums;

namespace RawNet.Protocols.Decoding;

/// <summary>Which buffer a layer's offsets point into.</summary>
public enum LayerSource : byte
{
    /// <summary>The captured frame.</summary>
    Frame,
    /// <summary>The payload of a reassembled IP datagram (<see cref="DecodedPacket.Reassembled"/>).</summary>
    Reassembled,
    /// <summary>Bytes of a TCP stream put together from several segments (<see cref="DecodedPacket.Stream"/>).</summary>
    Stream,
    /// <summary>The IPv6 datagram tshark rebuilds from a 6LoWPAN IPHC header (<see cref="DecodedPacket.Decompressed"/>).</summary>
    Decompressed,
    /// <summary>A copy of the frame with a CAPWAP 802.11 frame control's two bytes swapped, as tshark reads them, at the frame's offsets (<see cref="DecodedPacket.Decompressed"/>).</summary>
    SwappedFrameControl,
    /// <summary>The plaintext of a decrypted QUIC Initial (<see cref="DecodedPacket.QuicPlaintext"/>): a TLS handshake in its CRYPTO frame.</summary>
    QuicPlaintext,
}

/// <summary>One decoded layer: what it is, where its header lies and how much it declares it spans.</summary>
public struct Layer
{
    /// <summary>What protocol this layer is.</summary>
    public LayerKind Kind;

    /// <summary>Whether the header was complete, cut short or malformed.</summary>
    public LayerStatus Status;

    /// <summary>Result of verifying this layer's checksum, where it has one.</summary>
    public ChecksumStatus Checksum;

    /// <summary>The value the checksum field should hold; set only when <see cref="Checksum"/> is <see cref="ChecksumStatus.Bad"/> or <see cref="ChecksumStatus.Offloaded"/>.</summary>
    public ushort ExpectedChecksum;

    /// <summary>Which buffer <see cref="Offset"/> refers to.</summary>
    public LayerSource Source;

    /// <summary>True for layers quoted inside an ICMP error message: partial by design, never verified.</summary>
    public bool Quoted;

    /// <summary>What the protocol needs to read the layer again as it was read (HTTP: <see cref="Http.HttpLayerDetail"/>).</summary>
    public byte Detail;

    /// <summary>A 16-bit note beside <see cref="Detail"/> for a protocol that needs one (L2TPv3: a data message's pseudowire type).</summary>
    public ushort Note;

    /// <summary>Offset of the header's first byte in its buffer.</summary>
    public int Offset;

    /// <summary>Bytes of the header present in the buffer (less than the header's length when truncated).</summary>
    public int HeaderLength;

    /// <summary>
    /// Bytes the layer spans from <see cref="Offset"/>, header and payload, as the packet declares them (the reported
    /// length: it may be more than was captured).
    /// </summary>
    public int Extent;

    /// <summary>Offset just past the header.</summary>
    public readonly int PayloadOffset => Offset + HeaderLength;
}
