using System.Buffers.Binary;
using RawNet.Protocols.Ntp;

namespace RawNet.Output.Summary;

// tcpdump 4.99's ntp_print: "NTPv4, Client, length 48".
public sealed partial class SummaryPrinter
{
    /// <summary>tcpdump's ntp_mode_values.</summary>
    private static string TcpdumpNtpMode(int mode) => mode switch
    {
        0 => "unspecified",
        1 => "symmetric active",
        2 => "symmetric passive",
        3 => "Client",
        4 => "Server",
        5 => "Broadcast",
        6 => "Control Message",
        _ => "Reserved",
    };

    /// <summary>The NTP message <paramref name="payload"/> (captured bytes) of a datagram of <paramref name="length"/> bytes.</summary>
    private void AppendNtp(ReadOnlySpan<byte> payload, int length)
    {
        var line = _line;
        if (payload.IsEmpty)
        {
            line.Append(" [|ntp]");
            return;
        }
        byte flags = payload[NtpMessage.Field.Flags];
        line.Append("NTPv");
        line.Append((ulong)NtpMessage.VersionOf(flags));
        line.Append(", ");
        line.Append(TcpdumpNtpMode(NtpMessage.ModeOf(flags)));
        line.Append(", length ");
        line.Append(length);
        if (_verbose)
            AppendNtpVerbose(payload, length);
    }

    /// <summary>
    /// tcpdump -v's lines after the first: the leap indicator, then the time header for modes 0 to 5 or the control
    /// header for mode 6; " (invalid)" when the datagram is shorter than that header.
    /// </summary>
    private void AppendNtpVerbose(ReadOnlySpan<byte> m, int length)
    {
        var line = _line;
        int leap = m[0] & NtpMessage.LeapMask;
        line.Append("\n\tLeap indicator: ");
        line.Append(leap switch { 0x40 => "+1s", 0x80 => "-1s", 0xc0 => "clock unsynchronized", _ => "" });
        line.Append(" (");
        line.Append((ulong)leap);
        line.Append(')');
        int mode = NtpMessage.ModeOf(m[0]);
        if (mode <= 5)
        {
            if (length < NtpMessage.Field.Extensions)
                line.Append(" (invalid)");
            else
                AppendNtpTime(m, length);
        }
        else if (mode == NtpMessage.ModeControl)
        {
            if (length < NtpControlHeaderLength)
                line.Append(" (invalid)");
            else
                AppendNtpControl(m, length);
        }
    }

    private const int NtpControlHeaderLength = 12;

    private void NtpTruncated() => _line.Append(" [|ntp]");

