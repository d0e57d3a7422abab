using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Dns;

/// <summary>
/// Reads the per-record DNS fields (<see cref="ComputedField.DnsQueryName"/> to <see cref="ComputedField.DnsOptZReserved"/>):
/// walks the message's records in order and returns the <c>occurrence</c>-th value of the field, as tshark lists them.
/// Offsets in the values are in the layer's buffer, so the tree and the hex view point at the bytes.
/// </summary>
public static class DnsFieldReader
{
    /// <summary>Which part of a name a <see cref="FieldKind.DnsName"/> value shows: the whole, or one of the three parts tshark splits an SRV owner into.</summary>
    public enum NamePart : byte
    {
        Whole,
        FirstLabel,
        SecondLabel,
        Rest,
    }

    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.DnsStreamLength and <= ComputedField.DnsOptZReserved;

    /// <summary>
    /// Whether a header field with a DNS presence condition is in the DNS layer <paramref name="layer"/>, whose captured
    /// header is <paramref name="header"/>: what the flags say, and which variant the layer is (LLMNR names some bits otherwise).
    /// </summary>
    public static bool IsPresent(FieldPresence presence, in Layer layer, ReadOnlySpan<byte> header)
    {
        if (header.Length < DnsHeader.Field.Flags + 2)
            return false;
        bool linkLocal = DnsLayerDetails.Variant(layer.Detail) == DnsVariant.LinkLocal;
        bool response = (header[DnsHeader.Field.Flags] & 0x80) != 0;
        int opcode = header[DnsHeader.Field.Flags] >> 3 & 0xF;
        return presence switch
        {
            FieldPresence.DnsFlags => true,
            FieldPresence.DnsNameServerFlags => !linkLocal,
            FieldPresence.DnsResponse => response,
            FieldPresence.DnsNameServerResponse => response && !linkLocal,
            FieldPresence.DnsAuthenticated => !linkLocal && (response || (header[DnsHeader.Field.Flags + 1] & DnsHeader.Flag.AuthenticatedData) != 0),
            FieldPresence.LlmnrFlags => linkLocal,
            FieldPresence.DnsNotUpdate => opcode != DnsHeader.UpdateOpcode,
            FieldPresence.DnsUpdate => opcode == DnsHeader.UpdateOpcode,
            _ => false,
        };
    }

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the DNS layer
    /// <paramref name="layer"/> of <paramref name="buffer"/>.
    /// </summary>
    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        var variant = DnsLayerDetails.Variant(layer.Detail);
        if (computed == ComputedField.DnsStreamLength)
        {
            // The two bytes before a message over TCP (the layer spans the message, as its offsets count from there).
            // tshark reads the ID and flags before it adds any field, this one too.
            int at = layer.Offset - DnsPorts.StreamLengthSize;
            if (variant != DnsVariant.Stream || occurrence != 0 || at < 0 || layer.Offset > buffer.Length
                || layer.HeaderLength < DnsHeader.Field.Flags + 2)
                return false;
            value = new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(buffer[at..]), at, DnsPorts.StreamLengthSize);
            return true;
        }
        var message = buffer.Slice(layer.Offset, layer.HeaderLength);
        return TryRead(computed, message, layer.Offset, layer.Extent, variant == DnsVariant.Multicast, occurrence, out value);
    }

    /// <summary>
    /// The number a <see cref="FieldKind.DnsName"/> value carries: where the message starts in the buffer, its declared
    /// length and the part shown.
    /// </summary>
    public static ulong NameValue(int messageOffset, int reportedLength, NamePart part) =>
        (uint)messageOffset | (ulong)(uint)Math.Min(reportedLength, 0xFFFFFF) << 32 | (ulong)part << 56;

    /// <summary>Writes a <see cref="FieldKind.DnsName"/> value as tshark prints it; false when it cannot be read.</summary>
    public static bool TryFormatName(in FieldValue value, ReadOnlySpan<byte> buffer, Span<char> destination, out int written)
    {
        written = 0;
        int start = (int)(value.Number & 0xFFFFFFFF);
        int reported = (int)((value.Number >> 32) & 0xFFFFFF);
        var part = (NamePart)(value.Number >> 56);
        if ((uint)start > (uint)buffer.Length || value.Offset < start)
            return false;
        var message = buffer.Slice(start, Math.Min(buffer.Length - start, reported));
        if (part == NamePart.Whole)
            return DnsName.TryFormat(message, reported, value.Offset - start, destination, out written);
        Span<char> text = stackalloc char[DnsName.MaxFormattedLength];
        if (!DnsName.TryFormat(message, reported, value.Offset - start, text, out int length))
            return false;
        var name = text[..length];
        // g_strsplit(name, ".", 3): the first label, the second, and the rest.
        int first = name.IndexOf('.');
        ReadOnlySpan<char> shown = name;
        if (part == NamePart.FirstLabel)
            shown = first < 0 ? name : name[..first];
        else
        {
            var after = first < 0 ? [] : name[(first + 1)..];
            int second = after.IndexOf('.');
            shown = part == NamePart.SecondLabel ? (second < 0 ? after : after[..second]) : (second < 0 ? [] : after[(second + 1)..]);
        }
        if (shown.Length > destination.Length)
            return false;
        shown.CopyTo(destination);
        written = shown.Length;
        return true;
    }

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the message
    /// <paramref name="message"/> (its captured bytes), which starts at <paramref name="layerOffset"/> in its buffer and
    /// declares <paramref name="reportedLength"/> bytes; <paramref name="multicast"/> for mDNS's class bits.
    /// </summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> message, int layerOffset, int reportedLength, bool multicast,
        int occurrence, out FieldValue value)
    {
        value = default;
        var key = new ResumeKey(computed, layerOffset, reportedLength, message);
        var reader = new DnsRecordReader(message, reportedLength);
        int seen = 0;
        ref var resume = ref t_resume;
        if (occurrence > 0 && resume.NextOccurrence == occurrence && resume.Key == key)
        {
            reader = new DnsRecordReader(message, reportedLength, resume.Offset, resume.Index);
            seen = resume.Seen;
        }
        resume = default;
        while (true)
        {
            int at = reader.Offset, index = reader.Index;
            if (!reader.TryNext(out var record))
                return false;
            int count = Values(computed, message, layerOffset, reportedLength, multicast, record, -1, out _);
            if (occurrence < seen + count)
            {
                resume = new Resume(key, occurrence + 1, seen, at, index);
                return Values(computed, message, layerOffset, reportedLength, multicast, record, occurrence - seen, out value) > 0;
            }
            seen += count;
        }
    }

    // Printers read a field's occurrences 0, 1, 2, ... in turn, and each read walks the records from the start: with a
    // message of hundreds of records that is quadratic (a crafted packet took most of a second to print). So each
    // thread remembers where the last value was found, and a read of the next occurrence of the same field in a message
    // with the same place, lengths and header goes on from there. A read of occurrence 0 always starts afresh.
    [ThreadStatic]
    private static Resume t_resume;

    private readonly record struct ResumeKey(ComputedField Field, int LayerOffset, int Reported, int Length, ulong Head, uint Tail)
    {
        public ResumeKey(ComputedField field, int layerOffset, int reported, ReadOnlySpan<byte> message)
            : this(field, layerOffset, reported, message.Length,
                message.Length >= DnsHeader.Length ? BinaryPrimitives.ReadUInt64LittleEndian(message) : 0,
                message.Length >= DnsHeader.Length ? BinaryPrimitives.ReadUInt32LittleEndian(message[8..]) : 0)
        {
        }
    }

    private readonly record struct Resume(ResumeKey Key, int NextOccurrence, int Seen, int Offset, int Index);

    /// <summary>How many values <paramref name="computed"/> has in one record; with <paramref name="index"/> ≥ 0, that value.</summary>
    private static int Values(ComputedField computed, ReadOnlySpan<byte> message, int o, int reported, bool multicast, in DnsRecord record,
        int index, out FieldValue value)
    {
        value = default;
        bool question = record.IsQuestion;
        var type = (DnsRecordType)record.Type;
        bool opt = !question && type == DnsRecordType.OPT;
        var data = message.Slice(record.DataOffset, record.DataLength);
        int d = o + record.DataOffset;
        int at = o + record.TypeOffset;
        switch (computed)
        {
            case ComputedField.DnsQueryName:
                return question ? Name(o, reported, record.Offset, record.Name, NamePart.Whole, out value) : 0;
            case ComputedField.DnsQueryNameLength:
            case ComputedField.DnsLabelCount:
            {
                if (!question)
                    return 0;
                var (length, labels) = DnsName.Measure(record.Name);
                value = new FieldValue((ulong)(computed == ComputedField.DnsQueryNameLength ? length : labels), o + record.Offset, record.Name.WireLength);
                return 1;
            }
            case ComputedField.DnsQueryType:
                return question ? Number(record.Type, at, 2, out value) : 0;
            case ComputedField.DnsQueryClass:
                return question ? Number(multicast ? record.Class & 0x7FFFu : record.Class, at + 2, 2, out value) : 0;
            case ComputedField.DnsQueryUnicast:
                return question && multicast ? Number((uint)record.Class >> 15, at + 2, 2, out value) : 0;
            case ComputedField.DnsRecordName:
                return !question && type != DnsRecordType.SRV ? Name(o, reported, record.Offset, record.Name, NamePart.Whole, out value) : 0;
            case ComputedField.DnsSrvService:
                return !question && type == DnsRecordType.SRV ? Name(o, reported, record.Offset, record.Name, NamePart.FirstLabel, out value) : 0;
            case ComputedField.DnsSrvProto:
            case ComputedField.DnsSrvName:
            {
                if (question || type != DnsRecordType.SRV)
                    return 0;
                int dots = DnsName.Measure(record.Name).Labels - 1;
                bool proto = computed == ComputedField.DnsSrvProto;
                return dots >= (proto ? 1 : 2) ? Name(o, reported, record.Offset, record.Name, proto ? NamePart.SecondLabel : NamePart.Rest, out value) : 0;
            }
            case ComputedField.DnsRecordType:
                return question ? 0 : Number(record.Type, at, 2, out value);
            case ComputedField.DnsRecordClass:
                return question || opt ? 0 : Number(multicast ? record.Class & 0x7FFFu : record.Class, at + 2, 2, out value);
            case ComputedField.DnsCacheFlush:
                return !question && multicast ? Number((uint)record.Class >> 15, at + 2, 2, out value) : 0;
            case ComputedField.DnsTtl:
                return question || opt ? 0 : Number(record.Ttl, at + 4, 4, out value);
            case ComputedField.DnsRecordLength:
                return question ? 0 : Number((uint)record.DataLength, at + 8, 2, out value);
            case ComputedField.DnsOptUdpPayloadSize:
                return opt ? Number(record.Class, at + 2, 2, out value) : 0;
            case ComputedField.DnsOptExtendedRcode:
                return opt ? Number(record.Ttl >> 24, at + 4, 1, out value) : 0;
            case ComputedField.DnsOptVersion:
                return opt ? Number((record.Ttl >> 16) & 0xFF, at + 5, 1, out value) : 0;
            case ComputedField.DnsOptZ:
                return opt ? Number(record.Ttl & 0xFFFF, at + 6, 2, out value) : 0;
            case ComputedField.DnsOptDo:
                return opt ? Number((record.Ttl >> 15) & 1, at + 6, 2, out value) : 0;
            case ComputedField.DnsOptZReserved:
                return opt ? Number(record.Ttl & 0x7FFF, at + 6, 2, out value) : 0;
        }
        if (question)
            return 0;
        switch (computed)
        {
            case ComputedField.DnsA:
                return type == DnsRecordType.A && data.Length >= 4 ? Bytes(d, 4, out value) : 0;
            case ComputedField.DnsAaaa:
                return type == DnsRecordType.AAAA && data.Length >= 16 ? Bytes(d, 16, out value) : 0;
            case ComputedField.DnsCname:
                return type == DnsRecordType.CNAME ? DataName(message, o, reported, record.DataOffset, out value) : 0;
            case ComputedField.DnsPtr:
                return type == DnsRecordType.PTR ? DataName(message, o, reported, record.DataOffset, out value) : 0;
            case ComputedField.DnsNs:
                return type == DnsRecordType.NS ? DataName(message, o, reported, record.DataOffset, out value) : 0;
            case ComputedField.DnsMxPreference:
                // Wireshark reads the exchange first: no preference either when that name cannot be read.
                return type == DnsRecordType.MX && data.Length >= 2 && DnsName.Read(message, reported, record.DataOffset + 2).IsReadable
                    ? Number(BinaryPrimitives.ReadUInt16BigEndian(data), d, 2, out value) : 0;
            case ComputedField.DnsMxExchange:
                return type == DnsRecordType.MX && data.Length >= 2 ? DataName(message, o, reported, record.DataOffset + 2, out value) : 0;
            case ComputedField.DnsTxt:
            case ComputedField.DnsTxtLength:
                return type == DnsRecordType.TXT ? TxtString(computed, message[record.DataOffset..], data.Length, d, index, out value) : 0;
            case ComputedField.DnsSoaMname:
                return type == DnsRecordType.SOA ? DataName(message, o, reported, record.DataOffset, out value) : 0;
            case ComputedField.DnsSoaRname:
            {
                if (type != DnsRecordType.SOA)
                    return 0;
                var mname = DnsName.Read(message, reported, record.DataOffset);
                return mname.IsReadable ? DataName(message, o, reported, record.DataOffset + mname.WireLength, out value) : 0;
            }
            case ComputedField.DnsSoaSerial:
            case ComputedField.DnsSoaRefresh:
            case ComputedField.DnsSoaRetry:
            case ComputedField.DnsSoaExpire:
            case ComputedField.DnsSoaMinimum:
            {
                if (type != DnsRecordType.SOA)
                    return 0;
                var mname = DnsName.Read(message, reported, record.DataOffset);
                if (!mname.IsReadable)
                    return 0;
                var rname = DnsName.Read(message, reported, record.DataOffset + mname.WireLength);
                if (!rname.IsReadable)
                    return 0;
                int numbers = record.DataOffset + mname.WireLength + rname.WireLength + 4 * (computed - ComputedField.DnsSoaSerial);
                if (numbers + 4 > record.End)
                    return 0;
                return Number(BinaryPrimitives.ReadUInt32BigEndian(message[numbers..]), o + numbers, 4, out value);
            }
            case ComputedField.DnsSrvPriority:
            case ComputedField.DnsSrvWeight:
            case ComputedField.DnsSrvPort:
            {
                int field = 2 * (computed - ComputedField.DnsSrvPriority);
                return type == DnsRecordType.SRV && data.Length >= 6 ? Number(BinaryPrimitives.ReadUInt16BigEndian(data[field..]), d + field, 2, out value) : 0;
            }
            case ComputedField.DnsSrvTarget:
                return type == DnsRecordType.SRV && data.Length >= 6 ? DataName(message, o, reported, record.DataOffset + 6, out value) : 0;
            default:
                return 0;
        }
    }

    private static int Number(uint number, int offset, int length, out FieldValue value)
    {
        value = new FieldValue(number, offset, length);
        return 1;
    }

    private static int Bytes(int offset, int length, out FieldValue value)
    {
        value = new FieldValue(0, offset, length);
        return 1;
    }

    private static int Name(int layerOffset, int reported, int nameOffset, in DnsNameInfo info, NamePart part, out FieldValue value)
    {
        value = new FieldValue(NameValue(layerOffset, reported, part), layerOffset + nameOffset, info.WireLength);
        return 1;
    }

    private static int DataName(ReadOnlySpan<byte> message, int layerOffset, int reported, int nameOffset, out FieldValue value)
    {
        value = default;
        var info = DnsName.Read(message, reported, nameOffset);
        return info.IsReadable ? Name(layerOffset, reported, nameOffset, info, NamePart.Whole, out value) : 0;
    }

    /// <summary>
    /// TXT character-strings (RFC 1035 3.3.14), as Wireshark walks them: a length byte and that many bytes while the
    /// record's data lasts; a string may run past the data (it is shown when the message holds it, and ends the walk).
    /// <paramref name="rest"/> is the message from the record's data on, <paramref name="dataLength"/> the data's length.
    /// </summary>
    private static int TxtString(ComputedField computed, ReadOnlySpan<byte> rest, int dataLength, int dataOffset, int index, out FieldValue value)
    {
        value = default;
        int n = 0;
        for (int at = 0; at < dataLength;)
        {
            int length = rest[at];
            bool whole = at + 1 + length <= rest.Length;
            if (computed == ComputedField.DnsTxtLength || whole)
            {
                if (n == index)
                {
                    value = computed == ComputedField.DnsTxt
                        ? new FieldValue(0, dataOffset + at + 1, length)
                        : new FieldValue((ulong)length, dataOffset + at, 1);
                    return 1;
                }
                n++;
            }
            if (!whole)
                break;
            at += 1 + length;
        }
        return index < 0 ? n : 0;
    }
}
