using System.Buffers.Binary;

namespace RawNet.Protocols.Tcp;

/// <summary>TCP control flags (the low 12 bits of the data-offset/flags word).</summary>
[Flags]
public enum TcpFlags : ushort
{
    None = 0,
    Fin = 0x001,
    Syn = 0x002,
    Rst = 0x004,
    Psh = 0x008,
    Ack = 0x010,
    Urg = 0x020,
    Ece = 0x040,
    Cwr = 0x080,
    /// <summary>Accurate ECN (formerly the ECN-nonce bit).</summary>
    Ae = 0x100,
    Reserved = 0xE00,
}

/// <summary>TCP option kinds (IANA).</summary>
public enum TcpOptionKind : byte
{
    EndOfOptionList = 0,
    NoOperation = 1,
    MaximumSegmentSize = 2,
    WindowScale = 3,
    SackPermitted = 4,
    Sack = 5,
    /// <summary>RFC 1072's echo and echo reply, obsolete.</summary>
    Echo = 6,
    EchoReply = 7,
    Timestamps = 8,
    /// <summary>MD5 signature (RFC 2385).</summary>
    Md5Signature = 19,
    /// <summary>User timeout (RFC 5482).</summary>
    UserTimeout = 28,
    /// <summary>TCP authentication option (RFC 5925).</summary>
    Authentication = 29,
    /// <summary>Multipath TCP (RFC 8684).</summary>
    Multipath = 30,
    /// <summary>TCP Fast Open cookie (RFC 7413).</summary>
    FastOpen = 34,
    /// <summary>Experimental options with a 16-bit experiment identifier (RFC 6994).</summary>
    Experiment1 = 253,
    Experiment2 = 254,
}

/// <summary>
/// A view over a TCP header (RFC 9293).
/// <code>
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |          Source Port          |       Destination Port        |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                        Sequence Number                        |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                    Acknowledgment Number                      |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |  Data |     |A|C|E|U|A|P|R|S|F|                               |
/// | Offset| Rsrv|E|W|C|R|C|S|S|Y|I|            Window             |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |           Checksum            |         Urgent Pointer        |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                    Options (0-40 bytes)                       |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </summary>
public readonly ref struct TcpHeader
{
    /// <summary>Byte offsets of the header's fields.</summary>
    public static class Field
    {
        public const int SourcePort = 0;
        public const int DestinationPort = 2;
        public const int SequenceNumber = 4;
        public const int AcknowledgmentNumber = 8;
        public const int DataOffsetAndFlags = 12;
        public const int Window = 14;
        public const int Checksum = 16;
        public const int UrgentPointer = 18;
        public const int Options = 20;
    }

    /// <summary>Length of a header without options.</summary>
    public const int MinLength = 20;

    /// <summary>Whether the data offset in <paramref name="header"/>'s bytes says at least the fixed header (tshark adds the flags and what follows only then).</summary>
    public static bool HasValidDataOffset(ReadOnlySpan<byte> header) => header.Length > Field.DataOffsetAndFlags && header[Field.DataOffsetAndFlags] >> 4 >= MinLength / 4;

    private readonly ReadOnlySpan<byte> _bytes;

    /// <summary>
    /// The bytes up to the window's end (ports, numbers, header length, flags, window): what tshark still shows of a header
    /// cut before its checksum.
    /// </summary>
    public const int NumbersLength = 16;

    private TcpHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> (the header on, options may follow) if it holds the fixed header, <see cref="MinLength"/> bytes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out TcpHeader header)
    {
        bool whole = bytes.Length >= MinLength;
        header = whole ? new TcpHeader(bytes) : default;
        return whole;
    }

    /// <summary>The ports, the first four bytes, of a header that may be cut shorter still; false when they are not all there.</summary>
    public static bool TryReadPorts(ReadOnlySpan<byte> bytes, out ushort source, out ushort destination)
    {
        bool whole = bytes.Length >= Field.DestinationPort + 2;
        source = whole ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : (ushort)0;
        destination = whole ? BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.DestinationPort..]) : (ushort)0;
        return whole;
    }

    /// <summary>
    /// Wraps <paramref name="bytes"/> if it holds the fixed header up to the window (<see cref="NumbersLength"/> bytes), for
    /// a view of a header the capture cut: everything but <see cref="Checksum"/> and <see cref="UrgentPointer"/> may be
    /// read from it.
    /// </summary>
    public static bool TryReadNumbers(ReadOnlySpan<byte> bytes, out TcpHeader header)
    {
        bool whole = bytes.Length >= NumbersLength;
        header = whole ? new TcpHeader(bytes) : default;
        return whole;
    }

    public ushort SourcePort => BinaryPrimitives.ReadUInt16BigEndian(_bytes);
    public ushort DestinationPort => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.DestinationPort..]);
    public uint SequenceNumber => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.SequenceNumber..]);
    public uint AcknowledgmentNumber => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.AcknowledgmentNumber..]);

    /// <summary>Header length in bytes (data offset × 4).</summary>
    public int HeaderLength => (_bytes[Field.DataOffsetAndFlags] >> 4) * 4;

    public TcpFlags Flags => (TcpFlags)(BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.DataOffsetAndFlags..]) & 0x0FFF);
    public ushort Window => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Window..]);
    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Checksum..]);
    public ushort UrgentPointer => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.UrgentPointer..]);
}

