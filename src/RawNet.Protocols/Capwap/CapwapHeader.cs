using System.Buffers.Binary;

namespace RawNet.Protocols.Capwap;

/// <summary>
/// The CAPWAP preamble and header (RFC 5415 section 4.3) as tshark 4.0's capwap.data reads them on UDP port 5247.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |Version| Type  |  HLEN   |   RID   | WBID    |T|F|L|W|M|K|Flags|
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |          Fragment ID          |     Frag Offset         |Rsvd |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                 (optional) Radio MAC Address                  |
/// |            (optional) Wireless Specific Information           |
/// |                        Payload ....                           |
/// </code>
/// </summary>
public static class CapwapHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Preamble = 0;
        /// <summary>HLEN, RID, WBID and the flags: three bytes.</summary>
        public const int Word = 1;
        public const int FragmentId = 4;
        public const int FragmentOffset = 6;
        public const int Optional = 8;
    }

    /// <summary>The CAPWAP data channel's UDP port.</summary>
    public const ushort DataPort = 5247;

    /// <summary>The CAPWAP control channel's UDP port.</summary>
    public const ushort ControlPort = 5246;

    /// <summary>Preamble and the fixed header.</summary>
    public const int FixedLength = 8;

    /// <summary>The preamble type of a DTLS-protected message: a 4-byte preamble, then DTLS.</summary>
    public const int DtlsType = 1;
    public const int DtlsPreambleLength = 4;

    public const uint FlagT = 0x100, FlagF = 0x80, FlagL = 0x40, FlagW = 0x20, FlagM = 0x10, FlagK = 0x08;

    /// <summary>The wireless binding whose payload is an 802.11 frame and whose wireless information tshark reads.</summary>
    public const int Ieee80211Binding = 1;

    /// <summary>The message element type tshark checks in a keep-alive (RFC 5415 4.6.37).</summary>
    public const ushort SessionIdType = 35;
    public const int SessionIdLength = 16;

    /// <summary>The preamble's type, its low nibble.</summary>
    public static int PreambleType(byte first) => first & 0x0F;

    /// <summary>HLEN: the header's length (preamble included) in 4-byte words.</summary>
    public static int Words(ReadOnlySpan<byte> header) => header[Field.Word] >> 3;

    /// <summary>The wireless binding ID.</summary>
    public static int Binding(ReadOnlySpan<byte> header) => (header[Field.Word + 1] >> 1) & 0x1F;

    /// <summary>The nine flag bits T F L W M K and three reserved.</summary>
    public static uint Flags(ReadOnlySpan<byte> header) => (uint)((header[Field.Word + 1] & 1) << 8 | header[Field.Word + 2]);

    /// <summary>The fragment ID.</summary>
    public static ushort FragmentId(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt16BigEndian(header[Field.FragmentId..]);

    /// <summary>The fragment offset in bytes (the field counts 8-byte units).</summary>
    public static int FragmentOffset(ReadOnlySpan<byte> header) => (BinaryPrimitives.ReadUInt16BigEndian(header[Field.FragmentOffset..]) >> 3) * 8;

    /// <summary>
    /// True for a fragment tshark (capwap.reassemble, on by default) reassembles by itself: the last fragment at offset 0
    /// with bytes after the header. A fragment with nothing after the header shows nothing more.
    /// </summary>
    public static bool IsWholeFragment(uint flags, int fragmentOffset) => (flags & FlagL) != 0 && fragmentOffset == 0;
}

/// <summary>
/// The CAPWAP control header (RFC 5415 section 4.5.1) after the CAPWAP header on UDP port 5246, and the message elements
/// after it, as tshark 4.0's capwap reads them: each field read on its own (a capture that ends inside the header keeps
/// the fields before), then the elements walked to the end of the datagram whatever the message element length says.
/// <code>
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                       Message Type                            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |    Seq Num    |        Msg Element Length     |     Flags     |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// | Msg Element [0..N] ...
/// </code>
/// </summary>
public static class CapwapControlHeader
{
    /// <summary>Byte offsets from the control header's start, and each field's end (where a read of it ends).</summary>
    public static class Field
    {
        public const int MessageType = 0;
        public const int SequenceNumber = 4;
        public const int MessageElementLength = 5;
        public const int Flags = 7;
    }

    /// <summary>The control header's length: the message elements follow it.</summary>
    public const int Length = 8;

    /// <summary>
    /// Where tshark's reading of a control header of which <paramref name="captured"/> bytes are there stops: the end of
    /// the first field read past them, or <see cref="Length"/> when all were read.
    /// </summary>
    public static int ReadEnd(int captured) => captured switch
    {
        < Field.SequenceNumber => Field.SequenceNumber,
        < Field.MessageElementLength => Field.MessageElementLength,
        < Field.Flags => Field.Flags,
        _ => Length,
    };

