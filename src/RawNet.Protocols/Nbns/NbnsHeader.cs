using System.Buffers.Binary;
using Field = RawNet.Protocols.Dns.DnsHeader.Field;

namespace RawNet.Protocols.Nbns;

/// <summary>The UDP port of the NetBIOS Name Service (RFC 1002).</summary>
public static class NbnsPorts
{
    public const ushort Nbns = 137;
}

/// <summary>
/// The header of a NetBIOS Name Service message (RFC 1002 4.2.1), a DNS header whose flags carry NetBIOS's opcodes and
/// a broadcast bit:
/// <code>
///  0  NAME_TRN_ID
///  2  R | OPCODE(4) | AA TC RD RA 0 0 B | RCODE(4)
///  4  QDCOUNT   6  ANCOUNT   8  NSCOUNT   10  ARCOUNT
/// 12  questions (name, type, class), then resource records (name, type, class, TTL, RDLENGTH, RDATA)
/// </code>
/// A view over the header's bytes, checked once by <see cref="TryRead"/>; its offsets are DNS's (<see cref="Dns.DnsHeader.Field"/>).
/// </summary>
public readonly ref struct NbnsHeader
{
    /// <summary>Bytes of the header.</summary>
    public const int Length = 12;

    /// <summary>The NetBIOS bits of the flags word (RFC 1002 4.2.1.1); the others are DNS's (<see cref="Dns.DnsHeader.Flag"/>).</summary>
    public static class Flag
    {
        public const int OpcodeShift = 11;
        public const ushort Broadcast = 0x0010;
        public const ushort RcodeMask = 0x000F;
    }

    /// <summary>The opcodes tshark names (RFC 1002; 9 and 15 as Microsoft uses them).</summary>
    public static class Opcode
    {
        public const int Query = 0;
        public const int Registration = 5;
        public const int Release = 6;
        public const int WaitForAcknowledgment = 7;
        public const int Refresh = 8;
        public const int RefreshAlternate = 9;
        public const int MultiHomedRegistration = 15;
    }

    /// <summary>The record types tshark names.</summary>
    public const ushort TypeNb = 32;
    public const ushort TypeNbstat = 33;

    private readonly ReadOnlySpan<byte> _bytes;

    private NbnsHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>A view over the header at the start of <paramref name="bytes"/>; false when they are shorter than the header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out NbnsHeader header)
    {
        header = bytes.Length >= Length ? new NbnsHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    public ushort Id => BinaryPrimitives.ReadUInt16BigEndian(_bytes);
    public ushort Flags => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Flags..]);
    public bool IsResponse => (Flags & Dns.DnsHeader.Flag.Response) != 0;
    public int OpcodeValue => OpcodeOf(Flags);
    public ushort QuestionCount => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.QuestionCount..]);
    public ushort AnswerCount => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.AnswerCount..]);
    public ushort AuthorityCount => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.AuthorityCount..]);
    public ushort AdditionalCount => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.AdditionalCount..]);

    /// <summary>The opcode of a flags word.</summary>
    public static int OpcodeOf(ushort flags) => (flags & Dns.DnsHeader.Flag.OpcodeMask) >> Flag.OpcodeShift;

    /// <summary>tshark's name of an opcode, null for one it does not know (it writes "Unknown operation (N)").</summary>
    public static string? OpcodeName(int opcode) => opcode switch
    {
        Opcode.Query => "Name query",
        Opcode.Registration => "Registration",
        Opcode.Release => "Release",
        Opcode.WaitForAcknowledgment => "Wait for acknowledgment",
        Opcode.Refresh => "Refresh",
        Opcode.RefreshAlternate => "Refresh (alternate opcode)",
        Opcode.MultiHomedRegistration => "Multi-homed registration",
        _ => null,
    };

    /// <summary>tshark's name of a reply code ("Unknown error" for the others).</summary>
    public static string RcodeName(int rcode) => rcode switch
    {
        0 => "No error",
        1 => "Request was invalidly formatted",
        2 => "Server failure",
        3 => "Requested name does not exist",
        4 => "Request is not implemented",
        5 => "Request was refused",
        6 => "Name is owned by another node",
        7 => "Name is in conflict",
        _ => "Unknown error",
    };

    /// <summary>tshark's name of a record type: "NB", "NBSTAT", else "Unknown".</summary>
    public static string TypeName(int type) => type switch
    {
        TypeNb => "NB",
        TypeNbstat => "NBSTAT",
        _ => "Unknown",
    };

    /// <summary>
    /// tshark's description of a NetBIOS name's 16th byte (netbios_name_type_descr), "Unknown" for the others and for a
    /// name that is not one (-1).
    /// </summary>
    public static string NameTypeDescription(int type) => type switch
    {
        0x00 or 0x02 => "Workstation/Redirector",
        0x01 => "Browser",
        0x03 => "Messenger service/Main name",
        0x05 => "Forwarded name",
        0x06 => "RAS Server service",
        0x1b => "Domain Master Browser",
        0x1c => "Domain Controllers",
        0x1d => "Local Master Browser",
        0x1e => "Browser Election Service",
        0x1f => "Net DDE Service",
        0x20 => "Server service",
        0x21 => "RAS client service",
        0x22 => "Exchange Interchange (MSMail Connector)",
        0x23 => "Exchange Store",
        0x24 => "Exchange Directory",
        0x2b => "Lotus Notes Server service",
        0x30 => "Modem sharing server service",
        0x31 => "Modem sharing client service",
        0x43 => "SMS Clients Remote Control",
        0x44 => "SMS Administrators Remote Control Tool",
        0x45 => "SMS Clients Remote Chat",
        0x46 => "SMS Clients Remote Transfer",
        0x4c or 0x52 => "DEC Pathworks TCP/IP Service on Windows NT",
        0x6a => "Microsoft Exchange IMC",
        0x87 => "Microsoft Exchange MTA",
        0xbe => "Network Monitor Agent",
        0xbf => "Network Monitor Analyzer",
        _ => "Unknown",
    };
}
