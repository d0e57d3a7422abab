using System.Buffers.Binary;
using System.Globalization;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Icmp;

/// <summary>
/// ICMPv4's computed fields: the checksum status, the unused bytes of error messages, a redirect's gateway, a parameter
/// problem's pointer, the RFC 4884 length, and the time stamp tshark finds at the start of an echo's data.
/// </summary>
internal static class IcmpFieldReader
{
    /// <summary>tshark's checksum statuses (PROTO_CHECKSUM_E_*): bad, good, unverified.</summary>
    private const ulong Bad = 0, Good = 1, Unverified = 2;

    public static bool TryRead(ComputedField computed, DecodedPacket packet, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        var header = buffer.Slice(layer.Offset, layer.HeaderLength);
        int o = layer.Offset;
        switch (computed)
        {
            case ComputedField.IcmpChecksumStatus:
            {
                // tshark verifies a whole message that is no quote of an ICMP error (and no fragment); else leaves it unverified.
                if (header.Length < IcmpHeader.Field.Checksum + 2)
                    return false;
                ulong status = Unverified;
                long end = (long)o + layer.Extent;
                if (!layer.Quoted && layer.Checksum != ChecksumStatus.NotVerifiable && layer.Extent >= IcmpHeader.CommonLength && end <= buffer.Length)
                    status = InternetChecksum.Compute(buffer[o..(int)end]) == 0 ? Good : Bad;
                return FieldValues.Single(occurrence, status, o + IcmpHeader.Field.Checksum, 2, out value);
            }
            case ComputedField.IcmpUnused:
                return TryReadUnused(header, o, occurrence, out value);
            case ComputedField.IcmpRedirectGateway:
                if (occurrence != 0 || header.Length < IcmpHeader.HeaderLength || header[IcmpHeader.Field.Type] != (byte)IcmpType.Redirect)
                    return false;
                value = new FieldValue(0, o + IcmpHeader.Field.RestOfHeader, 4);
                return true;
            case ComputedField.IcmpPointer:
                // tshark reads byte 5 (the RFC 4884 length) before adding any field
                return header.Length > LengthAt && header[IcmpHeader.Field.Type] == (byte)IcmpType.ParameterProblem
                    && FieldValues.Single(occurrence, header[PointerAt], o + PointerAt, 1, out value);
            case ComputedField.IcmpLength:
                return HasLength(header) && FieldValues.Single(occurrence, header[LengthAt], o + LengthAt, 1, out value);
            case ComputedField.IcmpLengthOriginalDatagram:
                return HasLength(header) && FieldValues.Single(occurrence, header[LengthAt] * 4UL, o + LengthAt, 1, out value);
            case ComputedField.IcmpDataTime:
            case ComputedField.IcmpDataTimeRelative:
            {
                if (occurrence != 0 || !TryReadDataTime(packet, layer, buffer, out bool littleEndian, out long stamp))
                    return false;
                value = computed == ComputedField.IcmpDataTime
                    ? new FieldValue(littleEndian ? 1UL : 0UL, o + IcmpHeader.HeaderLength, DataTimeLength)
                    : new FieldValue((ulong)(packet.WiretapFrame.TimestampNanoseconds - stamp), o + IcmpHeader.HeaderLength, DataTimeLength);
                return true;
            }
            default:
                return false;
        }
    }

    private const int PointerAt = 4, LengthAt = 5;

    /// <summary>Bytes of the time stamp tshark finds at the start of an echo's data.</summary>
    public const int DataTimeLength = 8;
    private const long SecondsPerDay = 86400;

    /// <summary>icmp.length: an unreachable, time exceeded or parameter problem whose RFC 4884 length (byte 5) is not 0.</summary>
    private static bool HasLength(ReadOnlySpan<byte> header) =>
        header.Length > LengthAt && header[LengthAt] != 0
        && (IcmpType)header[IcmpHeader.Field.Type] is IcmpType.DestinationUnreachable or IcmpType.TimeExceeded or IcmpType.ParameterProblem;

    /// <summary>
    /// tshark's guess at a time stamp in an echo's first 8 data bytes: seconds and microseconds big-endian, else
    /// little-endian, taken when the seconds are within a day of the frame's (compared as 32-bit ints, as C's abs of an
    /// int does) and the microseconds, read as a signed int, are under a million. <paramref name="stamp"/> is that time
    /// in nanoseconds (the microseconds times 1000 wrapped to 32 bits, as tshark's int).
    /// </summary>
    private static bool TryReadDataTime(DecodedPacket packet, in Layer layer, ReadOnlySpan<byte> buffer, out bool littleEndian, out long stamp)
    {
        littleEndian = false;
        stamp = 0;
        int start = layer.Offset + IcmpHeader.HeaderLength;
        long captured = Math.Min((long)buffer.Length, (long)layer.Offset + layer.Extent);
        if (layer.HeaderLength < IcmpHeader.HeaderLength || captured - start < DataTimeLength)
            return false;
        if (!IcmpHeader.IsEcho(buffer[layer.Offset]))
            return false;
        var data = buffer.Slice(start, DataTimeLength);
        long frameSeconds = FrameSeconds(packet.WiretapFrame.TimestampNanoseconds);
        uint seconds = BinaryPrimitives.ReadUInt32BigEndian(data);
        int micros = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
        if (!LooksLikeNow(seconds, micros, frameSeconds))
        {
            littleEndian = true;
            seconds = BinaryPrimitives.ReadUInt32LittleEndian(data);
            micros = BinaryPrimitives.ReadInt32LittleEndian(data[4..]);
            if (!LooksLikeNow(seconds, micros, frameSeconds))
                return false;
        }
        stamp = seconds * 1_000_000_000L + unchecked(micros * 1000);
        return true;
    }

