using System.Buffers.Binary;

namespace RawNet.Protocols.Fields;

/// <summary>
/// Writes field values as text exactly as <c>tshark -T fields</c> prints them (decimal, zero-padded hex of the field type's
/// width, MAC and IP addresses, epoch time with nine decimals, booleans as 1/0), into caller buffers without allocating.
/// </summary>
public static class FieldFormatter
{
    /// <summary>Characters enough for a field value that is not text read from the packet (a DNS name with every byte escaped, a number, an address).</summary>
    public const int MaxLength = 1024;

    /// <summary>
    /// Characters enough for <paramref name="value"/> of <paramref name="field"/>: <see cref="MaxLength"/>, or more for
    /// text as long as the packet makes it (an HTTP header, a body), or two per byte of a <see cref="FieldKind.Bytes"/> value.
    /// </summary>
    public static int RoomFor(FieldDefinition field, in FieldValue value) => field.Kind switch
    {
        FieldKind.Text => Math.Max(MaxLength, FieldText.MaxAsciiLength(value.Length)),
        FieldKind.Bytes => Math.Max(0, value.Length) * (field.HexDigits == FieldDefinition.ColonSeparatedBytes ? 3 : 2),
        FieldKind.HttpText => Math.Max(MaxLength, Http.HttpFieldReader.MaxFormattedLength(field, value)),
        FieldKind.BuiltText when field.Computed == ComputedField.Snmp => Math.Max(MaxLength, Snmp.SnmpFieldReader.MaxFormattedLength(value)),
        FieldKind.BuiltText when field.Computed == ComputedField.Cdp => Math.Max(MaxLength, 4 * value.Length),
        FieldKind.BuiltText when field.Computed == ComputedField.IpReassembly => Reassembly.IpReassemblyFields.MaxFormattedLength,
        FieldKind.BuiltText when field.Computed is ComputedField.FrameInterfaceName or ComputedField.FrameInterfaceDescription => Math.Max(MaxLength, (int)Math.Min(value.Number, int.MaxValue)),
        FieldKind.BuiltText when field.Analysis == Conversations.AnalysisValue.TcpReassembledData => Math.Max(MaxLength, 2 * value.Length),
        FieldKind.BuiltText => Math.Max(MaxLength, field.Computed == ComputedField.VppLine
            ? Vpp.VppFieldReader.MaxLineLength(value.Length) : Math.Max(TokenRing.TokenRingFieldReader.MaxFormattedLength, Math.Max(Decoding.ProtocolChain.MaxLength, Math.Max(Expert.ExpertFields.MaxLength, Nbns.NbnsName.MaxFormattedLength)))),
        _ => MaxLength,
    };