    /// <summary>tcpdump's ntp_time_print: each part once its bytes are there, " [|ntp]" where they end.</summary>
    private void AppendNtpTime(ReadOnlySpan<byte> m, int length)
    {
        var line = _line;
        if (m.Length < 2)
        {
            NtpTruncated();
            return;
        }
        byte stratum = m[NtpMessage.Field.Stratum];
        line.Append(", Stratum ");
        line.Append((ulong)stratum);
        line.Append(stratum switch { 0 => " (unspecified)", 1 => " (primary reference)", <= 15 => " (secondary reference)", _ => " (reserved)" });
        if (m.Length < 3)
        {
            NtpTruncated();
            return;
        }
        int poll = (sbyte)m[NtpMessage.Field.Poll];
        line.Append(", poll ");
        line.Append((long)poll);
        if (poll > -32 && poll < 32)
        {
            line.Append(poll >= 0 ? " (" : " (1/");
            line.Append((ulong)(1UL << Math.Abs(poll)));
            line.Append("s)");
        }
        if (m.Length < 4)
        {
            NtpTruncated();
            return;
        }
        line.Append(", precision ");
        line.Append((long)(sbyte)m[NtpMessage.Field.Precision]);
        if (m.Length < 8)
        {
            NtpTruncated();
            return;
        }
        line.Append("\n\tRoot Delay: ");
        AppendNtpShortTime(m[NtpMessage.Field.RootDelay..]);
        if (m.Length < 12)
        {
            NtpTruncated();
            return;
        }
        line.Append(", Root dispersion: ");
        AppendNtpShortTime(m[NtpMessage.Field.RootDispersion..]);
        if (m.Length < 16)
        {
            NtpTruncated();
            return;
        }
        line.Append(", Reference-ID: ");
        switch (stratum)
        {
            case 0:
                line.Append("(unspec)");
                break;
            case 1:
                AppendCharacters(m, NtpMessage.Field.ReferenceId, 4);
                break;
            case 62 or 63:
                // tcpdump's INFO_QUERY and INFO_REPLY: the address and the word, and nothing after.
                line.AppendIpv4(m.Slice(NtpMessage.Field.ReferenceId, 4));
                line.Append(stratum == 62 ? " INFO_QUERY" : " INFO_REPLY");
                return;
            default:
                line.Append("0x");
                line.AppendHexDigits(BinaryPrimitives.ReadUInt32BigEndian(m[NtpMessage.Field.ReferenceId..]), 8);
                break;
        }
        ReadOnlySpan<(int Offset, string Label)> stamps =
        [
            (NtpMessage.Field.ReferenceTime, "\n\t  Reference Timestamp:  "), (NtpMessage.Field.OriginTime, "\n\t  Originator Timestamp: "),
            (NtpMessage.Field.ReceiveTime, "\n\t  Receive Timestamp:    "), (NtpMessage.Field.TransmitTime, "\n\t  Transmit Timestamp:   "),
        ];
        foreach (var (offset, label) in stamps)
        {
            if (m.Length < offset + 8)
            {
                NtpTruncated();
                return;
            }
            line.Append(label);
            AppendNtpTimestamp(BinaryPrimitives.ReadUInt64BigEndian(m[offset..]));
        }
        ulong origin = BinaryPrimitives.ReadUInt64BigEndian(m[NtpMessage.Field.OriginTime..]);
        line.Append("\n\t    Originator - Receive Timestamp:  ");
        AppendNtpDelta(origin, BinaryPrimitives.ReadUInt64BigEndian(m[NtpMessage.Field.ReceiveTime..]));
        line.Append("\n\t    Originator - Transmit Timestamp: ");
        AppendNtpDelta(origin, BinaryPrimitives.ReadUInt64BigEndian(m[NtpMessage.Field.TransmitTime..]));
        const int Header = NtpMessage.Field.Extensions;
        if (length == Header + 4 || length == Header + 20 || length == Header + 24)
        {
            if (m.Length < Header + 4)
            {
                NtpTruncated();
                return;
            }
            line.Append("\n\tKey id: ");
            line.Append((ulong)BinaryPrimitives.ReadUInt32BigEndian(m[Header..]));
            if (length == Header + 4)
                return;
            int words = (length - Header - 4) / 4;
            if (m.Length < length)
            {
                NtpTruncated();
                return;
            }
            line.Append("\n\tAuthentication: ");
            for (int i = 0; i < words; i++)
                line.AppendHexDigits(BinaryPrimitives.ReadUInt32BigEndian(m[(Header + 4 + 4 * i)..]), 8);
        }
        else if (length > Header)
        {
            line.Append("\n\t(");
            line.Append((ulong)(length - Header));
            line.Append(" more bytes after the header)");
        }
    }

    /// <summary>tcpdump's p_sfix: a 16.16 value as "%u.%06u", the fraction in whole microseconds.</summary>
    private void AppendNtpShortTime(ReadOnlySpan<byte> at)
    {
        _line.Append((ulong)BinaryPrimitives.ReadUInt16BigEndian(at));
        _line.Append('.');
        _line.AppendPadded((long)(BinaryPrimitives.ReadUInt16BigEndian(at[2..]) / 65536.0 * 1000000.0), 6);
    }

