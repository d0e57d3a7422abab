using System.Buffers.Binary;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Tcp;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// TCP's Info text as tshark 4.0 writes it: the analysis tags ("[TCP Retransmission] ", in Wireshark's order), then
/// <c>SPORT → DPORT [FLAGS] Seq=S Ack=A Win=W Urg=U Len=L</c> with relative numbers and the scaled window where the
/// conversation tracker analysed the segment, then one text per option (MSS=, WS=, SACK_PERM, TSval= TSecr=, SLE= SRE=,
/// TFO=, ...). A header cut short stops where tshark's dissector stops reading, and then shows no tags. A segment the
/// conversation tracker found to be part of an HTTP message later segments complete ends in " [TCP segment of a
/// reassembled PDU]"; when it starts that message, tshark shows HTTP's first line in place of the ports and numbers.
/// </summary>
internal static class TcpInfo
{
    /// <summary>The flag names in bit order, FIN first, as the Info column spells them.</summary>
    private static readonly string[] FlagNames = ["FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"];

    /// <summary>The analysis tags, leftmost first, each with the flag that writes it.</summary>
    private static readonly (TcpAnalysisFlags Flag, string Tag)[] Tags =
    [
        (TcpAnalysisFlags.ZeroWindowProbeAck, "[TCP ZeroWindowProbeAck] "),
        (TcpAnalysisFlags.ZeroWindow, "[TCP ZeroWindow] "),
        (TcpAnalysisFlags.ZeroWindowProbe, "[TCP ZeroWindowProbe] "),
        (TcpAnalysisFlags.DuplicateAck, "[TCP Dup ACK "),
        (TcpAnalysisFlags.KeepAliveAck, "[TCP Keep-Alive ACK] "),
        (TcpAnalysisFlags.KeepAlive, "[TCP Keep-Alive] "),
        (TcpAnalysisFlags.WindowFull, "[TCP Window Full] "),
        (TcpAnalysisFlags.WindowUpdate, "[TCP Window Update] "),
        (TcpAnalysisFlags.AckLostSegment, "[TCP ACKed unseen segment] "),
        (TcpAnalysisFlags.LostSegment, "[TCP Previous segment not captured] "),
        (TcpAnalysisFlags.OutOfOrder, "[TCP Out-Of-Order] "),
        (TcpAnalysisFlags.SpuriousRetransmission, "[TCP Spurious Retransmission] "),
        (TcpAnalysisFlags.FastRetransmission, "[TCP Fast Retransmission] "),
        (TcpAnalysisFlags.Retransmission, "[TCP Retransmission] "),
        (TcpAnalysisFlags.ReusedPorts, "[TCP Port numbers reused] "),
    ];

    /// <summary>What tshark appends to a segment that is a part of a message later segments complete.</summary>
    public const string SegmentOfPdu = " [TCP segment of a reassembled PDU]";

    /// <summary>What tshark appends to a segment resending bytes of a message it already put together.</summary>
    public const string OverlapError = "[Reassembly error, protocol TCP: New fragment overlaps old data (retransmission?)]";

    /// <summary>How many characters of <paramref name="text"/>, TCP's Info text, its leading analysis tags take.</summary>
    public static int TagsLength(ReadOnlySpan<char> text)
    {
        int length = 0;
        while (text[length..].StartsWith("[TCP ") && text[length..].IndexOf("] ") is >= 0 and var end)
            length += end + 2;
        return length;
    }