    /// <summary>True when an echo's <paramref name="data"/> (what was captured of it) starts with a time stamp tshark takes.</summary>
    public static bool StartsWithTime(byte type, ReadOnlySpan<byte> data, long frameNanoseconds)
    {
        if (!IcmpHeader.IsEcho(type) || data.Length < DataTimeLength)
            return false;
        long frameSeconds = FrameSeconds(frameNanoseconds);
        return LooksLikeNow(BinaryPrimitives.ReadUInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), frameSeconds)
            || LooksLikeNow(BinaryPrimitives.ReadUInt32LittleEndian(data), BinaryPrimitives.ReadInt32LittleEndian(data[4..]), frameSeconds);
    }

    private static long FrameSeconds(long nanoseconds)
    {
        long seconds = Math.DivRem(nanoseconds, 1_000_000_000L, out long fraction);
        return fraction < 0 ? seconds - 1 : seconds;
    }

    private static bool LooksLikeNow(uint seconds, int micros, long frameSeconds)
    {
        int apart = unchecked((int)(seconds - frameSeconds));
        // C's abs(INT_MIN) stays negative, so passes
        return (apart == int.MinValue || Math.Abs(apart) < SecondsPerDay) && micros < 1_000_000;
    }

    /// <summary>
    /// Writes icmp.data_time as tshark writes an absolute time; a negative microsecond count (which tshark keeps) shows
    /// as C's "%09d" of its nanoseconds after the whole seconds.
    /// </summary>
    public static bool TryFormatDataTime(in FieldValue value, ReadOnlySpan<byte> buffer, Span<char> destination, out int written)
    {
        written = 0;
        if (value.Offset < 0 || value.Length != DataTimeLength || value.Offset > buffer.Length - DataTimeLength)
            return false;
        var data = buffer.Slice(value.Offset, DataTimeLength);
        bool littleEndian = value.Number != 0;
        uint seconds = littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data) : BinaryPrimitives.ReadUInt32BigEndian(data);
        int micros = littleEndian ? BinaryPrimitives.ReadInt32LittleEndian(data[4..]) : BinaryPrimitives.ReadInt32BigEndian(data[4..]);
        int nanos = unchecked(micros * 1000);
        if (nanos >= 0)
            return Decoding.FrameFieldReader.TryFormatTime(seconds * 1_000_000_000L + nanos, destination, out written);
        if (!Decoding.FrameFieldReader.TryFormatTime(seconds * 1_000_000_000L, destination, out written))
            return false;
        // the nine zeros after the seconds' point give way to the signed count, as wide as C's %09d makes it
        int point = destination[..written].IndexOf('.');
        Span<char> digits = stackalloc char[12];
        int n = DigitText.WriteDecimal((ulong)-(long)nanos, digits);
        int width = Math.Max(8, n);
        int grow = 1 + width - 9;
        if (point < 0 || written + grow > destination.Length)
            return false;
        destination[(point + 10)..written].CopyTo(destination[(point + 10 + grow)..]);
        destination[point + 1] = '-';
        destination.Slice(point + 2, width - n).Fill('0');
        digits[..n].CopyTo(destination[(point + 2 + width - n)..]);
        written += grow;
        return true;
    }

    /// <summary>
    /// icmp.unused as tshark 4.0 adds it: destination unreachable and time exceeded without an RFC 4884 length (byte 5)
    /// leave bytes 4 to 7 unused (4 and 5 before a next-hop MTU), with one bytes 4 and 6 to 7 (an MTU at 6 instead);
    /// a parameter problem leaves 5 to 7 after its pointer, or 6 to 7 after the pointer and a length.
    /// </summary>
    private static bool TryReadUnused(ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (header.Length < IcmpHeader.HeaderLength)
            return false;
        var type = (IcmpType)header[IcmpHeader.Field.Type];
        bool fragmentationNeeded = IcmpHeader.IsFragmentationNeeded(header[IcmpHeader.Field.Type], header[IcmpHeader.Field.Code]);
        bool withLength = header[5] != 0;
        (int At, int Length) first, second = default;
        switch (type)
        {
            case IcmpType.DestinationUnreachable when withLength:
                first = (4, 1);
                second = fragmentationNeeded ? default : (6, 2);
                break;
            case IcmpType.DestinationUnreachable:
                first = fragmentationNeeded ? (4, 2) : (4, 4);
                break;
            case IcmpType.TimeExceeded:
                first = withLength ? (4, 1) : (4, 4);
                second = withLength ? (6, 2) : default;
                break;
            case IcmpType.ParameterProblem:
                first = withLength ? (6, 2) : (5, 3);
                break;
            default:
                return false;
        }
        var chosen = occurrence == 0 ? first : occurrence == 1 ? second : default;
        if (chosen.Length == 0)
            return false;
        value = new FieldValue(0, layerOffset + chosen.At, chosen.Length);
        return true;
    }

    /// <summary>
    /// Writes icmp.resptime: nanoseconds (<paramref name="value"/>'s number) as tshark's FT_DOUBLE of milliseconds, with
    /// up to 15 significant digits ("58.693", "1").
    /// </summary>
    public static bool TryFormatMilliseconds(in FieldValue value, Span<char> destination, out int written)
    {
        long nanoseconds = (long)value.Number;
        double milliseconds = (double)(nanoseconds / 1_000_000_000) * 1000 + (double)(nanoseconds % 1_000_000_000) / 1_000_000;
        return milliseconds.TryFormat(destination, out written, "G15", CultureInfo.InvariantCulture);
    }
}
