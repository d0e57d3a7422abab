using System.Buffers.Binary;
using RawNet.Protocols.Checksums;

namespace RawNet.Protocols.Igmp;

/// <summary>Which of tshark 4.0's IGMP dissectors reads a message (by its type, its length and, for a short query, its second byte).</summary>
public enum IgmpForm : byte
{
    /// <summary>A type another dissector reads (IGMPv0, DVMRP, PIMv1, mtrace, MSNIP, MRDISC, IGAP, RGMP): RawNet leaves it as data.</summary>
    Other,
    /// <summary>No byte captured: tshark's first read fails before any dissector of a version is chosen.</summary>
    Unread,
    /// <summary>A query shorter than 12 bytes whose second byte was not captured: the version is never chosen.</summary>
    QueryUnread,
    /// <summary>A type no dissector claims: "IGMP", its type and the rest as data.</summary>
    Unknown,
    V1,
    V2,
    V3Query,
    V3Report,
    /// <summary>Cisco's RGMP (RFC 3488): types 0xfc to 0xff sent to 224.0.0.25; to another address tshark's RGMP refuses them (unknown).</summary>
    Rgmp,
}

/// <summary>Which value of an IGMP message an item of <see cref="IgmpWalk"/> (and a field of <see cref="IgmpFields"/>) shows.</summary>
public enum IgmpValue : byte
{
    Version, Type, Reserved, MaxResponse, MaxResponseExponent, MaxResponseMantissa, Checksum, ChecksumStatus, GroupAddress,
    Suppress, RobustnessValue, QueryIntervalCode, SourceCount, SourceAddress, GroupRecordCount, RecordType, AuxDataLength,
    AuxData, Data,
}

/// <summary>One item tshark adds to an IGMP tree: what it shows, where, and its number (a source's number is how many follow it).</summary>
public readonly record struct IgmpItem(IgmpValue Value, int Offset, int Length, ulong Number);

