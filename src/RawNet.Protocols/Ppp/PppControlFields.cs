using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ppp;

/// <summary>Which value of a control packet a field of <see cref="PppControlFields"/> shows (read by <see cref="PppControlFieldReader"/>).</summary>
public enum PppControlValue : byte
{
    // The code's own fields.
    RejectedProtocol,
    MagicNumber,
    SecondsRemaining,
    Message,
    EchoData,
    VendorMagicNumber,
    VendorOui,
    VendorKind,
    Data,
    // Every option.
    OptionType,
    OptionLength,
    OptionLengthInvalid,
    /// <summary>IPv6CP's compression option, whose type and length tshark shows under IPCP's names.</summary>
    CompressionOptionType,
    CompressionOptionLength,
    // LCP options.
    OptionOui,
    OptionKind,
    OptionData,
    Mru,
    AsyncMap,
    AuthenticationProtocol,
    Algorithm,
    QualityProtocol,
    OptionMagicNumber,
    ReportingPeriod,
    Maximum,
    Window,
    HdlcAddress,
    CallbackOperation,
    CallbackMessage,
    Mrru,
    EndpointClass,
    AuthenticationId,
    EndpointIpAddress,
    EndpointMacAddress,
    EndpointMagicBlock,
    EndpointDirectoryNumber,
    FcsAlternatives,
    FcsNull,
    FcsCcitt16,
    FcsCcitt32,
    DceMode,
    MultilinkPlusUnused,
    LinkDiscriminator,
    CobsFlags,
    CobsReserved,
    CobsPreemption,
    CobsZeroElimination,
    PrefixClass,
    HeaderFormatCode,
    MaxSuspendableClasses,
    MibEnum,
    LanguageTag,
    // IPCP options (and IPv6CP's compression option).
    SourceAddress,
    DestinationAddress,
    CompressionProtocol,
    MaxSlotId,
    CompSlotId,
    TcpSpace,
    NonTcpSpace,
    FMaxPeriod,
    FMaxTime,
    MaxHeader,
    MaxCid,
    RohcMrru,
    CompressionData,
    IpAddress,
    MobileHomeAddress,
    PrimaryDns,
    PrimaryNbns,
    SecondaryDns,
    SecondaryNbns,
    // IPv6CP options.
    InterfaceIdentifier,
}

