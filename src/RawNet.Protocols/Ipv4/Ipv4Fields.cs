using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Ipv4.Ipv4Header.Field;

namespace RawNet.Protocols.Ipv4;

/// <summary>The IPv4 field table (Wireshark "ip").</summary>
public static class Ipv4Fields
{
    public static readonly FieldDefinition Version = FieldDefinition.Fixed("ip.version", "Version", LayerKind.Ipv4, F.VersionAndHeaderLength, 1, FieldKind.Decimal, 0xF0);
    public static readonly FieldDefinition HeaderLength = FieldDefinition.Derived("ip.hdr_len", "Header Length", LayerKind.Ipv4, FieldKind.Decimal, ComputedField.Ipv4HeaderLength);
    public static readonly FieldDefinition DifferentiatedServices = FieldDefinition.Fixed("ip.dsfield", "Differentiated Services Field", LayerKind.Ipv4, F.DifferentiatedServices, 1, FieldKind.Hex);
    public static readonly FieldDefinition Dscp = FieldDefinition.Fixed("ip.dsfield.dscp", "Differentiated Services Codepoint", LayerKind.Ipv4, F.DifferentiatedServices, 1, FieldKind.Decimal, 0xFC);
    public static readonly FieldDefinition Ecn = FieldDefinition.Fixed("ip.dsfield.ecn", "Explicit Congestion Notification", LayerKind.Ipv4, F.DifferentiatedServices, 1, FieldKind.Decimal, 0x03);
    /// <summary>Total length; a 0 (TSO/GSO) shows the length the frame carried, as tshark does.</summary>
    public static readonly FieldDefinition TotalLength = FieldDefinition.Derived("ip.len", "Total Length", LayerKind.Ipv4, FieldKind.Decimal, ComputedField.Ipv4TotalLength);
    public static readonly FieldDefinition Identification = FieldDefinition.Fixed("ip.id", "Identification", LayerKind.Ipv4, F.Identification, 2, FieldKind.Hex);
    public static readonly FieldDefinition Flags = FieldDefinition.Fixed("ip.flags", "Flags", LayerKind.Ipv4, F.FlagsAndFragmentOffset, 1, FieldKind.Hex, 0xE0, FieldPresence.Ipv4FlagsWord);
    public static readonly FieldDefinition ReservedBit = FieldDefinition.Fixed("ip.flags.rb", "Reserved bit", LayerKind.Ipv4, F.FlagsAndFragmentOffset, 1, FieldKind.Boolean, 0x80, FieldPresence.Ipv4FlagsWord);
    public static readonly FieldDefinition DontFragment = FieldDefinition.Fixed("ip.flags.df", "Don't fragment", LayerKind.Ipv4, F.FlagsAndFragmentOffset, 1, FieldKind.Boolean, 0x40, FieldPresence.Ipv4FlagsWord);
    public static readonly FieldDefinition MoreFragments = FieldDefinition.Fixed("ip.flags.mf", "More fragments", LayerKind.Ipv4, F.FlagsAndFragmentOffset, 1, FieldKind.Boolean, 0x20, FieldPresence.Ipv4FlagsWord);
    public static readonly FieldDefinition FragmentOffset = FieldDefinition.Fixed("ip.frag_offset", "Fragment Offset", LayerKind.Ipv4, F.FlagsAndFragmentOffset, 2, FieldKind.Decimal, 0x1FFF);
    public static readonly FieldDefinition TimeToLive = FieldDefinition.Fixed("ip.ttl", "Time to Live", LayerKind.Ipv4, F.TimeToLive, 1, FieldKind.Decimal);
    public static readonly FieldDefinition Protocol = FieldDefinition.Fixed("ip.proto", "Protocol", LayerKind.Ipv4, F.Protocol, 1, FieldKind.Decimal);
    public static readonly FieldDefinition Checksum = FieldDefinition.Fixed("ip.checksum", "Header Checksum", LayerKind.Ipv4, F.Checksum, 2, FieldKind.Hex);
    public static readonly FieldDefinition Source = FieldDefinition.Fixed("ip.src", "Source Address", LayerKind.Ipv4, F.Source, 4, FieldKind.Ipv4Address);
    /// <summary>
    /// The header's destination field, unless a source route names the final destination: then the route's last slot
    /// (in the option), and the header's field is the current route (<see cref="CurrentRoute"/>).
    /// </summary>
    public static readonly FieldDefinition Destination = FieldDefinition.Derived("ip.dst", "Destination Address", LayerKind.Ipv4, FieldKind.Ipv4Address, ComputedField.Ipv4Destination);
    /// <summary>The header's destination field of a source-routed datagram: the hop it is on its way to.</summary>
    public static readonly FieldDefinition CurrentRoute = FieldDefinition.Fixed("ip.cur_rt", "Current Route", LayerKind.Ipv4, F.Destination, 4, FieldKind.Ipv4Address, presence: FieldPresence.Ipv4SourceRouted);
    /// <summary>Always 2 (unverified): tshark does not check IPv4 header checksums under its default preferences.</summary>
    public static readonly FieldDefinition ChecksumStatus = FieldDefinition.Derived("ip.checksum.status", "Header checksum status", LayerKind.Ipv4, FieldKind.Decimal, ComputedField.Ipv4ChecksumStatus);

    // The hidden host names; without name resolution (-n) tshark writes the addresses.
    public static readonly FieldDefinition SourceHost = FieldDefinition.Fixed("ip.src_host", "Source Host", LayerKind.Ipv4, F.Source, 4, FieldKind.Ipv4Address, inTree: false);
    public static readonly FieldDefinition DestinationHost = FieldDefinition.Derived("ip.dst_host", "Destination Host", LayerKind.Ipv4, FieldKind.Ipv4Address, ComputedField.Ipv4Destination, inTree: false);
    public static readonly FieldDefinition CurrentRouteHost = FieldDefinition.Fixed("ip.cur_rt_host", "Current Route Host", LayerKind.Ipv4, F.Destination, 4, FieldKind.Ipv4Address, presence: FieldPresence.Ipv4SourceRouted, inTree: false);
    public static readonly FieldDefinition Host = FieldDefinition.Derived("ip.host", "Source or Destination Host", LayerKind.Ipv4, FieldKind.Ipv4Address, ComputedField.Ipv4Addresses, inTree: false);

    public static readonly FieldDefinition Address = FieldDefinition.Derived("ip.addr", "Source or Destination Address", LayerKind.Ipv4, FieldKind.Ipv4Address, ComputedField.Ipv4Addresses);

    /// <summary>The options tshark decodes (<see cref="Ipv4OptionFieldReader"/>).</summary>
    public static readonly FieldDefinition[] Options = Ipv4OptionFieldReader.Fields();

    /// <summary>Every IPv4 field, in tree order.</summary>
    public static readonly FieldDefinition[] All =
    [
        Version, HeaderLength, DifferentiatedServices, Dscp, Ecn, TotalLength, Identification, Flags, ReservedBit, DontFragment,
        MoreFragments, FragmentOffset, TimeToLive, Protocol, Checksum, ChecksumStatus, Source, SourceHost, Destination, DestinationHost, CurrentRoute, CurrentRouteHost, Address, Host,
        .. Options, .. Reassembly.IpReassemblyFields.Ipv4,
    ];
}
