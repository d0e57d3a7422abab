namespace RawNet.Protocols.Icmpv6;

/// <summary>ICMPv6 message types (RFC 4443, RFC 4861). The header has the same shape as ICMPv4's (<see cref="Icmp.IcmpHeader"/>).</summary>
public enum Icmpv6Type : byte
{
    DestinationUnreachable = 1,
    PacketTooBig = 2,
    TimeExceeded = 3,
    ParameterProblem = 4,
    EchoRequest = 128,
    EchoReply = 129,
    RouterSolicitation = 133,
    RouterAdvertisement = 134,
    NeighborSolicitation = 135,
    NeighborAdvertisement = 136,
    Redirect = 137,
}

/// <summary>Classifies ICMPv6 types.</summary>
public static class Icmpv6Message
{
    /// <summary>True for the error messages (types 1–4) that quote as much of the offending packet as fits.</summary>
    public static bool IsErrorWithQuote(byte type) => type is >= 1 and <= 4;

    /// <summary>True for echo request and reply.</summary>
    public static bool IsEcho(byte type) => (Icmpv6Type)type is Icmpv6Type.EchoRequest or Icmpv6Type.EchoReply;
}
