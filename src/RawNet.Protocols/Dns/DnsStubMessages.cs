using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace RawNet.Protocols.Dns;

/// <summary>
/// Writes and reads the DNS messages a stub resolver and the lab's name server exchange (RFC 1035 section 4): a query of one question,
/// and its response with answers of type A, AAAA or CNAME whose owner names point back at the question (compression).
/// </summary>
/// <remarks>
/// Header (12 bytes): ID, flags (QR, opcode, AA, TC, RD, RA, Z, RCODE), QDCOUNT, ANCOUNT, NSCOUNT, ARCOUNT; then
/// each question (name, type, class) and each resource record (name, type, class, TTL, RDLENGTH, RDATA).
/// </remarks>
public static class DnsStubMessages
{
    // The header's offsets and flags are DnsHeader's (Field, Flag, Length).

    /// <summary>The class IN.</summary>
    public const ushort ClassInternet = 1;

    /// <summary>The longest name on the wire (RFC 1035 2.3.4).</summary>
    public const int MaxNameLength = 255;

    /// <summary>A compression pointer to the question's name, which always starts right after the header.</summary>
    private const ushort PointerToQuestion = 0xC000 | DnsHeader.Length;

    /// <summary>A standard query (RD set) for <paramref name="name"/> of <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentException">The name is not a valid DNS name (a label over 63 bytes, 255 bytes in all).</exception>
    public static byte[] Query(ushort id, string name, DnsRecordType type)
    {
        var message = new List<byte>(DnsHeader.Length + name.Length + 6);
        WriteHeader(message, id, DnsHeader.Flag.RecursionDesired, questions: 1, answers: 0);
        WriteName(message, name);
        WriteUInt16(message, (ushort)type);
        WriteUInt16(message, ClassInternet);
        return [.. message];
    }

    /// <summary>
    /// The response to the query <paramref name="question"/> (whose header and one question it echoes, with QR, AA and
    /// <paramref name="rcode"/> set), carrying <paramref name="answers"/> in order. An answer owned by the question's
    /// name is written as a pointer to it; a CNAME's target becomes the owner of the answers after it.
    /// </summary>
    public static byte[] Response(ReadOnlySpan<byte> question, int questionLength, DnsResponseCode rcode, IReadOnlyList<DnsAnswer> answers)
    {
        var message = new List<byte>(questionLength + answers.Count * 32);
        ushort id = BinaryPrimitives.ReadUInt16BigEndian(question);
        ushort flags = (ushort)(DnsHeader.Flag.Response | DnsHeader.Flag.Authoritative | (BinaryPrimitives.ReadUInt16BigEndian(question[DnsHeader.Field.Flags..]) & DnsHeader.Flag.RecursionDesired) | (ushort)rcode);
        WriteHeader(message, id, flags, questions: 1, answers: (ushort)answers.Count);
        foreach (var b in question[DnsHeader.Length..questionLength])
            message.Add(b);
        int? ownerOffset = PointerToQuestion & 0x3FFF;
        foreach (var answer in answers)
        {
            // The owner: the question's name, or the name a CNAME before it pointed to.
            WriteUInt16(message, (ushort)(0xC000 | ownerOffset!.Value));
            WriteUInt16(message, (ushort)answer.Type);
            WriteUInt16(message, ClassInternet);
            WriteUInt32(message, answer.TimeToLive);
            int lengthAt = message.Count;
            WriteUInt16(message, 0);
            int dataAt = message.Count;
            switch (answer.Type)
            {
                case DnsRecordType.A:
                case DnsRecordType.AAAA:
                    message.AddRange(answer.Address!.GetAddressBytes());
                    break;
                case DnsRecordType.CNAME:
                    WriteName(message, answer.Target!);
                    ownerOffset = dataAt;
                    break;
                default:
                    throw new ArgumentException($"the lab server writes only A, AAAA and CNAME answers, not {answer.Type}");
            }
            int length = message.Count - dataAt;
            message[lengthAt] = (byte)(length >> 8);
            message[lengthAt + 1] = (byte)length;
        }
        return [.. message];
    }

