namespace RawNet.Protocols.Ppp;

/// <summary>What tshark makes of one option of a control protocol's Configure packet.</summary>
public enum PppOptionState : byte
{
    /// <summary>A known type with a length its table accepts: its fields are shown.</summary>
    Shown,
    /// <summary>A type the protocol's table does not know: skipped by its length, nothing shown but text.</summary>
    Unknown,
    /// <summary>A length the type's table rejects, one below 2, or one past the end of the options: "ppp.opt.len.invalid".</summary>
    LengthInvalid,
}

/// <summary>One option as <see cref="PppOptionWalker"/> finds it.</summary>
public readonly ref struct PppOption
{
    public PppOption(int offset, byte type, int length, PppOptionState state, ReadOnlySpan<byte> bytes)
    {
        Offset = offset;
        Type = type;
        Length = length;
        State = state;
        Bytes = bytes;
    }

    /// <summary>Offset of the option's type byte from the start of the control packet.</summary>
    public int Offset { get; }
    public byte Type { get; }

    /// <summary>The option's declared length (type and length bytes included); 0 when the length byte is missing.</summary>
    public int Length { get; }
    public PppOptionState State { get; }

    /// <summary>The option's captured bytes, at most its declared length.</summary>
    public ReadOnlySpan<byte> Bytes { get; }
}

/// <summary>
/// Walks the options of a Configure-Request, -Ack, -Nak or -Reject (RFC 1661 6) as tshark 4.0 does: each option's type
/// and length, bounded by the packet's declared length and by the captured bytes. A length below 2 or past the end of
/// the options ends the walk with an invalid-length mark; a length the type's table rejects marks that option and goes
/// on; an option tshark's reading fails in (<see cref="PppControlOptions.EndsDissection"/>) is the last one.
/// </summary>
public ref struct PppOptionWalker
{
    private readonly ReadOnlySpan<byte> _packet;
    private readonly int _end;
    private readonly PppProtocol _protocol;
    private int _at;
    private bool _done;

    /// <summary>A walker over the options of <paramref name="packet"/>, a control packet's captured bytes (at least its header).</summary>
    public PppOptionWalker(ReadOnlySpan<byte> packet, PppProtocol protocol)
    {
        _packet = packet;
        _protocol = protocol;
        _at = PppControlPacket.Field.Data;
        _done = !PppControlPacket.TryRead(packet, out var cp) || !PppControlPacket.HasOptions(cp.Code) || !cp.HasBody;
        _end = _done ? 0 : cp.Length;
    }

    /// <summary>The next option; false at the end of the options, of the captured bytes, or after an option that ends the walk.</summary>
    public bool MoveNext(out PppOption option)
    {
        option = default;
        if (_done || _at >= _end || _at >= _packet.Length)
            return false;
        int at = _at;
        byte type = _packet[at];
        if (_end - at < 2)
        {
            // One byte left: no room for a length.
            _done = true;
            option = new PppOption(at, type, 0, PppOptionState.LengthInvalid, _packet.Slice(at, 1));
            return true;
        }
        if (at + 1 >= _packet.Length)
            return false;
        int length = _packet[at + 1];
        var bytes = _packet[at..Math.Min(_packet.Length, at + Math.Max(2, Math.Min(length, _end - at)))];
        if (length < 2 || at + length > _end)
        {
            _done = true;
            option = new PppOption(at, type, length, PppOptionState.LengthInvalid, bytes);
            return true;
        }
        _at = at + length;
        var rule = PppControlOptions.RuleOf(_protocol, type);
        PppOptionState state = rule.Length == 0 ? PppOptionState.Unknown
            : rule.Exact ? (length == rule.Length ? PppOptionState.Shown : PppOptionState.LengthInvalid)
            : (length >= rule.Length ? PppOptionState.Shown : PppOptionState.LengthInvalid);
        if (state == PppOptionState.Shown && PppControlOptions.EndsDissection(_protocol, type, length, bytes))
            _done = true;
        option = new PppOption(at, type, length, state, bytes);
        return true;
    }
}

/// <summary>A type's length as tshark's option table checks it: exactly, or at least; a length of 0 for an unknown type.</summary>
public readonly record struct PppOptionRule(byte Length, bool Exact);

/// <summary>The option tables of LCP (RFC 1661 6, and later RFCs), IPCP (RFC 1332, 1877, 2290, 3241, 3544) and IPv6CP (RFC 5072) as tshark 4.0 knows them.</summary>
public static class PppControlOptions
{
    /// <summary>LCP option types RawNet reads the values of.</summary>
    public const byte VendorSpecific = 0, MaximumReceiveUnit = 1, AsyncMap = 2, AuthenticationProtocol = 3, QualityProtocol = 4,
        MagicNumber = 5, LinkQualityMonitoring = 6, SelfDescribingPad = 10, NumberedMode = 11, Callback = 13, MultilinkMrru = 17,
        EndpointDiscriminator = 19, AuthenticationOption = 24, PrefixElision = 26, FcsAlternatives = 9, DceIdentifier = 21,
        MultilinkPlusProcedure = 22, LinkDiscriminator = 23, Cobs = 25, MultilinkHeaderFormat = 27, Internationalization = 28;