    /// <summary>
    /// Formats one value; <paramref name="buffer"/> is the layer's buffer, for address fields; <paramref name="packet"/>
    /// the packet it was read from, for a value written from its layers (frame.protocols; without it nothing is written).
    /// </summary>
    public static bool TryFormat(FieldDefinition field, in FieldValue value, ReadOnlySpan<byte> buffer, Span<char> destination, out int written,
        Decoding.DecodedPacket? packet = null)
    {
        written = 0;
        switch (field.Kind)
        {
            case FieldKind.Decimal:
                if (destination.Length < DigitText.MaxDecimalLength)
                    return false;
                written = DigitText.WriteDecimal(value.Number, destination);
                return true;
            case FieldKind.Boolean:
                if (destination.Length < 1)
                    return false;
                destination[0] = value.Number != 0 ? '1' : '0';
                written = 1;
                return true;
            case FieldKind.Hex:
                if (destination.Length < 18)
                    return false;
                destination[0] = '0';
                destination[1] = 'x';
                written = 2 + DigitText.WriteHex(value.Number, Math.Clamp(field.HexDigits, 0, 16), destination[2..]);
                return true;
            case FieldKind.MacAddress:
            {
                Span<byte> reversed = stackalloc byte[6];
                return TryFormatMac(MacBytes(value, buffer, reversed), destination, out written);
            }
            case FieldKind.Ipv4Address:
                return TryFormatIpv4(buffer.Slice(value.Offset, 4), destination, out written);
            case FieldKind.Ipv6Address when value.Length is > 0 and < 16:
            {
                // A prefix of fewer bytes (ICMPv6's route information), shown padded with zeros as tshark does.
                Span<byte> padded = stackalloc byte[16];
                padded.Clear();
                buffer.Slice(value.Offset, value.Length).CopyTo(padded);
                return TryFormatIpv6(padded, destination, out written);
            }
            case FieldKind.Ipv6Address:
                return TryFormatIpv6(buffer.Slice(value.Offset, 16), destination, out written);
            case FieldKind.EpochTime:
            case FieldKind.RelativeTime:
                return TryFormatEpoch((long)value.Number, destination, out written);
            case FieldKind.Seconds:
                if (!TryFormatEpoch((long)value.Number, destination, out written))
                    return false;
                // FT_DOUBLE's shortest form: a whole number of 1/256 s has at most eight decimals, all exact.
                while (destination[written - 1] == '0')
                    written--;
                if (destination[written - 1] == '.')
                    written--;
                return true;
            case FieldKind.SignedDecimal:
                if (destination.Length < DigitText.MaxDecimalLength)
                    return false;
                written = DigitText.WriteSignedDecimal((long)value.Number, 0, destination);
                return true;
            case FieldKind.Marker:
                if (destination.Length < 1)
                    return false;
                destination[0] = '1';
                written = 1;
                return true;
            case FieldKind.DnsName:
                return Dns.DnsFieldReader.TryFormatName(value, buffer, destination, out written);
            case FieldKind.Text:
                return (uint)value.Offset <= (uint)buffer.Length && value.Length <= buffer.Length - value.Offset
                    && FieldText.TryWriteAscii(buffer.Slice(value.Offset, value.Length), destination, out written);
            case FieldKind.Bytes:
                // tshark -T fields writes FT_BYTES as hex pairs without separators, and an empty one as "<MISSING>".
                if (value.Length == 0)
                {
                    // but an empty IPv6 PadN is tshark's "<none>"
                    string missing = field.Computed == ComputedField.Ipv6Option ? "<none>" : "<MISSING>";
                    if (!missing.TryCopyTo(destination))
                        return false;
                    written = missing.Length;
                    return true;
                }
                if ((uint)value.Offset > (uint)buffer.Length || (uint)value.Length > (uint)(buffer.Length - value.Offset))
                    return false;
                if (field.HexDigits == FieldDefinition.ColonSeparatedBytes)
                    return TryFormatColonSeparated(buffer.Slice(value.Offset, value.Length), destination, out written);
                return Convert.TryToHexStringLower(buffer.Slice(value.Offset, value.Length), destination, out written);
            case FieldKind.HttpText:
                return Http.HttpFieldReader.TryFormat(field, value, buffer, destination, out written);
            case FieldKind.BuiltText:
                return field.Computed switch
                {
                    ComputedField.VppLine => Vpp.VppFieldReader.TryFormatLine(value, buffer, destination, out written),
                    ComputedField.IpReassembly => Reassembly.IpReassemblyFields.TryFormat(value, packet, destination, out written),
                    ComputedField.Tzsp => Tzsp.TzspFieldReader.TryFormat(field, value, destination, out written),
                    ComputedField.TrRingBridgePairs => TokenRing.TokenRingFieldReader.TryFormat(value, buffer, destination, out written),
                    ComputedField.EthernetDestinationOuiName or ComputedField.EthernetSourceOuiName or ComputedField.EthernetAddressOuiNames
                        => Ethernet.EthernetFieldReader.TryFormatOuiName(value, destination, out written),
                    ComputedField.Ipv6AddressDetail => Ipv6.Ipv6DetailFieldReader.TryFormat(field, value, destination, out written),
                    ComputedField.FrameTime => Decoding.FrameFieldReader.TryFormatTime((long)value.Number, destination, out written),
                    ComputedField.Ntp => Ntp.NtpFieldReader.TryFormatTime(value, destination, out written),
                    ComputedField.Wol => Wol.WolFieldReader.TryFormatPassword(value, buffer, destination, out written),
                    ComputedField.Nbns => Nbns.NbnsFieldReader.TryFormat(value, buffer, destination, out written),
                    ComputedField.Lldp => Lldp.LldpFieldReader.TryFormatOid(value, buffer, destination, out written),
                    ComputedField.Cdp => Cdp.CdpFieldReader.TryFormat(field, value, buffer, destination, out written),
                    ComputedField.Snmp => Snmp.SnmpFieldReader.TryFormat(value, buffer, destination, out written),
                    ComputedField.FrameInterfaceName or ComputedField.FrameInterfaceDescription => Decoding.FrameFieldReader.TryFormatInterface(field.Computed, packet, destination, out written),
                    ComputedField.IcmpDataTime => Icmp.IcmpFieldReader.TryFormatDataTime(value, buffer, destination, out written),
                    ComputedField.FrameProtocols => packet is not null && Decoding.ProtocolChain.TryWrite(packet, buffer, destination, out written),
                    ComputedField.Analysis when field.Analysis == Conversations.AnalysisValue.TcpReassembledData => Tcp.TcpReassemblyFields.TryFormatData(packet, value, destination, out written),
                    ComputedField.Analysis when field.Analysis == Conversations.AnalysisValue.IcmpResponseTime => Icmp.IcmpFieldReader.TryFormatMilliseconds(value, destination, out written),
                    ComputedField.Analysis => packet is not null && Expert.ExpertFields.TryFormat(field, value, packet, buffer, destination, out written),
                    ComputedField.TcpFlagsText => Tcp.TcpFieldReader.TryFormatFlags(value, destination, out written),
                    ComputedField.WpanDestination64 or ComputedField.WpanSource64 or ComputedField.WpanAddress64
                        => Ieee802154.Ieee802154FieldReader.TryFormat(value, destination, out written),
                    _ => SixLowpan.SixLowpanFieldReader.Serves(field.Computed) && SixLowpan.SixLowpanFieldReader.TryFormat(value, buffer, destination, out written),
                };
            default:
                return false;
        }
    }

