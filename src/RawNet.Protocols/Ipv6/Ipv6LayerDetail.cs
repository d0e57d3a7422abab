namespace RawNet.Protocols.Ipv6;

/// <summary>What an IPv6 layer's <see cref="Decoding.Layer.Detail"/> records.</summary>
public static class Ipv6LayerDetail
{
    /// <summary>
    /// The link header named IPv4 (an EtherType or Cisco HDLC type of 0x0800, PPP's 0x0021, LLC's SAP 6) and the
    /// version nibble said 6, as tshark's version-sniffing "ip" dissector reads it; tcpdump's ip_print then says
    /// "IP6, wrong link-layer encapsulation".
    /// </summary>
    public const byte LinkNamedIpv4 = 0x01;

    /// <summary>
    /// Handed on by tshark's IPv4 dissector (the EtherType table's 0x0800), which added its own "ip.version" item before
    /// it found version 6: the field shows twice.
    /// </summary>
    public const byte HandedOnByIpv4 = 0x02;
}
