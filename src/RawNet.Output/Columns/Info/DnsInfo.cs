using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Dns;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// DNS's columns as tshark 4.0 writes them: the operation, "response" and the ID ("Standard query response 0x1234"),
/// the response code when it is not "No error", then per question its type and name, and per record its type and what
/// its data says (an address, a name, "10 mail.example.com" for MX, "0 5 5060 sip.example.com" for SRV). mDNS adds
/// whether a question is QU or QM and a record's cache flush. Several messages in one TCP segment write one after the
/// other. The Protocol column is "DNS", "MDNS" or "LLMNR".
/// </summary>
internal static class DnsInfo
{
    /// <summary>
    /// Writes the Info text of the DNS layers that end at <paramref name="index"/> (a run of messages over TCP, or one);
    /// true when tshark stopped short in the last (a mark follows).
    /// </summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        // A message put together from earlier segments writes its text and fences it; of the messages read from the
        // segment itself, each clears what the one before wrote (tshark's tcp_dissect_pdus sets no fence between them).
        int first = index;
        while (first > 1 && source.Packet[first - 1].Kind == LayerKind.Dns)
            first--;
        for (int i = first; i < index; i++)
        {
            if (source.Packet[i].Source == LayerSource.Stream)
                WriteMessage(line, in source, i);
        }
        return WriteMessage(line, in source, index);
    }

    /// <summary>What tshark 4.0 appends when a message over TCP it could not put together runs past the bytes it has.</summary>
    public const string UnreassembledMark = "[BoundErrorUnreassembled Packet]";

    /// <summary>The Protocol column of a DNS layer.</summary>
    public static string Protocol(in InfoSource source, int index) => DnsLayerDetails.Variant(source.Packet[index].Detail) switch
    {
        DnsVariant.Multicast => "MDNS",
        DnsVariant.LinkLocal => "LLMNR",
        _ => "DNS",
    };

    private static bool WriteMessage(TextLine line, in InfoSource source, int index)
    {
        ref readonly var layer = ref source.Packet[index];
        var message = source.Header(index);
        bool multicast = DnsLayerDetails.Variant(layer.Detail) == DnsVariant.Multicast;
        // tshark reads the ID and the flags before it writes anything.
        if (message.Length < DnsHeader.Field.Flags + 2)
            return !MarkPastSegment(line, in source, index, message.Length < 2 ? 2 : 4);
        ushort id = BinaryPrimitives.ReadUInt16BigEndian(message);
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(message[DnsHeader.Field.Flags..]);
        int opcode = (flags & DnsHeader.Flag.OpcodeMask) >> 11;
        AppendName(line, DnsCodeNames.Opcode(opcode), "Unknown operation (", opcode);
        bool response = (flags & DnsHeader.Flag.Response) != 0;
        if (response)
            line.Append(" response");
        line.Append(" 0x");
        line.AppendHexDigits(id, 4);
        int rcode = flags & DnsHeader.Flag.RcodeMask;
        if (response && rcode != 0)
        {
            line.Append(' ');
            AppendName(line, DnsCodeNames.Rcode(rcode), "Unknown error (", rcode);
        }
        var reader = new DnsRecordReader(message, layer.Extent);
        Span<char> name = stackalloc char[DnsName.MaxFormattedLength];
        int questions = BinaryPrimitives.ReadUInt16BigEndian(message.Length >= DnsHeader.Length ? message[DnsHeader.Field.QuestionCount..] : [0, 0]);
        while (true)
        {
            int at = reader.Offset;
            if (!reader.TryNext(out var record))
            {
                // tshark names a record's type once it has read up to its data length, and throws after that.
                if (reader.Status is DnsWalkStatus.Truncated or DnsWalkStatus.Malformed && reader.Index >= questions && !reader.StoppedInLastRecordData)
                    AppendTypeOfUnreadable(line, message, layer.Extent, at, multicast);
                break;
            }
            line.Append(' ');
            AppendType(line, record.Type);
            if (record.IsQuestion)
            {
                AppendSpacedName(line, message, layer.Extent, record.Offset, name);
                if (multicast)
                    line.Append((record.Class & 0x8000) != 0 ? ", \"QU\" question" : ", \"QM\" question");
                continue;
            }
            if (multicast && (record.Class & 0x8000) != 0 && record.Type != (ushort)DnsRecordType.OPT)
                line.Append(", cache flush");
            if (record.DataLength > 0)
                AppendData(line, message, layer.Extent, in record, name);
        }
        bool cut = reader.Status is not (DnsWalkStatus.Complete or DnsWalkStatus.TooManyRecords) || layer.Status != LayerStatus.Complete;
        return cut && !MarkPastSegment(line, in source, index, reader.Status is DnsWalkStatus.Truncated or DnsWalkStatus.Malformed ? reader.NeededEnd : 0);
    }

    /// <summary>
    /// For a message longer than its segment, read from a frame the capture cut: when the read that failed, ending at
    /// <paramref name="neededEnd"/> of the message, passes the segment's end too, tshark words it otherwise. True when
    /// this wrote the mark.
    /// </summary>
    private static bool MarkPastSegment(TextLine line, in InfoSource source, int index, int neededEnd)
    {
        ref readonly var layer = ref source.Packet[index];
        if (!DnsLayerDetails.PastSegment(layer.Detail))
            return false;
        int tcp = index - 1;
        while (tcp > 0 && source.Packet[tcp].Kind == LayerKind.Dns)
            tcp--;
        ref readonly var segment = ref source.Packet[tcp];
        if (layer.Offset + neededEnd <= segment.Offset + segment.Extent)
            return false;
        line.Append(UnreassembledMark);
        return true;
    }

    /// <summary>The type (and mDNS cache flush) of a record whose data cannot be read, when its name and fixed fields can.</summary>
    private static void AppendTypeOfUnreadable(TextLine line, ReadOnlySpan<byte> message, int reported, int offset, bool multicast)
    {
        var owner = DnsName.Read(message, reported, offset);
        int fixedFields = offset + owner.WireLength;
        if (!owner.IsReadable || fixedFields + 10 > message.Length || fixedFields + 10 > reported)
            return;
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(message[fixedFields..]);
        ushort dnsClass = BinaryPrimitives.ReadUInt16BigEndian(message[(fixedFields + 2)..]);
        line.Append(' ');
        AppendType(line, type);
        if (multicast && (dnsClass & 0x8000) != 0 && type != (ushort)DnsRecordType.OPT)
            line.Append(", cache flush");
    }

    /// <summary>What a record's data adds, for the types whose data tshark 4.0 writes into the Info column.</summary>
    private static void AppendData(TextLine line, ReadOnlySpan<byte> message, int reported, in DnsRecord record, Span<char> name)
    {
        var data = message.Slice(record.DataOffset, Math.Min(record.DataLength, message.Length - record.DataOffset));
        int at = record.DataOffset;
        switch ((DnsRecordType)record.Type)
        {
            case DnsRecordType.A when data.Length >= 4:
                line.Append(' ');
                line.AppendIpv4(data[..4]);
                break;
            case DnsRecordType.AAAA when data.Length >= 16:
                line.Append(' ');
                line.AppendIpv6(data[..16]);
                break;
            case DnsRecordType.NS:
            case DnsRecordType.CNAME:
            case DnsRecordType.PTR:
            case DnsRecordType.SOA:
                // SOA writes its primary name server.
                AppendSpacedName(line, message, reported, at, name);
                break;
            case DnsRecordType.MX when data.Length >= 2 && DnsName.TryFormat(message, reported, at + 2, name, out int exchange):
                line.Append(' ');
                line.Append((long)BinaryPrimitives.ReadUInt16BigEndian(data));
                line.Append(' ');
                line.Append(name[..exchange]);
                break;
            case DnsRecordType.SRV when data.Length >= 6 && DnsName.TryFormat(message, reported, at + 6, name, out int target):
                for (int i = 0; i < 3; i++)
                {
                    line.Append(' ');
                    line.Append((long)BinaryPrimitives.ReadUInt16BigEndian(data[(2 * i)..]));
                }
                line.Append(' ');
                line.Append(name[..target]);
                break;
            case DnsRecordType.HINFO:
                AppendHostInfo(line, data);
                break;
        }
    }

    /// <summary>HINFO's CPU and OS character-strings, as C strings (ASCII; a byte past it as U+FFFD; a zero byte ends one).</summary>
    private static void AppendHostInfo(TextLine line, ReadOnlySpan<byte> data)
    {
        if (data.Length < 1 || data.Length < 1 + data[0] + 1 || data.Length < 1 + data[0] + 1 + data[1 + data[0]])
            return;
        var cpu = data.Slice(1, data[0]);
        var os = data.Slice(2 + cpu.Length, data[1 + cpu.Length]);
        line.Append(' ');
        AppendCString(line, cpu);
        line.Append(' ');
        AppendCString(line, os);
    }

    private static void AppendCString(TextLine line, ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (b == 0)
                return;
            line.Append(b < 0x80 ? (char)b : '\uFFFD');
        }
    }

    private static void AppendSpacedName(TextLine line, ReadOnlySpan<byte> message, int reported, int offset, Span<char> name)
    {
        if (!DnsName.TryFormat(message, reported, offset, name, out int written))
            return;
        line.Append(' ');
        line.Append(name[..written]);
    }

    private static void AppendType(TextLine line, ushort type) => AppendName(line, DnsTypeNames.Of(type), "Unknown (", type);

    private static void AppendName(TextLine line, string? known, string unknownPrefix, int value)
    {
        if (known is not null)
        {
            line.Append(known);
            return;
        }
        line.Append(unknownPrefix);
        line.Append((long)value);
        line.Append(')');
    }
}
