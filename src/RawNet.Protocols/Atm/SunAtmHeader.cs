namespace RawNet.Protocols.Atm;

/// <summary>
/// A view over the 4-byte header Sun's ATM driver writes before each AAL5 PDU (LINKTYPE_SUNATM, 123): a flags byte (the
/// direction in its top bit, set for sent; the traffic type in its low nibble), the VPI and the VCI. tshark 4.0's wiretap
/// turns it into an ATM pseudo-header (<see cref="PseudoHeader"/>) and strips it; tcpdump's sunatm_if_print reads only
/// LANE and LLC from the type (<see cref="IsLane"/>).
/// <code>
/// +--------+--------+-----------------+
/// | flags  |  VPI   |       VCI       |
/// +--------+--------+-----------------+
/// </code>
/// </summary>
public readonly ref struct SunAtmHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Flags = 0;
        public const int Vpi = 1;
        public const int Vci = 2;
    }

    /// <summary>Length of the header.</summary>
    public const int Length = 4;

    /// <summary>The flags bit of a PDU the host sent (tshark's channel 0, DTE to DCE).</summary>
    public const byte SentBit = 0x80;

    /// <summary>The flags' traffic type bits.</summary>
    public const byte TypeMask = 0x0F;

    /// <summary>Sun's traffic types wiretap reads: LANE, LLC-multiplexed (RFC 1483), ILMI, Q.2931 signalling.</summary>
    public const byte TypeLane = 1, TypeLlc = 2, TypeIlmi = 5, TypeSignalling = 6;

    /// <summary>wiretap's AAL numbers (atm.aal): AAL5 and signalling.</summary>
    public const byte Aal5 = 4, AalSignalling = 6;

    /// <summary>wiretap's AAL5 traffic types (atm.traffic_type).</summary>
    public const byte TrafficUnknown = 0, TrafficLlc = 1, TrafficLane = 3, TrafficIlmi = 4;

    /// <summary>wiretap's LANE traffic types (atm.traffic.lane).</summary>
    public const byte LaneUnknown = 0, LaneControl = 1, Lane8023 = 2;

    /// <summary>The LE Control frames' marker, which wiretap's guess of a LANE PDU's type looks for.</summary>
    public const ushort LeControlMarker = 0xFF00;

    /// <summary>The fixed part of an LE Control frame tshark reads for every opcode: marker to flags.</summary>
    public const int LeControlLength = 16;

    private readonly ReadOnlySpan<byte> _bytes;

    private SunAtmHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds a whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out SunAtmHeader header)
    {
        header = bytes.Length >= Length ? new SunAtmHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The flags byte.</summary>
    public byte Flags => _bytes[Field.Flags];

    /// <summary>The virtual path identifier.</summary>
    public byte Vpi => _bytes[Field.Vpi];

    /// <summary>The virtual channel identifier.</summary>
    public ushort Vci => (ushort)(_bytes[Field.Vci] << 8 | _bytes[Field.Vci + 1]);

    /// <summary>tshark's channel: 0 for a PDU sent (DTE to DCE), 1 for one received.</summary>
    public byte Channel => (byte)((Flags & SentBit) != 0 ? 0 : 1);

    /// <summary>True when tcpdump reads the PDU as LANE (else as LLC).</summary>
    public bool IsLane => (Flags & TypeMask) == TypeLane;

    /// <summary>
    /// wiretap's pseudo-header (pcap_read_sunatm_pseudoheader, then atm_guess_lane_type on the PDU's first
    /// captured bytes <paramref name="pdu"/>) packed into a byte: <see cref="AtmPseudoHeader"/>.
    /// </summary>
    public byte PseudoHeader(ReadOnlySpan<byte> pdu)
    {
        byte type = (Flags & TypeMask) switch
        {
            TypeLane => TrafficLane,
            TypeLlc => TrafficLlc,
            TypeIlmi => TrafficIlmi,
            _ => TrafficUnknown,
        };
        bool signalling = (Flags & TypeMask) == TypeSignalling || (Flags & TypeMask) is not (TypeLane or TypeLlc or TypeIlmi or 3 or 4) && Vpi == 0 && Vci == 5;
        byte lane = LaneUnknown;
        if (type == TrafficLane && pdu.Length >= 2)
            lane = pdu[0] == 0xFF && pdu[1] == 0x00 ? LaneControl : Lane8023;
        return AtmPseudoHeader.Pack(signalling ? AalSignalling : Aal5, signalling ? TrafficUnknown : type, lane);
    }
}

/// <summary>The ATM pseudo-header wiretap builds, packed into <see cref="Decoding.Layer.Detail"/>: AAL, traffic type, LANE type.</summary>
public static class AtmPseudoHeader
{
    private const byte SignallingBit = 0x80;

    /// <summary>Packs the three values (traffic types up to 7, LANE types up to 3).</summary>
    public static byte Pack(byte aal, byte trafficType, byte laneType) =>
        (byte)((aal == SunAtmHeader.AalSignalling ? SignallingBit : 0) | (trafficType & 7) << 2 | laneType & 3);

    /// <summary>atm.aal.</summary>
    public static byte Aal(byte detail) => (detail & SignallingBit) != 0 ? SunAtmHeader.AalSignalling : SunAtmHeader.Aal5;

    /// <summary>atm.traffic_type (shown for AAL5 only).</summary>
    public static byte TrafficType(byte detail) => (byte)(detail >> 2 & 7);

    /// <summary>atm.traffic.lane (shown for LANE traffic only).</summary>
    public static byte LaneType(byte detail) => (byte)(detail & 3);
}
