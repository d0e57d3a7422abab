namespace RawNet.Protocols.FrameRelay;

/// <summary>
/// A view over a Frame Relay frame's header as captured (LINKTYPE_FRELAY; ITU-T Q.922 address, RFC 2427
/// encapsulation): the address, whose octets end at the first with EA set, the control field (UI 0x03), an optional pad
/// octet (0x00) and the NLPID of what follows.
/// <code>
///    7    6    5    4    3    2    1    0
/// +----+----+----+----+----+----+----+----+
/// |        DLCI (upper 6 bits)  | CR | EA |   first address octet
/// +----+----+----+----+----+----+----+----+
/// |   DLCI (4 bits)   |FECN|BECN| DE | EA |   second (EA set: a 2-octet address)
/// +----+----+----+----+----+----+----+----+
/// |        DLCI (7 bits)             | EA |   third of a 4-octet address
/// +----+----+----+----+----+----+----+----+
/// |   DLCI (6 bits) or DL-CORE  | DC | EA |   last of a 3- or 4-octet address
/// +----+----+----+----+----+----+----+----+
/// | control (UI 0x03) | [pad 0x00] | NLPID | [SNAP: OUI (3), PID (2)]
/// </code>
/// The address is read as tshark reads it: a first octet with EA set is a bogus one-octet address (DLCI 0), and octets
/// after a 4-octet address's third that lack EA are bogus extras skipped up to the last.
/// </summary>
public readonly ref struct FrameRelayHeader
{
    /// <summary>The address octets' bits.</summary>
    public static class Bits
    {
        public const byte Ea = 0x01;
        public const byte CommandResponse = 0x02;
        public const byte DlCoreIndicator = 0x02;
        public const byte Fecn = 0x08;
        public const byte Becn = 0x04;
        public const byte DiscardEligible = 0x02;
    }

    /// <summary>The unnumbered information control field of RFC 2427 frames.</summary>
    public const byte UnnumberedInformation = 0x03;

    /// <summary>The poll (command) or final (response) bit of an unnumbered control field.</summary>
    public const byte PollFinal = 0x10;

    /// <summary>True for a UI control field, its poll/final bit set or not (see <see cref="CarriesNlpid"/>).</summary>
    public static bool IsUnnumberedInformation(byte control) => (control & ~PollFinal) == UnnumberedInformation;

    /// <summary>
    /// True when tshark 4.0 reads an RFC 2427 pad and NLPID after the control field of <paramref name="bytes"/> (from the
    /// control field on): always after UI (0x03); after UI with the poll/final bit only when the next octet is an NLPID it
    /// has a dissector for (or a pad), its guess for any control field but UI. Other control fields are not read here.
    /// </summary>
    public static bool CarriesNlpid(ReadOnlySpan<byte> bytes) => bytes.Length > 0 && (bytes[0] == UnnumberedInformation
        || (IsUnnumberedInformation(bytes[0]) && bytes.Length > 1 && bytes[1] is 0x00 or 0x08 or 0x09 or 0x80 or 0x81 or 0x82 or 0x83 or 0x8E or 0xB0 or 0xCC or 0xCF));

    /// <summary>Length of the SNAP header after NLPID 0x80: OUI and protocol ID.</summary>
    public const int SnapLength = 5;

    private readonly ReadOnlySpan<byte> _bytes;

    private FrameRelayHeader(ReadOnlySpan<byte> bytes, int addressLength, uint dlci)
    {
        _bytes = bytes;
        AddressLength = addressLength;
        Dlci = dlci;
    }

    /// <summary>Wraps <paramref name="bytes"/> if they hold the whole address; the control field and NLPID may be missing.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out FrameRelayHeader header)
    {
        header = default;
        int length = AddressLengthOf(bytes, out uint dlci);
        if (length <= 0)
            return false;
        header = new FrameRelayHeader(bytes, length, dlci);
        return true;
    }

    /// <summary>
    /// The address's length in octets as tshark walks it (1 for a bogus one-octet address), and its DLCI; 0 when the
    /// captured bytes end inside it.
    /// </summary>
    public static int AddressLengthOf(ReadOnlySpan<byte> bytes, out uint dlci)
    {
        dlci = 0;
        if (bytes.Length < 1)
            return 0;
        if ((bytes[0] & Bits.Ea) != 0)
            return 1;
        if (bytes.Length < 2)
            return 0;
        uint value = (uint)(bytes[0] >> 2) << 4 | (uint)(bytes[1] >> 4);
        if ((bytes[1] & Bits.Ea) != 0)
        {
            dlci = value;
            return 2;
        }
        int at = 2;
        if (bytes.Length <= at)
            return 0;
        if ((bytes[at] & Bits.Ea) == 0)
        {
            value = value << 7 | (uint)(bytes[at] >> 1);
            at++;
            while (at < bytes.Length && (bytes[at] & Bits.Ea) == 0)
                at++;
            if (at >= bytes.Length)
                return 0;
        }
        if ((bytes[at] & Bits.DlCoreIndicator) == 0)
            value = value << 6 | (uint)(bytes[at] >> 2);
        dlci = value;
        return at + 1;
    }

    /// <summary>The address's length in octets.</summary>
    public int AddressLength { get; }

    /// <summary>The data link connection identifier.</summary>
    public uint Dlci { get; }

    /// <summary>True when the address has at least two octets (the CR, FECN, BECN and DE bits are in the first two).</summary>
    public bool HasFlags => AddressLength >= 2;

    /// <summary>The command/response bit.</summary>
    public bool CommandResponse => HasFlags && (_bytes[0] & Bits.CommandResponse) != 0;

    /// <summary>Forward explicit congestion notification.</summary>
    public bool Fecn => HasFlags && (_bytes[1] & Bits.Fecn) != 0;

    /// <summary>Backward explicit congestion notification.</summary>
    public bool Becn => HasFlags && (_bytes[1] & Bits.Becn) != 0;

    /// <summary>Discard eligibility.</summary>
    public bool DiscardEligible => HasFlags && (_bytes[1] & Bits.DiscardEligible) != 0;

    /// <summary>True when the control field was captured.</summary>
    public bool HasControl => _bytes.Length > AddressLength;

    /// <summary>The control field (valid when <see cref="HasControl"/>).</summary>
    public byte Control => _bytes[AddressLength];

    /// <summary>True when the octet after a UI control field is a pad (0x00).</summary>
    public bool HasPad => _bytes.Length > AddressLength + 1 && _bytes[AddressLength + 1] == 0;

    /// <summary>Offset of the NLPID: after the control field and the pad, if any.</summary>
    public int NlpidOffset => AddressLength + 1 + (HasPad ? 1 : 0);

    /// <summary>True when the NLPID was captured.</summary>
    public bool HasNlpid => _bytes.Length > NlpidOffset;

    /// <summary>The NLPID (valid when <see cref="HasNlpid"/>).</summary>
    public Nlpid Nlpid => (Nlpid)_bytes[NlpidOffset];
}

/// <summary>Network layer protocol identifiers (ISO/IEC TR 9577) Frame Relay carries.</summary>
public enum Nlpid : byte
{
    Null = 0x00,
    Q933 = 0x08,
    Snap = 0x80,
    Clnp = 0x81,
    Ipv6 = 0x8e,
    Ipv4 = 0xcc,
    Ppp = 0xcf,
}
