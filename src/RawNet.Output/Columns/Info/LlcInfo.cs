using RawNet.Protocols.Llc;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The Info text of an 802.2 LLC header whose payload nothing decoded, in tshark's words: the control field ("U,
/// func=UI", "S, func=RR, N(R)=2", "I, N(R)=1, N(S)=0", with "P" or "F" for the poll/final bit of a command or a
/// response), then the SNAP OUI and protocol ID, or the two SAPs by name.
/// </summary>
internal static class LlcInfo
{
    private const byte PollFinalU = 0x10, PollFinal = 0x01, ResponseBit = 0x01, GroupBit = 0x01;

    /// <summary>Writes the Info text; true when the header was cut short.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var bytes = source.Bytes(index);
        if (!LlcHeader.TryRead(bytes, out var llc))
            return true;
        bool response = (bytes[LlcHeader.Field.Ssap] & ResponseBit) != 0;
        byte control = bytes[LlcHeader.Field.Control];
        if (llc.IsUnnumbered)
        {
            line.Append('U');
            AppendPollFinal(line, (control & PollFinalU) != 0, response);
            line.Append(", func=");
            line.Append(UnnumberedName(control & 0xEC, response));
        }
        else
        {
            if (!llc.HasControl)
                return true;
            byte second = bytes[LlcHeader.Field.Control + 1];
            bool information = (control & 0x01) == 0;
            line.Append(information ? 'I' : 'S');
            // tshark names the bit of an information frame P whatever the SSAP says; S and U frames say F when it answers.
            AppendPollFinal(line, (second & PollFinal) != 0, response && !information);
            if (!information)
            {
                line.Append(", func=");
                line.Append(((control >> 2) & 0x3) switch { 0 => "RR", 1 => "RNR", 2 => "REJ", _ => "SREJ" });
            }
            line.Append(", N(R)=");
            line.Append(second >> 1);
            if (information)
            {
                line.Append(", N(S)=");
                line.Append(control >> 1);
            }
        }
        if (llc.IsSnap)
        {
            if (!llc.IsWhole)
                return true;
            AppendSnap(line, llc.Oui, llc.ProtocolId);
            return false;
        }
        line.Append("; DSAP ");
        AppendSap(line, bytes[LlcHeader.Field.Dsap]);
        line.Append((bytes[LlcHeader.Field.Dsap] & GroupBit) != 0 ? " Group" : " Individual");
        line.Append(", SSAP ");
        AppendSap(line, bytes[LlcHeader.Field.Ssap]);
        line.Append(response ? " Response" : " Command");
        return false;
    }

    /// <summary>Appends tshark's text of a SNAP header ("; SNAP, OUI 0x000000 (...), PID 0x0800"), which LLC and Frame Relay share.</summary>
    public static void AppendSnap(TextLine line, uint oui, ushort protocolId)
    {
        line.Append("; SNAP, OUI 0x");
        line.AppendHexDigits(oui, 6, uppercase: true);
        line.Append(" (");
        line.Append(OuiName(oui));
        line.Append("), PID 0x");
        line.AppendHexDigits(protocolId, 4, uppercase: true);
    }

    private static void AppendPollFinal(TextLine line, bool set, bool response)
    {
        if (set)
            line.Append(response ? " F" : " P");
    }

    /// <summary>The abbreviation of an unnumbered control field's modifier bits (the control byte masked with 0xEC).</summary>
    private static string UnnumberedName(int modifier, bool response) => modifier switch
    {
        0x00 => "UI",
        0x20 => "UP",
        0x40 => response ? "RD" : "DISC",
        0x60 => "UA",
        0x80 => "SNRM",
        0xE0 => "TEST",
        0x04 => response ? "RIM" : "SIM",
        0x84 => "FRMR",
        0xC4 => "CFGR",
        0x0C => response ? "DM" : "SARM",
        0x2C => "SABM",
        0x4C => "SARME",
        0x6C => "SABME",
        0x8C => "RSET",
        0xAC => "XID",
        0xCC => "SNRME",
        0xEC => "BCN",
        _ => "Unknown",
    };

    private static void AppendSap(TextLine line, byte sap)
    {
        if (SapName(sap & 0xFE) is { } name)
        {
            line.Append(name);
            return;
        }
        line.AppendHex((ulong)(sap & 0xFE), 2);
    }

    /// <summary>The names tshark gives SAPs (the address without its group or response bit).</summary>
    private static string? SapName(int sap) => sap switch
    {
        0x00 => "NULL LSAP",
        0x02 => "LLC Sub-Layer Management",
        0x04 => "SNA Path Control",
        0x06 => "TCP/IP",
        0x08 or 0x0C => "SNA",
        0x0E => "PROWAY (IEC955) Network Management and Initialization",
        0x10 => "NetWare (unofficial?)",
        0x14 => "ISO Network Layer (OSLAN 1)",
        0x18 => "Texas Instruments",
        0x20 or 0x34 => "ISO Network Layer (unofficial?)",
        0x42 => "Spanning Tree BPDU",
        0x4E => "EIA RS-511 Manufacturing Message Service",
        0x54 => "ISO Network Layer (OSLAN 2)",
        0x7E => "ISO 8208 (X.25 over 802.2)",
        0x80 => "XNS",
        0x82 => "BACnet",
        0x86 => "Nestar",
        0x8E => "PROWAY (IEC955) Active Station List Maintenance",
        0x98 => "ARP",
        0xB4 => "HP JetDirect Printer",
        0xAA => "SNAP",
        0xBA or 0xBC => "Banyan Vines",
        0xE0 => "NetWare",
        0xF0 => "NetBIOS",
        0xF4 => "IBM Net Management",
        0xF8 => "HP Extended LLC",
        0xFA => "Ungermann-Bass",
        0xFC => "Remote Program Load",
        0xFE => "ISO Network Layer",
        _ => null,
    };

    /// <summary>The organisation names of the OUIs that carry SNAP payloads, as Wireshark's manufacturer table spells them.</summary>
    private static string OuiName(uint oui) => oui switch
    {
        LlcHeader.EncapsulatedEthernet => "Officially Xerox, but 0:0:0:0:0:0 is more common",
        LlcHeader.Cisco => "Cisco Systems, Inc",
        LlcHeader.BridgeTunnel => "Digital Equipment Corporation",
        0x000FAC => "Ieee 802.11",
        0x001018 => "Broadcom",
        0x0050F2 => "Microsoft Corp.",
        LlcHeader.Bridged => "IEEE",
        _ => "Unknown",
    };
}
