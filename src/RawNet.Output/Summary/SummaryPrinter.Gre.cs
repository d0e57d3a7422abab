using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tunnels;

namespace RawNet.Output.Summary;

// tcpdump's GRE printer (print-gre.c): "GREv" and the version, then gre_print_0's line (flags with -v, checksum and
// offset, key, sequence number, the Source Route Entries, length) or gre_print_1's PPTP line (call ID, sequence and
// acknowledgment numbers, "no-payload" without the S bit), " ERROR: unknown-version" for any other. Each read checks the
// captured bytes and the length IP declared; either short ends the line with " [|gre]".
public sealed partial class SummaryPrinter
{
    /// <summary>tcpdump's GRE line: the header of <paramref name="length"/> declared bytes, then the carried packet.</summary>
    private void AppendGre(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ReadOnlySpan<byte> bytes, int length, bool decoded)
    {
        var line = _line;
        if (bytes.Length < 2 || length < 2)
        {
            line.Append(" [|gre]");
            return;
        }
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        line.Append("GREv");
        line.Append(flags & GreHeader.VersionMask);
        if (!decoded)
        {
            line.Append(" [|gre]");
            return;
        }
        int version = flags & GreHeader.VersionMask;
        if (version > 1)
        {
            line.Append(" ERROR: unknown-version");
            return;
        }
        if (_verbose)
            AppendGreFlags(flags);
        // What tcpdump may read: the captured bytes and the length IP declared, whichever ends first.
        int readable = Math.Min(bytes.Length, length);
        int at = GreHeader.Field.Protocol;
        if (!TryReadGreWord(bytes, readable, ref at, 2, out uint protocol))
            return;
        if (version == 0)
            AppendGreVersion0(packet, frame, index, bytes, length, flags, (ushort)protocol, readable, at);
        else
            AppendGreVersion1(packet, frame, index, bytes, length, flags, (ushort)protocol, readable, at);
    }

    /// <summary>-v's ", Flags [...]" (tcpdump's gre_flag_values, "none" when no named bit is set).</summary>
    private void AppendGreFlags(ushort flags)
    {
        var line = _line;
        line.Append(", Flags [");
        int start = line.Length;
        AppendFlag(flags, GreHeader.ChecksumPresent, "checksum present", start);
        AppendFlag(flags, GreHeader.RoutingPresent, "routing present", start);
        AppendFlag(flags, GreHeader.KeyPresent, "key present", start);
        AppendFlag(flags, GreHeader.SequencePresent, "sequence# present", start);
        AppendFlag(flags, GreHeader.StrictSourceRoute, "source routing present", start);
        AppendFlag(flags, GreHeader.AcknowledgmentPresent, "ack present", start);
        if (line.Length == start)
            line.Append("none");
        line.Append(']');
    }

