using System.Buffers.Binary;
using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tzsp;

/// <summary>Which value of a TZSP header a field of <see cref="TzspFields"/> shows.</summary>
public enum TzspValue : byte
{
    Version, Type, Encapsulation, OptionTag, OptionLength, MessageType, Pcf, Undecrypted, FcsError, Time, Silence,
    OriginalLength, Signal, Rate, Channel, Unknown, Sensor, DeviceName, CaptureLocation, Information, CaptureId, TimeStamp,
    PacketId,
}

/// <summary>
/// The TZSP field table (Wireshark "tzsp"), in tshark 4.0's registration order, every field read by
/// <see cref="TzspFieldReader"/> (<see cref="ComputedField.Tzsp"/>): tshark reads the type and the encapsulation before
/// it adds any item, so a header shorter than its fixed part shows none, and each tag's items are the walk's
/// (<see cref="TzspTagWalker"/>).
/// </summary>
public static class TzspFields
{
    private static readonly (FieldDefinition Field, TzspValue Value)[] Table =
    [
        (D("tzsp.version", "Version", FieldKind.Decimal), TzspValue.Version),
        (D("tzsp.type", "Type", FieldKind.Decimal), TzspValue.Type),
        (D("tzsp.encap", "Encapsulation", FieldKind.Decimal), TzspValue.Encapsulation),
        (D("tzsp.option_tag", "Option Tag", FieldKind.Decimal), TzspValue.OptionTag),
        (D("tzsp.option_length", "Option Length", FieldKind.Decimal), TzspValue.OptionLength),
        (D("tzsp.wlan.status.msg_type", "Type", FieldKind.Hex, 2), TzspValue.MessageType),
        (D("tzsp.wlan.status.pcf", "PCF", FieldKind.Boolean), TzspValue.Pcf),
        (D("tzsp.wlan.status.undecrypted", "Undecrypted", FieldKind.Boolean), TzspValue.Undecrypted),
        (D("tzsp.wlan.status.fcs_err", "FCS", FieldKind.Boolean), TzspValue.FcsError),
        (D("tzsp.wlan.time", "Time", FieldKind.Hex, 8), TzspValue.Time),
        (D("tzsp.wlan.silence", "Silence", FieldKind.SignedDecimal), TzspValue.Silence),
        (D("tzsp.original_length", "Original Length", FieldKind.SignedDecimal), TzspValue.OriginalLength),
        (D("tzsp.wlan.signal", "Signal", FieldKind.SignedDecimal), TzspValue.Signal),
        (D("tzsp.wlan.rate", "Rate", FieldKind.Decimal), TzspValue.Rate),
        (D("tzsp.wlan.channel", "Channel", FieldKind.Decimal), TzspValue.Channel),
        (D("tzsp.unknown", "Unknown tag", FieldKind.Bytes), TzspValue.Unknown),
        (D("tzsp.sensormac", "Sensor Address", FieldKind.MacAddress), TzspValue.Sensor),
        (D("tzsp.device_name", "Device Name", FieldKind.Text), TzspValue.DeviceName),
        (D("tzsp.capture_location", "Capture Location", FieldKind.Text), TzspValue.CaptureLocation),
        (D("tzsp.device_info", "Capture Information", FieldKind.Text), TzspValue.Information),
        (D("tzsp.device_id", "Capture Id", FieldKind.Decimal), TzspValue.CaptureId),
        (D("tzsp.time_stamp", "Time Stamp", FieldKind.BuiltText), TzspValue.TimeStamp),
        (D("tzsp.packet_id", "Packet Id", FieldKind.Decimal), TzspValue.PacketId),
    ];

    public static readonly FieldDefinition[] All = FieldRows.Fields(Table);

    /// <summary>
    /// A tag's subtree heading in the tree ("Signal", "Unknown"), which <see cref="TzspItems"/> lists before the tag's
    /// items: its value's number is the tag byte, its bytes the whole tag.
    /// </summary>
    public static readonly FieldDefinition TagHeading =
        FieldDefinition.Item("", "Tag", LayerKind.Tzsp, FieldKind.BuiltText, ComputedField.Tzsp, TreeForm.Line);

    /// <summary>The field of <paramref name="which"/>.</summary>
    public static FieldDefinition FieldOf(TzspValue which) => Table[(int)which].Field;

