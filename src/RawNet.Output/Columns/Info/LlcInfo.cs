using RawNet.Protocols.Decoding;
using RawNet.Protocols.Llc;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The Info text of an 802.2 LLC header whose payload nothing decoded, in tshark's words: the control field ("U,
/// func=UI", "S, func=RR, N(R)=2", "I, N(R)=1, N(S)=0", with "P" or "F" for the poll/final bit of a command or a
/// response), then the SNAP OUI (with its organisation's name) and protocol ID, or the two SAPs by name; or, for an XID
/// frame in the basic format, that format's own text under the protocol "XID".
/// </summary>
internal static class LlcInfo
{
    private const byte PollFinalU = 0x10, PollFinal = 0x01, ResponseBit = 0x01, GroupBit = 0x01;

    /// <summary>The Protocol column: "XID" for a basic-format XID frame, "GARP" for a frame to a GARP application tshark does not decode, else "LLC".</summary>
    public static string Protocol(in InfoSource source, int index) =>
        GarpInfo.IsUnknownApplication(in source, index, out _) ? "GARP" : IsBasicXid(source.Bytes(index), source.Packet[index].Extent) ? "XID" : "LLC";

    /// <summary>Writes the Info text; true when the header was cut short.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var bytes = source.Bytes(index);
        if (!LlcHeader.TryRead(bytes, out var llc))
            return true;
        if (GarpInfo.TryWriteUnknown(line, in source, index))
            return TrailerCut(in source, index);
        if (IsBasicXid(bytes, source.Packet[index].Extent))
            return WriteBasicXid(line, bytes[LlcHeader.Length..]) || TrailerCut(in source, index);
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
            return TrailerCut(in source, index);
        }
        line.Append("; DSAP ");
        AppendSap(line, bytes[LlcHeader.Field.Dsap]);
        line.Append((bytes[LlcHeader.Field.Dsap] & GroupBit) != 0 ? " Group" : " Individual");
        line.Append(", SSAP ");
        AppendSap(line, bytes[LlcHeader.Field.Ssap]);
        line.Append(response ? " Response" : " Command");
        return TrailerCut(in source, index);
    }

    /// <summary>
    /// For a bridged frame whose dissector failed before it wrote the Info column (the layer at <paramref name="index"/>),
    /// the text of the LLC or Frame Relay header that carried it, which stays.
    /// </summary>
    public static void WriteCarrier(TextLine line, in InfoSource source, int index)
    {
        if (index < 2)
            return;
        if (source.Packet[index - 1].Kind == LayerKind.Llc)
            Write(line, in source, index - 1);
        else if (source.Packet[index - 1].Kind == LayerKind.FrameRelay)
            SerialLinkInfo.Write(line, in source, index - 1);
    }

    /// <summary>
    /// The mark of an LLC text cut short: "size limited" when the capture ends before the LLC frame does (the first byte
    /// read past it was captured away) or when the text is whole and only the 802.3 trailer behind it was cut,
    /// "malformed" when the bytes the frame declares ran out first.
    /// </summary>
    public static string MarkOf(in InfoSource source, int index)
    {
        var bytes = source.Bytes(index);
        int extent = source.Packet[index].Extent;
        return bytes.Length < extent || ReadsWhole(bytes, extent) ? InfoColumn.SizeLimitedMark : InfoColumn.MalformedMark;
    }

    /// <summary>
    /// True for an LLC frame inside an 802.3 frame whose trailer tshark read past the capture once LLC's dissector
    /// returned (<see cref="DecodedPacket.TrailerCut"/>).
    /// </summary>
    public static bool TrailerCut(in InfoSource source, int index) =>
        index > 0 && source.Packet[index - 1].Kind is LayerKind.Ethernet or LayerKind.Vlan or LayerKind.ServiceVlan && source.Packet.TrailerCut;

    /// <summary>True when every byte the text reads is there: the header (SNAP included), and a basic XID's three bytes.</summary>
    private static bool ReadsWhole(ReadOnlySpan<byte> bytes, int extent)
    {
        if (!LlcHeader.TryRead(bytes, out var llc) || !llc.HasControl || !llc.IsWhole)
            return false;
        return !IsBasicXid(bytes, extent) || bytes.Length > LlcHeader.Length + BasicXid.Field.WindowSize;
    }

    /// <summary>
    /// True for an XID frame without SNAP whose information field (the frame declares some) starts with the basic
    /// format's identifier.
    /// </summary>
    private static bool IsBasicXid(ReadOnlySpan<byte> bytes, int extent) =>
        bytes.Length > LlcHeader.Length && extent > LlcHeader.Length && LlcHeader.TryRead(bytes, out var llc) && !llc.IsSnap
        && BasicXid.IsXid(bytes[LlcHeader.Field.Control]) && bytes[LlcHeader.Length + BasicXid.Field.Format] == BasicXid.BasicFormat;

    /// <summary>"Basic Format; Type 1 LLC (Class I LLC); Window Size 0" as far as the bytes go; true when they ran out.</summary>
    private static bool WriteBasicXid(TextLine line, ReadOnlySpan<byte> xid)
    {
        line.Append("Basic Format");
        if (xid.Length <= BasicXid.Field.Types)
            return true;
        line.Append("; ");
        byte types = xid[BasicXid.Field.Types];
        if (BasicXid.TypesName(types) is { } name)
            line.Append(name);
        else
            line.AppendHex((ulong)(types & BasicXid.TypesMask), 2);
        if (xid.Length <= BasicXid.Field.WindowSize)
            return true;
        line.Append("; Window Size ");
        line.Append(BasicXid.WindowSize(xid[BasicXid.Field.WindowSize]));
        return false;
    }

    /// <summary>Appends tshark's text of a SNAP header ("; SNAP, OUI 0x000000 (...), PID 0x0800"), which LLC and Frame Relay share.</summary>
    public static void AppendSnap(TextLine line, uint oui, ushort protocolId)
    {
        line.Append("; SNAP, OUI 0x");
        line.AppendHexDigits(oui, 6, uppercase: true);
        line.Append(" (");
        line.Append(OuiNames.Find(oui) ?? "Unknown");
        line.Append("), PID 0x");
        line.AppendHexDigits(protocolId, 4, uppercase: true);
    }

    private static void AppendPollFinal(TextLine line, bool set, bool response)
    {
        if (set)
            line.Append(response ? " F" : " P");
    }

    /// <summary>The abbreviation of an unnumbered control field's modifier bits (the control byte masked with 0xEC).</summary>
    internal static string UnnumberedName(int modifier, bool response) => modifier switch
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
        0x8C => "RESET",
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
}
