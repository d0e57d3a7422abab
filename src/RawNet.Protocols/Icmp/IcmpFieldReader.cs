using System.Globalization;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Icmp;

/// <summary>ICMPv4's computed fields: the checksum status, the unused bytes of error messages and a redirect's gateway.</summary>
internal static class IcmpFieldReader
{
    /// <summary>tshark's checksum statuses (PROTO_CHECKSUM_E_*): bad, good, unverified.</summary>
    private const ulong Bad = 0, Good = 1, Unverified = 2;

    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
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
            default:
                return false;
        }
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