    /// <summary>The field a tag's value shows under (tzsp.unknown for a tag tshark does not name).</summary>
    public static TzspValue ValueOfTag(byte tag) => tag switch
    {
        TzspHeader.Tag.MessageType => TzspValue.MessageType,
        TzspHeader.Tag.Pcf => TzspValue.Pcf,
        TzspHeader.Tag.Undecrypted => TzspValue.Undecrypted,
        TzspHeader.Tag.FcsError => TzspValue.FcsError,
        TzspHeader.Tag.Time => TzspValue.Time,
        TzspHeader.Tag.Noise => TzspValue.Silence,
        TzspHeader.Tag.OriginalLength => TzspValue.OriginalLength,
        TzspHeader.Tag.Signal => TzspValue.Signal,
        TzspHeader.Tag.Rate => TzspValue.Rate,
        TzspHeader.Tag.Channel => TzspValue.Channel,
        TzspHeader.Tag.Sensor => TzspValue.Sensor,
        TzspHeader.Tag.DeviceName => TzspValue.DeviceName,
        TzspHeader.Tag.CaptureLocation => TzspValue.CaptureLocation,
        TzspHeader.Tag.Information => TzspValue.Information,
        TzspHeader.Tag.CaptureId => TzspValue.CaptureId,
        TzspHeader.Tag.TimeStamp => TzspValue.TimeStamp,
        TzspHeader.Tag.PacketId => TzspValue.PacketId,
        _ => TzspValue.Unknown,
    };

    /// <summary>tshark's name of a tag (its option_tag_vals), "Unknown" for the others.</summary>
    public static string TagName(byte tag) => tag switch
    {
        TzspHeader.Tag.Pad => "Pad",
        TzspHeader.Tag.End => "End",
        TzspHeader.Tag.PacketId => "packet ID",
        TzspHeader.Tag.OriginalLength => "Original Length",
        TzspHeader.Tag.DeviceName => "Device Name",
        TzspHeader.Tag.CaptureLocation => "Capture Location",
        TzspHeader.Tag.TimeStamp => "Time Stamp",
        TzspHeader.Tag.Information => "Information",
        TzspHeader.Tag.CaptureId => "Capture ID",
        TzspHeader.Tag.Signal => "Signal",
        TzspHeader.Tag.Noise => "Silence",
        TzspHeader.Tag.Rate => "Rate",
        TzspHeader.Tag.Time => "Time",
        TzspHeader.Tag.MessageType => "Message Type",
        TzspHeader.Tag.Pcf => "Point Coordination Function",
        TzspHeader.Tag.Undecrypted => "Undecrypted",
        TzspHeader.Tag.FcsError => "Frame check sequence",
        TzspHeader.Tag.Channel => "Channel",
        TzspHeader.Tag.Sensor => "Sensor MAC",
        _ => "Unknown",
    };

    private static readonly FrozenDictionary<FieldDefinition, TzspValue> Values = FieldRows.Values(Table);

    /// <summary>Which value a field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out TzspValue value) => Values.TryGetValue(field, out value);

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Tzsp, kind, ComputedField.Tzsp, hexDigits);
}

