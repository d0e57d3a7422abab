using RawNet.Protocols.Ax25;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The Info text of KISS, AX.25 and AX.25's no-layer-3 text when nothing after them wrote theirs, in tshark 4.0's words:
/// KISS "Data frame, Port 0" or "Tx delay 50, Port 0" (nothing when the parameter it reads first is missing); AX.25 the
/// control field as xdlc writes it ("U, func=UI", "S P, func=RR, N(R)=2", "I, N(R)=1, N(S)=0"), then for an information
/// frame the protocol ID by name ("IP", "Unknown (0x42)"); the no-layer-3 text "Text".
/// </summary>
internal static class Ax25Info
{
    private const byte PollFinal = 0x10;

    /// <summary>Writes the Info text of the layer at <paramref name="index"/>.</summary>
    public static void Write(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        switch (source.Packet[index].Kind)
        {
            case LayerKind.Ax25Kiss:
                WriteKiss(line, header);
                return;
            case LayerKind.Ax25NoL3:
                line.Append("Text");
                return;
            default:
                WriteAx25(line, header);
                return;
        }
    }

    private static void WriteKiss(TextLine line, ReadOnlySpan<byte> header)
    {
        if (header.Length < 1)
            return;
        int command = header[0] & 0x0F;
        bool hasParameter = header.Length > Ax25KissHeader.ParameterOffset;
        if (Ax25KissHeader.ReadsParameterFirst(command) && !hasParameter)
            return;
        if (Ax25KissHeader.CommandName(command) is { } name)
            line.Append(name);
        else
        {
            line.Append("Unknown (");
            line.Append(command);
            line.Append(')');
        }
        if (Ax25KissHeader.ParameterLength(command, header.Length) > 0)
        {
            // set hardware's parameter is bytes: tshark writes 0 for it.
            line.Append(' ');
            line.Append(command == Ax25KissHeader.SetHardware ? 0 : header[Ax25KissHeader.ParameterOffset]);
        }
        line.Append(", Port ");
        line.Append(header[0] >> 4);
    }

    private static void WriteAx25(TextLine line, ReadOnlySpan<byte> header)
    {
        var layout = Ax25Layout.Read(header);
        if (layout.ControlOffset < 0)
            return;
        byte control = header[layout.ControlOffset];
        bool response = Ax25Header.IsResponseFrame(header);
        bool pollFinal = (control & PollFinal) != 0;
        if ((control & 0x01) == 0)
        {
            line.Append(pollFinal ? "I P, N(R)=" : "I, N(R)=");
            line.Append(control >> 5);
            line.Append(", N(S)=");
            line.Append((control >> 1) & 0x07);
        }
        else if ((control & 0x03) == 0x01)
        {
            line.Append(!pollFinal ? "S, func=" : response ? "S F, func=" : "S P, func=");
            line.Append(((control >> 2) & 0x03) switch { 0 => "RR", 1 => "RNR", 2 => "REJ", _ => "SREJ" });
            line.Append(", N(R)=");
            line.Append(control >> 5);
        }
        else
        {
            line.Append(!pollFinal ? "U, func=" : response ? "U F, func=" : "U P, func=");
            line.Append(LlcInfo.UnnumberedName(control & 0xEC, response));
        }
        if (layout.PidOffset < 0)
            return;
        line.Append(", ");
        byte pid = header[layout.PidOffset];
        if (PidName(pid) is { } name)
            line.Append(name);
        else
        {
            line.Append("Unknown (0x");
            line.AppendHexDigits(pid, 2);
            line.Append(')');
        }
    }

    /// <summary>tshark's names of AX.25 protocol IDs.</summary>
    private static string? PidName(byte pid) => pid switch
    {
        0x01 => "Rose",
        0x06 => "RFC1144 (compressed)",
        0x07 => "RFC1144 (uncompressed)",
        0x08 => "Segment",
        0xC3 => "Texnet",
        0xC4 => "Link Quality protocol",
        0xCA => "AppleTalk",
        0xCB => "AppleTalk ARP",
        0xCC => "IP",
        0xCD => "ARP",
        0xCE => "FlexNet",
        0xCF => "NetRom",
        0xF0 => "No L3",
        0xFF => "L3 esc",
        _ => null,
    };
}
