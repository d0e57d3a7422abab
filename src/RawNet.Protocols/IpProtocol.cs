namespace RawNet.Protocols;

/// <summary>IP protocol / IPv6 next-header numbers (IANA); any other value passes through untouched.</summary>
public enum IpProtocol : byte
{
    Ipv6HopByHop = 0,
    Icmp = 1,
    Igmp = 2,
    /// <summary>IPv4 encapsulated in IP (IP-in-IP).</summary>
    IpInIp = 4,
    Tcp = 6,
    Udp = 17,
    /// <summary>IPv6 encapsulated in IP.</summary>
    Ipv6 = 41,
    Ipv6Routing = 43,
    Ipv6Fragment = 44,
    Gre = 47,
    Esp = 50,
    AuthenticationHeader = 51,
    Icmpv6 = 58,
    /// <summary>OSPF, versions 2 and 3.</summary>
    Ospf = 89,
    Ipv6NoNextHeader = 59,
    Ipv6DestinationOptions = 60,
    /// <summary>L2TPv3 directly over IP (RFC 3931 4.1.1).</summary>
    L2tp = 115,
}