/// <summary>
/// The start of an IGMP message (RFC 1112, RFC 2236, RFC 3376): type, the byte that is max response time or code (v2,
/// v3 query) or unused, checksum, and for all but a v3 report the group address.
/// <code>
///  0                   1                   2                   3
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |      Type     | Max Resp Code |           Checksum            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         Group Address                         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// | Resv  |S| QRV |     QQIC      |     Number of Sources (N)     |  (v3 query)
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// A v3 report has reserved bytes 4-5 and the number of group records at 6, each record type, aux data length, number of
/// sources, multicast address, sources and aux data.
/// </summary>
public readonly ref struct IgmpMessage
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Type = 0;
        public const int MaxResponse = 1;
        public const int Checksum = 2;
        public const int GroupAddress = 4;
        public const int SuppressAndRobustness = 8;
        public const int QueryIntervalCode = 9;
        public const int SourceCount = 10;
        public const int Sources = 12;
        public const int ReportReserved = 4;
        public const int GroupRecordCount = 6;
        public const int GroupRecords = 8;
    }

    /// <summary>Offsets inside a v3 group record.</summary>
    public static class RecordField
    {
        public const int Type = 0;
        public const int AuxDataLength = 1;
        public const int SourceCount = 2;
        public const int GroupAddress = 4;
        public const int Sources = 8;
    }

    public const byte TypeQuery = 0x11, TypeV1Report = 0x12, TypeV2Report = 0x16, TypeLeave = 0x17, TypeV3Report = 0x22;

    /// <summary>The bytes of a v1 or v2 message (and the span its checksum covers).</summary>
    public const int ShortLength = 8;

    /// <summary>A query of at least this many bytes is a v3 query.</summary>
    public const int V3QueryLength = 12;

    private readonly ReadOnlySpan<byte> _bytes;

    private IgmpMessage(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds the type byte.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out IgmpMessage message)
    {
        bool any = bytes.Length >= 1;
        message = any ? new IgmpMessage(bytes) : default;
        return any;
    }

    public byte Type => _bytes[Field.Type];

    /// <summary>RGMP's group, 224.0.0.25, the only destination tshark's RGMP accepts.</summary>
    public static ReadOnlySpan<byte> RgmpGroup => [224, 0, 0, 25];

    /// <summary>
    /// The dissector tshark picks for <paramref name="captured"/> bytes of a message of <paramref name="reported"/> bytes
    /// sent to <paramref name="destination"/> (the IPv4 header's; RGMP's types go to RGMP only when it is <see cref="RgmpGroup"/>).
    /// </summary>
    public static IgmpForm FormOf(ReadOnlySpan<byte> captured, int reported, ReadOnlySpan<byte> destination = default)
    {
        if (captured.Length == 0)
            return IgmpForm.Unread;
        return captured[Field.Type] switch
        {
            TypeQuery when reported >= V3QueryLength => IgmpForm.V3Query,
            TypeQuery when captured.Length < 2 => IgmpForm.QueryUnread,
            TypeQuery => captured[Field.MaxResponse] != 0 ? IgmpForm.V2 : IgmpForm.V1,
            TypeV1Report => IgmpForm.V1,
            TypeV2Report or TypeLeave => IgmpForm.V2,
            TypeV3Report => IgmpForm.V3Report,
            >= 0xfc => destination.SequenceEqual(RgmpGroup) ? IgmpForm.Rgmp : IgmpForm.Unknown,
            var type => IsClaimed(type) ? IgmpForm.Other : IgmpForm.Unknown,
        };
    }

    /// <summary>True for a type tshark 4.0's "igmp.type" table hands to a dissector RawNet does not decode.</summary>
    public static bool IsClaimed(byte type) => type is <= 0x0f or 0x13 or 0x14 or 0x1e or 0x1f or (>= 0x23 and <= 0x26)
        or (>= 0x40 and <= 0x42) or >= 0xfc;

    /// <summary>The version tshark shows for a form (0 for one without a version).</summary>
    public static int VersionOf(IgmpForm form) => form switch
    {
        IgmpForm.V1 => 1,
        IgmpForm.V2 => 2,
        IgmpForm.V3Query or IgmpForm.V3Report => 3,
        _ => 0,
    };

    /// <summary>A v3 max response code as tenths of a second (RFC 3376 4.1.1: the exponent form from 128).</summary>
    public static uint V3MaxResponse(byte code) => code < 0x80 ? code : (uint)((code & 0x0f) | 0x10) << (((code & 0x70) >> 4) + 3);

    /// <summary>
    /// tshark's checksum status: good (1) or bad (0) over the first 8 bytes (v1, v2) or the whole message (v3), unverified
    /// (2) when those were not all captured.
    /// </summary>
    public static ulong ChecksumStatus(IgmpForm form, ReadOnlySpan<byte> captured, int reported)
    {
        int length = form is IgmpForm.V1 or IgmpForm.V2 ? ShortLength : reported;
        if (captured.Length < length)
            return 2;
        return InternetChecksum.Compute(captured[..length]) == 0 ? 1UL : 0UL;
    }

    /// <summary>The big-endian 16-bit word at <paramref name="at"/> (the caller checked it was captured).</summary>
    public static ushort U16Of(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);
}

