namespace RawNet.Protocols.Lisp;

/// <summary>
/// The LISP data plane's encapsulation header (RFC 9300 5.3) on UDP port 4341; an IPv4 or IPv6 packet follows.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |N|L|E|V|I|R|K|K|            Nonce/Map-Version                  |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                 Instance ID/Locator-Status-Bits               |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// The flags say what the two words hold: a nonce (N) or else a source and destination map-version (V) in the first; an
/// instance ID (I) with eight locator-status bits (L) or else 32 locator-status bits (L) in the second.
/// </summary>
public static class LispDataHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Flags = 0;
        public const int Nonce = 1;
        public const int InstanceId = 4;
        public const int LocatorStatusBits = 4;
        public const int LocatorStatusBits8 = 7;
    }

    /// <summary>Length of the header; tshark leaves a shorter datagram to the other port or data.</summary>
    public const int Length = 8;

    /// <summary>
    /// True when tshark's lisp-data (UDP 4341) takes a datagram to <paramref name="destinationPort"/> of
    /// <paramref name="payloadLength"/> bytes: not one to LISP control's 4342 (which it hands to lisp, not decoded here),
    /// nor one shorter than the header; what it refuses, tshark tries on the other port.
    /// </summary>
    public static bool IsTaken(ushort destinationPort, int payloadLength) =>
        destinationPort != Tunnels.TunnelPorts.LispControl && payloadLength >= Length;

    public const byte NonceFlag = 0x80;
    public const byte LocatorStatusFlag = 0x40;
    public const byte EchoNonceFlag = 0x20;
    public const byte MapVersionFlag = 0x10;
    public const byte InstanceIdFlag = 0x08;
    public const byte ReservedFlags = 0x07;

    /// <summary>A nonce is present.</summary>
    public static bool HasNonce(byte flags) => (flags & NonceFlag) != 0;

    /// <summary>The map-versions are present: V without N (tshark reads a nonce when both are set).</summary>
    public static bool HasMapVersion(byte flags) => (flags & (NonceFlag | MapVersionFlag)) == MapVersionFlag;

    /// <summary>An instance ID is present.</summary>
    public static bool HasInstanceId(byte flags) => (flags & InstanceIdFlag) != 0;

    /// <summary>Eight locator-status bits after an instance ID.</summary>
    public static bool HasLocatorStatusBits8(byte flags) => (flags & (InstanceIdFlag | LocatorStatusFlag)) == (InstanceIdFlag | LocatorStatusFlag);

    /// <summary>A whole word of locator-status bits (L without I).</summary>
    public static bool HasLocatorStatusBits(byte flags) => (flags & (InstanceIdFlag | LocatorStatusFlag)) == LocatorStatusFlag;

    /// <summary>tshark's warning: E set without N.</summary>
    public static bool EchoWithoutNonce(byte flags) => (flags & (EchoNonceFlag | NonceFlag)) == EchoNonceFlag;

    /// <summary>tshark's warning: N and V both set.</summary>
    public static bool NonceWithMapVersion(byte flags) => (flags & (NonceFlag | MapVersionFlag)) == (NonceFlag | MapVersionFlag);
}
