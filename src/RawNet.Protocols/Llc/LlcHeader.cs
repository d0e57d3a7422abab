using System.Buffers.Binary;

namespace RawNet.Protocols.Llc;

/// <summary>The three kinds of IEEE 802.2 LLC frame, told by the low bits of the control field.</summary>
public enum LlcFrameKind : byte
{
    /// <summary>An information (I) frame: a two-byte control field with both sequence numbers.</summary>
    Information,
    /// <summary>A supervisory (S) frame: a two-byte control field with the receive sequence number.</summary>
    Supervisory,
    /// <summary>An unnumbered (U) frame: a one-byte control field.</summary>
    Unnumbered,
}

/// <summary>
/// A view over an IEEE 802.2 LLC header and, when both SAPs are SNAP's (0xAA), its SNAP extension (RFC 1042): an OUI
/// and a protocol ID, which for OUI 00-00-00 (and 00-00-F8) is an EtherType. The control field is one byte in
/// unnumbered frames and two, least significant first, in information and supervisory ones; SNAP follows it in all
/// three, as tshark reads it.
/// <code>
/// +--------+--------+-------------+------------------+------------------+
/// |  DSAP  |  SSAP  | control 1/2 |   OUI (3) SNAP   |  type (2) SNAP   |
/// +--------+--------+-------------+------------------+------------------+
/// </code>
/// </summary>
public readonly ref struct LlcHeader
{
    /// <summary>Byte offsets of the fields (SNAP's from the end of the control field).</summary>
    public static class Field
    {
        public const int Dsap = 0;
        public const int Ssap = 1;
        public const int Control = 2;
        public const int SnapOui = 0;
        public const int SnapType = 3;
    }

    /// <summary>Length of the LLC header with an unnumbered (one-byte) control field.</summary>
    public const int Length = 3;

    /// <summary>The <see cref="Decoding.Layer.Detail"/> of the payload after an XID whose information field LLC reads itself (not data).</summary>
    public const byte XidInformationReadByLlc = 3;

    /// <summary>
    /// Whether the LLC header at the start of <paramref name="bytes"/> (<paramref name="headerLength"/> bytes) is an XID
    /// (poll/final either way) whose information field starts with IEEE 802.2's basic format identifier (0x81).
    /// </summary>
    public static bool IsBasicXid(ReadOnlySpan<byte> bytes, int headerLength)
    {
        const byte xid = 0xAF, pollFinal = 0x10, basicFormat = 0x81;
        return bytes.Length > headerLength && headerLength > Field.Control && (bytes[Field.Control] & ~pollFinal) == xid && bytes[headerLength] == basicFormat;
    }

    /// <summary>Length of the LLC header with a two-byte control field.</summary>
    public const int ExtendedLength = 4;

    /// <summary>Length of the SNAP extension.</summary>
    public const int SnapExtensionLength = 5;

    /// <summary>Length of LLC and SNAP together in an unnumbered frame.</summary>
    public const int SnapLength = Length + SnapExtensionLength;

    /// <summary>The SAP of SNAP.</summary>
    public const byte SnapSap = 0xAA;

    /// <summary>The SAP of IP (RFC 948).</summary>
    public const byte IpSap = 0x06;

    /// <summary>The individual/group bit of the DSAP and the command/response bit of the SSAP.</summary>
    public const byte AddressBit = 0x01;

    /// <summary>The unnumbered information control byte.</summary>
    public const byte UnnumberedInformation = 0x03;

    /// <summary>The OUIs whose protocol ID is an EtherType: RFC 1042's and 802.1H's bridge tunnel.</summary>
    public const uint EncapsulatedEthernet = 0x000000, BridgeTunnel = 0x0000F8;

    /// <summary>Cisco's OUI (CDP, VTP, DTP, PVST), Apple's for AppleTalk, and IEEE 802.1's for bridged frames (RFC 2684).</summary>
    public const uint Cisco = 0x00000C, AppleTalk = 0x080007, Bridged = 0x0080C2;

    /// <summary>
    /// Other OUIs whose protocol IDs tshark shows under fields of their own (llc.iana_pid, llc.bluetooth_pid,
    /// llc.wlccp_pid, llc.nortel_pid, llc.extreme_pid, llc.foundry_pid, as llc.cisco_pid and llc.apple_atalk_pid).
    /// </summary>
    private const uint Iana = 0x00005E, Bluetooth = 0x001958, CiscoWlccp = 0x004096, Nortel = 0x000081, Extreme = 0x00E02B,
        Foundry = 0x00E052;

    private readonly ReadOnlySpan<byte> _bytes;

    /// <summary>
    /// True for an OUI whose protocol ID tshark shows under a field of the OUI's own, which RawNet does not show; llc.pid
    /// is the field of every other OUI that does not carry an EtherType.
    /// </summary>
    public static bool HasOwnPidField(uint oui) => oui is Cisco or AppleTalk or Iana or Bluetooth or CiscoWlccp or Nortel or Extreme or Foundry;

    private LlcHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds DSAP, SSAP and the first control byte.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out LlcHeader header)
    {
        header = bytes.Length >= Length ? new LlcHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The DSAP byte, individual/group bit included.</summary>
    public byte Dsap => _bytes[Field.Dsap];

    /// <summary>The SSAP byte, command/response bit included.</summary>
    public byte Ssap => _bytes[Field.Ssap];

    /// <summary>True when the SSAP's command/response bit marks a response.</summary>
    public bool IsResponse => (_bytes[Field.Ssap] & AddressBit) != 0;

    /// <summary>What kind of frame the control field's first byte makes this.</summary>
    public LlcFrameKind Kind => (_bytes[Field.Control] & 0x03) switch
    {
        0x03 => LlcFrameKind.Unnumbered,
        0x01 => LlcFrameKind.Supervisory,
        _ => LlcFrameKind.Information,
    };

    /// <summary>True for an unnumbered control field (one byte); information and supervisory ones take two.</summary>
    public bool IsUnnumbered => Kind == LlcFrameKind.Unnumbered;

    /// <summary>The control field's length: 1 or 2.</summary>
    public int ControlLength => IsUnnumbered ? 1 : 2;

    /// <summary>True when the whole control field is present.</summary>
    public bool HasControl => _bytes.Length >= Field.Control + ControlLength;

    /// <summary>The control field (valid with <see cref="HasControl"/>): one byte, or two read least significant first.</summary>
    public ushort Control => IsUnnumbered ? _bytes[Field.Control] : BinaryPrimitives.ReadUInt16LittleEndian(_bytes[Field.Control..]);

    /// <summary>
    /// True when what follows is the SAP's protocol (an information or an unnumbered-information frame, tshark's
    /// XDLC_IS_INFORMATION; valid with <see cref="HasControl"/>).
    /// </summary>
    public bool CarriesInformation => Kind == LlcFrameKind.Information || _bytes[Field.Control] == UnnumberedInformation;

    /// <summary>True when a SNAP extension follows the control field (both SAP bytes 0xAA, as tshark tells it).</summary>
    public bool IsSnap => _bytes[Field.Dsap] == SnapSap && _bytes[Field.Ssap] == SnapSap;

    /// <summary>Where the SNAP extension starts: after the control field.</summary>
    public int SnapOffset => Field.Control + ControlLength;

    /// <summary>The header's length: 3 or 4, and 5 more with SNAP.</summary>
    public int HeaderLength => SnapOffset + (IsSnap ? SnapExtensionLength : 0);

    /// <summary>True when the whole header, SNAP included, is present.</summary>
    public bool IsWhole => _bytes.Length >= HeaderLength;

    /// <summary>The SNAP OUI (valid with <see cref="IsSnap"/> and <see cref="IsWhole"/>).</summary>
    public uint Oui
    {
        get
        {
            var snap = _bytes[SnapOffset..];
            return (uint)(snap[Field.SnapOui] << 16 | snap[Field.SnapOui + 1] << 8 | snap[Field.SnapOui + 2]);
        }
    }

    /// <summary>The SNAP protocol ID (valid with <see cref="IsSnap"/> and <see cref="IsWhole"/>).</summary>
    public ushort ProtocolId => BinaryPrimitives.ReadUInt16BigEndian(_bytes[(SnapOffset + Field.SnapType)..]);

    /// <summary>True when the SNAP protocol ID is an EtherType.</summary>
    public bool CarriesEtherType => Oui is EncapsulatedEthernet or BridgeTunnel;
}
