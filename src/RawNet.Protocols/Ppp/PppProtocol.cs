namespace RawNet.Protocols.Ppp;

/// <summary>PPP protocol numbers (RFC 1661, IANA "PPP DLL Protocol Numbers") RawNet decodes or names; any other value passes through untouched.</summary>
public enum PppProtocol : ushort
{
    Ipv4 = 0x0021,
    Ipv6 = 0x0057,
    /// <summary>MPLS unicast (RFC 3032 4.3).</summary>
    MplsUnicast = 0x0281,
    /// <summary>MPLS multicast.</summary>
    MplsMulticast = 0x0283,
    /// <summary>IEEE 802.2 LLC (RFC 2043's SNA over 802.2).</summary>
    Llc = 0x004B,
    /// <summary>Link Control Protocol.</summary>
    Lcp = 0xC021,
    /// <summary>IP Control Protocol.</summary>
    Ipcp = 0x8021,
    /// <summary>IPv6 Control Protocol.</summary>
    Ipv6cp = 0x8057,
    /// <summary>Password Authentication Protocol.</summary>
    Pap = 0xC023,
    /// <summary>Challenge Handshake Authentication Protocol.</summary>
    Chap = 0xC223,
}
