namespace RawNet.Protocols.Dns;

/// <summary>DNS resource record types RawNet shows the data of (IANA "Resource Record (RR) TYPEs"); others pass through as numbers.</summary>
public enum DnsRecordType : ushort
{
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    PTR = 12,
    MX = 15,
    TXT = 16,
    AAAA = 28,
    SRV = 33,
    OPT = 41,
}

/// <summary>The UDP ports DNS is decoded on, as tshark's and tcpdump's defaults.</summary>
public static class DnsPorts
{
    /// <summary>DNS (RFC 1035).</summary>
    public const ushort Dns = 53;

    /// <summary>Multicast DNS (RFC 6762): the top bit of a class is the QU or cache-flush bit.</summary>
    public const ushort Multicast = 5353;

    /// <summary>True when either port is one DNS is decoded on.</summary>
    public static bool Carries(ushort sourcePort, ushort destinationPort) =>
        sourcePort is Dns or Multicast || destinationPort is Dns or Multicast;

    /// <summary>True for multicast DNS (tshark's "mdns": the class's top bit is a flag).</summary>
    public static bool IsMulticast(ushort sourcePort, ushort destinationPort) =>
        (sourcePort == Multicast || destinationPort == Multicast) && sourcePort != Dns && destinationPort != Dns;
}