    /// <summary>Bytes as lowercase hex pairs joined by colons ("02:00:00:ff:fe:00:00:01").</summary>
    private static bool TryFormatColonSeparated(ReadOnlySpan<byte> bytes, Span<char> destination, out int written)
    {
        written = 0;
        if (destination.Length < 3 * bytes.Length)
            return false;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (i > 0)
                destination[written++] = ':';
            destination[written++] = DigitText.HexDigit(bytes[i] >> 4);
            destination[written++] = DigitText.HexDigit(bytes[i] & 0xF);
        }
        return true;
    }

    /// <summary>Formats one value as a new string (for trees and JSON, not hot loops).</summary>
    public static string Format(FieldDefinition field, in FieldValue value, ReadOnlySpan<byte> buffer, Decoding.DecodedPacket? packet = null)
    {
        int room = RoomFor(field, value);
        Span<char> text = room <= MaxLength ? stackalloc char[MaxLength] : new char[room];
        return TryFormat(field, value, buffer, text, out int n, packet) ? new string(text[..n]) : "";
    }

    /// <summary>Writes a MAC address as six lowercase hex pairs joined by colons.</summary>
    /// <summary>
    /// A MAC address value's six bytes: those at its offset in <paramref name="buffer"/>, or for a value whose number is
    /// <see cref="FieldValue.BitReversedMac"/> those bytes with each one's bits reversed, or for
    /// <see cref="FieldValue.SourceRouteClearedMac"/> with the first byte's top bit cleared, written into
    /// <paramref name="scratch"/> (six bytes at least).
    /// </summary>
    public static ReadOnlySpan<byte> MacBytes(scoped in FieldValue value, ReadOnlySpan<byte> buffer, Span<byte> scratch)
    {
        var mac = buffer.Slice(value.Offset, 6);
        if (value.Number == FieldValue.SourceRouteClearedMac)
        {
            mac.CopyTo(scratch);
            scratch[0] &= 0x7F;
            return scratch[..6];
        }
        if (value.Number != FieldValue.BitReversedMac)
            return mac;
        for (int i = 0; i < 6; i++)
            scratch[i] = ReverseBits(mac[i]);
        return scratch[..6];
    }

    /// <summary>True for a MAC address value whose bytes <see cref="MacBytes"/> changes from those in the buffer.</summary>
    public static bool IsRewrittenMac(scoped in FieldValue value) =>
        value.Number is FieldValue.BitReversedMac or FieldValue.SourceRouteClearedMac;

    /// <summary>A byte with its bits in the other order (FDDI's and Token Ring's on-the-wire address order).</summary>
    public static byte ReverseBits(byte b) => (byte)((b * 0x0202020202UL & 0x010884422010UL) % 1023);

    public static bool TryFormatMac(ReadOnlySpan<byte> mac, Span<char> destination, out int written)
    {
        written = 0;
        if (destination.Length < 17 || mac.Length < 6)
            return false;
        for (int i = 0; i < 6; i++)
        {
            if (i > 0)
                destination[written++] = ':';
            destination[written++] = DigitText.HexDigit(mac[i] >> 4);
            destination[written++] = DigitText.HexDigit(mac[i] & 0xF);
        }
        return true;
    }

    /// <summary>Writes an IPv4 address in dotted decimal.</summary>
    public static bool TryFormatIpv4(ReadOnlySpan<byte> address, Span<char> destination, out int written)
    {
        written = 0;
        if (destination.Length < 15 || address.Length < 4)
            return false;
        for (int i = 0; i < 4; i++)
        {
            if (i > 0)
                destination[written++] = '.';
            written += DigitText.WriteDecimal(address[i], destination[written..]);
        }
        return true;
    }

    /// <summary>
    /// Writes an IPv6 address the way inet_ntop (and so tshark) does: RFC 5952 zero compression, lowercase, and the last
    /// 32 bits dotted for IPv4-compatible and IPv4-mapped addresses.
    /// </summary>
    public static bool TryFormatIpv6(ReadOnlySpan<byte> address, Span<char> destination, out int written)
    {
        written = 0;
        if (destination.Length < 46 || address.Length < 16)
            return false;
        Span<ushort> words = stackalloc ushort[8];
        for (int i = 0; i < 8; i++)
            words[i] = BinaryPrimitives.ReadUInt16BigEndian(address[(i * 2)..]);
        int bestBase = -1, bestLength = 0;
        for (int i = 0; i < 8;)
        {
            if (words[i] != 0)
            {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && words[i] == 0)
                i++;
            if (i - start > bestLength)
            {
                bestBase = start;
                bestLength = i - start;
            }
        }
        if (bestLength < 2)
            bestBase = -1;
        for (int i = 0; i < 8; i++)
        {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength)
            {
                if (i == bestBase)
                    destination[written++] = ':';
                continue;
            }
            if (i != 0)
                destination[written++] = ':';
            // Embedded IPv4 as glibc's inet_ntop decides it: ::a.b.c.d and ::ffff:a.b.c.d.
            if (i == 6 && bestBase == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF)))
            {
                TryFormatIpv4(address[12..], destination[written..], out int n);
                written += n;
                return true;
            }
            written += DigitText.WriteHex(words[i], 0, destination[written..]);
        }
        if (bestBase >= 0 && bestBase + bestLength == 8)
            destination[written++] = ':';
        return true;
    }

    /// <summary>Writes nanoseconds (since the epoch, or a span) as seconds with nine decimals, a minus sign before a negative span.</summary>
    public static bool TryFormatEpoch(long nanoseconds, Span<char> destination, out int written)
    {
        written = 0;
        if (destination.Length < 32)
            return false;
        if (nanoseconds < 0)
        {
            destination[written++] = '-';
            nanoseconds = -nanoseconds;
        }
        // A long's most negative value stays negative when negated: it is then written as the unsigned value it is.
        ulong magnitude = (ulong)nanoseconds;
        written += DigitText.WriteDecimal(magnitude / 1_000_000_000, destination[written..]);
        destination[written++] = '.';
        written += DigitText.WriteDecimal(magnitude % 1_000_000_000, 9, destination[written..]);
        return true;
    }
}