    /// <summary>Writes the Info text; true when the header was cut short.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        bool cut = WriteSegment(line, in source, index, out var part);
        if (part is TcpPduPart.Held or TcpPduPart.HeldAfterLine)
            line.Append(SegmentOfPdu);
        else if (part == TcpPduPart.Overlap)
            line.Append(OverlapError);
        return cut;
    }

    private static bool WriteSegment(TextLine line, in InfoSource source, int index, out TcpPduPart part)
    {
        var header = source.Header(index);
        ref readonly var layer = ref source.Packet[index];
        bool tracked = source.TryGetTransport(index, out var transport) && transport.HasTcp;
        part = tracked ? transport.PduPart : TcpPduPart.None;
        ref readonly var analysis = ref transport.Tcp;
        int headerLength = header.Length > TcpHeader.Field.DataOffsetAndFlags ? (header[TcpHeader.Field.DataOffsetAndFlags] >> 4) * 4 : 0;
        // The tags go in front, but tshark writes them last: only a header read to its end has them.
        bool whole = header.Length >= Math.Max(headerLength, TcpHeader.MinLength) && layer.Extent >= headerLength;
        if (tracked && whole && (analysis.Items & TcpAnalysisItems.Analysis) != 0)
            AppendTags(line, in analysis);
        // The first line of the message held: the tracker lends the bytes put together so far, else it starts in this payload.
        if (part is TcpPduPart.HeldAfterLine or TcpPduPart.FaultAfterLine
            && AppendFirstLine(line, !source.Packet.Stream.IsEmpty ? source.Packet.Stream : source.Bytes(index)[Math.Min(headerLength, source.Bytes(index).Length)..]))
            return part == TcpPduPart.FaultAfterLine;

        if (!PortsInfo.Append(line, in source, index) || !TcpHeader.TryReadNumbers(header, out var tcp))
            return true;
        var flags = tcp.Flags;
        line.Append(" [");
        AppendFlags(line, flags);
        line.Append("] Seq=");
        line.Append(tracked ? analysis.Seq : tcp.SequenceNumber);
        if ((flags & TcpFlags.Ack) != 0)
        {
            line.Append(" Ack=");
            line.Append(tracked ? analysis.Ack : tcp.AcknowledgmentNumber);
        }
        line.Append(" Win=");
        line.Append(tracked ? analysis.WindowSize : tcp.Window);
        if (headerLength < TcpHeader.MinLength)
        {
            line.Append(", bogus TCP header length (");
            line.Append(headerLength);
            line.Append(", must be at least 20)");
            return false;
        }
        if (layer.Extent < headerLength)
        {
            // The IP layer leaves fewer bytes than the header claims: tshark stops at the "short segment".
            line.Append(InfoColumn.MalformedMark);
            return false;
        }
        if (header.Length < TcpHeader.MinLength)
            return true;
        if ((flags & TcpFlags.Urg) != 0)
        {
            line.Append(" Urg=");
            line.Append(tcp.UrgentPointer);
        }
        line.Append(" Len=");
        line.Append(layer.Extent - headerLength);
        return AppendOptions(line, header[TcpHeader.MinLength..Math.Min(header.Length, headerLength)], headerLength - TcpHeader.MinLength,
            tracked ? analysis.SackBase : 0);
    }

    /// <summary>The message's first line and a space, as HTTP wrote it before it asked TCP for more.</summary>
    private static bool AppendFirstLine(TextLine line, ReadOnlySpan<byte> payload)
    {
        int length = RawNet.Protocols.Http.HttpText.FindLineEnd(payload, 0, desegment: false, out _);
        line.AppendFormatText(payload[..length]);
        line.Append(' ');
        return true;
    }

    private static void AppendTags(TextLine line, in TcpSegmentAnalysis analysis)
    {
        foreach (var (flag, tag) in Tags)
        {
            if ((analysis.Flags & flag) == 0)
                continue;
            if (flag != TcpAnalysisFlags.DuplicateAck)
            {
                line.Append(tag);
                continue;
            }
            if ((analysis.Items & TcpAnalysisItems.DuplicateAck) == 0)
                continue;
            line.Append(tag);
            line.Append(analysis.DuplicateAckFrame);
            line.Append('#');
            line.Append(analysis.DuplicateAckNumber);
            line.Append("] ");
        }
    }

    private static void AppendFlags(TextLine line, TcpFlags flags)
    {
        if (flags == TcpFlags.None)
        {
            line.Append("<None>");
            return;
        }
        bool first = true;
        for (int bit = 0; bit < FlagNames.Length; bit++)
        {
            if (((int)flags & (1 << bit)) == 0)
                continue;
            if (!first)
                line.Append(", ");
            line.Append(FlagNames[bit]);
            first = false;
        }
        if ((flags & TcpFlags.Reserved) != 0)
            line.Append(first ? "Reserved" : ", Reserved");
    }

    /// <summary>
    /// One text per option, as tshark appends them; true when the capture ended inside the option area
    /// (<paramref name="declared"/> bytes long, of which <paramref name="options"/> were captured).
    /// </summary>
    private static bool AppendOptions(TextLine line, ReadOnlySpan<byte> options, int declared, uint sackBase)
    {
        var reader = new TcpOptionReader(options);
        while (reader.TryNext(out var option))
        {
            if (!option.Complete)
                return options.Length < declared;
            var value = options.Slice(option.Offset, option.Length);
            switch ((int)option.Kind)
            {
                case (int)TcpOptionKind.MaximumSegmentSize when option.Length == 4:
                    line.Append(" MSS=");
                    line.Append(BinaryPrimitives.ReadUInt16BigEndian(value[2..]));
                    break;
                case (int)TcpOptionKind.WindowScale when option.Length == 3:
                    line.Append(" WS=");
                    line.Append(1 << Math.Min((int)value[2], 14));
                    break;
                case (int)TcpOptionKind.SackPermitted when option.Length == 2:
                    line.Append(" SACK_PERM");
                    break;
                case (int)TcpOptionKind.Sack:
                    for (int at = 2; at + 8 <= value.Length; at += 8)
                    {
                        line.Append(" SLE=");
                        line.Append(BinaryPrimitives.ReadUInt32BigEndian(value[at..]) - sackBase);
                        line.Append(" SRE=");
                        line.Append(BinaryPrimitives.ReadUInt32BigEndian(value[(at + 4)..]) - sackBase);
                    }
                    break;
                case (int)TcpOptionKind.Timestamps when option.Length == 10:
                    line.Append(" TSval=");
                    line.Append(BinaryPrimitives.ReadUInt32BigEndian(value[2..]));
                    line.Append(" TSecr=");
                    line.Append(BinaryPrimitives.ReadUInt32BigEndian(value[6..]));
                    break;
                case (int)TcpOptionKind.Echo or (int)TcpOptionKind.EchoReply when option.Length == 6:
                    line.Append(" ECHO=");
                    line.Append(BinaryPrimitives.ReadUInt32BigEndian(value[2..]));
                    break;
                case (int)TcpOptionKind.Md5Signature when option.Length == 18:
                    line.Append(" MD5");
                    break;
                case (int)TcpOptionKind.UserTimeout when option.Length == 4:
                    line.Append(" USER_TO=");
                    line.Append(BinaryPrimitives.ReadUInt16BigEndian(value[2..]) & 0x7FFF);
                    break;
                case (int)TcpOptionKind.Authentication when option.Length >= 4:
                    line.Append("TCP AO");
                    break;
                case (int)TcpOptionKind.FastOpen:
                    line.Append(option.Length > 2 ? " TFO=C" : " TFO=R");
                    break;
                case (int)TcpOptionKind.Experiment1 or (int)TcpOptionKind.Experiment2 when option.Length >= 4:
                    line.Append(" ExID=");
                    line.AppendHexDigits(BinaryPrimitives.ReadUInt16BigEndian(value[2..]), 4, uppercase: true);
                    break;
            }
        }
        return options.Length < declared;
    }
}
