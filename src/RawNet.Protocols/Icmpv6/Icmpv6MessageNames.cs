namespace RawNet.Protocols.Icmpv6;

/// <summary>
/// The names Wireshark gives ICMPv6 message types and codes (RFC 4443, RFC 4861 and successors in Wireshark's
/// wording), as its Info column and tree show them.
/// </summary>
public static class Icmpv6MessageNames
{
    /// <summary>The name of <paramref name="type"/>, or null for a type Wireshark has no name for (it shows "Unknown (N)").</summary>
    public static string? TypeName(byte type) => type switch
    {
        1 => "Destination Unreachable",
        2 => "Packet Too Big",
        3 => "Time Exceeded",
        4 => "Parameter Problem",
        100 => "Private experimentation",
        101 => "Private experimentation",
        127 => "Reserved for expansion of ICMPv6 error messages",
        128 => "Echo (ping) request",
        129 => "Echo (ping) reply",
        130 => "Multicast Listener Query",
        131 => "Multicast Listener Report",
        132 => "Multicast Listener Done",
        133 => "Router Solicitation",
        134 => "Router Advertisement",
        135 => "Neighbor Solicitation",
        136 => "Neighbor Advertisement",
        137 => "Redirect",
        138 => "Router Renumbering",
        139 => "Node Information Query",
        140 => "Node Information Reply",
        141 => "Inverse Neighbor Discovery Solicitation",
        142 => "Inverse Neighbor Discovery Advertisement",
        143 => "Multicast Listener Report Message v2",
        144 => "Home Agent Address Discovery Request",
        145 => "Home Agent Address Discovery Reply",
        146 => "Mobile Prefix Solicitation",
        147 => "Mobile Prefix Advertisement",
        148 => "Certification Path Solicitation",
        149 => "Certification Path Advertisement",
        150 => "Experimental Mobility",
        151 => "Multicast Router Advertisement",
        152 => "Multicast Router Solicitation",
        153 => "Multicast Router Termination",
        154 => "FMIPv6",
        155 => "RPL Control",
        156 => "Locator Update",
        157 => "Duplicate Address Request",
        158 => "Duplicate Address Confirmation",
        159 => "MPL Control Message",
        160 => "Extended Echo request",
        161 => "Extended Echo reply",
        200 => "Private experimentation",
        201 => "Private experimentation",
        255 => "Reserved for expansion of ICMPv6 informational messages",
        _ => null,
    };

    /// <summary>
    /// True when <paramref name="type"/> names its codes; <paramref name="name"/> is then the code's name, or null for a
    /// code the table does not know. Wireshark words an unknown code "Unknown" for destination unreachable and
    /// "Unknown (N)" for the others (<see cref="UnknownCodeIsBare"/>).
    /// </summary>
    public static bool HasCodes(byte type, byte code, out string? name)
    {
        name = type switch
        {
            1 => code switch
            {
                0 => "no route to destination",
                1 => "Administratively prohibited",
                2 => "Beyond scope of source address",
                3 => "Address unreachable",
                4 => "Port unreachable",
                5 => "Source address failed ingress/egress policy",
                6 => "Reject route to destination",
                7 => "Error in Source Routing Header",
                _ => null,
            },
            3 => code switch { 0 => "hop limit exceeded in transit", 1 => "fragment reassembly time exceeded", _ => null },
            4 => code switch
            {
                0 => "erroneous header field encountered",
                1 => "unrecognized Next Header type encountered",
                2 => "unrecognized IPv6 option encountered",
                3 => "IPv6 First Fragment has incomplete IPv6 Header Chain",
                _ => null,
            },
            138 => code switch { 0 => "Command", 1 => "Result", 255 => "Sequence number reset", _ => null },
            139 => code switch
            {
                0 => "Query subject = IPv6 addresses",
                1 => "Query subject = DNS name or empty",
                2 => "Query subject = IPv4 addresses",
                _ => null,
            },
            140 => code switch { 0 => "Successful", 1 => "Refused", 2 => "Unknown query type", _ => null },
            155 => code switch
            {
                0 => "DODAG Information Solicitation",
                1 => "DODAG Information Object",
                2 => "Destination Advertisement Object",
                3 => "Destination Advertisement Object Acknowledgment",
                4 => "P2P Discovery Reply Object",
                5 => "P2P Discovery Reply Object Acknowledgement",
                128 => "Secure DODAG Information Solicitation",
                129 => "Secure DODAG Information Object",
                130 => "Secure Destination Advertisement Object",
                131 => "Secure Destination Advertisement Object Acknowledgment",
                132 => "P2P Secure Discovery Reply Object",
                133 => "P2P Secure Discovery Reply Object Acknowledgement",
                138 => "Consistency Check",
                _ => null,
            },
            160 => code == 0 ? "No error" : null,
            161 => code switch
            {
                0 => "No error",
                1 => "Malformed Query",
                2 => "No Such Interface",
                3 => "No Such Table Entry",
                4 => "Multiple Interfaces Satisfy Query",
                _ => null,
            },
            _ => null,
        };
        // Experimental Mobility and FMIPv6 name their codes by a subtype in the message body, which RawNet leaves out.
        return type is 1 or 3 or 4 or 138 or 139 or 140 or 155 or 160 or 161;
    }

    /// <summary>True when Wireshark words an unknown code of <paramref name="type"/> plain "Unknown", without the number.</summary>
    public static bool UnknownCodeIsBare(byte type) => type == 1;
}
