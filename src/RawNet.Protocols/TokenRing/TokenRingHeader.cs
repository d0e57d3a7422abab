namespace RawNet.Protocols.TokenRing;

/// <summary>
/// A view over an IEEE 802.5 Token Ring MAC header (LINKTYPE_IEEE802_5, 6): access control, frame control, destination
/// and source addresses, and, when the source address's top bit (the routing information indicator) is set, a routing
/// information field of as many bytes as the low five bits of its first byte say (the two-byte route control field
/// included), then ring-bridge segments of two bytes each: a 12-bit ring number and a 4-bit bridge number.
/// <code>
/// +------+------+-------------------+-------------------+--------------+---------------------------+
/// |  AC  |  FC  | destination (6)   | source (6), bit 7 | route ctl (2)| segments (2 each), SR only|
/// |      |      |                   | of byte 0: SR     |   SR only    |                           |
/// +------+------+-------------------+-------------------+--------------+---------------------------+
/// </code>
/// </summary>
public readonly ref struct TokenRingHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int AccessControl = 0;
        public const int FrameControl = 1;
        public const int Destination = 2;
        public const int Source = 8;
        public const int RouteControl = 14;
        public const int Segments = 16;
    }

    /// <summary>Length of the header without routing information.</summary>
    public const int Length = 14;

    /// <summary>
    /// Bytes tshark reads before it adds any field: the first byte after the addresses, which it reads for the routing
    /// information's length whether or not the frame is source-routed.
    /// </summary>
    public const int TsharkFieldsLength = Length + 1;

    /// <summary>The routing information indicator: the top bit of the source address's first byte.</summary>
    public const byte SourceRouted = 0x80;

    /// <summary>The low bits of the route control field's first byte: the routing information's length in bytes.</summary>
    public const byte RouteLengthMask = 0x1F;

    /// <summary>The frame types of the frame control field's top two bits.</summary>
    public const int MacFrame = 0, LlcFrame = 1;

    /// <summary>Routing information bytes tshark reads ring-bridge pairs from at most (802.5's limit).</summary>
    public const int TsharkMaxRouteBytes = 30;

    private readonly ReadOnlySpan<byte> _bytes;

    private TokenRingHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds access control, frame control and both addresses.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out TokenRingHeader header)
    {
        header = bytes.Length >= Length ? new TokenRingHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The access control byte.</summary>
    public byte AccessControl => _bytes[Field.AccessControl];

    /// <summary>The frame control byte.</summary>
    public byte FrameControl => _bytes[Field.FrameControl];

    /// <summary>The frame type: 0 MAC, 1 LLC, 2 and 3 reserved.</summary>
    public int FrameType => _bytes[Field.FrameControl] >> 6;

    /// <summary>The destination address.</summary>
    public ReadOnlySpan<byte> Destination => _bytes.Slice(Field.Destination, 6);

    /// <summary>The source address as sent, routing information indicator included.</summary>
    public ReadOnlySpan<byte> Source => _bytes.Slice(Field.Source, 6);

    /// <summary>True when routing information follows the addresses.</summary>
    public bool IsSourceRouted => (_bytes[Field.Source] & SourceRouted) != 0;

    /// <summary>True when the byte after the addresses was captured (tshark reads it for every frame).</summary>
    public bool HasRouteLengthByte => _bytes.Length > Field.RouteControl;

    /// <summary>The routing information's length (0 when not source-routed, or when its first byte was not captured).</summary>
    public int RouteLength => IsSourceRouted && HasRouteLengthByte ? _bytes[Field.RouteControl] & RouteLengthMask : 0;

    /// <summary>The header's length: 14, and the routing information's length for a source-routed frame.</summary>
    public int HeaderLength => Length + RouteLength;

    /// <summary>
    /// How many ring-bridge pairs tshark reads from routing information of <paramref name="routeLength"/> bytes: one per
    /// two bytes after the route control field, of at most <see cref="TsharkMaxRouteBytes"/>, the last one reaching a byte
    /// past an odd length.
    /// </summary>
    public static int TsharkBridgeCount(int routeLength)
    {
        if (routeLength <= 2)
            return 0;
        int segmentBytes = Math.Min(routeLength, TsharkMaxRouteBytes) - 2;
        return Math.Max(0, (segmentBytes - 1) / 2);
    }

    /// <summary>
    /// The bytes tshark reads from a frame before it hands on what follows: the byte after the addresses, and for a
    /// source-routed frame the route control field and every ring-bridge pair it reads (one ring number more than pairs).
    /// </summary>
    public static int TsharkReadLength(int routeLength, bool sourceRouted)
    {
        if (!sourceRouted)
            return TsharkFieldsLength;
        int bridges = TsharkBridgeCount(routeLength);
        return Math.Max(Field.Segments, bridges == 0 ? 0 : Field.Segments + 2 + 2 * bridges);
    }
}