    /// <summary>IPCP option types (RFC 1332, RFC 2290, RFC 1877).</summary>
    public const byte IpAddresses = 1, IpCompressionProtocol = 2, IpAddress = 3, MobileIpv4 = 4,
        PrimaryDns = 129, PrimaryNbns = 130, SecondaryDns = 131, SecondaryNbns = 132;

    /// <summary>IPv6CP's interface identifier (its type 2 is IPCP's compression option, under IPCP's field names).</summary>
    public const byte InterfaceIdentifier = 1;

    /// <summary>Compression protocols of IPCP's and IPv6CP's option 2: Van Jacobson, IP header compression, ROHC.</summary>
    public const ushort VanJacobson = 0x002d, Iphc = 0x0061, Rohc = 0x0003;

    /// <summary>The length tshark's table accepts for <paramref name="type"/>; <see cref="PppOptionRule.Length"/> 0 for a type it does not know.</summary>
    public static PppOptionRule RuleOf(PppProtocol protocol, byte type) => protocol switch
    {
        PppProtocol.Lcp => type switch
        {
            1 or 17 or 22 or 23 or 27 => new PppOptionRule(4, true),
            2 or 5 or 6 => new PppOptionRule(6, true),
            7 or 8 or 15 or 16 or 18 or 29 => new PppOptionRule(2, true),
            9 or 10 or 21 or 25 => new PppOptionRule(3, true),
            0 => new PppOptionRule(6, false),
            3 or 4 => new PppOptionRule(4, false),
            11 or 13 or 19 or 24 => new PppOptionRule(3, false),
            26 => new PppOptionRule(2, false),
            28 => new PppOptionRule(7, false),
            _ => default,
        },
        PppProtocol.Ipcp => type switch
        {
            IpAddresses => new PppOptionRule(10, true),
            IpCompressionProtocol => new PppOptionRule(2, false),
            IpAddress or MobileIpv4 or PrimaryDns or PrimaryNbns or SecondaryDns or SecondaryNbns => new PppOptionRule(6, true),
            _ => default,
        },
        PppProtocol.Ipv6cp => type switch
        {
            InterfaceIdentifier => new PppOptionRule(10, true),
            IpCompressionProtocol => new PppOptionRule(2, false),
            _ => default,
        },
        _ => default,
    };

    /// <summary>
    /// True for an option whose reading throws in tshark 4.0, ending the packet as malformed after the fields that fit in
    /// it: an LCP quality protocol longer than 4 (it reads the reporting period past the option), an authentication
    /// option of 3 bytes, a prefix elision whose first prefix fits in it, and an IP compression option shorter than its protocol's fixed
    /// parameters (4 for the protocol itself, 6 for Van Jacobson, 14 for IPHC, 10 for ROHC).
    /// </summary>
    public static bool EndsDissection(PppProtocol protocol, byte type, int length, ReadOnlySpan<byte> bytes)
    {
        if (protocol == PppProtocol.Lcp)
        {
            return type switch
            {
                QualityProtocol => length > 4,
                AuthenticationOption => length == 3,
                // tshark 4.0 fails on the first prefix whenever its length fits in the option (and skips it quietly otherwise).
                PrefixElision => length >= 4 && bytes.Length >= 4 && bytes[3] <= length - 4,
                _ => false,
            };
        }
        if (type != IpCompressionProtocol)
            return false;
        if (length < 4)
            return true;
        if (bytes.Length < 4)
            return false;
        return CompressionFixedLength((ushort)(bytes[2] << 8 | bytes[3])) > length;
    }

    /// <summary>
    /// True when the options of <paramref name="packet"/> (a whole control packet) include one whose reading throws in
    /// tshark (<see cref="EndsDissection"/>): the packet is malformed there.
    /// </summary>
    public static bool EndsMalformed(ReadOnlySpan<byte> packet, PppProtocol protocol)
    {
        var walker = new PppOptionWalker(packet, protocol);
        while (walker.MoveNext(out var option))
        {
            if (option.State == PppOptionState.Shown && EndsDissection(protocol, option.Type, option.Length, option.Bytes))
                return true;
        }
        return false;
    }

    /// <summary>The bytes of the compression option a protocol's fixed parameters fill (4 for one tshark does not know).</summary>
    public static int CompressionFixedLength(ushort compression) => compression switch
    {
        VanJacobson => 6,
        Iphc => 14,
        Rohc => 10,
        _ => 4,
    };
}
