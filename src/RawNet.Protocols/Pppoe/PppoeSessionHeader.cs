using System.Buffers.Binary;
using RawNet.Protocols.Ppp;

namespace RawNet.Protocols.Pppoe;

/// <summary>
/// A view over a PPPoE session header (EtherType 0x8864, RFC 2516 section 4) and the PPP protocol field that follows it:
/// the session stage's frames carry PPP without its address and control bytes.
/// <code>
/// +-------+-------+---------------+-------------------------------+
/// |  ver  | type  |  code (0x00)  |  session id                   |
/// +-------+-------+---------------+-------------------------------+
/// |  payload length (PPP and on)  |  PPP protocol                 |
/// +-------------------------------+-------------------------------+
/// </code>
/// </summary>
public readonly ref struct PppoeSessionHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int VersionAndType = 0;
        public const int Code = 1;
        public const int SessionId = 2;
        public const int PayloadLength = 4;
        public const int PppProtocol = 6;
    }

    /// <summary>The session header itself, without the PPP protocol field.</summary>
    public const int SessionLength = 6;

    /// <summary>The session header and the PPP protocol field: what the decoder's PPPoE layer covers.</summary>
    public const int Length = 8;

    private readonly ReadOnlySpan<byte> _bytes;

    private PppoeSessionHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds the session header and the PPP protocol field.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out PppoeSessionHeader header)
    {
        header = bytes.Length >= Length ? new PppoeSessionHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The session the frame belongs to.</summary>
    public ushort SessionId => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.SessionId..]);

    /// <summary>Bytes after the session header (the PPP protocol field counts), as the sender wrote it.</summary>
    public int PayloadLength => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.PayloadLength..]);

    /// <summary>What the PPP frame carries.</summary>
    public PppProtocol Protocol => (PppProtocol)BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.PppProtocol..]);
}
