using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Lldp;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// LLDP's Info column as tshark 4.0 writes it: the chassis and port IDs with their subtype's two letters
/// ("MA/00:1b:54:94:5a:8b IN/Gi1/0/1 "), the TTL ("120 "), "SysN=... " and "SysD=... " for the system name and
/// description, each with a trailing space; or, for a bad or repeated mandatory TLV, only tshark's text for it
/// ("Invalid Chassis ID TLV", "Duplicate Port ID TLV").
/// </summary>
internal static class LldpInfo
{
    /// <summary>Writes the Info text; true when tshark stopped short in the PDU (a mark follows).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var pdu = source.Header(index);
        ref readonly var layer = ref source.Packet[index];
        var writer = new Writer(line, pdu, line.Length);
        LldpWalk.Run(pdu, layer.Extent, ref writer, out _, out _);
        return layer.Status != LayerStatus.Complete;
    }

    /// <summary>The mark tshark appends for the exception that ended a malformed PDU.</summary>
    public static string MalformedMark(in Layer layer) =>
        layer.Detail == LldpLayerDetail.Contained ? Ieee80211Info.ContainedItemMark : InfoColumn.MalformedMark;

    private static string Letters(bool port, int subtype) => port
        ? subtype switch { 1 => "IA", 2 => "PC", 3 => "MA", 4 => "NA", 5 => "IN", 6 => "AC", 7 => "LA", _ => "Rs" }
        : subtype switch { 1 => "CC", 2 => "IA", 3 => "PC", 4 => "MA", 5 => "NA", 6 => "IN", 7 => "LA", _ => "Rs" };

    private ref struct Writer(TextLine line, ReadOnlySpan<byte> pdu, int start) : IItemVisitor<LldpValue>
    {
        private readonly ReadOnlySpan<byte> _pdu = pdu;

        public bool Item(LldpValue which, int offset, int length, ulong number)
        {
            switch (which)
            {
                case LldpValue.InfoId:
                {
                    bool port = (number & 1) != 0;
                    line.Append(Letters(port, (int)(number >> 8 & 0xFF)));
                    line.Append('/');
                    var bytes = _pdu.Slice(offset, length);
                    switch ((LldpIdFormat)(number >> 16))
                    {
                        case LldpIdFormat.Mac:
                            line.AppendMac(bytes);
                            break;
                        case LldpIdFormat.Ipv4:
                            line.AppendIpv4(bytes);
                            break;
                        case LldpIdFormat.Ipv6:
                            line.AppendIpv6(bytes);
                            break;
                        case LldpIdFormat.Hex:
                            line.AppendHexBytes(bytes);
                            break;
                        case LldpIdFormat.Reserved:
                            line.Append("Reserved");
                            break;
                        default:
                            AppendStringzPad(bytes);
                            break;
                    }
                    line.Append(' ');
                    break;
                }
                case LldpValue.InfoTtl:
                    line.Append(number);
                    line.Append(' ');
                    break;
                case LldpValue.InfoSystem:
                    line.Append(number == 0 ? "SysN=" : "SysD=");
                    AppendStringzPad(_pdu.Slice(offset, length));
                    line.Append(' ');
                    break;
                case LldpValue.InfoSet:
                    line.Truncate(start);
                    line.Append((LldpInfoText)number switch
                    {
                        LldpInfoText.InvalidChassis => "Invalid Chassis ID TLV",
                        LldpInfoText.InvalidPort => "Invalid Port ID TLV",
                        LldpInfoText.InvalidTtl => "Invalid Time-to-Live TLV",
                        LldpInfoText.DuplicateChassis => "Duplicate Chassis ID TLV",
                        LldpInfoText.DuplicatePort => "Duplicate Port ID TLV",
                        _ => "Duplicate Time-To-Live TLV",
                    });
                    break;
            }
            return true;
        }

        /// <summary>tvb_format_stringzpad: the text up to its first NUL, as format_text writes it.</summary>
        private readonly void AppendStringzPad(ReadOnlySpan<byte> bytes)
        {
            int nul = bytes.IndexOf((byte)0);
            line.AppendFormatText(nul >= 0 ? bytes[..nul] : bytes);
        }
    }
}
