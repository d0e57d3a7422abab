using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Ppp;

/// <summary>tshark 4.0's names of the control protocols and their codes, as its Protocol and Info columns show them.</summary>
public static class PppControlNames
{
    /// <summary>The Protocol column: "PPP LCP", "PPP IPCP", "PPP IPV6CP".</summary>
    public static string Protocol(LayerKind kind) => kind switch
    {
        LayerKind.Ipcp => "PPP IPCP",
        LayerKind.Ipv6cp => "PPP IPV6CP",
        _ => "PPP LCP",
    };

    /// <summary>
    /// A code's name: LCP names all of RFC 1661's and RFC 1570's codes, IPCP and IPv6CP only Vendor-Specific and the
    /// configure and terminate codes and Code-Reject ("Unknown" for the rest, whose fields tshark still reads as LCP's).
    /// </summary>
    public static string Code(LayerKind kind, byte code) => (PppControlCode)code switch
    {
        PppControlCode.VendorSpecific => "Vendor Specific",
        PppControlCode.ConfigureRequest => "Configuration Request",
        PppControlCode.ConfigureAck => "Configuration Ack",
        PppControlCode.ConfigureNak => "Configuration Nak",
        PppControlCode.ConfigureReject => "Configuration Reject",
        PppControlCode.TerminateRequest => "Termination Request",
        PppControlCode.TerminateAck => "Termination Ack",
        PppControlCode.CodeReject => "Code Reject",
        _ when kind != LayerKind.Lcp => "Unknown",
        PppControlCode.ProtocolReject => "Protocol Reject",
        PppControlCode.EchoRequest => "Echo Request",
        PppControlCode.EchoReply => "Echo Reply",
        PppControlCode.DiscardRequest => "Discard Request",
        PppControlCode.Identification => "Identification",
        PppControlCode.TimeRemaining => "Time Remaining",
        _ => "Unknown",
    };
}
