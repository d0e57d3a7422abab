using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Dhcp;

/// <summary>
/// The DHCP/BOOTP field table (Wireshark "dhcp"), in <see cref="DhcpValue"/>'s order, every field read by
/// <see cref="DhcpFieldReader"/> (<see cref="ComputedField.Dhcp"/>) from the items <see cref="DhcpWalk"/> lists. Options
/// tshark has its own fields for and RawNet does not name show only as dhcp.option.type, .length and .value.
/// </summary>
public static class DhcpFields
{
    private static readonly (FieldDefinition Field, DhcpValue Value)[] Table =
    [
        (D("dhcp.type", "Message type", FieldKind.Decimal), DhcpValue.Type),
        (D("dhcp.hw.type", "Hardware type", FieldKind.Hex, 2), DhcpValue.HardwareType),
        (D("dhcp.hw.len", "Hardware address length", FieldKind.Decimal), DhcpValue.HardwareLength),
        (D("dhcp.hops", "Hops", FieldKind.Decimal), DhcpValue.Hops),
        (D("dhcp.id", "Transaction ID", FieldKind.Hex, 8), DhcpValue.TransactionId),
        (D("dhcp.secs", "Seconds elapsed", FieldKind.Decimal), DhcpValue.Seconds),
        (D("dhcp.flags", "Bootp flags", FieldKind.Hex, 4), DhcpValue.Flags),
        (D("dhcp.flags.bc", "Broadcast flag", FieldKind.Boolean), DhcpValue.Broadcast),
        (D("dhcp.flags.reserved", "Reserved flags", FieldKind.Hex, 4), DhcpValue.ReservedFlags),
        (D("dhcp.ip.client", "Client IP address", FieldKind.Ipv4Address), DhcpValue.ClientIp),
        (D("dhcp.ip.your", "Your (client) IP address", FieldKind.Ipv4Address), DhcpValue.YourIp),
        (D("dhcp.ip.server", "Next server IP address", FieldKind.Ipv4Address), DhcpValue.ServerIp),
        (D("dhcp.ip.relay", "Relay agent IP address", FieldKind.Ipv4Address), DhcpValue.RelayIp),
        (D("dhcp.hw.addr", "Client hardware address", FieldKind.Bytes), DhcpValue.HardwareAddress),
        (D("dhcp.hw.mac_addr", "Client MAC address", FieldKind.MacAddress), DhcpValue.MacAddress),
        (D("dhcp.hw.addr_padding", "Client hardware address padding", FieldKind.Bytes), DhcpValue.AddressPadding),
        (D("dhcp.server", "Server host name", FieldKind.Text), DhcpValue.ServerName),
        (D("dhcp.file", "Boot file name", FieldKind.Text), DhcpValue.File),
        (D("dhcp.bootp", "Frame is BOOTP", FieldKind.Boolean, inTree: false), DhcpValue.Bootp),
        (D("dhcp.cookie", "Magic cookie", FieldKind.Ipv4Address), DhcpValue.Cookie),
        (D("dhcp.vendor_specific_options", "Bootp vendor specific options", FieldKind.Bytes), DhcpValue.VendorOptions),
        (D("dhcp.option.type", "Option", FieldKind.Decimal), DhcpValue.OptionType),
        (D("dhcp.option.length", "Length", FieldKind.Decimal), DhcpValue.OptionLength),
        (D("dhcp.option.value", "Value", FieldKind.Bytes, inTree: false), DhcpValue.OptionValue),
        (D("dhcp.option.padding", "Padding", FieldKind.Bytes), DhcpValue.Padding),
        (D("dhcp.option.end", "Option End", FieldKind.Decimal), DhcpValue.End),
        (D("dhcp.option.dhcp", "DHCP", FieldKind.Decimal), DhcpValue.MessageType),
        (D("dhcp.option.subnet_mask", "Subnet Mask", FieldKind.Ipv4Address), DhcpValue.SubnetMask),
        (D("dhcp.option.router", "Router", FieldKind.Ipv4Address), DhcpValue.Router),
        (D("dhcp.option.domain_name_server", "Domain Name Server", FieldKind.Ipv4Address), DhcpValue.DomainNameServer),
        (D("dhcp.option.hostname", "Host Name", FieldKind.Text), DhcpValue.HostName),
        (D("dhcp.option.domain_name", "Domain Name", FieldKind.Text), DhcpValue.DomainName),
        (D("dhcp.option.broadcast_address", "Broadcast Address", FieldKind.Ipv4Address), DhcpValue.BroadcastAddress),
        (D("dhcp.option.requested_ip_address", "Requested IP Address", FieldKind.Ipv4Address), DhcpValue.RequestedIp),
        (D("dhcp.option.ip_address_lease_time", "IP Address Lease Time", FieldKind.Decimal), DhcpValue.LeaseTime),
        (D("dhcp.option.dhcp_server_id", "DHCP Server Identifier", FieldKind.Ipv4Address), DhcpValue.ServerId),
        (D("dhcp.option.request_list_item", "Parameter Request List Item", FieldKind.Decimal), DhcpValue.RequestListItem),
        (D("dhcp.option.message", "Message", FieldKind.Text), DhcpValue.Message),
        (D("dhcp.option.vendor_class_id", "Vendor class identifier", FieldKind.Text), DhcpValue.VendorClass),
        (D("dhcp.option.renewal_time_value", "Renewal Time Value", FieldKind.Decimal), DhcpValue.RenewalTime),
        (D("dhcp.option.rebinding_time_value", "Rebinding Time Value", FieldKind.Decimal), DhcpValue.RebindingTime),
    ];

    public static readonly FieldDefinition[] All = FieldRows.Fields(Table);

    private static readonly FrozenDictionary<FieldDefinition, DhcpValue> Values = FieldRows.Values(Table);

    /// <summary>The field of <paramref name="which"/>.</summary>
    public static FieldDefinition FieldOf(DhcpValue which) => Table[(int)which].Field;

    /// <summary>Which value a field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out DhcpValue value) => Values.TryGetValue(field, out value);

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0, bool inTree = true) =>
        FieldDefinition.Derived(name, label, LayerKind.Dhcp, kind, ComputedField.Dhcp, hexDigits, inTree);
}

/// <summary>Reads DHCP's fields (<see cref="ComputedField.Dhcp"/>): occurrence N of a field is the N-th item of its value in <see cref="DhcpWalk"/>'s order.</summary>
public static class DhcpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Dhcp;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the message's captured bytes
    /// <paramref name="message"/>, of which the datagram declares <paramref name="reported"/>; offsets are made absolute
    /// with <paramref name="layerOffset"/>.
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> message, int reported, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (!DhcpFields.TryGetValue(field, out var which))
            return false;
        var finder = new Finder(which, occurrence);
        DhcpWalk.Run(message, reported, ref finder, out _);
        if (!finder.Found)
            return false;
        value = new FieldValue(finder.Number, layerOffset + finder.Offset, finder.Length);
        return true;
    }

    private struct Finder(DhcpValue which, int occurrence) : IDhcpVisitor
    {
        private int _left = occurrence;
        public bool Found;
        public int Offset, Length;
        public ulong Number;

        public bool Item(DhcpValue item, int offset, int length, ulong number)
        {
            if (item != which || _left-- > 0)
                return true;
            (Found, Offset, Length, Number) = (true, offset, length, number);
            return false;
        }
    }
}
