namespace RawNet.Protocols.Ipv6;

/// <summary>Which options header an option belongs in (RFC 8200 section 4.2 and each option's RFC), as tshark 4.0 checks it.</summary>
public enum Ipv6OptionHeader : byte
{
    /// <summary>Either header.</summary>
    Any,
    /// <summary>Only a Hop-by-Hop Options header.</summary>
    HopByHop,
    /// <summary>Only a Destination Options header.</summary>
    Destination,
}

/// <summary>What tshark 4.0's option walk reads of one option, and what it says about it.</summary>
/// <param name="Consumed">Bytes of option data it reads (past the option's own length when that is too short); -1 when RawNet does not model the option's reading.</param>
/// <param name="LengthInvalid">The length byte is wrong for the option.</param>
/// <param name="Unknown">An option tshark does not know: all its data is one "not interpreted" item.</param>
public readonly record struct Ipv6OptionReading(int Consumed, bool LengthInvalid, bool Unknown);

/// <summary>
/// The options of IPv6 Hop-by-Hop and Destination Options headers as tshark 4.0's dissect_opts reads them: the header
/// each belongs in, the length it must have, how many bytes of data it reads, and its names in tshark's expert items.
/// The one place that knows them (the expert finder walks the options with it).
/// </summary>
public static class Ipv6OptionRules
{
    public const byte Pad1 = 0x00, PadN = 0x01, TunnelEncapsulationLimit = 0x04, RouterAlert = 0x05, Calipso = 0x07, SmfDpd = 0x08,
        Pdm = 0x0F, QuickStart = 0x26, PathMtu = 0x30, Ioam = 0x31, Tpf = 0x41, Rpl = 0x63, Mpl = 0x6D, Endi = 0x8A,
        IlnpNonce = 0x8B, LineIdentification = 0x8C, Jumbo = 0xC2, HomeAddress = 0xC9, IpDff = 0xEE;

    /// <summary>The header <paramref name="type"/> belongs in.</summary>
    public static Ipv6OptionHeader HeaderOf(byte type) => type switch
    {
        TunnelEncapsulationLimit or Pdm or Tpf or IlnpNonce or LineIdentification or HomeAddress => Ipv6OptionHeader.Destination,
        RouterAlert or Calipso or SmfDpd or QuickStart or PathMtu or Ioam or Rpl or Mpl or Jumbo or IpDff => Ipv6OptionHeader.HopByHop,
        _ => Ipv6OptionHeader.Any,
    };

    /// <summary>tshark's name of an option that belongs in one header ("... must use a hop-by-hop options header").</summary>
    public static string Name(byte type) => type switch
    {
        TunnelEncapsulationLimit => "Tunnel Encapsulation Limit",
        RouterAlert => "Router Alert",
        Calipso => "CALIPSO",
        SmfDpd => "SMF_DPD",
        Pdm => "Performance and Diagnostic Metrics",
        QuickStart => "Quick-Start",
        PathMtu => "Path MTU Option",
        Ioam => "IOAM Option",
        Tpf => "Tunnel Payload Forwarding (TPF) Information",
        Rpl => "RPL Option",
        Mpl => "MPL Option",
        IlnpNonce => "ILNP Nonce",
        LineIdentification => "Line-Identification Option",
        Jumbo => "Jumbo Payload",
        HomeAddress => "Home Address",
        IpDff => "IP_DFF",
        _ => "Unknown IPv6 Option",
    };

    /// <summary>How tshark's "invalid length" item about <paramref name="type"/> begins (its wording and capitals vary by option).</summary>
    public static string LengthProblem(byte type) => type switch
    {
        TunnelEncapsulationLimit => "Tunnel Encapsulation Limit: Invalid length",
        RouterAlert => "Router alert: Invalid Length",
        Calipso => "CALIPSO: Invalid Length",
        Pdm => "PDM: Invalid length",
        QuickStart => "Quick-Start: Invalid Length",
        PathMtu => "PMTU Option: Invalid Length",
        Tpf => "TPF: Invalid Length",
        Rpl => "RPL Option: Invalid length",
        Jumbo => "Jumbo Payload: Invalid length",
        HomeAddress => "Home Address: Invalid length",
        IpDff => "IPv6 DFF: Invalid length",
        _ => "Invalid length",
    };

    /// <summary>
    /// What tshark reads of an option of <paramref name="type"/> with <paramref name="length"/> bytes of data, of which
    /// <paramref name="data"/> holds what is captured (it may run on past the option). Pad1 and PadN are the walk's own.
    /// </summary>
    public static Ipv6OptionReading Read(byte type, int length, ReadOnlySpan<byte> data) => type switch
    {
        TunnelEncapsulationLimit => Fixed(1, length),
        RouterAlert => Fixed(2, length),
        Pdm => Fixed(10, length),
        QuickStart => Fixed(6, length),
        PathMtu or Tpf or Jumbo => Fixed(4, length),
        HomeAddress => Fixed(16, length),
        IpDff => Fixed(3, length),
        Rpl => new(4, length < 4, false),
        Calipso => data.Length > 4 ? new(8 + 4 * data[4], length < 8, false) : new(-1, false, false),
        IlnpNonce => new(length, false, false),
        LineIdentification => length > 0 && data.Length > 0 ? new(1 + Math.Min(data[0], length - 1), false, false) : new(-1, false, false),
        // experimental types (RFC 4727): their data, no item
        0x1E or 0x3E or 0x5E or 0x7E or 0x9E or 0xBE or 0xDE or 0xFE => new(length, false, false),
        // H-DPD: the hash; I-DPD: the TID byte, the tagger ID it announces, the identifier in what is left
        SmfDpd when length > 0 && data.Length > 0 => new((data[0] & 0x80) != 0 ? length
            : Math.Max(length, 1 + ((data[0] & 0x70) != 0 ? (data[0] & 0x0F) + 1 : 0)), false, false),
        // read in ways RawNet does not follow (items of severities and groups it has no model of)
        SmfDpd or Ioam or Mpl or Endi => new(-1, false, false),
        _ => new(length, false, true),
    };

    /// <summary>
    /// Bytes past the option's type and length byte where tshark's walk reads the next option: the option's length, or
    /// more where the option's reading ran on past it (an option whose reading RawNet does not follow: its length).
    /// </summary>
    public static int Advance(byte type, int length, ReadOnlySpan<byte> data) =>
        type == PadN ? length : Math.Max(length, Read(type, length, data).Consumed);

    /// <summary>
    /// Where in <paramref name="header"/> (an options header and the datagram's captured bytes after it) the address of
    /// the last Home Address option (RFC 6275) begins, or -1: tshark takes it as the packet's source address, so it keys
    /// the UDP and TCP conversations. Read where tshark's walk reads it, 16 bytes whatever the option's length says.
    /// </summary>
    public static int HomeAddressAt(ReadOnlySpan<byte> header)
    {
        if (header.Length < 2)
            return -1;
        int end = Math.Min(header.Length, (header[1] + 1) * 8), found = -1;
        for (int at = 2; at + 1 < end;)
        {
            byte type = header[at];
            if (type == Pad1)
            {
                at++;
                continue;
            }
            int length = header[at + 1], data = at + 2;
            if (type == HomeAddress && data + 16 <= header.Length)
                found = data;
            at = data + Advance(type, length, header[Math.Min(data, header.Length)..]);
        }
        return found;
    }

    private static Ipv6OptionReading Fixed(int size, int length) => new(size, length != size, false);
}
