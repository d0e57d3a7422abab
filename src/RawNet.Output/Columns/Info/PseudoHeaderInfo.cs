using RawNet.Protocols;
using RawNet.Protocols.Arcnet;
using RawNet.Protocols.Atm;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Docsis;
using RawNet.Protocols.Erf;
using RawNet.Protocols.Fddi;
using RawNet.Protocols.Epon;
using RawNet.Protocols.Fpp;
using RawNet.Protocols.Gfp;
using RawNet.Protocols.Ebhscr;
using RawNet.Protocols.Juniper;
using RawNet.Protocols.Netanalyzer;
using RawNet.Protocols.Nflog;
using RawNet.Protocols.Pflog;
using RawNet.Protocols.Pktap;
using RawNet.Protocols.Symantec;
using RawNet.Protocols.TokenRing;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of a capture pseudo-header or link header that nothing after it set (IPoIB, Solaris ipnet, NFLOG, PKTAP, ARCNET, Token Ring,
/// Juniper, Apple IP-over-IEEE 1394, netANALYZER, IP over FC, pflog, enc): tshark's protocol name and the text its dissector writes first (NFLOG, Juniper and
/// ap1394 clear it), marked when the
/// header itself was cut or malformed. An ARCNET protocol ID no dissector took shows in the protocol column as hex.
/// </summary>
internal static class PseudoHeaderInfo
{
    /// <summary>Writes the Info text; true when the header was cut short or is malformed.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        if (HandsRawData(in source, index, out bool empty))
        {
            line.Append("Raw packet data");
            return empty;
        }
        if (layer.Kind == LayerKind.Pktap)
        {
            // Written once the header length is read: "PKTAP, 108 byte header".
            var header = source.Header(index);
            if (header.Length >= PktapHeader.LengthFieldLength)
            {
                line.Append("PKTAP, ");
                line.Append(PktapHeader.DeclaredLength(header));
                line.Append(" byte header");
            }
            return layer.Status != LayerStatus.Complete;
        }
        if (layer.Kind == LayerKind.Netanalyzer)
        {
            AppendNetanalyzerInfo(line, in source, index);
            return layer.Status != LayerStatus.Complete;
        }
        if (layer.Kind is LayerKind.Ieee802154 or LayerKind.SixLowpan)
            return Ieee802154Info.Write(line, in source, index);
        // the PHY and TAP headers write the Protocol column only (wpan writes Info after them)
        if (layer.Kind is LayerKind.Ieee802154NonAskPhy or LayerKind.Ieee802154Tap)
            return layer.Status != LayerStatus.Complete;
        if (layer.Kind is LayerKind.GprsLlc or LayerKind.Sndcp)
            return GprsLlcInfo.Write(line, in source, index);
        if (layer.Kind == LayerKind.Xra)
            return XraInfo.Write(line, in source, index);
        if (layer.Kind == LayerKind.Docsis)
        {
            AppendDocsisInfo(line, in source, index);
            return layer.Status != LayerStatus.Complete;
        }
        if (layer.Kind is LayerKind.Ax25Kiss or LayerKind.Ax25 or LayerKind.Ax25NoL3)
        {
            Ax25Info.Write(line, in source, index);
            return layer.Status != LayerStatus.Complete;
        }
        if (layer.Kind == LayerKind.ExportedPdu)
            return layer.Status != LayerStatus.Complete;
        if (layer.Kind is LayerKind.Vpp or LayerKind.VppMetadata or LayerKind.VppOpaque or LayerKind.VppOpaque2 or LayerKind.VppTrace)
        {
            // vpp and its string protocols clear the Info column; a read of vpp's that threw after them marks it.
            return layer.Status != LayerStatus.Complete || (index == source.Packet.LayerCount - 1 && source.Packet.StoppedAt == LayerKind.Vpp
                && source.Packet.Outcome is DecodeOutcome.Truncated or DecodeOutcome.Malformed);
        }
        if (layer.Kind == LayerKind.Gfp)
        {
            AppendGfpInfo(line, in source, index);
            // a frame too short for the core header: tshark's gfp refuses it, and nothing marks it
            return layer.Status != LayerStatus.Complete && (GfpReach)layer.Detail != GfpReach.None;
        }
        if (layer.Kind == LayerKind.Ebhscr)
        {
            // A frame shorter than the header: tshark's expert item only, no mark.
            AppendEbhscrInfo(line, in source, index);
            return false;
        }
        if (layer.Kind == LayerKind.Fpp)
        {
            AppendFppInfo(line, in source, index);
            return layer.Status != LayerStatus.Complete;
        }
        if (layer.Kind == LayerKind.Epon)
        {
            AppendEponInfo(line, in source, index);
            return layer.Status != LayerStatus.Complete;
        }
        if (layer.Kind == LayerKind.TokenRingMac)
        {
            // trmac clears the Info column, then names the major vector's command once its byte is there.
            if (TokenRingMacVector.TryRead(source.Header(index), out var vector))
                AppendTokenRingMacInfo(line, vector.Command);
            return layer.Status != LayerStatus.Complete;
        }
        if (layer.Kind == LayerKind.Fddi)
        {
            if (layer.HeaderLength > 0)
                AppendFddiInfo(line, source.Header(index)[FddiHeader.Field.FrameControl]);
            else
                LlcInfo.WriteCarrier(line, in source, index);
            return layer.Status != LayerStatus.Complete;
        }
        if (layer.Kind == LayerKind.TokenRing && source.Header(index).Length < TokenRingHeader.Length)
        {
            // tr writes its Info once it read both addresses: a bridged frame cut before them leaves its carrier's.
            LlcInfo.WriteCarrier(line, in source, index);
            return true;
        }
        if (layer.Kind is LayerKind.Atm or LayerKind.AtmLane)
            return AtmInfo(line, in source, index);
        line.Append(layer.Kind switch
        {
            LayerKind.Ipoib => "IP over Infiniband",
            LayerKind.Ipnet => "Solaris IPNET",
            LayerKind.Arcnet => "ARCNET",
            LayerKind.TokenRing => TokenRingInfo(in source, index),
            LayerKind.Erf => ErfTypeName(source.Header(index)),
            LayerKind.Symantec => source.Header(index).Length >= SymantecHeader.VersionLength ? SymantecHeader.InfoText(source.Header(index)) : "",
            _ => "",
        });
        return layer.Status != LayerStatus.Complete && !(layer.Kind == LayerKind.Nflog && EndsQuietlyPastCapture(in source, index));
    }

    /// <summary>
    /// True when NFLOG's TLV walk ran out of captured bytes in a TLV's padding, so that the next TLV would start past them:
    /// tshark stops there without a mark (it marks a TLV cut inside, or one that would start right at the end).
    /// </summary>
    private static bool EndsQuietlyPastCapture(in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        var bytes = source.Frame[Math.Min(layer.Offset, source.Frame.Length)..];
        var tlvs = new NflogTlvs(bytes, layer.Extent);
        for (int walked = 0; walked < PacketDecoder.MaxNflogTlvs && tlvs.MoveNext(); walked++)
        {
        }
        return bytes.Length >= NflogHeader.Length && tlvs.End == NflogWalkEnd.Truncated && tlvs.Next > bytes.Length;
    }

    /// <summary>
    /// What tshark's pflog dissector puts before the Info text of the packet it carries, once that returned: "[action
    /// interface/rule] ", the action by tshark's names, the interface name as ASCII to its first NUL, the rule number signed.
    /// </summary>
    public static void AppendPflogRule(TextLine line, ReadOnlySpan<byte> header)
    {
        if (!PflogHeader.TryRead(header, out var pflog))
            return;
        line.Append('[');
        byte action = pflog.Action;
        string name = PflogActionName(action);
        if (name.Length > 0)
            line.Append(name);
        else
        {
            line.Append("unknown (");
            line.Append(action);
            line.Append(')');
        }
        line.Append(' ');
        var room = line.Extend(Protocols.Fields.FieldText.MaxAsciiLength(PflogHeader.NameLength));
        Protocols.Fields.FieldText.TryWriteAscii(pflog.InterfaceName, room, out int written);
        line.Truncate(line.Length - room.Length + written);
        line.Append('/');
        line.Append((long)(int)pflog.RuleNumber);
        line.Append("] ");
    }

    /// <summary>
    /// What tshark's erf writes in the Info column before what the record carries: its name of the record type (two with
    /// a trailing space, as tshark has them), or "Unknown type N".
    /// </summary>
    private static string ErfTypeName(ReadOnlySpan<byte> header)
    {
        if (header.Length <= ErfHeader.Field.Type)
            return "";
        byte type = (byte)(header[ErfHeader.Field.Type] & ErfHeader.TypeMask);
        return type switch
        {
            0 => "LEGACY",
            1 => "HDLC_POS",
            2 => "ETH",
            3 => "ATM",
            4 => "AAL5",
            5 => "MC_HDLC",
            6 => "MC_RAW",
            7 => "MC_ATM",
            8 => "MC_RAW_CHANNEL",
            9 => "MC_AAL5",
            10 => "COLOR_HDLC_POS",
            11 => "COLOR_ETH",
            12 => "MC_AAL2 ",
            13 => "IP_COUNTER",
            14 => "TCP_FLOW_COUNTER",
            15 => "DSM_COLOR_HDLC_POS",
            16 => "DSM_COLOR_ETH ",
            17 => "COLOR_MC_HDLC_POS",
            18 => "AAL2",
            19 => "COLOR_HASH_POS",
            20 => "COLOR_HASH_ETH",
            21 => "INFINIBAND",
            22 => "IPV4",
            23 => "IPV6",
            24 => "RAW_LINK",
            25 => "INFINIBAND_LINK",
            27 => "Provenance Metadata Record", // what its META dissection writes
            28 => "OMNI-PATH_SNC",
            29 => "OMNI-PATH",
            48 => "PAD",
            _ => UnknownErfTypes[type],
        };
    }

    private static readonly string[] UnknownErfTypes = Enumerable.Range(0, ErfHeader.TypeMask + 1).Select(n => "Unknown type " + n).ToArray();

    /// <summary>tshark 4.0's names of pf's actions (its build for neither BSD nor macOS), or "" for a number it has none for.</summary>
    public static string PflogActionName(byte action) => action switch
    {
        0 => "pass",
        1 => "block",
        2 => "scrub",
        4 => "nat",
        5 => "nonat",
        6 => "binat",
        7 => "nobinat",
        8 => "rdr",
        9 => "nordr",
        10 => "synproxy-drop",
        _ => "",
    };

    /// <summary>The Protocol column.</summary>
    public static string Protocol(in InfoSource source, int index) => source.Packet[index].Kind switch
    {
        LayerKind.Ipoib => "IPoIB",
        LayerKind.Ipnet => "IPNET",
        LayerKind.Pktap => HandsRawData(in source, index, out _) ? "N/A" : "PKTAP",
        LayerKind.Arcnet => ArcnetProtocol(in source, index),
        LayerKind.Juniper => JuniperHeader.ProtocolName((JuniperLink)source.Packet[index].Detail),
        LayerKind.Ap1394 => "IP/IEEE1394",
        LayerKind.Ipfc => "IP/FC",
        LayerKind.TokenRing => "TR",
        LayerKind.Fddi => "FDDI",
        LayerKind.TokenRingMac => "TR MAC",
        LayerKind.Pflog => "PFLOG",
        LayerKind.Enc => "ENC",
        LayerKind.Symantec => source.Header(index).Length >= SymantecHeader.VersionLength ? "Symantec" : "",
        LayerKind.Redback => "RBN",
        LayerKind.Netanalyzer => SetsNetanalyzerColumns(in source, index) ? "netANALYZER" : "",
        LayerKind.Erf => "ERF",
        LayerKind.Docsis => DocsisLayerDetail.Reach(source.Packet[index].Detail) != DocsisReach.None ? "DOCSIS" : "",
        LayerKind.Vpp => "VPP",
        // A PDU handed to a dissector clears the column first.
        LayerKind.ExportedPdu => source.Packet[index].Detail != 0 ? "" : "Exported PDU",
        LayerKind.VppMetadata => "VPP-Metadata",
        LayerKind.VppOpaque => "VPP-Opaque",
        LayerKind.VppOpaque2 => "VPP-Opaque2",
        LayerKind.VppTrace => "VPP-Trace",
        LayerKind.Ebhscr => "EBHSCR",
        LayerKind.Gfp => (GfpReach)source.Packet[index].Detail != GfpReach.None ? "GFP" : "",
        LayerKind.Fpp => FppFrame.Unpack(source.Packet[index].Detail, 0).Reach >= FppReach.Columns ? "FPP" : "",
        LayerKind.Epon => EponPreamble.Unpack(source.Packet[index].Detail).Reach >= EponReach.Columns ? "EPON" : "",
        LayerKind.Atm => "ATM",
        LayerKind.AtmLane => "ATM LANE",
        LayerKind.Ax25Kiss => "AX.25 KISS",
        LayerKind.Ax25 => "AX.25",
        LayerKind.Ax25NoL3 => "AX.25-NoL3",
        LayerKind.Ieee802154 or LayerKind.SixLowpan => Ieee802154Info.Protocol(source.Packet[index].Kind),
        LayerKind.Ieee802154NonAskPhy => "IEEE 802.15.4 non-ASK PHY",
        LayerKind.Ieee802154Tap => source.Packet[index].HeaderLength > 0 ? "IEEE 802.15.4 TAP" : "",
        LayerKind.GprsLlc => "GPRS-LLC",
        LayerKind.Sndcp => "SNDCP",
        // xra sets no Protocol column
        LayerKind.Xra => "",
        _ => "NFLOG",
    };

    /// <summary>
    /// True when the PKTAP header at <paramref name="index"/> handed tshark's raw IP dissector (DLT 12, 14, 101) a packet
    /// it found no IP in, empty or of another version: that dissector writes "N/A" and "Raw packet data" before it looks.
    /// <paramref name="empty"/> when the packet had no byte to look at.
    /// </summary>
    private static bool HandsRawData(in InfoSource source, int index, out bool empty)
    {
        empty = false;
        ref readonly Layer layer = ref source.Packet[index];
        if (layer.Kind != LayerKind.Pktap || layer.Source != LayerSource.Frame || !PktapHeader.TryRead(source.Header(index), out var pktap)
            || pktap.HeaderLength < PktapHeader.FixedLength || pktap.RecordType != PktapHeader.RecordPacket
            || !PktapHeader.TryGetLinkType(pktap.Dlt, out var linkType) || linkType != LinkType.Raw)
            return false;
        int captured = source.Frame.Length - layer.Offset;
        int reported = Math.Max(source.Packet.Metadata.OriginalLength, source.Frame.Length) - layer.Offset;
        if (PktapHeader.PacketStart(captured, reported, pktap.HeaderLength, out int start) != PktapPacket.Found)
            return false;
        empty = start >= captured;
        return true;
    }

    /// <summary>
    /// True when tshark's netanalyzer writes the columns: for a buffer state entry, a time tick, a GPIO event whose
    /// signature matched, and a frame of transparent mode (link type 241), which it shows as data. An Ethernet frame of
    /// link type 240 leaves them to Ethernet; the records it does not decode leave them empty.
    /// </summary>
    private static bool SetsNetanalyzerColumns(in InfoSource source, int index)
    {
        var header = source.Header(index);
        if (!NetanalyzerHeader.TryRead(header, out var netanalyzer))
            return false;
        return netanalyzer.Record switch
        {
            NetanalyzerRecord.BufferState or NetanalyzerRecord.TimeTick => true,
            NetanalyzerRecord.Gpio => NetanalyzerHeader.HasValidGpio(header),
            NetanalyzerRecord.Ethernet => source.Packet.Metadata.LinkType == LinkType.NetanalyzerTransparent,
            _ => false,
        };
    }

    /// <summary>
    /// tshark's netanalyzer Info text: "Buffer overflow" or "Buffer recovery", "Time tick", "GPIO event on GPIO n (rising
    /// edge)" once the edge byte was read, "Frame captured in transparent mode" on link type 241.
    /// </summary>
    private static void AppendNetanalyzerInfo(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        if (!SetsNetanalyzerColumns(in source, index))
            return;
        NetanalyzerHeader.TryRead(header, out var netanalyzer);
        switch (netanalyzer.Record)
        {
            case NetanalyzerRecord.BufferState:
                line.Append((netanalyzer.Status & NetanalyzerHeader.BufferStateMask) == 0 ? "Buffer overflow" : "Buffer recovery");
                return;
            case NetanalyzerRecord.TimeTick:
                line.Append("Time tick");
                return;
            case NetanalyzerRecord.Gpio when header.Length >= NetanalyzerHeader.GpioLength:
                line.Append("GPIO event on GPIO ");
                line.Append(header[NetanalyzerHeader.Field.GpioNumber] & 0x03);
                line.Append((header[NetanalyzerHeader.Field.GpioEdge] & 0x01) == 0 ? " (rising edge)" : " (falling edge)");
                return;
            case NetanalyzerRecord.Ethernet:
                line.Append("Frame captured in transparent mode");
                return;
        }
    }

    /// <summary>
    /// fpp's Info text, written once it read the CRC: "[Express]", "[Verify]", "[Respond]", an SMD-S frame's as its CRC
    /// says ("[Non-fragmented packet: SMD-S0]", "[Initial fragment: ...]", "[Corrupted fragment: ...]"), a continuation's
    /// "[Continuation fragment: SMD-C1] [#2]".
    /// </summary>
    private static void AppendFppInfo(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        var fpp = FppFrame.Unpack(layer.Detail, layer.Note);
        if (fpp.Reach != FppReach.Complete)
            return;
        var frame = source.Frame;
        int preamble = fpp.PreambleLength;
        switch (fpp.Type)
        {
            case FppPacketType.Express:
                line.Append("[Express]");
                return;
            case FppPacketType.Verify:
                line.Append("[Verify]");
                return;
            case FppPacketType.Respond:
                line.Append("[Respond]");
                return;
            case FppPacketType.Start:
                line.Append(fpp.Crc switch
                {
                    FppCrc.Crc => "[Non-fragmented packet: SMD-S",
                    FppCrc.MCrc => "[Initial fragment: SMD-S",
                    _ => "[Corrupted fragment: SMD-S",
                });
                line.Append(FppFrame.Number(frame[preamble - 1]));
                line.Append(']');
                return;
            case FppPacketType.Continuation:
                line.Append("[Continuation fragment: SMD-C");
                line.Append(FppFrame.Number(frame[preamble - 2]));
                line.Append("] [#");
                line.Append(FppFrame.Number(frame[preamble - 1]));
                line.Append(']');
                return;
        }
    }

    /// <summary>
    /// epon's Info text, written once it found the SLD: "EPON Preamble", then " [EPON PREAMBLE CHECKSUM INCORRECT]" once
    /// it read a bad CRC-8, and " [ENCRYPTED]" once it added an encrypted frame's data.
    /// </summary>
    private static void AppendEponInfo(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        var epon = EponPreamble.Unpack(layer.Detail);
        if (epon.Reach < EponReach.Columns)
            return;
        line.Append("EPON Preamble");
        if (epon.Reach < EponReach.Checksum)
            return;
        var frame = source.Frame;
        if (!EponPreamble.ChecksumGood(frame, layer.Offset))
            line.Append(" [EPON PREAMBLE CHECKSUM INCORRECT]");
        if (epon.Reach == EponReach.Complete && EponPreamble.IsEncrypted(frame[layer.Offset + EponPreamble.Field.Security]))
            line.Append(" [ENCRYPTED]");
    }

    /// <summary>
    /// docsis's Info text, written once FC, MAC_PARM and LEN are read: the frame type's ("Packet PDU", "Reserved PDU",
    /// "Isolation PDU"), a MAC-specific header's by its parameter, " (Encrypted)" when the PDU it would hand on is encrypted (its HCS good).
    /// </summary>
    private static void AppendDocsisInfo(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        if (DocsisLayerDetail.Reach(layer.Detail) == DocsisReach.None || !DocsisHeader.TryRead(source.Header(index), out var header))
            return;
        switch (header.FrameType)
        {
            case DocsisHeader.TypePacket:
                line.Append("Packet PDU");
                break;
            case DocsisHeader.TypeReserved:
                line.Append("Reserved PDU");
                break;
            case DocsisHeader.TypeIsolation:
                line.Append("Isolation PDU");
                break;
            default:
                switch (header.FrameParameter)
                {
                    case 2:
                        line.Append("Request Frame SID = ");
                        line.Append(header.Length);
                        line.Append(" Mini Slots = ");
                        line.Append(header.MacParm);
                        break;
                    case 3:
                        line.Append("Fragmented Frame");
                        break;
                    default:
                        line.Append("Mac Specific");
                        break;
                }
                break;
        }
        if (DocsisFieldReader.HandsOnEncrypted(in layer, header))
            line.Append(" (Encrypted)");
    }

    /// <summary>
    /// gfp's Info text: the PLI's kind once it is read ("Client Frame"), replaced once the payload header is by the PTI's
    /// name and, for the PTIs whose type tshark shows, ": " and the UPI's name from the table that PTI reads.
    /// </summary>
    private static void AppendGfpInfo(TextLine line, in InfoSource source, int index)
    {
        var reach = (GfpReach)source.Packet[index].Detail;
        var header = source.Header(index);
        if (reach < GfpReach.Pli || header.Length < 2)
            return;
        if (reach < GfpReach.Type || !GfpHeader.TryRead(header, out var gfp))
        {
            line.Append(GfpFrame.PliName(header[0] << 8 | header[1]));
            return;
        }
        byte pti = gfp.PayloadType;
        line.Append(GfpFrame.PayloadTypeName(pti));
        if (!GfpFrame.ShowsType(pti))
            return;
        line.Append(": ");
        line.Append(pti == (byte)GfpPayloadType.ClientManagement ? GfpFrame.ManagementPayloadName(gfp.UserPayload) : GfpFrame.DataPayloadName(gfp.UserPayload));
    }

    /// <summary>
    /// ebhscr's Info text: for an Ethernet major number with no payload, the link state report "Ethernet controller 2
    /// Link Up Speed 1000M" (the controller from bits 2 to 4 of byte 1, the speed from bits 28 to 31 of the major-specific
    /// header); nothing otherwise.
    /// </summary>
    private static void AppendEbhscrInfo(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        if (!EbhscrHeader.TryRead(header, out var ebhscr) || ebhscr.Major != EbhscrHeader.MajorEthernet
            || source.Bytes(index).Length != EbhscrHeader.Length)
            return;
        line.Append("Ethernet controller ");
        line.Append((header[EbhscrHeader.Field.SlotChannel] & 0x1C) >> 2);
        bool up = (ebhscr.MajorHeader & EbhscrHeader.LinkUp) != 0;
        line.Append(up ? " Link Up" : " Link Down");
        if (!up)
            return;
        line.Append(' ');
        line.Append(EbhscrHeader.SpeedName((int)(ebhscr.MajorHeader >> 28) & 0xF));
    }

    /// <summary>
    /// True when the packet is GFP whose headers tshark read whole and whose PLI gives the payload more bytes than the
    /// frame has: tshark's payload is then as long as the PLI says, and a read past the frame inside it fails as
    /// "length of contained item exceeds length of containing item".
    /// </summary>
    public static bool GfpPayloadPastFrame(in InfoSource source)
    {
        if (source.Packet.LayerCount < 2 || source.Packet[1].Kind != LayerKind.Gfp)
            return false;
        ref readonly Layer layer = ref source.Packet[1];
        var gfp = GfpFrame.Read(source.Frame[Math.Min(layer.Offset, source.Frame.Length)..], layer.Extent);
        return gfp.Reach == GfpReach.Complete && gfp.HeaderLength >= GfpHeader.Length && gfp.PayloadOffset + gfp.PayloadLength > layer.Extent;
    }

    /// <summary>trmac's name of a major vector's command, or "Unknown Major Vector: N".</summary>
    private static void AppendTokenRingMacInfo(TextLine line, byte command)
    {
        string? name = TokenRingMacVector.CommandName(command);
        if (name is null)
        {
            line.Append("Unknown Major Vector: ");
            line.Append(command);
            return;
        }
        line.Append(name);
    }

    /// <summary>tshark's name of an FDDI frame control ("Async LLC frame, priority 0", "MAC frame, control 1").</summary>
    private static void AppendFddiInfo(TextLine line, byte fc)
    {
        string? whole = fc switch
        {
            0x00 => "Void frame",
            0x80 => "Nonrestricted token",
            0xC0 => "Restricted token",
            0x41 => "SMT info",
            0x4F => "SMT Next station address",
            0xC2 => "MAC beacon",
            0xC3 => "MAC claim token",
            0xD0 => "Sync LLC frame",
            _ => null,
        };
        if (whole is not null)
        {
            line.Append(whole);
            return;
        }
        int control = fc & FddiHeader.ControlMask;
        string prefix = (fc & FddiHeader.ClassMask) switch
        {
            0xC0 => "MAC frame, control ",
            0x40 => "SMT frame, control ",
            0x50 => (fc & FddiHeader.AsyncReserved) != 0 ? "Async LLC frame, control " : "Async LLC frame, priority ",
            0xD0 => "Sync LLC frame, control ",
            0x60 => "Implementor async frame, control ",
            0xE0 => "Implementor sync frame, control ",
            _ => "",
        };
        if (prefix.Length == 0)
        {
            line.Append("Unknown frame type");
            return;
        }
        line.Append(prefix);
        if ((fc & FddiHeader.ClassMask) == 0x50 && (fc & FddiHeader.AsyncReserved) == 0)
            line.Append(fc & 0x07);
        else
            line.AppendHexDigits((ulong)control, 1);
    }

    /// <summary>"Token-Ring " and the frame type's name, written once both addresses were read.</summary>
    private static string TokenRingInfo(in InfoSource source, int index) =>
        source.Header(index).Length < TokenRingHeader.Length ? "" : (source.Header(index)[TokenRingHeader.Field.FrameControl] >> 6) switch
        {
            TokenRingHeader.MacFrame => "Token-Ring MAC",
            TokenRingHeader.LlcFrame => "Token-Ring LLC",
            2 => "Token-Ring Reserved",
            _ => "Token-Ring Unknown",
        };

    /// <summary>"ARCNET", or once the whole header is there and no dissector took its ID, the ID as tshark writes it ("0x0099").</summary>
    private static string ArcnetProtocol(in InfoSource source, int index)
    {
        var header = source.Header(index);
        int at = ArcnetHeader.ProtocolIdAt(source.Packet[index].Detail);
        if (source.Packet[index].Status != LayerStatus.Complete || header.Length <= at || ArcnetHeader.HasTsharkDissector(header[at]))
            return "ARCNET";
        return HexNames.Of(header[at]);
    }

    /// <summary>
    /// packet-atm.c's Info text when nothing after it wrote one: "AAL5 " and the traffic type's name (or the AAL's), then
    /// the VPI and VCI; lane's for an LE Control frame ("LE Control", then its opcode once read) or a LANE PDU of unknown type.
    /// </summary>
    private static bool AtmInfo(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        var header = source.Header(index);
        if (layer.Kind == LayerKind.AtmLane)
        {
            if (layer.Detail == AtmLaneDetail.Client)
                line.Append("LE Client - Ethernet/802.3");
            else if (layer.Detail == AtmLaneDetail.Control)
            {
                line.Append("LE Control");
                if (header.Length >= 6)
                {
                    line.Append(": ");
                    ushort opcode = (ushort)(header[4] << 8 | header[5]);
                    string name = LeControlOpcode(opcode);
                    if (name.Length > 0)
                        line.Append(name);
                    else
                    {
                        line.Append("Unknown opcode (0x");
                        line.AppendHexDigits(opcode, 4, uppercase: true);
                        line.Append(')');
                    }
                }
            }
            else
            {
                // tshark's data fails on a cut PDU only when it holds no byte.
                line.Append("Unknown LANE traffic type");
                return source.Frame.Length < source.Packet.Metadata.OriginalLength && source.Frame.Length <= layer.Offset;
            }
            return layer.Status != LayerStatus.Complete;
        }
        if (!SunAtmHeader.TryRead(header, out var sun))
            return true;
        if (AtmPseudoHeader.Aal(layer.Detail) == SunAtmHeader.Aal5)
        {
            line.Append("AAL5 ");
            line.Append(AtmPseudoHeader.TrafficType(layer.Detail) switch
            {
                SunAtmHeader.TrafficLlc => "LLC multiplexed",
                SunAtmHeader.TrafficLane => "LANE",
                SunAtmHeader.TrafficIlmi => "ILMI",
                _ => "Unknown traffic type",
            });
        }
        else
            line.Append("Signalling AAL");
        line.Append(" VPI=");
        line.Append(sun.Vpi);
        line.Append(", VCI=");
        line.Append(sun.Vci);
        // A cut PDU fails when the capture kept fewer than the 8 bytes the type is guessed from, or, as data, no byte.
        int captured = source.Frame.Length - SunAtmHeader.Length, reported = (int)source.Packet.Metadata.OriginalLength - SunAtmHeader.Length;
        return captured < reported && (reported > 7 && AtmPseudoHeader.TrafficType(layer.Detail) == SunAtmHeader.TrafficUnknown ? captured < 8 : captured <= 0);
    }

    /// <summary>tshark's names of the LE Control opcodes (packet-atm.c's le_control_opcode_vals), "" for another.</summary>
    private static string LeControlOpcode(ushort opcode) => opcode switch
    {
        0x0001 => "LE_CONFIGURE_REQUEST",
        0x0101 => "LE_CONFIGURE_RESPONSE",
        0x0002 => "LE_JOIN_REQUEST",
        0x0102 => "LE_JOIN_RESPONSE",
        0x0003 => "READY_QUERY",
        0x0103 => "READY_IND",
        0x0004 => "LE_REGISTER_REQUEST",
        0x0104 => "LE_REGISTER_RESPONSE",
        0x0005 => "LE_UNREGISTER_REQUEST",
        0x0105 => "LE_UNREGISTER_RESPONSE",
        0x0006 => "LE_ARP_REQUEST",
        0x0106 => "LE_ARP_RESPONSE",
        0x0007 => "LE_FLUSH_REQUEST",
        0x0107 => "LE_FLUSH_RESPONSE",
        0x0008 => "LE_NARP_REQUEST",
        0x0009 => "LE_TOPOLOGY_REQUEST",
        0x000A => "LE_VERIFY_REQUEST",
        0x010A => "LE_VERIFY_RESPONSE",
        _ => "",
    };
}
