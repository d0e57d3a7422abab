using RawNet.Protocols.Decoding;
using RawNet.Protocols.GprsLlc;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The Info texts of tshark 4.0's llcgprs and sndcp. llcgprs: "SAPI: " and the SAPI's short name, then the format and,
/// once the control field was read, its function and sequence numbers (a refused PD bit writes its own sentence).
/// sndcp clears the column, then writes an acknowledged first segment's or an unacknowledged segment's N-PDU number and,
/// for a segment it could not reassemble, " (Unreassembled fragment ...)".
/// </summary>
internal static class GprsLlcInfo
{
    private static readonly string[] SapiNames =
    [
        "Reserved 0", "LLGMM", "TOM2", "LL3", "Reserved 4", "LL5", "Reserved 6", "LLSMS", "TOM8", "LL9", "Reserved 10", "LL11",
        "Reserved 12", "Reserved 13", "Reserved 14", "Reserved 15",
    ];

    private static readonly string[] SupervisoryNames = ["RR", "ACK", "RNR", "SACK"];

    private static readonly string[] UiNames =
    [
        "unprotected,non-ciphered information", "protected, non-ciphered information", "unprotected,ciphered information",
        "protected, ciphered information",
    ];

    /// <summary>Writes the Info text of the llcgprs or sndcp layer at <paramref name="index"/>; true when it was cut short or is malformed.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        var buffer = source.Packet.BufferOf(layer, source.Frame);
        var bytes = buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)];
        if (layer.Kind == LayerKind.Sndcp)
            WriteSndcp(line, in layer, bytes);
        else
            WriteLlc(line, GprsLlcWalk.Run(bytes, layer.Extent));
        return layer.Status != LayerStatus.Complete;
    }

    private static void WriteLlc(TextLine line, in GprsLlcSummary walk)
    {
        if (walk.Reach == GprsLlcReach.Refused)
        {
            line.Append("Invalid packet - Protocol Discriminator bit is set to 1");
            return;
        }
        if (walk.Reach < GprsLlcReach.Address)
            return;
        line.Append("SAPI: ");
        line.Append(SapiNames[walk.Sapi]);
        if (walk.Reach < GprsLlcReach.Format)
            return;
        bool control = walk.Reach >= GprsLlcReach.Control;
        switch (walk.Format)
        {
            case GprsLlcFormat.Information:
                line.Append(", I, ");
                if (!control)
                    return;
                line.Append(SupervisoryNames[walk.Epm]);
                AppendNumber(line, ", N(S) = ", walk.SendSequence);
                AppendNumber(line, ", N(R) = ", walk.Sequence);
                if (walk.K != 0)
                    AppendNumber(line, ", k = ", walk.K);
                return;
            case GprsLlcFormat.Supervisory:
                line.Append(", S, ");
                if (!control)
                    return;
                line.Append(SupervisoryNames[walk.Epm]);
                AppendNumber(line, ", N(R) = ", walk.Sequence);
                return;
            case GprsLlcFormat.UnconfirmedInformation:
                line.Append(", UI, ");
                if (!control)
                    return;
                line.Append(UiNames[walk.Epm]);
                AppendNumber(line, ", N(U) = ", walk.Sequence);
                return;
            default:
                line.Append(", U, ");
                AppendUnnumbered(line, walk.Control & 0x0F);
                return;
        }
    }

    private static void AppendNumber(TextLine line, string label, int value)
    {
        line.Append(label);
        line.Append((ulong)value);
    }

    private static void AppendUnnumbered(TextLine line, int code)
    {
        string? name = code switch
        {
            0x1 => "DM-response",
            0x4 => "DISC-command",
            0x6 => "UA-response",
            0x7 => "SABM",
            0x8 => "FRMR",
            0xB => "XID",
            _ => null,
        };
        if (name != null)
        {
            line.Append(name);
            return;
        }
        line.Append("Unknown/invalid code:");
        line.AppendHexDigits((ulong)code, 1, uppercase: true);
    }

    private static void WriteSndcp(TextLine line, in Layer layer, ReadOnlySpan<byte> bytes)
    {
        int have = Math.Min(layer.HeaderLength, bytes.Length);
        if (have < 1)
            return;
        byte address = bytes[0];
        bool first = (address & SndcpHeader.FirstBit) != 0, unack = (address & SndcpHeader.TypeBit) != 0;
        int segment = 0;
        if (first && !unack && have > 2)
        {
            line.Append("SN-DATA N-PDU ");
            line.Append((ulong)bytes[2]);
        }
        int numbers = first ? 2 : 1;
        if (unack && have >= numbers + 2)
        {
            segment = bytes[numbers] >> 4;
            line.Append("SN-UNITDATA N-PDU ");
            line.Append((ulong)(((bytes[numbers] & 0x0F) << 8) | bytes[numbers + 1]));
            line.Append(" (segment ");
            line.Append((ulong)segment);
            line.Append(')');
        }
        if (layer.Detail != SndcpLayerDetail.Fragment)
            return;
        if (unack)
        {
            line.Append(" (Unreassembled fragment ");
            line.Append((ulong)segment);
            line.Append(')');
        }
        else
            line.Append(" (Unreassembled fragment)");
    }
}