/// <summary>
/// The field tables of LCP ("lcp"), IPCP ("ipcp") and IPv6CP ("ipv6cp") under tshark 4.0's names, in its tree order per
/// field (not per option). The header's code, identifier and length are PPP's ("ppp.code"), as are a Vendor-Specific
/// packet's fields and the data of codes without fields of their own; the code-specific fields are LCP's in all three
/// (tshark reads an IPCP Echo Request's magic number as LCP's).
/// </summary>
public static class PppControlFields
{
    private static FieldDefinition[] Header(LayerKind layer) =>
    [
        FieldDefinition.Fixed("ppp.code", "Code", layer, PppControlPacket.Field.Code, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("ppp.identifier", "Identifier", layer, PppControlPacket.Field.Identifier, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("ppp.length", "Length", layer, PppControlPacket.Field.Length, 2, FieldKind.Decimal),
    ];

    private static (FieldDefinition, PppControlValue)[] Body(LayerKind layer) =>
    [
        (Field("lcp.rej_proto", "Rejected Protocol", layer, FieldKind.Hex, 4), PppControlValue.RejectedProtocol),
        (Field("ppp.magic_number", "Magic Number", layer, FieldKind.Hex, 8), PppControlValue.VendorMagicNumber),
        (Field("ppp.oui", "OUI", layer, FieldKind.Decimal), PppControlValue.VendorOui),
        (Field("ppp.kind", "Kind", layer, FieldKind.Decimal), PppControlValue.VendorKind),
        (Field("lcp.magic_number", "Magic Number", layer, FieldKind.Hex, 8), PppControlValue.MagicNumber),
        (Field("lcp.secs_remaining", "Seconds Remaining", layer, FieldKind.Decimal), PppControlValue.SecondsRemaining),
        (Field("lcp.message", "Message", layer, FieldKind.Text), PppControlValue.Message),
        (Field("lcp.data", "Data", layer, FieldKind.Bytes), PppControlValue.EchoData),
        (Field("ppp.data", "Data", layer, FieldKind.Bytes), PppControlValue.Data),
    ];

    private static (FieldDefinition, PppControlValue)[] OptionHeader(string prefix, LayerKind layer) =>
    [
        (Field(prefix + ".opt.type", "Type", layer, FieldKind.Decimal), PppControlValue.OptionType),
        (Field(prefix + ".opt.length", "Length", layer, FieldKind.Decimal), PppControlValue.OptionLength),
        (Field("ppp.opt.len.invalid", "Invalid length for option", layer, FieldKind.Marker), PppControlValue.OptionLengthInvalid),
    ];

    private static (FieldDefinition, PppControlValue)[] CompressionHeader(LayerKind layer) =>
    [
        (Field("ipcp.opt.type", "Type", layer, FieldKind.Decimal), PppControlValue.CompressionOptionType),
        (Field("ipcp.opt.length", "Length", layer, FieldKind.Decimal), PppControlValue.CompressionOptionLength),
    ];

    private static (FieldDefinition, PppControlValue)[] Compression(LayerKind layer) =>
    [
        (Field("ipcp.opt.compress_proto", "IP Compression Protocol", layer, FieldKind.Hex, 4), PppControlValue.CompressionProtocol),
        (Field("ipcp.opt.max_slot_id", "Max Slot ID", layer, FieldKind.Decimal), PppControlValue.MaxSlotId),
        (Field("ipcp.opt.comp_slot_id", "Comp Slot ID", layer, FieldKind.Boolean), PppControlValue.CompSlotId),
        (Field("ipcp.opt.tcp_space", "TCP Space", layer, FieldKind.Decimal), PppControlValue.TcpSpace),
        (Field("ipcp.opt.non_tcp_space", "Non TCP Space", layer, FieldKind.Decimal), PppControlValue.NonTcpSpace),
        (Field("ipcp.opt.f_max_period", "F Max Period", layer, FieldKind.Decimal), PppControlValue.FMaxPeriod),
        (Field("ipcp.opt.f_max_time", "F Max Time", layer, FieldKind.Decimal), PppControlValue.FMaxTime),
        (Field("ipcp.opt.max_cid", "Max CID", layer, FieldKind.Decimal), PppControlValue.MaxCid),
        (Field("ipcp.opt.mrru", "MRRU", layer, FieldKind.Decimal), PppControlValue.RohcMrru),
        (Field("ipcp.opt.max_header", "Max Header", layer, FieldKind.Decimal), PppControlValue.MaxHeader),
        (Field("ipcp.data", "Data", layer, FieldKind.Bytes), PppControlValue.CompressionData),
    ];

    private static readonly (FieldDefinition Field, PppControlValue Value)[] LcpValues =
    [
        .. Body(LayerKind.Lcp),
        .. OptionHeader("lcp", LayerKind.Lcp),
        (Field("lcp.opt.oui", "OUI", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.OptionOui),
        (Field("lcp.opt.kind", "Kind", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.OptionKind),
        (Field("lcp.opt.mru", "Maximum Receive Unit", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.Mru),
        (Field("lcp.opt.asyncmap", "Async Control Character Map", LayerKind.Lcp, FieldKind.Hex, 8), PppControlValue.AsyncMap),
        (Field("lcp.opt.auth_protocol", "Authentication Protocol", LayerKind.Lcp, FieldKind.Hex, 4), PppControlValue.AuthenticationProtocol),
        (Field("lcp.opt.algorithm", "Algorithm", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.Algorithm),
        (Field("lcp.opt.quality_protocol", "Quality Protocol", LayerKind.Lcp, FieldKind.Hex, 4), PppControlValue.QualityProtocol),
        (Field("lcp.opt.magic_number", "Magic Number", LayerKind.Lcp, FieldKind.Hex, 8), PppControlValue.OptionMagicNumber),
        (Field("lcp.opt.reporting_period", "Reporting Period", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.ReportingPeriod),
        (Field("lcp.opt.maximum", "Maximum", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.Maximum),
        (Field("lcp.opt.window", "Window", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.Window),
        (Field("lcp.opt.hdlc_address", "Address", LayerKind.Lcp, FieldKind.Bytes), PppControlValue.HdlcAddress),
        (Field("lcp.opt.operation", "Operation", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.CallbackOperation),
        (Field("lcp.opt.message", "Message", LayerKind.Lcp, FieldKind.Bytes), PppControlValue.CallbackMessage),
        (Field("lcp.opt.mrru", "MRRU", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.Mrru),
        (Field("lcp.opt.id", "Identification", LayerKind.Lcp, FieldKind.Bytes), PppControlValue.AuthenticationId),
        (Field("lcp.opt.ep_disc_class", "Class", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.EndpointClass),
        (Field("lcp.opt.ip_address", "IP Address", LayerKind.Lcp, FieldKind.Ipv4Address), PppControlValue.EndpointIpAddress),
        (Field("lcp.opt.802_1_address", "IEEE 802.1 Address", LayerKind.Lcp, FieldKind.MacAddress), PppControlValue.EndpointMacAddress),
        (Field("lcp.opt.magic_block", "PPP Magic-Number Block", LayerKind.Lcp, FieldKind.Bytes), PppControlValue.EndpointMagicBlock),
        (Field("lcp.opt.psndn", "Public Switched Network Directory Number", LayerKind.Lcp, FieldKind.Bytes), PppControlValue.EndpointDirectoryNumber),
        (Field("lcp.opt.fcs_alternatives", "FCS Alternatives", LayerKind.Lcp, FieldKind.Hex, 2), PppControlValue.FcsAlternatives),
        (Field("lcp.opt.fcs_alternatives.null", "NULL FCS", LayerKind.Lcp, FieldKind.Boolean), PppControlValue.FcsNull),
        (Field("lcp.opt.fcs_alternatives.ccitt16", "CCITT 16-bit", LayerKind.Lcp, FieldKind.Boolean), PppControlValue.FcsCcitt16),
        (Field("lcp.opt.fcs_alternatives.ccitt32", "CCITT 32-bit", LayerKind.Lcp, FieldKind.Boolean), PppControlValue.FcsCcitt32),
        (Field("lcp.opt.mode", "Mode", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.DceMode),
        (Field("lcp.opt.unused", "Unused", LayerKind.Lcp, FieldKind.Bytes), PppControlValue.MultilinkPlusUnused),
        (Field("lcp.opt.link_discrim", "Link Discriminator", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.LinkDiscriminator),
        (Field("lcp.opt.flags", "Flags", LayerKind.Lcp, FieldKind.Hex, 2), PppControlValue.CobsFlags),
        (Field("lcp.opt.flags.reserved", "Reserved", LayerKind.Lcp, FieldKind.Hex, 2), PppControlValue.CobsReserved),
        (Field("lcp.opt.flags.pre", "PRE", LayerKind.Lcp, FieldKind.Boolean), PppControlValue.CobsPreemption),
        (Field("lcp.opt.flags.zxe", "ZXE", LayerKind.Lcp, FieldKind.Boolean), PppControlValue.CobsZeroElimination),
        (Field("lcp.opt.class", "Class", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.PrefixClass),
        (Field("lcp.opt.code", "Code", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.HeaderFormatCode),
        (Field("lcp.opt.max_susp_classes", "Max suspendable classes", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.MaxSuspendableClasses),
        (Field("lcp.opt.MIBenum", "MIBenum", LayerKind.Lcp, FieldKind.Decimal), PppControlValue.MibEnum),
        (Field("lcp.opt.language_tag", "Language-Tag", LayerKind.Lcp, FieldKind.Text), PppControlValue.LanguageTag),
        (Field("lcp.opt.data", "Data", LayerKind.Lcp, FieldKind.Bytes), PppControlValue.OptionData),
    ];

    private static readonly (FieldDefinition Field, PppControlValue Value)[] IpcpValues =
    [
        .. Body(LayerKind.Ipcp),
        .. OptionHeader("ipcp", LayerKind.Ipcp),
        (Field("ipcp.opt.src_address", "Source IP Address", LayerKind.Ipcp, FieldKind.Ipv4Address), PppControlValue.SourceAddress),
        (Field("ipcp.opt.dst_address", "Destination IP Address", LayerKind.Ipcp, FieldKind.Ipv4Address), PppControlValue.DestinationAddress),
        .. Compression(LayerKind.Ipcp),
        (Field("ipcp.opt.ip_address", "IP Address", LayerKind.Ipcp, FieldKind.Ipv4Address), PppControlValue.IpAddress),
        (Field("ipcp.opt.mobilenodehomeaddress", "Mobile Node's Home Address", LayerKind.Ipcp, FieldKind.Ipv4Address), PppControlValue.MobileHomeAddress),
        (Field("ipcp.opt.pri_dns_address", "Primary DNS Address", LayerKind.Ipcp, FieldKind.Ipv4Address), PppControlValue.PrimaryDns),
        (Field("ipcp.opt.pri_nbns_address", "Primary NBNS Address", LayerKind.Ipcp, FieldKind.Ipv4Address), PppControlValue.PrimaryNbns),
        (Field("ipcp.opt.sec_dns_address", "Secondary DNS Address", LayerKind.Ipcp, FieldKind.Ipv4Address), PppControlValue.SecondaryDns),
        (Field("ipcp.opt.sec_nbns_address", "Secondary NBNS Address", LayerKind.Ipcp, FieldKind.Ipv4Address), PppControlValue.SecondaryNbns),
    ];

    private static readonly (FieldDefinition Field, PppControlValue Value)[] Ipv6cpValues =
    [
        .. Body(LayerKind.Ipv6cp),
        .. OptionHeader("ipv6cp", LayerKind.Ipv6cp),
        (Field("ipv6cp.interface_identifier", "Interface Identifier", LayerKind.Ipv6cp, FieldKind.Bytes, FieldDefinition.ColonSeparatedBytes),
            PppControlValue.InterfaceIdentifier),
        .. CompressionHeader(LayerKind.Ipv6cp),
        .. Compression(LayerKind.Ipv6cp),
    ];

    /// <summary>The LCP fields, in tree order.</summary>
    public static readonly FieldDefinition[] Lcp = [.. Header(LayerKind.Lcp), .. FieldRows.Fields(LcpValues)];

    /// <summary>The IPCP fields, in tree order.</summary>
    public static readonly FieldDefinition[] Ipcp = [.. Header(LayerKind.Ipcp), .. FieldRows.Fields(IpcpValues)];

    /// <summary>The IPv6CP fields, in tree order.</summary>
    public static readonly FieldDefinition[] Ipv6cp = [.. Header(LayerKind.Ipv6cp), .. FieldRows.Fields(Ipv6cpValues)];

    private static readonly FrozenDictionary<FieldDefinition, PppControlValue> Values =
        FieldRows.Values(LcpValues, IpcpValues, Ipv6cpValues);

    /// <summary>Which value a derived field of these tables shows; false for a field of another table.</summary>
    public static bool TryGetValue(FieldDefinition field, out PppControlValue value) => Values.TryGetValue(field, out value);

    /// <summary>The control protocol a layer kind decodes.</summary>
    public static PppProtocol ProtocolOf(LayerKind kind) => kind switch
    {
        LayerKind.Ipcp => PppProtocol.Ipcp,
        LayerKind.Ipv6cp => PppProtocol.Ipv6cp,
        _ => PppProtocol.Lcp,
    };

    private static FieldDefinition Field(string name, string label, LayerKind layer, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, layer, kind, ComputedField.PppControlProtocol, hexDigits);
}
