namespace RawNet.Protocols.Decoding;

/// <summary>What one decoded layer is. The order of the values is the order layers are shown in when tshark would show them.</summary>
public enum LayerKind : byte
{
    /// <summary>The frame itself: capture metadata (number, time, lengths).</summary>
    Frame,
    Ethernet,
    Vlan,
    /// <summary>An 802.1ad service tag (S-tag, TPID 0x88A8), shown by tshark as "ieee8021ad".</summary>
    ServiceVlan,
    LinuxSll,
    LinuxSll2,
    /// <summary>BSD null / OpenBSD loop 4-byte family header.</summary>
    Null,
    PppoeSession,
    Arp,
    Ipv4,
    Ipv6,
    Ipv6HopByHop,
    Ipv6Routing,
    Ipv6Fragment,
    Ipv6DestinationOptions,
    Ipv6AuthenticationHeader,
    Tcp,
    Udp,
    Icmp,
    Icmpv6,
    /// <summary>Bytes after the last decoded header (application data or an undecoded protocol).</summary>
    Payload,
}
