using RawNet.Protocols.Decoding;
using RawNet.Protocols.Http;

namespace RawNet.Protocols.Fields;

/// <summary>
/// The items of a layer whose tree lists them in the order of the message rather than of its field table (HTTP: each
/// line of a message with its fields below it; TZSP: each tag with its items below it; IGMP: a v3 report's records; DHCP: each option; NTP: each extension field), with how deep each lies. Trees ask <see cref="TryStart"/>; for other
/// layers they walk the field table.
/// </summary>
public ref struct OrderedItems
{
    private HttpItems _http;
    private Tzsp.TzspItems _tzsp;
    private bool _isTzsp;
    private Sflow.SflowTreeItems _sflow;
    private bool _isSflow;
    private Icmpv6.Icmpv6TreeItems _icmpv6;
    private bool _isIcmpv6;
    private Igmp.IgmpTreeItems _igmp;
    private bool _isIgmp;
    private Ospf.OspfTreeItems _ospf;
    private bool _isOspf;
    private Dhcp.DhcpItems _dhcp;
    private bool _isDhcp;
    private Ntp.NtpItems _ntp;
    private bool _isNtp;
    private FieldWalkItems<Sip.SipFields, Sip.SipValue> _sip;
    private bool _isSip;
    private FieldWalkItems<Nbns.NbnsFields, Nbns.NbnsValue> _nbns;
    private bool _isNbns;
    private FieldWalkItems<Lldp.LldpFields, Lldp.LldpValue> _lldp;
    private bool _isLldp;
    private FieldWalkItems<Cdp.CdpFields, Cdp.CdpValue> _cdp;
    private bool _isCdp;
    private FieldWalkItems<Dtp.DtpFields, Dtp.DtpValue> _dtp;
    private bool _isDtp;
    private FieldWalkItems<Udld.UdldFields, Udld.UdldValue> _udld;
    private bool _isUdld;
    private FieldWalkItems<Vtp.VtpFields, Vtp.VtpValue> _vtp;
    private bool _isVtp;
    private Quic.QuicItems _quic;
    private bool _isQuic;

    /// <summary>Starts the walk over the layer at <paramref name="layerIndex"/>; false when its tree follows its field table.</summary>
    public static bool TryStart(DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame, out OrderedItems items)
    {
        items = default;
        ref readonly Layer layer = ref packet[layerIndex];
        if (layer.Kind == LayerKind.Tzsp)
        {
            var buffer = packet.BufferOf(layer, frame);
            items._tzsp = new Tzsp.TzspItems(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset);
            items._isTzsp = true;
            return true;
        }
        if (layer.Kind == LayerKind.Sflow)
        {
            // sFlow's tree goes sample by sample, record by record, as tshark's does.
            items._sflow = new Sflow.SflowTreeItems(layer, packet.BufferOf(layer, frame));
            items._isSflow = true;
            return true;
        }
        if (layer.Kind == LayerKind.Icmpv6)
        {
            // ICMPv6's tree goes option by option, record by record, as tshark's does.
            items._icmpv6 = new Icmpv6.Icmpv6TreeItems(packet, layerIndex, frame);
            items._isIcmpv6 = true;
            return true;
        }
        if (layer.Kind is LayerKind.Igmp or LayerKind.Rgmp)
        {
            // IGMP's tree goes record by record, as tshark's does.
            items._igmp = new Igmp.IgmpTreeItems(layer, packet.HeaderOf(layer, frame));
            items._isIgmp = true;
            return true;
        }
        if (layer.Kind == LayerKind.Dhcp)
        {
            // DHCP's tree goes option by option, each option's items below it, as tshark's does.
            var buffer = packet.BufferOf(layer, frame);
            items._dhcp = new Dhcp.DhcpItems(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset);
            items._isDhcp = true;
            return true;
        }
        if (layer.Kind == LayerKind.Ntp)
        {
            // NTP's tree goes item by item (extension fields, control data), each one's parts below it, as tshark's does.
            var buffer = packet.BufferOf(layer, frame);
            items._ntp = new Ntp.NtpItems(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset);
            items._isNtp = true;
            return true;
        }
        if (layer.Kind == LayerKind.Sip)
        {
            // SIP's tree goes line by line, each line's parts below it, then SDP's lines, as tshark's does.
            var buffer = packet.BufferOf(layer, frame);
            items._sip = new FieldWalkItems<Sip.SipFields, Sip.SipValue>(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset);
            items._isSip = true;
            return true;
        }
        if (layer.Kind == LayerKind.Nbns)
        {
            // NBNS's tree goes question by question, record by record, as tshark's does.
            var buffer = packet.BufferOf(layer, frame);
            items._nbns = new FieldWalkItems<Nbns.NbnsFields, Nbns.NbnsValue>(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset);
            items._isNbns = true;
            return true;
        }
        if (layer.Kind == LayerKind.Lldp)
        {
            // LLDP's tree goes TLV by TLV, as tshark's does.
            var buffer = packet.BufferOf(layer, frame);
            items._lldp = new FieldWalkItems<Lldp.LldpFields, Lldp.LldpValue>(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset);
            items._isLldp = true;
            return true;
        }
        if (layer.Kind == LayerKind.Quic)
        {
            // QUIC's tree goes packet by packet through a coalesced datagram, as tshark's does.
            var buffer = packet.BufferOf(layer, frame);
            items._quic = new Quic.QuicItems(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset,
                Quic.QuicConnection.Of(packet, layerIndex));
            items._isQuic = true;
            return true;
        }
        if (layer.Kind == LayerKind.Dtp)
        {
            // DTP's tree goes TLV by TLV, as tshark's does.
            var buffer = packet.BufferOf(layer, frame);
            items._dtp = new FieldWalkItems<Dtp.DtpFields, Dtp.DtpValue>(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset);
            items._isDtp = true;
            return true;
        }
        if (layer.Kind == LayerKind.Vtp)
        {
            // VTP's tree goes entry by entry, as tshark's does.
            var buffer = packet.BufferOf(layer, frame);
            items._vtp = new FieldWalkItems<Vtp.VtpFields, Vtp.VtpValue>(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset);
            items._isVtp = true;
            return true;
        }
        if (layer.Kind == LayerKind.Udld)
        {
            // UDLD's tree goes TLV by TLV, as tshark's does.
            var buffer = packet.BufferOf(layer, frame);
            items._udld = new FieldWalkItems<Udld.UdldFields, Udld.UdldValue>(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset);
            items._isUdld = true;
            return true;
        }
        if (layer.Kind == LayerKind.Cdp)
        {
            // CDP's tree goes TLV by TLV, as tshark's does.
            var buffer = packet.BufferOf(layer, frame);
            items._cdp = new FieldWalkItems<Cdp.CdpFields, Cdp.CdpValue>(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset);
            items._isCdp = true;
            return true;
        }
        if (layer.Kind == LayerKind.Ospf)
        {
            items._ospf = new Ospf.OspfTreeItems(layer, packet.HeaderOf(layer, frame));
            items._isOspf = true;
            return true;
        }
        if (layer.Kind != LayerKind.Http)
            return false;
        items._http = new HttpItems(packet.HeaderOf(layer, frame), layer.Offset, layer.Extent, layer.Detail);
        return true;
    }

    /// <summary>The current item's field.</summary>
    public readonly FieldDefinition Field => _isVtp ? _vtp.Field : _isUdld ? _udld.Field : _isDtp ? _dtp.Field : _isCdp ? _cdp.Field : _isLldp ? _lldp.Field : _isQuic ? _quic.Field : _isSip ? _sip.Field : _isNbns ? _nbns.Field : _isNtp ? _ntp.Field : _isOspf ? _ospf.Field : _isIgmp ? _igmp.Field : _isDhcp ? _dhcp.Field : _isIcmpv6 ? _icmpv6.Field : _isTzsp ? _tzsp.Field : _isSflow ? _sflow.Field : _http.Field;

    /// <summary>The current item's value.</summary>
    public readonly FieldValue Value => _isVtp ? _vtp.Value : _isUdld ? _udld.Value : _isDtp ? _dtp.Value : _isCdp ? _cdp.Value : _isLldp ? _lldp.Value : _isQuic ? _quic.Value : _isSip ? _sip.Value : _isNbns ? _nbns.Value : _isNtp ? _ntp.Value : _isOspf ? _ospf.Value : _isIgmp ? _igmp.Value : _isDhcp ? _dhcp.Value : _isIcmpv6 ? _icmpv6.Value : _isTzsp ? _tzsp.Value : _isSflow ? _sflow.Value : _http.Value;

    /// <summary>How deep the current item lies below the layer's heading (0: directly under it).</summary>
    public readonly int Depth => _isVtp ? _vtp.Depth : _isUdld ? _udld.Depth : _isDtp ? _dtp.Depth : _isCdp ? _cdp.Depth : _isLldp ? _lldp.Depth : _isQuic ? _quic.Depth : _isSip ? _sip.Depth : _isNbns ? _nbns.Depth : _isNtp ? _ntp.Depth : _isOspf ? _ospf.Depth : _isIgmp ? _igmp.Depth : _isDhcp ? _dhcp.Depth : _isIcmpv6 ? _icmpv6.Depth : _isTzsp ? _tzsp.Depth : _isSflow ? _sflow.Depth : _http.Depth;

    /// <summary>Moves to the next item; false after the last.</summary>
    public bool MoveNext() => _isVtp ? _vtp.MoveNext() : _isUdld ? _udld.MoveNext() : _isDtp ? _dtp.MoveNext() : _isCdp ? _cdp.MoveNext() : _isLldp ? _lldp.MoveNext() : _isQuic ? _quic.MoveNext() : _isSip ? _sip.MoveNext() : _isNbns ? _nbns.MoveNext() : _isNtp ? _ntp.MoveNext() : _isOspf ? _ospf.MoveNext() : _isIgmp ? _igmp.MoveNext() : _isDhcp ? _dhcp.MoveNext() : _isIcmpv6 ? _icmpv6.MoveNext() : _isTzsp ? _tzsp.MoveNext() : _isSflow ? _sflow.MoveNext() : _http.MoveNext();
}
