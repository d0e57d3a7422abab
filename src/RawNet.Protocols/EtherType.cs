namespace RawNet.Protocols;

/// <summary>The EtherType values RawNet decodes; any other value passes through untouched.</summary>
public enum EtherType : ushort
{
    Ipv4 = 0x0800,
    Arp = 0x0806,
    Vlan = 0x8100,
    Ipv6 = 0x86DD,
    QinQ = 0x88A8,
    /// <summary>Pre-standard stacked VLAN tag.</summary>
    QinQLegacy = 0x9100,
    PppoeDiscovery = 0x8863,
    PppoeSession = 0x8864,
    /// <summary>MPLS unicast label stack (RFC 3032).</summary>
    MplsUnicast = 0x8847,
    /// <summary>MPLS multicast label stack (RFC 5332).</summary>
    MplsMulticast = 0x8848,
    /// <summary>Ethernet frames carried in GRE (NVGRE, RFC 7637).</summary>
    TransparentEthernetBridging = 0x6558,
    /// <summary>Cisco ERSPAN mirrored frames carried in GRE.</summary>
    Erspan = 0x88BE,
    /// <summary>IEEE 802.1AE MACsec security tag.</summary>
    Macsec = 0x88E5,
    /// <summary>Arista's vendor-specific header (a timestamp before the original EtherType).</summary>
    Arista = 0xD28B,
    /// <summary>Network Service Header (RFC 8300).</summary>
    Nsh = 0x894F,
    /// <summary>Cisco's LWAPP straight over Ethernet (and <see cref="LwappLegacy"/>, an older value).</summary>
    Lwapp = 0x88BB,
    LwappLegacy = 0xBBBB,
    /// <summary>LLC after an EtherType rather than a length, for frames longer than 802.3 allows (tshark and tcpdump read LLC).</summary>
    JumboLlc = 0x8870,
    /// <summary>Wake-on-LAN magic packets as ether-wake sends them.</summary>
    WakeOnLan = 0x0842,
    /// <summary>IEEE 802.1AB Link Layer Discovery Protocol.</summary>
    Lldp = 0x88CC,
}