/// <summary>
/// tshark 4.0's reads of an IGMP message in order, as items: each comes once its bytes were captured; the first read past
/// them ends the walk (<see cref="Failed"/>, with the end of that read in <see cref="FailedEnd"/>), as tshark's exception
/// does. The decoder (how far the layer reaches), the field reader and the Info column share it. Bounded: the counts are
/// 16-bit and every item moves forward through the captured bytes or ends the walk.
/// </summary>
public ref struct IgmpWalk
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported;
    private int _step, _at, _records, _sources, _auxLength;

    /// <summary>The dissector this walk follows.</summary>
    public readonly IgmpForm Form;

    /// <summary>True once a read ran past the captured bytes.</summary>
    public bool Failed { get; private set; }

    /// <summary>The end (from the message's start) of the read that failed.</summary>
    public int FailedEnd { get; private set; }

    /// <summary>A walk of the message tshark reads as <see cref="IgmpMessage.FormOf"/> says (no RGMP: its destination is not known here).</summary>
    public IgmpWalk(ReadOnlySpan<byte> captured, int reported) : this(captured, reported, IgmpMessage.FormOf(captured, Math.Max(reported, captured.Length)))
    {
    }

    /// <summary>A walk of the message as the dissector of <paramref name="form"/> reads it (the form the decoder kept in the layer).</summary>
    public IgmpWalk(ReadOnlySpan<byte> captured, int reported, IgmpForm form)
    {
        _bytes = captured;
        _reported = Math.Max(reported, captured.Length);
        Form = form;
        _step = 0;
        _at = 0;
        if (Form == IgmpForm.Unread)
            Fail(0, 1);
        else if (Form == IgmpForm.QueryUnread)
            Fail(1, 1);
    }

    private bool Fail(int at, int length)
    {
        Failed = true;
        FailedEnd = at + length;
        _step = -1;
        return false;
    }

    private readonly bool Has(int at, int length) => at + length <= _bytes.Length;

    private bool Emit(IgmpValue value, int at, int length, ulong number, int nextStep, out IgmpItem item)
    {
        item = default;
        if (!Has(at, length))
            return Fail(at, length);
        item = new IgmpItem(value, at, length, number);
        _step = nextStep;
        return true;
    }

    private readonly ulong Byte(int at) => at < _bytes.Length ? _bytes[at] : 0UL;

    private readonly ulong U16(int at) => at + 2 <= _bytes.Length ? IgmpMessage.U16Of(_bytes, at) : 0UL;

    /// <summary>The next item; false at the end of the message or at a read past the captured bytes.</summary>
    public bool Next(out IgmpItem item)
    {
        item = default;
        if (_step < 0)
            return false;
        if (_step == 0)
        {
            if (Form is IgmpForm.Other)
                return false;
            if (Form is IgmpForm.Unknown)
                return Emit(IgmpValue.Type, 0, 1, Byte(0), 100, out item);
            // RGMP shows no version: its type, reserved byte, checksum and group.
            if (Form is IgmpForm.Rgmp)
                return Emit(IgmpValue.Type, 0, 1, Byte(0), 2, out item);
            item = new IgmpItem(IgmpValue.Version, 0, 0, (ulong)IgmpMessage.VersionOf(Form));
            _step = 1;
            return true;
        }
        if (_step == 1)
            return Emit(IgmpValue.Type, 0, 1, Byte(0), 2, out item);
        return Form switch
        {
            IgmpForm.V1 or IgmpForm.V2 or IgmpForm.Rgmp => NextShort(out item),
            IgmpForm.V3Query => NextQuery(out item),
            IgmpForm.V3Report => NextReport(out item),
            _ => NextUnknown(out item),
        };
    }

    private bool NextUnknown(out IgmpItem item)
    {
        item = default;
        _step = -1;
        // tshark adds the rest as data, of the bytes captured: none at all fails when the message goes on.
        int rest = _bytes.Length - 1;
        if (rest > 0)
        {
            item = new IgmpItem(IgmpValue.Data, 1, rest, 0);
            return true;
        }
        return _reported > 1 ? Fail(1, 1) : false;
    }

    private bool NextShort(out IgmpItem item)
    {
        switch (_step)
        {
            case 2:
                return Form != IgmpForm.V2
                    ? Emit(IgmpValue.Reserved, 1, 1, Byte(1), 3, out item)
                    : Emit(IgmpValue.MaxResponse, 1, 1, Byte(1), 3, out item);
            case 3:
                return Emit(IgmpValue.Checksum, 2, 2, U16(2), 4, out item);
            case 4:
                return Status(5, out item);
            case 5:
                return Emit(IgmpValue.GroupAddress, 4, 4, 0, -1, out item);
            default:
                item = default;
                return false;
        }
    }

    private bool NextQuery(out IgmpItem item)
    {
        item = default;
        switch (_step)
        {
            case 2:
                // tshark reads the number of sources before the max response code.
                if (!Has(IgmpMessage.Field.SourceCount, 2))
                    return Fail(IgmpMessage.Field.SourceCount, 2);
                _sources = (int)U16(IgmpMessage.Field.SourceCount);
                byte code = _bytes[1];
                return Emit(IgmpValue.MaxResponse, 1, 1, IgmpMessage.V3MaxResponse(code), code >= 0x80 ? 3 : 5, out item);
            case 3:
                return Emit(IgmpValue.MaxResponseExponent, 1, 1, (Byte(1) & 0x70) >> 4, 4, out item);
            case 4:
                return Emit(IgmpValue.MaxResponseMantissa, 1, 1, Byte(1) & 0x0f, 5, out item);
            case 5:
                return Emit(IgmpValue.Checksum, 2, 2, U16(2), 6, out item);
            case 6:
                return Status(7, out item);
            case 7:
                return Emit(IgmpValue.GroupAddress, 4, 4, 0, 8, out item);
            case 8:
                return Emit(IgmpValue.Suppress, 8, 1, (Byte(8) & 0x08) >> 3, 9, out item);
            case 9:
                return Emit(IgmpValue.RobustnessValue, 8, 1, Byte(8) & 0x07, 10, out item);
            case 10:
                return Emit(IgmpValue.QueryIntervalCode, 9, 1, Byte(9), 11, out item);
            case 11:
                _at = IgmpMessage.Field.Sources;
                return Emit(IgmpValue.SourceCount, 10, 2, (ulong)_sources, _sources > 0 ? 12 : -1, out item);
            case 12:
                return NextSource(-1, out item);
            default:
                return false;
        }
    }

    /// <summary>The checksum's status, a generated item over the checksum's bytes (read already), then <paramref name="next"/>.</summary>
    private bool Status(int next, out IgmpItem item)
    {
        item = new IgmpItem(IgmpValue.ChecksumStatus, 2, 2, IgmpMessage.ChecksumStatus(Form, _bytes, _reported));
        _step = next;
        return true;
    }

    /// <summary>One source address of a list, then <paramref name="after"/> once the list is done.</summary>
    private bool NextSource(int after, out IgmpItem item)
    {
        _sources--;
        int at = _at;
        _at += 4;
        return Emit(IgmpValue.SourceAddress, at, 4, (ulong)_sources, _sources > 0 ? _step : after, out item);
    }

    private bool NextReport(out IgmpItem item)
    {
        item = default;
        switch (_step)
        {
            case 2:
                return Emit(IgmpValue.Reserved, 1, 1, 0, 3, out item);
            case 3:
                return Emit(IgmpValue.Checksum, 2, 2, U16(2), 4, out item);
            case 4:
                return Status(5, out item);
            case 5:
                return Emit(IgmpValue.Reserved, 4, 2, 0, 6, out item);
            case 6:
                if (!Has(IgmpMessage.Field.GroupRecordCount, 2))
                    return Fail(IgmpMessage.Field.GroupRecordCount, 2);
                _records = (int)U16(IgmpMessage.Field.GroupRecordCount);
                _at = IgmpMessage.Field.GroupRecords;
                return Emit(IgmpValue.GroupRecordCount, 6, 2, (ulong)_records, _records > 0 ? 7 : -1, out item);
            case 7:
                // The record's subtree names its address before any of its fields is added.
                if (!Has(_at + IgmpMessage.RecordField.GroupAddress, 4))
                    return Fail(_at + IgmpMessage.RecordField.GroupAddress, 4);
                _records--;
                return Emit(IgmpValue.RecordType, _at, 1, Byte(_at), 8, out item);
            case 8:
                _auxLength = _bytes[_at + 1] * 4;
                return Emit(IgmpValue.AuxDataLength, _at + 1, 1, Byte(_at + 1), 9, out item);
            case 9:
                _sources = (int)U16(_at + 2);
                return Emit(IgmpValue.SourceCount, _at + 2, 2, (ulong)_sources, 10, out item);
            case 10:
            {
                int at = _at + IgmpMessage.RecordField.GroupAddress;
                _at += IgmpMessage.RecordField.Sources;
                return Emit(IgmpValue.GroupAddress, at, 4, 0, _sources > 0 ? 11 : AfterSources, out item);
            }
            case 11:
                return NextSource(AfterSources, out item);
            case 12:
            {
                int at = _at;
                _at += _auxLength;
                return Emit(IgmpValue.AuxData, at, _auxLength, 0, _records > 0 ? 7 : -1, out item);
            }
            default:
                return false;
        }
    }

    /// <summary>The step after a record's sources: its aux data, the next record, or the end.</summary>
    private readonly int AfterSources => _auxLength > 0 ? 12 : _records > 0 ? 7 : -1;
}