    /// <summary>tshark's name of a message type (RFC 5415 and the 802.11 binding's RFC 5416), or null.</summary>
    public static string? MessageName(uint type) => type switch
    {
        >= 1 and <= 26 => Names[type - 1],
        3398913 => "IEEE 802.11 WLAN Configuration Request",
        3398914 => "IEEE 802.11 WLAN Configuration Response",
        _ => null,
    };

    private static readonly string[] Names =
    [
        "Discovery Request", "Discovery Response", "Join Request", "Join Response", "Configuration Status Request",
        "Configuration Status Response", "Configuration Update Request", "Configuration Update Response", "WTP Event Request",
        "WTP Event Response", "Change State Request", "Change State Response", "Echo Request", "Echo Response", "Image Data Request",
        "Image Data Response", "Reset Request", "Reset Response", "Primary Discovery Request", "Primary Discovery Response",
        "Data Transfer Request", "Data Transfer Response", "Clear Configuration Request", "Clear Configuration Response",
        "Station Configuration Request", "Station Configuration Response",
    ];

    /// <summary>
    /// Whether tshark's length check of a message element type it decodes passes (else capwap.message_element.length.bad
    /// and none of the element's own fields); true for the types whose check RawNet does not know.
    /// </summary>
    public static bool ElementLengthFits(ushort type, int length) => type switch
    {
        DiscoveryTypeElement or FrameTunnelModeElement or WtpMacTypeElement => length == 1,
        ResultCodeElement => length == 4,
        CapwapHeader.SessionIdType => length == CapwapHeader.SessionIdLength,
        AcNameElement or LocationDataElement or WtpNameElement => length >= 1,
        AcNameWithPriorityElement => length >= 2,
        _ => true,
    };

    /// <summary>The message element types whose own fields RawNet shows (RFC 5415 section 4.6).</summary>
    public const ushort AcNameElement = 4, AcNameWithPriorityElement = 5, DiscoveryTypeElement = 20, LocationDataElement = 28, ResultCodeElement = 33,
        FrameTunnelModeElement = 41, WtpMacTypeElement = 44, WtpNameElement = 45;

    /// <summary>
    /// True for a message element type tshark 4.0 decodes; for any other it adds "type not implemented"
    /// (capwap.message_element.type.undecoded). Found by offering tshark every type of RFC 5415 and 5416 and others.
    /// </summary>
    public static bool IsDecodedElement(ushort type) => type switch
    {
        1 or 2 or 3 or 4 or 5 or 6 or 8 or 10 or 11 or 12 or 16 or 18 or 20 or 23 or (>= 28 and <= 33) or (>= 35 and <= 41) or 44 or 45 or 48
            or (>= 50 and <= 53) or (>= 1024 and <= 1034) or 1036 or 1038 or 1040 or 1041 or 1042 or 1044 or 1046 or 1048 or 1060 or 1061 => true,
        _ => false,
    };
}