/// <summary>
/// Reads TZSP's fields (<see cref="ComputedField.Tzsp"/>): the fixed part once all of it was captured, then per tag
/// <see cref="TzspTagWalker"/> yields its tag, length and value as tshark adds them; the time stamp is written when shown
/// (<see cref="TryFormatTimeStamp"/>).
/// </summary>
public static class TzspFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Tzsp;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the header's captured bytes
    /// <paramref name="header"/>, of which the datagram declares <paramref name="reported"/>.
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> header, int reported, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (!TzspFields.TryGetValue(field, out var which) || !TzspHeader.TryRead(header, out var tzsp))
            return false;
        switch (which)
        {
            case TzspValue.Version:
                return FieldValues.Single(occurrence, tzsp.Version, layerOffset + TzspHeader.Field.Version, 1, out value);
            case TzspValue.Type:
                return FieldValues.Single(occurrence, tzsp.Type, layerOffset + TzspHeader.Field.Type, 1, out value);
            case TzspValue.Encapsulation:
                return FieldValues.Single(occurrence, tzsp.EncapsulationType, layerOffset + TzspHeader.Field.Encapsulation, 2, out value);
        }
        if (!TzspHeader.HasTags(tzsp.Type))
            return false;
        var walker = new TzspTagWalker(header, reported);
        int seen = 0;
        while (walker.MoveNext(out var tag))
        {
            bool present = which switch
            {
                TzspValue.OptionTag => true,
                TzspValue.OptionLength => tag.Length >= 0,
                _ => tag.HasValue && TzspFields.ValueOfTag(tag.Tag) == which,
            };
            if (!present || seen++ != occurrence)
                continue;
            value = ValueOf(which, header, tag, layerOffset);
            return true;
        }
        return false;
    }

    /// <summary>The value of <paramref name="which"/> in <paramref name="tag"/> (its tag, its length or its value).</summary>
    internal static FieldValue ValueOf(TzspValue which, ReadOnlySpan<byte> header, in TzspTag tag, int layerOffset) => which switch
    {
        TzspValue.OptionTag => new FieldValue(tag.Tag, layerOffset + tag.Offset, 1),
        TzspValue.OptionLength => new FieldValue((ulong)tag.Length, layerOffset + tag.Offset + 1, 1),
        _ => new FieldValue(Number(which, header, tag), layerOffset + tag.ValueOffset, TextLength(which, header, tag)),
    };

    /// <summary>Writes a tag heading's text (<see cref="TzspFields.TagHeading"/>) or a time stamp.</summary>
    public static bool TryFormat(FieldDefinition field, in FieldValue value, Span<char> destination, out int written)
    {
        if (!ReferenceEquals(field, TzspFields.TagHeading))
            return TryFormatTimeStamp(value, destination, out written);
        string name = TzspFields.TagName((byte)value.Number);
        written = name.Length;
        return name.TryCopyTo(destination);
    }

    /// <summary>The number a tag's value shows (for the time stamp: seconds in the high 32 bits, nanoseconds in the low).</summary>
    private static ulong Number(TzspValue which, ReadOnlySpan<byte> header, in TzspTag tag)
    {
        var bytes = header[tag.ValueOffset..];
        return which switch
        {
            TzspValue.MessageType or TzspValue.Rate => bytes[0],
            TzspValue.Pcf or TzspValue.Undecrypted or TzspValue.FcsError => bytes[0] != 0 ? 1UL : 0UL,
            TzspValue.Silence or TzspValue.Signal => (ulong)(long)(sbyte)bytes[0],
            TzspValue.OriginalLength => (ulong)(long)BinaryPrimitives.ReadInt16BigEndian(bytes),
            TzspValue.Time or TzspValue.CaptureId or TzspValue.PacketId => BinaryPrimitives.ReadUInt32BigEndian(bytes),
            TzspValue.Channel => ReadNumber(bytes[..Math.Min(tag.Length, 4)]),
            TzspValue.TimeStamp => tag.Length switch
            {
                8 => (ulong)BinaryPrimitives.ReadUInt32BigEndian(bytes) << 32 | BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]),
                4 => (ulong)BinaryPrimitives.ReadUInt32BigEndian(bytes) << 32,
                _ => 0,
            },
            _ => 0,
        };
    }

    /// <summary>The bytes a value's item covers; a string's stop at its first NUL, as tshark's ASCII strings do.</summary>
    private static int TextLength(TzspValue which, ReadOnlySpan<byte> header, in TzspTag tag)
    {
        if (which is not (TzspValue.DeviceName or TzspValue.CaptureLocation or TzspValue.Information))
            return tag.ValueLength;
        int nul = header.Slice(tag.ValueOffset, tag.ValueLength).IndexOf((byte)0);
        return nul < 0 ? tag.ValueLength : nul;
    }

    private static ulong ReadNumber(ReadOnlySpan<byte> bytes)
    {
        ulong number = 0;
        foreach (byte b in bytes)
            number = number << 8 | b;
        return number;
    }

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The longest time stamp written.</summary>
    public const int MaxTimeStampLength = 40;

    /// <summary>
    /// Writes a time stamp as tshark 4.0 writes an absolute time ("Jul  4, 2020 04:05:20.000000016 UTC", in UTC as the
    /// oracle runs), from the seconds and nanoseconds <see cref="TryRead"/> packed into the value's number.
    /// </summary>
    public static bool TryFormatTimeStamp(in FieldValue value, Span<char> destination, out int written)
    {
        written = 0;
        if (destination.Length < MaxTimeStampLength)
            return false;
        uint seconds = (uint)(value.Number >> 32), nanoseconds = (uint)value.Number;
        var time = DateTime.UnixEpoch.AddSeconds(seconds);
        int at = 0;
        Months[time.Month - 1].CopyTo(destination);
        at += 3;
        destination[at++] = ' ';
        if (time.Day < 10)
            destination[at++] = ' ';
        at += Write(destination[at..], (uint)time.Day, 1);
        destination[at++] = ',';
        destination[at++] = ' ';
        at += Write(destination[at..], (uint)time.Year, 4);
        destination[at++] = ' ';
        at += Write(destination[at..], (uint)time.Hour, 2);
        destination[at++] = ':';
        at += Write(destination[at..], (uint)time.Minute, 2);
        destination[at++] = ':';
        at += Write(destination[at..], (uint)time.Second, 2);
        destination[at++] = '.';
        at += Write(destination[at..], nanoseconds, 9);
        " UTC".CopyTo(destination[at..]);
        written = at + 4;
        return true;
    }

    private static int Write(Span<char> destination, uint number, int digits)
    {
        number.TryFormat(destination, out int written, digits switch { 2 => "D2", 4 => "D4", 9 => "D9", _ => default });
        return written;
    }
}