    /// <summary>
    /// Reads the one question of a query: its name (uncompressed, as every stub resolver sends it), type and where the
    /// question ends. False for anything else: a response, no question or several, a compressed or overlong name, a cut message.
    /// </summary>
    public static bool TryReadQuestion(ReadOnlySpan<byte> message, out string name, out DnsRecordType type, out int questionEnd)
    {
        name = "";
        type = 0;
        questionEnd = 0;
        if (message.Length < DnsHeader.Length
            || (BinaryPrimitives.ReadUInt16BigEndian(message[DnsHeader.Field.Flags..]) & DnsHeader.Flag.Response) != 0
            || BinaryPrimitives.ReadUInt16BigEndian(message[DnsHeader.Field.QuestionCount..]) != 1)
            return false;
        var text = new StringBuilder();
        int at = DnsHeader.Length;
        while (true)
        {
            if (at >= message.Length)
                return false;
            int length = message[at];
            if (length == 0)
                break;
            // Pointers (0xC0) and the reserved label types (0x40, 0x80) have no place in a query's question.
            if (length > 63 || at + 1 + length > message.Length || at + 1 + length - DnsHeader.Length > MaxNameLength)
                return false;
            text.Append(Encoding.ASCII.GetString(message.Slice(at + 1, length))).Append('.');
            at += 1 + length;
        }
        at++;
        if (at + 4 > message.Length)
            return false;
        name = text.Length == 0 ? "." : text.ToString();
        type = (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(message[at..]);
        questionEnd = at + 4;
        return true;
    }

    /// <summary>
    /// Reads a response: its ID, RCODE and each answer as "TYPE value" ("A 198.18.0.2", "CNAME b.lab.example."; other
    /// types as "TYPE n, LENGTH bytes"). False when the message is not a response or is cut or malformed anywhere;
    /// compressed names are followed at most <see cref="MaxPointers"/> times, so a pointer loop ends.
    /// </summary>
    public static bool TryReadResponse(ReadOnlySpan<byte> message, out ushort id, out DnsResponseCode rcode, List<string> answers)
    {
        id = 0;
        rcode = 0;
        if (message.Length < DnsHeader.Length)
            return false;
        id = BinaryPrimitives.ReadUInt16BigEndian(message);
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(message[DnsHeader.Field.Flags..]);
        if ((flags & DnsHeader.Flag.Response) == 0)
            return false;
        rcode = (DnsResponseCode)(flags & 0x000F);
        int questions = BinaryPrimitives.ReadUInt16BigEndian(message[DnsHeader.Field.QuestionCount..]);
        int answerCount = BinaryPrimitives.ReadUInt16BigEndian(message[DnsHeader.Field.AnswerCount..]);
        int at = DnsHeader.Length;
        for (int i = 0; i < questions; i++)
        {
            if (!TryReadName(message, at, out _, out at) || at + 4 > message.Length)
                return false;
            at += 4;
        }
        for (int i = 0; i < answerCount; i++)
        {
            if (!TryReadName(message, at, out _, out at) || at + 10 > message.Length)
                return false;
            var type = (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(message[at..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(message[(at + 8)..]);
            int data = at + 10;
            if (data + length > message.Length)
                return false;
            switch (type)
            {
                case DnsRecordType.A when length == 4:
                case DnsRecordType.AAAA when length == 16:
                    answers.Add($"{(type == DnsRecordType.A ? "A" : "AAAA")} {new IPAddress(message.Slice(data, length))}");
                    break;
                case DnsRecordType.CNAME:
                    if (!TryReadName(message, data, out var target, out _))
                        return false;
                    answers.Add("CNAME " + target);
                    break;
                default:
                    answers.Add($"TYPE {(ushort)type}, {length} bytes");
                    break;
            }
            at = data + length;
        }
        return true;
    }

    /// <summary>The most compression pointers one name may follow: more is a loop (a name has at most 127 labels).</summary>
    public const int MaxPointers = 127;

    /// <summary>Reads the name at <paramref name="start"/>, following pointers; <paramref name="end"/> is where the name ends in place.</summary>
    private static bool TryReadName(ReadOnlySpan<byte> message, int start, out string name, out int end)
    {
        var text = new StringBuilder();
        name = "";
        end = -1;
        int at = start, pointers = 0, length = 0;
        while (true)
        {
            if (at >= message.Length)
                return false;
            int label = message[at];
            if (label == 0)
            {
                if (end < 0)
                    end = at + 1;
                break;
            }
            if ((label & 0xC0) == 0xC0)
            {
                if (at + 1 >= message.Length || ++pointers > MaxPointers)
                    return false;
                if (end < 0)
                    end = at + 2;
                at = ((label & 0x3F) << 8) | message[at + 1];
                continue;
            }
            if (label > 63 || at + 1 + label > message.Length || (length += label + 1) > MaxNameLength)
                return false;
            text.Append(Encoding.ASCII.GetString(message.Slice(at + 1, label))).Append('.');
            at += 1 + label;
        }
        name = text.Length == 0 ? "." : text.ToString();
        return true;
    }

    private static void WriteHeader(List<byte> message, ushort id, ushort flags, ushort questions, ushort answers)
    {
        WriteUInt16(message, id);
        WriteUInt16(message, flags);
        WriteUInt16(message, questions);
        WriteUInt16(message, answers);
        WriteUInt16(message, 0);
        WriteUInt16(message, 0);
    }

    /// <summary>Writes <paramref name="name"/> ("b.lab.example" or "b.lab.example.") as length-prefixed labels and the root's zero.</summary>
    private static void WriteName(List<byte> message, string name)
    {
        int start = message.Count;
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.None))
        {
            if (label.Length == 0 && name.Trim('.').Length == 0)
                break;
            var bytes = Encoding.ASCII.GetBytes(label);
            if (bytes.Length is 0 or > 63)
                throw new ArgumentException($"{name}: a label is 1 to 63 bytes");
            message.Add((byte)bytes.Length);
            message.AddRange(bytes);
        }
        message.Add(0);
        if (message.Count - start > MaxNameLength)
            throw new ArgumentException($"{name}: a name is at most {MaxNameLength} bytes on the wire");
    }

    private static void WriteUInt16(List<byte> message, ushort value)
    {
        message.Add((byte)(value >> 8));
        message.Add((byte)value);
    }

    private static void WriteUInt32(List<byte> message, uint value)
    {
        WriteUInt16(message, (ushort)(value >> 16));
        WriteUInt16(message, (ushort)value);
    }
}

/// <summary>Response codes (RFC 1035 4.1.1).</summary>
public enum DnsResponseCode : ushort
{
    NoError = 0,
    FormatError = 1,
    ServerFailure = 2,
    NameError = 3,
    NotImplemented = 4,
    Refused = 5,
}

/// <summary>One answer for <see cref="DnsStubMessages.Response"/>: an address (A, AAAA) or an alias target (CNAME).</summary>
public sealed record DnsAnswer(DnsRecordType Type, uint TimeToLive, IPAddress? Address = null, string? Target = null);
