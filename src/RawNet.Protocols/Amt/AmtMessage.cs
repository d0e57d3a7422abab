namespace RawNet.Protocols.Amt;

/// <summary>The AMT message types (RFC 7450 5.1), the low nibble of the first byte.</summary>
public enum AmtType : byte
{
    RelayDiscovery = 1,
    RelayAdvertisement = 2,
    Request = 3,
    MembershipQuery = 4,
    MembershipUpdate = 5,
    MulticastData = 6,
    Teardown = 7,
}

/// <summary>
/// An Automatic Multicast Tunneling message (RFC 7450 5.1) on UDP port 2268, laid out as tshark 4.0's amt reads it.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |  V=0  |Type=4 | Reserved  |L|G|         Response MAC          |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         Response MAC (continued)              |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         Request Nonce                         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |               Encapsulated General Query Message              |
/// ~                 IPv4:IGMPv3(Membership Query)                 ~
/// |                  IPv6:MLDv2(Listener Query)                   |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |     Gateway Port Number       |                               |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
/// |                  Gateway IP Address (IPv4 or IPv6)            |
/// </code>
/// The membership query above is the longest; discovery and advertisement carry a discovery nonce (an advertisement then
/// the relay's address), a request its P flag and request nonce, an update its response MAC, request nonce and IP packet,
/// multicast data a reserved byte and the IP packet, a teardown the MAC, nonce, gateway port and gateway address.
/// </summary>
public static class AmtMessage
{
    /// <summary>Byte offsets of the fields (which exist depends on the type).</summary>
    public static class Field
    {
        public const int VersionAndType = 0;
        public const int Flags = 1;
        public const int DiscoveryNonce = 4;
        public const int RelayAddress = 8;
        public const int RequestNonce = 4;
        public const int ResponseMac = 2;
        public const int QueryNonce = 8;
        public const int TeardownPort = 12;
        public const int TeardownAddress = 14;
        public const int MulticastData = 2;
    }

    public const byte VersionMask = 0xF0;
    public const byte TypeMask = 0x0F;
    public const byte RequestReservedMask = 0xFE;
    public const byte RequestP = 0x01;
    public const byte QueryReservedMask = 0xFC;
    public const byte QueryL = 0x02;
    public const byte QueryG = 0x01;

    /// <summary>Length of the gateway port and address a teardown (and a query with G) ends with.</summary>
    public const int GatewayLength = 2 + 16;

    /// <summary>The type, the first byte's low nibble.</summary>
    public static AmtType TypeOf(byte first) => (AmtType)(first & TypeMask);

    /// <summary>tshark's name of a type (its Info text), or null for one it does not know ("Unknown AMT TYPE").</summary>
    public static string? Name(AmtType type) => type switch
    {
        AmtType.RelayDiscovery => "Relay Discovery",
        AmtType.RelayAdvertisement => "Relay Advertisement",
        AmtType.Request => "Request",
        AmtType.MembershipQuery => "Membership Query",
        AmtType.MembershipUpdate => "Membership Update",
        AmtType.MulticastData => "Multicast Data",
        AmtType.Teardown => "Teardown",
        _ => null,
    };

    /// <summary>Where the IP packet of a query, update or multicast data begins; 0 for a type that carries none.</summary>
    public static int IpOffset(AmtType type) => type switch
    {
        AmtType.MembershipQuery or AmtType.MembershipUpdate => Field.QueryNonce + 4,
        AmtType.MulticastData => Field.MulticastData,
        _ => 0,
    };

    /// <summary>
    /// How many bytes tshark reads of a message of <paramref name="type"/> before the IP packet (or, for the types that
    /// carry none, in all): its reads of fields run to there, so a message the capture or datagram cuts shorter throws.
    /// (Multicast data's own field covers the rest of the message: its read fails too when no byte follows the reserved one.)
    /// </summary>
    public static int FixedReach(AmtType type, int reported) => type switch
    {
        AmtType.RelayDiscovery => 8,
        AmtType.RelayAdvertisement => reported - 8 is 4 or 16 ? reported : 8,
        AmtType.Request => 8,
        AmtType.MembershipQuery or AmtType.MembershipUpdate => 12,
        AmtType.MulticastData => 2,
        AmtType.Teardown => Field.TeardownAddress + 16,
        _ => 1,
    };

    /// <summary>
    /// Where tshark's read of <paramref name="size"/> bytes at <paramref name="offset"/> lands in a message of
    /// <paramref name="captured"/> bytes kept of <paramref name="reported"/>: a negative offset counts from the captured end
    /// (a query with G reads its gateway 18 bytes before the end, which a short message puts before the start). -1 when
    /// the read fails; <paramref name="cut"/> then says whether the capture (not the message) was short.
    /// </summary>
    public static int Resolve(int offset, int size, int captured, int reported, out bool cut)
    {
        cut = false;
        int start = offset;
        if (offset < 0)
        {
            if (-offset > captured)
            {
                cut = -offset <= reported;
                return -1;
            }
            start = captured + offset;
        }
        else if (offset > captured)
        {
            cut = offset <= reported;
            return -1;
        }
        if (start + size <= captured)
            return start;
        cut = start + size <= reported;
        return -1;
    }

    /// <summary>Where a query's gateway port is read (negative: from the captured end), the message being <paramref name="reported"/> bytes.</summary>
    public static int QueryGatewayOffset(int reported) => reported - GatewayLength;
}
