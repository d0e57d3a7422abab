namespace RawNet.Protocols.Dns;

/// <summary>DNS resource record types RawNet shows the data of (IANA "Resource Record (RR) TYPEs"); others pass through as numbers.</summary>
public enum DnsRecordType : ushort
{
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    PTR = 12,
    HINFO = 13,
    MX = 15,
    TXT = 16,
    AAAA = 28,
    SRV = 33,
    OPT = 41,
}