    /// <summary>tcpdump's p_ntp_time: "%u.%09u" and, for seconds other than 0, the UTC time since 1900 in ISO 8601.</summary>
    private void AppendNtpTimestamp(ulong timestamp)
    {
        var line = _line;
        uint seconds = (uint)(timestamp >> 32);
        line.Append((ulong)seconds);
        line.Append('.');
        line.AppendPadded((long)(uint)((uint)timestamp / 4294967296.0 * 1000000000.0), 9);
        if (seconds == 0)
            return;
        var time = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(seconds);
        line.Append(" (");
        line.AppendPadded(time.Year, 4);
        line.Append('-');
        line.AppendPadded(time.Month, 2);
        line.Append('-');
        line.AppendPadded(time.Day, 2);
        line.Append('T');
        line.AppendPadded(time.Hour, 2);
        line.Append(':');
        line.AppendPadded(time.Minute, 2);
        line.Append(':');
        line.AppendPadded(time.Second, 2);
        line.Append("Z)");
    }

    /// <summary>tcpdump's p_ntp_delta: the signed difference of two timestamps, or the second alone when the first is zero.</summary>
    private void AppendNtpDelta(ulong from, ulong to)
    {
        if (from == 0)
        {
            AppendNtpTimestamp(to);
            return;
        }
        uint u = (uint)(to >> 32), ou = (uint)(from >> 32), uf = (uint)to, ouf = (uint)from;
        long i = (long)u - ou;
        bool negative;
        uint f;
        if (i > 0)
        {
            negative = false;
            f = unchecked(uf - ouf);
            if (ouf > uf)
                i--;
        }
        else if (i < 0)
        {
            negative = true;
            f = unchecked(ouf - uf);
            if (uf > ouf)
                i++;
            i = -i;
        }
        else if (uf > ouf)
        {
            negative = false;
            f = uf - ouf;
        }
        else
        {
            negative = true;
            f = ouf - uf;
        }
        _line.Append(negative ? '-' : '+');
        _line.Append((long)i);
        _line.Append('.');
        _line.AppendPadded((long)(uint)(f / 4294967296.0 * 1000000000.0), 9);
    }

    /// <summary>tcpdump's ntp_control_print at -v.</summary>
    private void AppendNtpControl(ReadOnlySpan<byte> m, int length)
    {
        var line = _line;
        if (m.Length < 2)
        {
            NtpTruncated();
            return;
        }
        byte control = m[1];
        line.Append((control & 0x80) != 0 ? ", Response" : ", Request");
        line.Append((control & 0x40) != 0 ? ", Error" : ", OK");
        line.Append((control & 0x20) != 0 ? ", More" : ", Last");
        line.Append(", OpCode=");
        line.Append((ulong)(control & 0x1f));
        line.Append("\n");
        ReadOnlySpan<(int Offset, string Label)> words =
            [(2, "\tSequence="), (4, ", Status="), (6, ", Assoc.="), (8, ", Offset="), (10, ", Count=")];
        int count = 0;
        foreach (var (offset, label) in words)
        {
            if (m.Length < offset + 2)
            {
                NtpTruncated();
                return;
            }
            ushort word = BinaryPrimitives.ReadUInt16BigEndian(m[offset..]);
            line.Append(label);
            if (offset == 4 && word != 0)
                line.AppendHex(word, 1);
            else
                line.Append((ulong)word);
            count = word;
        }
        const int Header = NtpControlHeaderLength;
        if (length - Header - count > 0)
        {
            line.Append("\n\t");
            line.Append((ulong)(length - Header - count));
            line.Append(" extra octets");
        }
        if (count != 0)
        {
            if (m.Length < Header + count)
            {
                NtpTruncated();
                return;
            }
            line.Append("\n\tTO-BE-DONE: data not interpreted");
        }
    }
}
