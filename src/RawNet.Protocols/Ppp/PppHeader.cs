using System.Buffers.Binary;

namespace RawNet.Protocols.Ppp;

/// <summary>How a link type frames PPP, which decides what may come before the protocol field.</summary>
public enum PppFraming : byte
{
    /// <summary>The protocol field first (PPPoE, RFC 2516).</summary>
    Plain,
    /// <summary>
    /// HDLC-like framing (RFC 1662; LINKTYPE_PPP and LINKTYPE_PPP_HDLC): address 0xff and control, unless address and
    /// control field compression left them out (the first byte is then not 0xff).
    /// </summary>
    Hdlc,
    /// <summary>LINKTYPE_PPP_WITH_DIR: a direction byte (0 received, anything else sent), then HDLC-like framing.</summary>
    HdlcWithDirection,
    /// <summary>
    /// LINKTYPE_PPP_PPPD (pppd's record format): HDLC-like framing whose address byte is replaced by a direction byte
    /// (0 received, anything else sent), so a control byte and the protocol field always follow it.
    /// </summary>
    Pppd,
}

/// <summary>
/// Where the fields of one PPP header lie: an optional direction byte, an optional address and control, and a protocol
/// field of 2 bytes, or 1 when protocol field compression is used (RFC 1661 6.5: the first byte is odd).
/// <code>
/// [direction (1)] | [address 0xff (1) | control (1)] | protocol (1 or 2)
/// </code>
/// </summary>
/// <param name="HasDirection">A LINKTYPE_PPP_WITH_DIR direction byte comes first.</param>
/// <param name="HasAddressAndControl">The address (0xff) and control bytes are there.</param>
/// <param name="CompressedProtocol">The protocol field is one byte.</param>
/// <param name="DirectionForAddress">LINKTYPE_PPP_PPPD: the direction byte stands where the address would (no address, a control byte).</param>
public readonly record struct PppLayout(bool HasDirection, bool HasAddressAndControl, bool CompressedProtocol, bool DirectionForAddress = false)
{
    /// <summary>The HDLC all-stations address that says address and control are present.</summary>
    public const byte AllStationsAddress = 0xFF;

    private const byte DirectionBit = 1, AddressAndControlBit = 2, CompressedProtocolBit = 4, DirectionForAddressBit = 8;

    /// <summary>Offset of the address byte (and of the protocol field's first byte when there is no address).</summary>
    public int AddressOffset => HasDirection && !DirectionForAddress ? 1 : 0;

    /// <summary>Offset of the control byte.</summary>
    public int ControlOffset => AddressOffset + 1;

    /// <summary>Offset of the protocol field.</summary>
    public int ProtocolOffset => AddressOffset + (HasAddressAndControl ? 2 : 0);

    /// <summary>Bytes of the protocol field.</summary>
    public int ProtocolLength => CompressedProtocol ? 1 : 2;

    /// <summary>The header's length: the protocol's data starts here.</summary>
    public int Length => ProtocolOffset + ProtocolLength;

    /// <summary>
    /// The layout the header's first bytes announce, from as many of them as are present (a header cut short still
    /// knows whether its address and control came before the cut).
    /// </summary>
    public static PppLayout Of(ReadOnlySpan<byte> bytes, PppFraming framing)
    {
        if (framing == PppFraming.Pppd)
            return new PppLayout(true, true, bytes.Length > 2 && (bytes[2] & 1) != 0, DirectionForAddress: true);
        bool direction = framing == PppFraming.HdlcWithDirection;
        int at = direction ? 1 : 0;
        bool addressAndControl = framing != PppFraming.Plain && bytes.Length > at && bytes[at] == AllStationsAddress;
        if (addressAndControl)
            at += 2;
        bool compressed = bytes.Length > at && (bytes[at] & 1) != 0;
        return new PppLayout(direction, addressAndControl, compressed);
    }

    /// <summary>The layout packed into a layer's <see cref="Decoding.Layer.Detail"/> byte.</summary>
    public byte ToDetail() => (byte)((HasDirection ? DirectionBit : 0) | (HasAddressAndControl ? AddressAndControlBit : 0)
        | (CompressedProtocol ? CompressedProtocolBit : 0) | (DirectionForAddress ? DirectionForAddressBit : 0));

    /// <summary>The layout <see cref="ToDetail"/> packed.</summary>
    public static PppLayout FromDetail(byte detail) =>
        new((detail & DirectionBit) != 0, (detail & AddressAndControlBit) != 0, (detail & CompressedProtocolBit) != 0,
            (detail & DirectionForAddressBit) != 0);
}

/// <summary>A view over a whole PPP header (see <see cref="PppLayout"/>); made only by <c>TryRead</c>.</summary>
public readonly ref struct PppHeader
{
    private readonly ReadOnlySpan<byte> _bytes;

    private PppHeader(ReadOnlySpan<byte> bytes, PppLayout layout)
    {
        _bytes = bytes;
        Layout = layout;
    }

    /// <summary>Wraps <paramref name="bytes"/> if they hold the whole header <paramref name="framing"/> announces.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, PppFraming framing, out PppHeader header) =>
        TryRead(bytes, PppLayout.Of(bytes, framing), out header);

    /// <summary>Wraps <paramref name="bytes"/> if they hold a whole header laid out as <paramref name="layout"/> (one read before).</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, PppLayout layout, out PppHeader header)
    {
        header = bytes.Length >= layout.Length ? new PppHeader(bytes, layout) : default;
        return bytes.Length >= layout.Length;
    }

    /// <summary>Where the fields lie.</summary>
    public PppLayout Layout { get; }

    /// <summary>The header's length.</summary>
    public int Length => Layout.Length;

    /// <summary>True when a LINKTYPE_PPP_WITH_DIR or LINKTYPE_PPP_PPPD direction byte says the frame was received (0); false when sent or when there is none.</summary>
    public bool Received => Layout.HasDirection && _bytes[0] == 0;

    /// <summary>The protocol of the data that follows, widened from one byte when compressed.</summary>
    public PppProtocol Protocol => (PppProtocol)(Layout.CompressedProtocol
        ? _bytes[Layout.ProtocolOffset]
        : BinaryPrimitives.ReadUInt16BigEndian(_bytes[Layout.ProtocolOffset..]));
}