    /// <summary>gre_print_0 past the protocol type (at <paramref name="at"/>): RFC 1701/2784 GRE.</summary>
    private void AppendGreVersion0(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ReadOnlySpan<byte> bytes, int length,
        ushort flags, ushort protocol, int readable, int at)
    {
        var line = _line;
        if ((flags & (GreHeader.ChecksumPresent | GreHeader.RoutingPresent)) != 0)
        {
            if (readable < at + 2)
            {
                line.Append(" [|gre]");
                return;
            }
            if (_verbose)
            {
                line.Append(", sum ");
                line.AppendHex(BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]), 0);
            }
            if (readable < at + 4)
            {
                line.Append(" [|gre]");
                return;
            }
            line.Append(", off ");
            line.AppendHex(BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]), 0);
            at += 4;
        }
        if ((flags & GreHeader.KeyPresent) != 0)
        {
            if (!TryReadGreWord(bytes, readable, ref at, 4, out uint key))
                return;
            line.Append(", key=");
            line.AppendHex(key, 0);
        }
        if (!TryAppendGreNumber(flags, GreHeader.SequencePresent, ", seq ", bytes, readable, ref at))
            return;
        if ((flags & GreHeader.RoutingPresent) != 0 && !AppendGreRoutes(bytes[..readable], ref at))
        {
            line.Append(" [|gre]");
            return;
        }
        line.Append(", length ");
        line.Append(length);
        line.Append(_verbose ? "\n\t" : ": ");
        // RawNet's layers follow tshark's reading, which places a version 0 payload where tcpdump does.
        if (packet[index].HeaderLength == at && AppendTunnelledOrCut(packet, frame, index, protocol, bytes[Math.Min(at, bytes.Length)..], length - at))
            return;
        line.Append("gre-proto-");
        line.AppendHex(protocol, 0);
    }

    /// <summary>
    /// gre_print_0's walk of the Source Route Entries in <paramref name="bytes"/> from <paramref name="at"/> to the NULL
    /// one: ", (rtaf=ip A *B)", ", (rtaf=asn 64 *65)", ", (rtaf=0x1234)"; false when a read ran past the bytes. Each
    /// entry takes four bytes or more: at most a quarter of the header's bytes are walked.
    /// </summary>
    private bool AppendGreRoutes(ReadOnlySpan<byte> bytes, ref int at)
    {
        var line = _line;
        while (true)
        {
            if (bytes.Length < at + GreHeader.SreHeaderLength)
                return false;
            ushort family = BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);
            byte offset = bytes[at + 2], length = bytes[at + 3];
            at += GreHeader.SreHeaderLength;
            if (family == 0 && length == 0)
                return true;
            var entry = bytes[at..];
            bool whole = family switch
            {
                0x0800 => AppendGreSreAddresses(entry, offset, length, "ip", 4),
                0xFFFE => AppendGreSreAddresses(entry, offset, length, "asn", 2),
                _ => AppendGreSreFamily(family),
            };
            if (!whole || entry.Length < length)
                return false;
            at += length;
        }
    }

    private bool AppendGreSreFamily(ushort family)
    {
        _line.Append(", (rtaf=");
        _line.AppendHex(family, 0);
        _line.Append(')');
        return true;
    }

    /// <summary>
    /// gre_sre_ip_print and gre_sre_asn_print: the entry's IPv4 addresses or 2-byte AS numbers (hex), the one at the
    /// SRE offset starred; a misaligned offset or length, or an offset past the length, is named instead.
    /// </summary>
    private bool AppendGreSreAddresses(ReadOnlySpan<byte> entry, byte offset, byte length, string name, int size)
    {
        var line = _line;
        line.Append(", (rtaf=");
        line.Append(name);
        bool whole = true;
        if (offset % size != 0)
        {
            line.Append(", badoffset=");
            line.Append(offset);
        }
        else if (length % size != 0)
        {
            line.Append(", badlength=");
            line.Append(length);
        }
        else if (offset >= length)
        {
            line.Append(", badoff/len=");
            line.Append(offset);
            line.Append('/');
            line.Append(length);
        }
        else
        {
            for (int at = 0; at < length; at += size)
            {
                if (entry.Length < at + size)
                {
                    whole = false;
                    break;
                }
                line.Append(' ');
                if (at == offset)
                    line.Append('*');
                if (size == 4)
                    AppendIpv4Address(entry, at);
                else
                    line.AppendHexDigits(BinaryPrimitives.ReadUInt16BigEndian(entry[at..]), 0);
            }
        }
        line.Append(')');
        return whole;
    }

    /// <summary>A 2- or 4-byte field at <paramref name="at"/>, then past it; false after " [|gre]" when the readable bytes end first.</summary>
    private bool TryReadGreWord(ReadOnlySpan<byte> bytes, int readable, ref int at, int size, out uint value)
    {
        value = 0;
        if (readable < at + size)
        {
            _line.Append(" [|gre]");
            return false;
        }
        value = size == 2 ? BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]) : BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
        at += size;
        return true;
    }

    /// <summary>", seq 430" when <paramref name="bit"/> is set: the 32-bit number in decimal; false after " [|gre]" when it was not readable.</summary>
    private bool TryAppendGreNumber(ushort flags, ushort bit, string label, ReadOnlySpan<byte> bytes, int readable, ref int at)
    {
        if ((flags & bit) == 0)
            return true;
        if (!TryReadGreWord(bytes, readable, ref at, 4, out uint number))
            return false;
        _line.Append(label);
        _line.Append(number);
        return true;
    }

    /// <summary>gre_print_1 past the protocol type: PPTP's enhanced GRE, its C and R bits ignored, then ppp_print of what the S bit says follows.</summary>
    private void AppendGreVersion1(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ReadOnlySpan<byte> bytes, int length,
        ushort flags, ushort protocol, int readable, int at)
    {
        var line = _line;
        if ((flags & GreHeader.KeyPresent) != 0)
        {
            if (!TryReadGreWord(bytes, readable, ref at, 4, out uint key))
                return;
            line.Append(", call ");
            line.Append(key & 0xFFFF);
        }
        if (!TryAppendGreNumber(flags, GreHeader.SequencePresent, ", seq ", bytes, readable, ref at)
            || !TryAppendGreNumber(flags, GreHeader.AcknowledgmentPresent, ", ack ", bytes, readable, ref at))
            return;
        bool payload = (flags & GreHeader.SequencePresent) != 0;
        if (!payload)
            line.Append(", no-payload");
        line.Append(", length ");
        line.Append(length);
        if (!payload)
            return;
        line.Append(_verbose ? "\n\t" : ": ");
        if (protocol != GreHeader.PppProtocol)
        {
            line.Append("gre-proto-");
            line.AppendHex(protocol, 0);
            return;
        }
        AppendL2tpPpp(packet, frame, packet[index].Offset + at, length - at);
    }
}
