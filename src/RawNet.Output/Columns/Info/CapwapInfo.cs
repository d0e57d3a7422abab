using RawNet.Protocols.Capwap;

namespace RawNet.Output.Columns.Info;

/// <summary>tshark's CAPWAP data channel Info text, when the message's payload writes none of its own.</summary>
internal static class CapwapInfo
{
    /// <summary>
    /// "CAPWAP-Data", " Keep-Alive" once the flags were read with K set, then for a fragment whose header was read and
    /// with bytes after it " (Reassembled, Fragment ID: n)" when complete by itself, else " (Fragment ID: n, Fragment
    /// Offset: m)"; true when the message was cut.
    /// </summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        ref readonly var layer = ref source.Packet[index];
        if (layer.Kind == RawNet.Protocols.Decoding.LayerKind.CapwapControl)
            return WriteControl(line, header, in layer);
        line.Append("CAPWAP-Data");
        if (header.Length >= CapwapHeader.Field.FragmentId && CapwapHeader.PreambleType(header[0]) != CapwapHeader.DtlsType
            && (CapwapHeader.Flags(header) & CapwapHeader.FlagK) != 0)
            line.Append(" Keep-Alive");
        if (layer.Status != RawNet.Protocols.Decoding.LayerStatus.Complete || header.Length < CapwapHeader.FixedLength
            || CapwapHeader.PreambleType(header[0]) == CapwapHeader.DtlsType)
            return layer.Status != RawNet.Protocols.Decoding.LayerStatus.Complete;
        uint flags = CapwapHeader.Flags(header);
        int length = CapwapHeader.Words(header) * 4;
        if ((flags & CapwapHeader.FlagF) == 0 || CapwapHeader.Words(header) < 2 || layer.Extent <= length)
            return false;
        AppendFragment(line, header, CapwapHeader.IsWholeFragment(flags, CapwapHeader.FragmentOffset(header)));
        return false;
    }

    /// <summary>" (Reassembled, Fragment ID: n)" for a fragment tshark reassembled, else " (Fragment ID: n, Fragment Offset: m)".</summary>
    private static void AppendFragment(TextLine line, ReadOnlySpan<byte> header, bool reassembled)
    {
        line.Append(reassembled ? " (Reassembled, Fragment ID: " : " (Fragment ID: ");
        line.Append(CapwapHeader.FragmentId(header));
        if (!reassembled)
        {
            line.Append(", Fragment Offset: ");
            line.Append(CapwapHeader.FragmentOffset(header));
        }
        line.Append(')');
    }

    /// <summary>
    /// tshark's CAPWAP control text: "CAPWAP-Control", a fragment's as the data channel's, then " - " and the message type's
    /// name (or "Unknown Message Type (0x..)") once its four bytes were read; true when the message was cut.
    /// </summary>
    private static bool WriteControl(TextLine line, ReadOnlySpan<byte> header, in RawNet.Protocols.Decoding.Layer layer)
    {
        bool cut = layer.Status != RawNet.Protocols.Decoding.LayerStatus.Complete;
        line.Append("CAPWAP-Control");
        if (header.Length < CapwapHeader.FixedLength || CapwapHeader.PreambleType(header[0]) == CapwapHeader.DtlsType || CapwapHeader.Words(header) < 2
            || CapwapLayout.Of(header).Stopped)
            return cut;
        uint flags = CapwapHeader.Flags(header);
        int length = CapwapHeader.Words(header) * 4;
        if ((flags & CapwapHeader.FlagF) != 0)
        {
            if (layer.Extent <= length)
                return cut;
            // A whole fragment the capture cut is not reassembled: a fragment like the others.
            if (!CapwapHeader.IsWholeFragment(flags, CapwapHeader.FragmentOffset(header)) || header.Length < layer.Extent)
            {
                AppendFragment(line, header, reassembled: false);
                return cut;
            }
        }
        if (header.Length >= length + 4)
            AppendMessageType(line, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[length..]));
        // tshark writes what it reassembled after the message's own text.
        if ((flags & CapwapHeader.FlagF) != 0)
            AppendFragment(line, header, reassembled: true);
        return cut;
    }

    /// <summary>" - " and the message type's name, or "Unknown Message Type (0x..)".</summary>
    private static void AppendMessageType(TextLine line, uint type)
    {
        line.Append(" - ");
        if (CapwapControlHeader.MessageName(type) is { } name)
            line.Append(name);
        else
        {
            line.Append("Unknown Message Type (0x");
            line.AppendHexDigits(type, 1, uppercase: false);
            line.Append(')');
        }
    }

    /// <summary>
    /// tshark's LWAPP text: "CNTL " and the control type's name (or "Bad Type: 0x..") once the control header was read,
    /// "CNTL " alone before that, "LWAPP IP or Layer 2" before the header was read, with " 802.11 Packet" after it; true
    /// when the message was cut.
    /// </summary>
    public static bool WriteLwapp(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        ref readonly var layer = ref source.Packet[index];
        int start = (layer.Detail & LwappLayerDetail.ApIdentity) != 0 ? LwappHeader.ApIdentityLength : 0;
        bool cut = layer.Status != RawNet.Protocols.Decoding.LayerStatus.Complete;
        if (header.Length < start + LwappHeader.Length)
        {
            line.Append("LWAPP IP or Layer 2");
            return cut;
        }
        if ((header[start] & LwappHeader.ControlFlag) == 0)
        {
            line.Append("LWAPP IP or Layer 2 802.11 Packet");
            return cut;
        }
        line.Append("CNTL ");
        int at = start + LwappHeader.Length;
        if (header.Length < at + LwappHeader.ControlLength)
            return cut;
        if (LwappHeader.ControlName(header[at]) is { } name)
            line.Append(name);
        else
        {
            line.Append("Bad Type: 0x");
            line.AppendHexDigits(header[at], 2, uppercase: false);
        }
        return cut;
    }
}