/// <summary>One TCP option found by <see cref="TcpOptionReader"/>: its kind and where it lies in the option area.</summary>
/// <param name="Kind">The option kind.</param>
/// <param name="Offset">Offset of the kind byte within the option area.</param>
/// <param name="Length">Total option length including kind and length bytes (1 for EOL and NOP).</param>
/// <param name="Complete">False when the option's declared length runs past the option area.</param>
public readonly record struct TcpOption(TcpOptionKind Kind, int Offset, int Length, bool Complete);

/// <summary>Walks a TCP option area, bounds-checked; stops at EOL, at the end, or at a bad length.</summary>
public ref struct TcpOptionReader
{
    private readonly ReadOnlySpan<byte> _options;
    private readonly bool _eolRun;
    private int _position;

    /// <summary>Starts a walk over the option bytes (the header bytes after the fixed 20).</summary>
    public TcpOptionReader(ReadOnlySpan<byte> options)
    {
        _options = options;
        _position = 0;
    }

    /// <summary>
    /// Starts a walk that, as tshark's tree does, goes on past an EOL while the next byte is another EOL (zero padding
    /// shows as one EOL a byte) when <paramref name="eolRun"/>.
    /// </summary>
    public TcpOptionReader(ReadOnlySpan<byte> options, bool eolRun)
        : this(options) => _eolRun = eolRun;

    /// <summary>Moves to the next option; false when there is none.</summary>
    public bool TryNext(out TcpOption option)
    {
        option = default;
        if (_position >= _options.Length)
            return false;
        var kind = (TcpOptionKind)_options[_position];
        if (kind is TcpOptionKind.EndOfOptionList or TcpOptionKind.NoOperation)
        {
            option = new TcpOption(kind, _position, 1, true);
            // After EOL nothing more is an option (but more EOLs, for tshark's walk).
            bool more = kind != TcpOptionKind.EndOfOptionList
                || (_eolRun && _position + 1 < _options.Length && _options[_position + 1] == (byte)TcpOptionKind.EndOfOptionList);
            _position = more ? _position + 1 : _options.Length;
            return true;
        }
        if (_position + 1 >= _options.Length)
        {
            option = new TcpOption(kind, _position, _options.Length - _position, false);
            _position = _options.Length;
            return true;
        }
        int length = _options[_position + 1];
        bool complete = length >= 2 && _position + length <= _options.Length;
        option = new TcpOption(kind, _position, complete ? length : _options.Length - _position, complete);
        _position = complete ? _position + length : _options.Length;
        return true;
    }
}
