using RawNet.Protocols.Atm;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Summary;

// tcpdump's SunATM printer (print-sunatm.c: sunatm_if_print, then print-atm.c: atm_print) without -e: on VPI 0 the
// well-known VCIs first, whatever the header's type (5: sig_print's Q.2931 message, 2 and 1: their words only); then LANE
// for type 1 (print-lane.c: lane_print, an LE Control frame's words or "lecid:" and the Ethernet frame), and LLC from the
// PDU's first byte for any other type (atm_llc_print). tshark guesses the PDU's protocol otherwise, so the LLC is decoded
// aside as tcpdump reads it. OAM cells (VCIs 3 and 4) and ILMI (VCI 16, SNMP) have printers RawNet does not (docs/cli.md).
public sealed partial class SummaryPrinter
{
    /// <summary>The Sun ATM layer at <paramref name="index"/> and its PDU; <paramref name="length"/> is the frame's length.</summary>
    private void AppendSunAtm(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        if (!SunAtmHeader.TryRead(frame, out var sun))
        {
            Truncated("sunatm");
            return;
        }
        const int at = SunAtmHeader.Length;
        var pdu = frame[at..];
        int wire = length - at;
        if (sun.Vpi == 0)
        {
            switch (sun.Vci)
            {
                case 5:
                    AppendQ2931(pdu);
                    return;
                case 2:
                    _line.Append("broadcast sig: ");
                    return;
                case 1:
                    _line.Append("meta: ");
                    return;
            }
        }
        if (!sun.IsLane)
        {
            AppendAtmAfterForeHeader(packet, pdu, wire);
            return;
        }
        if (pdu.Length < 2 || pdu[0] == 0xFF && pdu[1] == 0x00 && pdu.Length < 6)
        {
            Truncated("lane");
            return;
        }
        if (pdu[0] == 0xFF && pdu[1] == 0x00)
        {
            _line.Append("lec: proto ");
            _line.AppendHexDigits(pdu[2], 1);
            _line.Append(" vers ");
            _line.AppendHexDigits(pdu[3], 1);
            _line.Append(' ');
            ushort opcode = (ushort)(pdu[4] << 8 | pdu[5]);
            string name = TcpdumpLeControlOpcode(opcode);
            if (name.Length > 0)
                _line.Append(name);
            else
            {
                _line.Append("opcode-#");
                _line.Append(opcode);
            }
            return;
        }
        if (pdu.Length < 2 + 14 || wire < 2 + 14)
        {
            Truncated("ether");
            return;
        }
        _line.Append("lecid:");
        _line.AppendHexDigits((ushort)(pdu[0] << 8 | pdu[1]), 1);
        _line.Append(' ');
        // The decoder took the same bytes for LANE (both read the type from the flags' low nibble): Ethernet after the LECID.
        if (index + 2 < packet.LayerCount && packet[index + 1].Kind == LayerKind.AtmLane && packet[index + 2].Kind == LayerKind.Ethernet)
            AppendLinkAndNetwork(packet, frame, index + 2, wire - 2);
    }

    /// <summary>sig_print: a Q.2931 message's type and call reference, or SSCOP's protocol byte.</summary>
    private void AppendQ2931(ReadOnlySpan<byte> pdu)
    {
        if (pdu.Length < 1)
        {
            Truncated("atm");
            return;
        }
        if (pdu[0] != 0x09)
        {
            _line.Append("SSCOP, proto ");
            _line.Append(pdu[0]);
            _line.Append(' ');
            return;
        }
        _line.Append("Q.2931");
        if (pdu.Length < 6)
        {
            Truncated("atm");
            return;
        }
        _line.Append(':');
        string name = TcpdumpQ2931MessageType(pdu[5]);
        if (name.Length > 0)
            _line.Append(name);
        else
        {
            _line.Append("msgtype#");
            _line.Append(pdu[5]);
        }
        _line.Append(" CALL_REF:0x");
        _line.AppendHexDigits((uint)(pdu[2] << 16 | pdu[3] << 8 | pdu[4]), 6);
    }

    /// <summary>tcpdump's names of the LE Control opcodes (print-lane.c: lecop2str), "" for another.</summary>
    private static string TcpdumpLeControlOpcode(ushort opcode) => opcode switch
    {
        0x0001 => "configure request",
        0x0101 => "configure response",
        0x0002 => "join request",
        0x0102 => "join response",
        0x0003 => "ready query",
        0x0103 => "ready indication",
        0x0004 => "register request",
        0x0104 => "register response",
        0x0005 => "unregister request",
        0x0105 => "unregister response",
        0x0006 => "ARP request",
        0x0106 => "ARP response",
        0x0007 => "flush request",
        0x0107 => "flush response",
        0x0008 => "NARP request",
        0x0009 => "topology request",
        _ => "",
    };

    /// <summary>tcpdump's names of the Q.2931 message types (print-atm.c: msgtype2str), "" for another.</summary>
    private static string TcpdumpQ2931MessageType(byte type) => type switch
    {
        0x02 => "Call_proceeding",
        0x07 => "Connect",
        0x0F => "Connect_ack",
        0x05 => "Setup",
        0x4D => "Release",
        0x5A => "Release_complete",
        0x46 => "Restart",
        0x4E => "Restart_ack",
        0x7D => "Status",
        0x75 => "Status_enquiry",
        0x80 => "Add_party",
        0x81 => "Add_party_ack",
        0x82 => "Add_party_reject",
        0x83 => "Drop_party",
        0x84 => "Drop_party_ack",
        _ => "",
    };
}
