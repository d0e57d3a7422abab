namespace RawNet.Protocols.Icmp;

/// <summary>
/// The names Wireshark gives ICMPv4 message types and codes (its icmp_type_str and per-type code tables, RFC 792 and
/// successors in Wireshark's wording), as its Info column and tree show them.
/// </summary>
public static class IcmpMessageNames
{
    /// <summary>What Wireshark calls a type it has no name for.</summary>
    public const string UnknownType = "Unknown ICMP (obsolete or malformed?)";

    /// <summary>
    /// The name of <paramref name="type"/>; a router advertisement with code 0 or 16 is named as Mobile IP's, as
    /// Wireshark names it.
    /// </summary>
    public static string TypeName(byte type, byte code) => type switch
    {
        0 => "Echo (ping) reply",
        1 or 2 => "Reserved",
        3 => "Destination unreachable",
        4 => "Source quench (flow control)",
        5 => "Redirect",
        6 => "Alternate host address",
        8 => "Echo (ping) request",
        9 when code is 0 or 16 => "Mobile IP Advertisement",
        9 => "Router advertisement",
        10 => "Router solicitation",
        11 => "Time-to-live exceeded",
        12 => "Parameter problem",
        13 => "Timestamp request",
        14 => "Timestamp reply",
        15 => "Information request",
        16 => "Information reply",
        17 => "Address mask request",
        18 => "Address mask reply",
        19 => "Reserved (for security)",
        30 => "Traceroute",
        31 => "Datagram Conversion Error",
        32 => "Mobile Host Redirect",
        33 => "IPv6 Where-Are-You",
        34 => "IPv6 I-Am-Here",
        35 => "Mobile Registration Request",
        36 => "Mobile Registration Reply",
        37 => "Domain Name Request",
        38 => "Domain Name Reply",
        39 => "SKIP",
        40 => "Photuris",
        41 => "Experimental mobility protocols",
        42 => "Extended Echo request",
        43 => "Extended Echo reply",
        _ => UnknownType,
    };

    /// <summary>
    /// True when <paramref name="type"/> names its codes; <paramref name="name"/> is then the code's name, or null for a
    /// code the table does not know (Wireshark shows "Unknown code: N").
    /// </summary>
    public static bool HasCodes(byte type, byte code, out string? name)
    {
        name = type switch
        {
            3 => code switch
            {
                0 => "Network unreachable",
                1 => "Host unreachable",
                2 => "Protocol unreachable",
                3 => "Port unreachable",
                4 => "Fragmentation needed",
                5 => "Source route failed",
                6 => "Destination network unknown",
                7 => "Destination host unknown",
                8 => "Source host isolated",
                9 => "Network administratively prohibited",
                10 => "Host administratively prohibited",
                11 => "Network unreachable for TOS",
                12 => "Host unreachable for TOS",
                13 => "Communication administratively filtered",
                14 => "Host precedence violation",
                15 => "Precedence cutoff in effect",
                _ => null,
            },
            5 => code switch
            {
                0 => "Redirect for network",
                1 => "Redirect for host",
                2 => "Redirect for TOS and network",
                3 => "Redirect for TOS and host",
                _ => null,
            },
            6 => code == 0 ? "Alternate address for host" : null,
            9 => code switch { 0 => "Normal router advertisement", 16 => "Does not route common traffic", _ => null },
            11 => code switch { 0 => "Time to live exceeded in transit", 1 => "Fragment reassembly time exceeded", _ => null },
            12 => code switch { 0 => "Pointer indicates the error", 1 => "Required option missing", 2 => "Bad length", _ => null },
            40 => code switch
            {
                0 => "Bad SPI",
                1 => "Authentication Failed",
                2 => "Decompression Failed",
                3 => "Decryption Failed",
                4 => "Need Authentication",
                5 => "Need Authorization",
                _ => null,
            },
            42 => code == 0 ? "No error" : null,
            43 => code switch
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
        return type is 3 or 5 or 6 or 9 or 11 or 12 or 40 or 42 or 43;
    }

    /// <summary>True for the types whose second word is an identifier and a sequence number (echo, timestamp, information, address mask).</summary>
    public static bool HasIdentifier(byte type) => type is 0 or 8 or (>= 13 and <= 18);
}
