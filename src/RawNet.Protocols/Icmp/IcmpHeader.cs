using System.Buffers.Binary;

namespace RawNet.Protocols.Icmp;

/// <summary>ICMPv4 message types (RFC 792 and successors).</summary>
public enum IcmpType : byte
{
    EchoReply = 0,
    DestinationUnreachable = 3,
    SourceQuench = 4,
    Redirect = 5,
    EchoRequest = 8,
    RouterAdvertisement = 9,
    RouterSolicitation = 10,
    TimeExceeded = 11,
    ParameterProblem = 12,
    TimestampRequest = 13,
    TimestampReply = 14,
}

/// <summary>
/// A view over the first 8 bytes of an ICMPv4 message (RFC 792). The same shape serves ICMPv6 (RFC 4443).
/// <code>
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |     Type      |     Code      |          Checksum             |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |   Identifier (echo) / unused / pointer / gateway / MTU        |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </summary>
public readonly ref struct IcmpHeader
{
    /// <summary>Byte offsets of the header's fields.</summary>
    public static class Field
    {
        public const int Type = 0;
        public const int Code = 1;
        public const int Checksum = 2;
        public const int Identifier = 4;
        public const int SequenceNumber = 6;
        public const int RestOfHeader = 4;
    }

    /// <summary>Length of the fixed part shared by every message.</summary>
    public const int HeaderLength = 8;

    private readonly ReadOnlySpan<byte> _bytes;

    /// <summary>The bytes this view reads: type, code and checksum.</summary>
    public const int CommonLength = 4;

    private IcmpHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> (the message on) if it holds the type, code and checksum (<see cref="CommonLength"/> bytes).</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out IcmpHeader header)
    {
        bool whole = bytes.Length >= CommonLength;
        header = whole ? new IcmpHeader(bytes) : default;
        return whole;
    }

    public byte Type => _bytes[Field.Type];
    public byte Code => _bytes[Field.Code];
    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Checksum..]);

    /// <summary>True for ICMPv4 error messages that quote the offending datagram's IP header.</summary>
    public static bool IsErrorWithQuote(byte type) => (IcmpType)type is IcmpType.DestinationUnreachable or IcmpType.SourceQuench
        or IcmpType.Redirect or IcmpType.TimeExceeded or IcmpType.ParameterProblem;

    /// <summary>True for echo request and reply, which carry an identifier and sequence number.</summary>
    public static bool IsEcho(byte type) => (IcmpType)type is IcmpType.EchoRequest or IcmpType.EchoReply;

    /// <summary>True for destination unreachable, fragmentation needed (RFC 1191), which carries the next hop's MTU.</summary>
    public static bool IsFragmentationNeeded(byte type, byte code) => (IcmpType)type == IcmpType.DestinationUnreachable && code == FragmentationNeededCode;

    /// <summary>Destination unreachable's code for "fragmentation needed and DF set".</summary>
    public const byte FragmentationNeededCode = 4;
}