/// <summary>
/// Where tshark 4.0 reads the optional parts of a CAPWAP header, in its order: the radio MAC's length byte, the address
/// and the padding to 4 bytes after it; the wireless information's length byte, its data (and, for the 802.11 binding,
/// four bytes of frame info or destination WLANs however long the data says it is) and the padding. Offsets count
/// from the preamble; <see cref="Reach"/> is where tshark's reading stopped, at the first read past the captured bytes.
/// </summary>
public readonly struct CapwapLayout
{
    public int MacAt { get; private init; }
    public int MacLength { get; private init; }
    public int MacPad { get; private init; }
    public int WirelessAt { get; private init; }
    public int WirelessLength { get; private init; }
    public int WirelessPad { get; private init; }
    /// <summary>Bytes tshark reads as header from the preamble on (all of them read when <see cref="Stopped"/> is false).</summary>
    public int Read { get; private init; }
    /// <summary>How far the reading got before the first read past the captured bytes.</summary>
    public int Reach { get; private init; }
    /// <summary>True when a read ran past the captured bytes (<see cref="End"/> is where that read ended).</summary>
    public bool Stopped { get; private init; }
    /// <summary>End of the read that stopped the walk.</summary>
    public int End { get; private init; }

    /// <summary>True when a field of <paramref name="length"/> bytes at <paramref name="at"/> was read.</summary>
    public bool Reached(int at, int length) => at + length <= Reach;

    /// <summary>Walks a header whose fixed 8 bytes were captured (<paramref name="header"/>: the captured bytes from the preamble).</summary>
    public static CapwapLayout Of(ReadOnlySpan<byte> header)
    {
        uint flags = CapwapHeader.Flags(header);
        int binding = CapwapHeader.Binding(header);
        int captured = header.Length;
        int at = CapwapHeader.FixedLength;
        int macAt = -1, macLength = 0, macPad = 0, wirelessAt = -1, wirelessLength = 0, wirelessPad = 0;
        // Each read in order; the first past the captured bytes ends the walk there.
        if ((flags & CapwapHeader.FlagM) != 0)
        {
            if (at + 1 > captured)
                return Stop(at, at + 1, -1, 0, 0, -1, 0, 0);
            macAt = at;
            macLength = header[at];
            at++;
            if (at + macLength > captured)
                return Stop(at, at + macLength, macAt, macLength, 0, -1, 0, 0);
            at += macLength;
            macPad = PadAt(at);
            if (at + macPad > captured)
                return Stop(at, at + macPad, macAt, macLength, macPad, -1, 0, 0);
            at += macPad;
        }
        if ((flags & CapwapHeader.FlagW) != 0)
        {
            if (at + 1 > captured)
                return Stop(at, at + 1, macAt, macLength, macPad, -1, 0, 0);
            wirelessAt = at;
            wirelessLength = header[at];
            at++;
            int readTo = at + (binding == CapwapHeader.Ieee80211Binding ? Math.Max(wirelessLength, 4) : wirelessLength);
            if (at + wirelessLength > captured)
                return Stop(at, at + wirelessLength, macAt, macLength, macPad, wirelessAt, wirelessLength, 0);
            if (readTo > captured)
                return Stop(at + wirelessLength, readTo, macAt, macLength, macPad, wirelessAt, wirelessLength, 0);
            at += wirelessLength;
            wirelessPad = PadAt(at);
            if (at + wirelessPad > captured)
                return Stop(at, at + wirelessPad, macAt, macLength, macPad, wirelessAt, wirelessLength, wirelessPad);
            at += wirelessPad;
        }
        return new CapwapLayout
        {
            MacAt = macAt, MacLength = macLength, MacPad = macPad, WirelessAt = wirelessAt, WirelessLength = wirelessLength,
            WirelessPad = wirelessPad, Read = at, Reach = at, End = at,
        };
    }

    /// <summary>The padding tshark reads after an optional part ending at <paramref name="at"/>: to the next multiple of 4.</summary>
    private static int PadAt(int at) => (4 - at % 4) % 4;

    private static CapwapLayout Stop(int reach, int end, int macAt, int macLength, int macPad, int wirelessAt, int wirelessLength, int wirelessPad) =>
        new()
        {
            MacAt = macAt, MacLength = macLength, MacPad = macPad, WirelessAt = wirelessAt, WirelessLength = wirelessLength,
            WirelessPad = wirelessPad, Read = end, Reach = reach, Stopped = true, End = end,
        };
}

/// <summary>
/// Walks a keep-alive's message elements as tshark 4.0 does: from after the two-byte length to the end of the datagram,
/// each element's type and length (read before anything is shown), then its value. Every element takes at least 4
/// bytes, so the walk is bounded by the datagram's length.
/// </summary>
public ref struct CapwapElementWalker
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly int _reported;
    private int _at;

    /// <param name="message">The keep-alive's captured bytes, from its length field (a control message's, from its first element).</param>
    /// <param name="reported">The keep-alive's length in the datagram.</param>
    /// <param name="start">Where the first element starts: after a keep-alive's two-byte length, at 0 in a control message.</param>
    public CapwapElementWalker(ReadOnlySpan<byte> message, int reported, int start = 2)
    {
        _message = message;
        _reported = reported;
        _at = start;
        StoppedAt = -1;
    }

    /// <summary>Where a read ran past the captured bytes (an element's type and length, or its value), or -1.</summary>
    public int StoppedAt { get; private set; }

    /// <summary>End of the read that stopped the walk.</summary>
    public int StopEnd { get; private set; }

    /// <summary>
    /// The next element: its offset in the message, its type and value length, and whether its value was captured
    /// (tshark shows the element, its type and length first, then fails on a value it cannot read).
    /// </summary>
    public bool MoveNext(out int at, out ushort type, out int length, out bool valueRead)
    {
        at = _at;
        type = 0;
        length = 0;
        valueRead = false;
        if (_at >= _reported || StoppedAt >= 0)
            return false;
        if (_at + 4 > _message.Length)
        {
            StoppedAt = _at;
            StopEnd = _at + 4;
            return false;
        }
        type = BinaryPrimitives.ReadUInt16BigEndian(_message[_at..]);
        length = BinaryPrimitives.ReadUInt16BigEndian(_message[(_at + 2)..]);
        valueRead = _at + 4 + length <= _message.Length;
        if (!valueRead)
        {
            StoppedAt = _at + 4;
            StopEnd = _at + 4 + length;
        }
        _at += 4 + length;
        return true;
    }
}
