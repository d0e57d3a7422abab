using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ieee80211;
using RawNet.Protocols.Llc;
using RawNet.Protocols.Ppi;
using RawNet.Protocols.Prism;
using RawNet.Protocols.Radiotap;

namespace RawNet.Output.Summary;

// tcpdump's 802.11 printers (print-802_11.c: ieee802_11_radio_print with print_radiotap_field and print_chaninfo,
// ieee802_11_print, ctrl_body_print, wep_print, prism_if_print, ieee802_11_avs_radio_print; print-ppi.c; print-llc.c for
// SNAP). Management frame bodies are named and not printed further (tcpdump goes on to their information elements), and
// radiotap's VHT field and vendor namespaces end the radiotap part (tcpdump prints more of them).
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// The capture header or 802.11 layer at <paramref name="index"/> as tcpdump prints it. True when the line goes on with
    /// the next layer (<paramref name="length"/>, the frame's length from <paramref name="linkStart"/>, is then what
    /// tcpdump has left, an FCS taken off); false when the line is done.
    /// </summary>
    private bool AppendWireless(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ref int length, ref int linkStart)
    {
        ref readonly Layer layer = ref packet[index];
        var bytes = frame[layer.Offset..];
        int reported = length - (layer.Offset - linkStart);
        switch (layer.Kind)
        {
            case LayerKind.Radiotap:
                return AppendRadiotap(packet, frame, index, bytes, reported, ref length);
            case LayerKind.Ppi:
                return AppendPpi(bytes);
            case LayerKind.Prism:
                return bytes.Length >= PrismHeader.PrismLength || Truncated("prism");
            case LayerKind.Avs:
                return bytes.Length >= PrismHeader.AvsFixedLength && PrismHeader.AvsLength(bytes) >= PrismHeader.AvsFixedLength
                    && bytes.Length >= PrismHeader.AvsLength(bytes) || Truncated("802.11_radio_avs");
            case LayerKind.Ieee80211:
                // Up to the FCS, which tcpdump takes off before it reads the frame.
                return Append80211(packet, index, bytes[..Math.Clamp(reported, 0, bytes.Length)], 0);
            default:
                return AppendSnap(bytes);
        }
    }

    private bool AppendPpi(ReadOnlySpan<byte> bytes)
    {
        if (!PpiHeader.TryRead(bytes, out var ppi))
            return Truncated("ppi");
        if (ppi.Length < PpiHeader.FixedLength || ppi.Length > 65532)
        {
            _line.Append(" [length ");
            _line.Append(ppi.Length);
            _line.Append(" < 8 or > 65532] (invalid)");
            return false;
        }
        return bytes.Length >= ppi.Length || Truncated("ppi");
    }

    /// <summary>
    /// The radiotap fields tcpdump prints, in bitmap order, then the 802.11 frame (the layer after, or what tcpdump says
    /// of the bytes there when RawNet could not decode one).
    /// </summary>
    private bool AppendRadiotap(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ReadOnlySpan<byte> bytes, int reported, ref int length)
    {
        if (bytes.Length < RadiotapHeader.MinLength)
            return Truncated("802.11_radio");
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[RadiotapHeader.Field.Length..]);
        if (headerLength < RadiotapHeader.MinLength || bytes.Length < headerLength)
            return Truncated("802.11_radio");
        var header = bytes[..headerLength];
        int last = RadiotapHeader.Field.Present;
        while (last + 8 <= headerLength && (BinaryPrimitives.ReadUInt32LittleEndian(header[last..]) & RadiotapHeader.ExtensionBit) != 0)
            last += 4;
        if ((BinaryPrimitives.ReadUInt32LittleEndian(header[last..]) & RadiotapHeader.ExtensionBit) != 0)
            return Truncated("802.11_radio");
        int flags = AppendRadiotapFields(header, last);
        if (flags >= 0 && (flags & RadiotapHeader.Flags.FcsAtEnd) != 0)
        {
            if (reported - headerLength < Ieee80211Header.FcsLength)
                return Truncated("802.11");
            length -= Ieee80211Header.FcsLength;
        }
        int next = index + 1;
        if (next < packet.LayerCount && packet[next].Kind == LayerKind.Ieee80211)
            return true;
        // RawNet decoded no 802.11 header here (tshark's reading of the radiotap header differs): tcpdump's reading of it.
        var after = frame[Math.Min(frame.Length, headerLength)..];
        return Append80211(packet, -1, after[..Math.Clamp(length - headerLength, 0, after.Length)], flags >= 0 ? flags & RadiotapHeader.Flags.DataPad : 0);
    }

    /// <summary>print_radiotap_field over the fields of the bitmaps up to <paramref name="lastWord"/>; returns the Flags field, or -1 when it was not read.</summary>
    private int AppendRadiotapFields(ReadOnlySpan<byte> header, int lastWord)
    {
        var line = _line;
        int flags = -1;
        int at = lastWord + 4;
        bool radiotapNamespace = true;
        int bitBase = 0; // bit numbers run on across bitmaps that do not switch namespace, as tcpdump counts them
        for (int word = RadiotapHeader.Field.Present; word <= lastWord; word += 4)
        {
            uint present = BinaryPrimitives.ReadUInt32LittleEndian(header[word..]);
            if (radiotapNamespace)
            {
                for (uint bits = present & 0x1FFFFFFF; bits != 0; bits &= bits - 1)
                {
                    int bit = bitBase + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    if (bit == 21)
                        return flags; // VHT: tcpdump prints it, RawNet does not
                    if (bit is 16 or 17 or > 20)
                    {
                        // A field print_radiotap_field does not handle: tcpdump names the bit and stops.
                        line.Append("[bit ");
                        line.Append((long)bit);
                        line.Append("] ");
                        return flags;
                    }
                    var (alignment, size) = RadiotapHeader.FieldLayout(bit);
                    if (bit == 9)
                        size = 1; // tcpdump reads dB TX attenuation as one byte (radiotap.org: two)
                    at = (at + alignment - 1) & -alignment;
                    if (at + size > header.Length)
                    {
                        Truncated("802.11_radio");
                        return flags;
                    }
                    var field = header.Slice(at, size);
                    at += size;
                    if (bit == 1)
                        flags = field[0];
                    AppendRadiotapField(bit, field, present);
                }
            }
            if ((present & RadiotapHeader.VendorNamespaceNext) != 0)
                return flags;
            radiotapNamespace = true;
            bitBase = (present & RadiotapHeader.RadiotapNamespaceNext) != 0 ? 0 : bitBase + 32;
        }
        return flags;
    }

    private void AppendRadiotapField(int bit, ReadOnlySpan<byte> field, uint present)
    {
        var line = _line;
        switch (bit)
        {
            case 0:
                line.Append(BinaryPrimitives.ReadUInt64LittleEndian(field));
                line.Append("us tsft ");
                break;
            case 1:
                if ((field[0] & 0x01) != 0) line.Append("cfp ");
                if ((field[0] & 0x02) != 0) line.Append("short preamble ");
                if ((field[0] & 0x04) != 0) line.Append("wep ");
                if ((field[0] & 0x08) != 0) line.Append("fragmented ");
                if ((field[0] & 0x40) != 0) line.Append("bad-fcs ");
                break;
            case 2:
                if (field[0] is >= 0x80 and <= 0x8f)
                {
                    line.Append("MCS ");
                    line.Append((long)(field[0] & 0x7f));
                    line.Append(' ');
                }
                else
                {
                    AppendTenths(field[0] * 5L);
                    line.Append(" Mb/s ");
                }
                break;
            case 3 when (present & (1u << 18)) != 0:
                break; // tcpdump prints the XChannel field instead
            case 3:
                AppendChannel(BinaryPrimitives.ReadUInt16LittleEndian(field), BinaryPrimitives.ReadUInt16LittleEndian(field[2..]), present);
                break;
            case 4:
                line.Append("fhset ");
                line.Append((long)field[0]);
                line.Append(" fhpat ");
                line.Append((long)field[1]);
                line.Append(' ');
                break;
            case 5 or 6 or 10:
                line.Append((long)(sbyte)field[0]);
                line.Append(bit == 5 ? "dBm signal " : bit == 6 ? "dBm noise " : "dBm tx power ");
                break;
            case 7:
                line.Append((long)BinaryPrimitives.ReadUInt16LittleEndian(field));
                line.Append(" sq ");
                break;
            case 8:
                line.Append(-(long)BinaryPrimitives.ReadUInt16LittleEndian(field));
                line.Append(" tx power ");
                break;
            case 9:
                line.Append(-(long)field[0]);
                line.Append("dB tx attenuation ");
                break;
            case 11:
                line.Append("antenna ");
                line.Append((long)field[0]);
                line.Append(' ');
                break;
            case 12 or 13:
                line.Append((long)field[0]);
                line.Append(bit == 12 ? "dB signal " : "dB noise ");
                break;
            case 18:
                AppendChannel(BinaryPrimitives.ReadUInt16LittleEndian(field[4..]), BinaryPrimitives.ReadUInt32LittleEndian(field), present);
                break;
            case 19:
                AppendMcs(field[0], field[1], field[2]);
                break;
        }
    }

    /// <summary>A number of tenths as "%.1f" writes it.</summary>
    private void AppendTenths(long tenths)
    {
        _line.Append(tenths / 10);
        _line.Append('.');
        _line.Append(tenths % 10);
    }

    /// <summary>print_chaninfo: the frequency and the PHY the channel flags (or an MCS field) name.</summary>
    private void AppendChannel(ushort frequency, uint flags, uint present)
    {
        const uint turbo = 0x0010, cck = 0x0020, ofdm = 0x0040, ghz2 = 0x0080, ghz5 = 0x0100, dynamic = 0x0400, gfsk = 0x0800,
            half = 0x4000, quarter = 0x8000, ht20 = 0x10000, ht40Up = 0x20000, ht40Down = 0x40000;
        var line = _line;
        line.Append((long)frequency);
        line.Append(" MHz");
        if ((present & (1u << 19)) != 0)
        {
            line.Append(" 11n");
        }
        else
        {
            if ((flags & (ghz2 | gfsk)) == (ghz2 | gfsk))
                line.Append(" FHSS");
            string width = (flags & half) != 0 ? "/10Mhz" : (flags & quarter) != 0 ? "/5Mhz" : "";
            if ((flags & (ghz5 | ofdm)) == (ghz5 | ofdm))
            {
                line.Append(" 11a");
                line.Append(width);
            }
            if ((flags & (ghz2 | ofdm)) == (ghz2 | ofdm) || (flags & (ghz2 | dynamic)) == (ghz2 | dynamic))
            {
                line.Append(" 11g");
                line.Append(width);
            }
            else if ((flags & (ghz2 | cck)) == (ghz2 | cck))
            {
                line.Append(" 11b");
            }
            if ((flags & turbo) != 0)
                line.Append(" Turbo");
        }
        if ((flags & ht20) != 0)
            line.Append(" ht/20");
        else if ((flags & ht40Down) != 0)
            line.Append(" ht/40-");
        else if ((flags & ht40Up) != 0)
            line.Append(" ht/40+");
        line.Append(' ');
    }

    /// <summary>The radiotap MCS field: the rate when the index, bandwidth and guard interval are known, then what is known.</summary>
    private void AppendMcs(byte known, byte flags, byte index)
    {
        var line = _line;
        if ((known & 0x02) != 0)
        {
            // tcpdump needs the guard interval for a rate; an unknown bandwidth counts as 20 MHz.
            long rate = (known & 0x04) != 0 ? Ieee80211Rates.HtTenthsOfMbps(index, (known & 0x01) != 0 && (flags & 0x03) == 1, (flags & 0x04) != 0) : 0;
            if (rate > 0)
            {
                AppendTenths(rate);
                line.Append(" Mb/s ");
            }
            line.Append("MCS ");
            line.Append((long)index);
            line.Append(' ');
        }
        if ((known & 0x01) != 0)
        {
            line.Append((flags & 0x03) switch { 0 => "20 MHz", 1 => "40 MHz", 2 => "20 MHz (L)", _ => "20 MHz (U)" });
            line.Append(' ');
        }
        if ((known & 0x04) != 0)
            line.Append((flags & 0x04) != 0 ? "short GI " : "long GI ");
        if ((known & 0x08) != 0)
            line.Append((flags & 0x08) != 0 ? "greenfield " : "mixed ");
        if ((known & 0x10) != 0)
            line.Append((flags & 0x10) != 0 ? "LDPC FEC " : "BCC FEC ");
        if ((known & 0x20) != 0)
        {
            line.Append("RX-STBC");
            line.Append((long)((flags & 0x60) >> 5));
            line.Append(' ');
        }
    }

    /// <summary>
    /// ieee802_11_print from the frame control on, for the 802.11 layer at <paramref name="index"/> (or, for -1, the bytes
    /// <paramref name="bytes"/> RawNet could not decode as one). True when a data frame's LLC follows.
    /// </summary>
    private bool Append80211(DecodedPacket packet, int index, ReadOnlySpan<byte> bytes, int dataPad)
    {
        var line = _line;
        if (!Ieee80211Header.TryRead(bytes, out var wlan))
            return Truncated("802.11");
        int length = TcpdumpHeaderLength(wlan);
        if (length == 0)
            return false;
        if (dataPad != 0 || (index >= 0 && (packet[index].Detail & Ieee80211LayerDetail.DataPad) != 0))
            length = (length + 3) & ~3;
        if (bytes.Length < length)
            return Truncated("802.11");
        switch (wlan.Type)
        {
            case Ieee80211FrameType.Management:
                if (TcpdumpNames.Ieee80211Management(wlan.Subtype) is { } name)
                {
                    line.Append(name);
                    return false;
                }
                line.Append("Unhandled Management subtype(");
                line.AppendHexDigits((ulong)wlan.Subtype, 0);
                line.Append(')');
                return false;
            case Ieee80211FrameType.Control:
                AppendControlFrame(wlan, bytes);
                return false;
            default:
                if (wlan.HasNoBody)
                    return false;
                if (wlan.IsProtected)
                {
                    line.Append("Data");
                    if (bytes.Length < length + 4)
                        return Truncated("802.11");
                    uint iv = BinaryPrimitives.ReadUInt32LittleEndian(bytes[length..]);
                    line.Append(" IV:");
                    uint vector = iv & 0xFFFFFF;
                    line.Pad(3 - (vector < 0x10 ? 1 : vector < 0x100 ? 2 : 3));
                    line.AppendHexDigits(vector, 0);
                    line.Append(" Pad ");
                    line.AppendHexDigits((iv >> 24) & 0x3F, 0);
                    line.Append(" KeyID ");
                    line.AppendHexDigits(iv >> 30, 0);
                    return false;
                }
                return index >= 0;
        }
    }

    /// <summary>extract_header_length: tcpdump's header lengths, which know no HT control field; 0 (after its message) for a frame it does not know.</summary>
    private int TcpdumpHeaderLength(Ieee80211Header wlan)
    {
        switch (wlan.Type)
        {
            case Ieee80211FrameType.Management:
                return Ieee80211Header.BasicLength;
            case Ieee80211FrameType.Data:
                return wlan.QosOffset + (wlan.HasQos ? Ieee80211Header.QosLength : 0);
            case Ieee80211FrameType.Control when wlan.Subtype is >= 8 and <= 15:
                return wlan.Subtype switch { 8 => 20, 12 or 13 => 10, _ => 16 };
            case Ieee80211FrameType.Control:
                _line.Append("unknown 802.11 ctrl frame subtype (");
                _line.Append((long)wlan.Subtype);
                _line.Append(')');
                return 0;
            default:
                _line.Append("unknown 802.11 frame type (");
                _line.Append((long)wlan.Type);
                _line.Append(')');
                return 0;
        }
    }

    /// <summary>ctrl_body_print, without -e.</summary>
    private void AppendControlFrame(Ieee80211Header wlan, ReadOnlySpan<byte> bytes)
    {
        var line = _line;
        var address1 = bytes.Slice(Ieee80211Header.Field.Address1, 6);
        switch (wlan.Subtype)
        {
            case 8:
                line.Append("BAR RA:");
                line.AppendMac(address1);
                line.Append(" TA:");
                line.AppendMac(bytes.Slice(Ieee80211Header.Field.Address2, 6));
                line.Append(" CTL(");
                line.AppendHexDigits(BinaryPrimitives.ReadUInt16LittleEndian(bytes[16..]), 0);
                line.Append(") SEQ(");
                line.Append((long)BinaryPrimitives.ReadUInt16LittleEndian(bytes[18..]));
                line.Append(") ");
                return;
            case 10:
                line.Append("Power Save-Poll AID(");
                line.AppendHexDigits(BinaryPrimitives.ReadUInt16LittleEndian(bytes[Ieee80211Header.Field.Duration..]), 0);
                line.Append(')');
                return;
            case 11:
                line.Append("Request-To-Send TA:");
                line.AppendMac(bytes.Slice(Ieee80211Header.Field.Address2, 6));
                line.Append(' ');
                return;
            default:
                line.Append(wlan.Subtype switch
                {
                    9 => "BA",
                    12 => "Clear-To-Send",
                    13 => "Acknowledgment",
                    14 => "CF-End",
                    _ => "CF-End+CF-Ack",
                });
                line.Append(" RA:");
                line.AppendMac(address1);
                line.Append(' ');
                return;
        }
    }

    /// <summary>llc_print as far as RawNet follows it: SNAP with an EtherType RawNet decodes goes on to that protocol.</summary>
    private bool AppendSnap(ReadOnlySpan<byte> bytes)
    {
        if (!LlcHeader.TryRead(bytes, out var llc))
        {
            // llc_print gives up, and the 802.11 printer dumps what there is.
            Truncated("llc");
            AppendHexDump(bytes, "\n\t", withText: true);
            return false;
        }
        if (llc.IsSnap && llc.IsUnnumbered && bytes.Length < LlcHeader.SnapLength)
            return Truncated("snap");
        if (llc.IsSnap && llc.IsUnnumbered && llc.CarriesEtherType)
            return true;
        // tcpdump goes on to the SAP's or the OUI's printer, which RawNet does not have.
        _line.Append("LLC");
        return false;
    }
}
