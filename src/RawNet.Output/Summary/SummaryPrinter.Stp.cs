using System.Buffers.Binary;
using RawNet.Protocols.Stp;
using M = RawNet.Protocols.Stp.StpBpdu.MstiField;

namespace RawNet.Output.Summary;

// tcpdump 4.99's print-stp.c (stp_print), which llc_print calls for SAP 0x42 and snap_print for 802.1's PID 0x000E and
// Cisco's PVST (0x010B) and VLAN-bridge (0x010C) PIDs: the version's and type's names, then a configuration or RST BPDU's
// flags, bridge and port, or an MST BPDU's CIST flags; -v adds the times, the root, and MST's extension and MSTI
// messages. A length check that fails ends the line in " (invalid)", a read past the capture in " [|stp]" (tcpdump prints
// each statement once all it reads is there).
public sealed partial class SummaryPrinter
{
    private const int StpVersionRegular = 0, StpVersionRapid = 2, StpVersionMstp = 3, StpVersionSpb = 4;

    /// <summary>Where an SPB BPDU's fields lie from its version 4 length, and the least that length (plus its own 2 bytes) may be.</summary>
    private const int SpbMinLength = 87, SpbNameOffset = 3, SpbRevisionOffset = 35, SpbDigestOffset = 37, SpbAgreementOffset = 53,
        SpbFormatOffset = 55, SpbConventionOffset = 56, SpbEdgeOffset = 57, SpbAgreementDigestOffset = 67;

    /// <summary>stp_print for the BPDU whose captured bytes are <paramref name="p"/> and whose length on the wire is <paramref name="length"/>.</summary>
    private void AppendStp(ReadOnlySpan<byte> p, int length)
    {
        var line = _line;
        if (length < 4)
        {
            line.Append(" (invalid)");
            return;
        }
        if (p.Length < 2)
        {
            Truncated("stp");
            return;
        }
        if (BinaryPrimitives.ReadUInt16BigEndian(p) != 0)
        {
            line.Append("unknown STP version, length ");
            line.Append(length);
            return;
        }
        if (p.Length < 3)
        {
            Truncated("stp");
            return;
        }
        int version = p[StpBpdu.Field.Version];
        line.Append("STP ");
        switch (version)
        {
            case StpVersionRegular: line.Append("802.1d"); break;
            case StpVersionRapid: line.Append("802.1w"); break;
            case StpVersionMstp: line.Append("802.1s"); break;
            case StpVersionSpb: line.Append("802.1aq"); break;
            default:
                line.Append("Unknown STP protocol (0x");
                line.AppendHexDigits((ulong)version, 2);
                line.Append(')');
                return;
        }
        if (p.Length < 4)
        {
            Truncated("stp");
            return;
        }
        int type = p[StpBpdu.Field.Type];
        line.Append(", ");
        switch (type)
        {
            case StpBpdu.TypeConfiguration:
                line.Append("Config");
                if (length < StpBpdu.ConfigurationLength)
                    line.Append(" (invalid)");
                else
                    AppendStpConfig(p, length, version);
                return;
            case StpBpdu.TypeRst:
                line.Append("Rapid STP");
                if (version == StpVersionRapid)
                {
                    if (length < StpBpdu.ConfigurationLength + 1)
                        line.Append(" (invalid)");
                    else
                        AppendStpConfig(p, length, version);
                }
                else if (version is StpVersionMstp or StpVersionSpb)
                    AppendMstp(p, length, version);
                return;
            case StpBpdu.TypeTopologyChange:
                line.Append("Topology Change");
                return;
            default:
                line.Append("Unknown BPDU Type (0x");
                line.AppendHexDigits((ulong)type, 2);
                line.Append(')');
                return;
        }
    }

    /// <summary>stp_print_config_bpdu: flags, bridge and port, length; -v the times, the root and (802.1w) the port role.</summary>
    private void AppendStpConfig(ReadOnlySpan<byte> p, int length, int version)
    {
        var line = _line;
        if (p.Length <= StpBpdu.Field.Flags)
        {
            Truncated("stp");
            return;
        }
        byte flags = p[StpBpdu.Field.Flags];
        AppendStpFlags(", Flags [", flags);
        if (p.Length < StpBpdu.Field.PortId + 2)
        {
            Truncated("stp");
            return;
        }
        line.Append(", bridge-id ");
        AppendBridgeId(p[StpBpdu.Field.BridgeId..]);
        line.Append('.');
        line.AppendHexDigits(BinaryPrimitives.ReadUInt16BigEndian(p[StpBpdu.Field.PortId..]), 4);
        line.Append(", length ");
        line.Append(length);
        if (!_verbose)
            return;
        if (!AppendStpTimes(p))
            return;
        line.Append("\n\troot-id ");
        AppendBridgeId(p[StpBpdu.Field.RootId..]);
        line.Append(", root-pathcost ");
        line.Append((ulong)BinaryPrimitives.ReadUInt32BigEndian(p[StpBpdu.Field.RootCost..]));
        if (version == StpVersionRapid)
        {
            line.Append(", port-role ");
            line.Append(PortRole(flags));
        }
    }

    /// <summary>The MST (and SPB) checks of stp_print, then stp_print_mstp_bpdu and stp_print_spb_bpdu.</summary>
    private void AppendMstp(ReadOnlySpan<byte> p, int length, int version)
    {
        var line = _line;
        if (length < StpBpdu.MstLength)
        {
            line.Append(" (invalid)");
            return;
        }
        if (p.Length <= StpBpdu.Field.Version1Length)
        {
            Truncated("stp");
            return;
        }
        if (p[StpBpdu.Field.Version1Length] != 0)
        {
            line.Append(" (invalid)");
            return;
        }
        if (p.Length < StpBpdu.Field.Version3Length + 2)
        {
            Truncated("stp");
            return;
        }
        int v3 = BinaryPrimitives.ReadUInt16BigEndian(p[StpBpdu.Field.Version3Length..]);
        int mstpLength = v3 + 2;
        if (length < StpBpdu.Field.Version3Length + mstpLength)
        {
            line.Append(" (invalid)");
            return;
        }
        if (!AppendMstpBody(p, length, v3))
        {
            Truncated("stp");
            return;
        }
        if (version != StpVersionSpb)
            return;
        int spb = StpBpdu.Field.Version3Length + mstpLength;
        if (p.Length < spb + 2)
        {
            Truncated("stp");
            return;
        }
        int spbLength = BinaryPrimitives.ReadUInt16BigEndian(p[spb..]) + 2;
        if (length < spb + spbLength || spbLength < SpbMinLength)
        {
            line.Append(" (invalid)");
            return;
        }
        if (_verbose && !AppendSpb(p, spb))
            Truncated("stp");
    }

    /// <summary>stp_print_mstp_bpdu; false when the capture ended inside it (what it printed before stays).</summary>
    private bool AppendMstpBody(ReadOnlySpan<byte> p, int length, int v3)
    {
        var line = _line;
        byte flags = p[StpBpdu.Field.Flags];
        AppendStpFlags(", CIST Flags [", flags);
        line.Append(", length ");
        line.Append(length);
        if (!_verbose)
            return true;
        line.Append("\n\tport-role ");
        line.Append(PortRole(flags));
        line.Append(", ");
        line.Append("CIST root-id ");
        AppendBridgeId(p[StpBpdu.Field.RootId..]);
        line.Append(", CIST ext-pathcost ");
        line.Append((ulong)BinaryPrimitives.ReadUInt32BigEndian(p[StpBpdu.Field.RootCost..]));
        line.Append("\n\tCIST regional-root-id ");
        AppendBridgeId(p[StpBpdu.Field.BridgeId..]);
        line.Append(", CIST port-id ");
        line.AppendHexDigits(BinaryPrimitives.ReadUInt16BigEndian(p[StpBpdu.Field.PortId..]), 4);
        line.Append(',');
        if (!AppendStpTimes(p))
            return true;
        line.Append("\n\tv3len ");
        line.Append(v3);
        line.Append(", MCID Name ");
        if (!AppendNulPadded(p, StpBpdu.Field.ConfigName, 32))
            return false;
        if (p.Length < StpBpdu.Field.ConfigDigest + 16)
            return false;
        line.Append(", rev ");
        line.Append((ulong)BinaryPrimitives.ReadUInt16BigEndian(p[StpBpdu.Field.ConfigRevision..]));
        line.Append(",\n\t\tdigest ");
        line.AppendHexBytes(p.Slice(StpBpdu.Field.ConfigDigest, 16));
        line.Append(", ");
        if (p.Length < StpBpdu.Field.CistInternalCost + 4)
            return false;
        line.Append("CIST int-root-pathcost ");
        line.Append((ulong)BinaryPrimitives.ReadUInt32BigEndian(p[StpBpdu.Field.CistInternalCost..]));
        line.Append(',');
        if (p.Length < StpBpdu.Field.CistBridgeId + 8)
            return false;
        line.Append("\n\tCIST bridge-id ");
        AppendBridgeId(p[StpBpdu.Field.CistBridgeId..]);
        line.Append(", ");
        if (p.Length <= StpBpdu.Field.CistRemainingHops)
            return false;
        line.Append("CIST remaining-hops ");
        line.Append((ulong)p[StpBpdu.Field.CistRemainingHops]);
        if (v3 <= StpBpdu.Version3StaticLength)
            return true;
        for (int left = v3 - StpBpdu.Version3StaticLength, at = StpBpdu.Field.Msti; left >= StpBpdu.MstiLength; left -= StpBpdu.MstiLength, at += StpBpdu.MstiLength)
        {
            if (p.Length < at + M.RegionalRootMac)
                return false;
            line.Append("\n\tMSTI ");
            line.Append((ulong)(BinaryPrimitives.ReadUInt16BigEndian(p[(at + M.RegionalRootId)..]) & 0x0FFF));
            AppendStpFlags(", Flags [", p[at + M.Flags]);
            line.Append(", port-role ");
            line.Append(PortRole(p[at + M.Flags]));
            if (p.Length < at + M.BridgePriority)
                return false;
            line.Append("\n\t\tMSTI regional-root-id ");
            AppendBridgeId(p[(at + M.RegionalRootId)..]);
            line.Append(", pathcost ");
            line.Append((ulong)BinaryPrimitives.ReadUInt32BigEndian(p[(at + M.RootCost)..]));
            if (p.Length < at + StpBpdu.MstiLength)
                return false;
            line.Append("\n\t\tMSTI bridge-prio ");
            line.Append((ulong)(p[at + M.BridgePriority] >> 4));
            line.Append(", port-prio ");
            line.Append((ulong)(p[at + M.PortPriority] >> 4));
            line.Append(", hops ");
            line.Append((ulong)p[at + M.RemainingHops]);
        }
        return true;
    }

    /// <summary>stp_print_spb_bpdu (-v only): the auxiliary MCID and the agreement; false when the capture ended inside it.</summary>
    private bool AppendSpb(ReadOnlySpan<byte> p, int at)
    {
        var line = _line;
        if (p.Length < at + 2)
            return false;
        line.Append("\n\tv4len ");
        line.Append((ulong)BinaryPrimitives.ReadUInt16BigEndian(p[at..]));
        line.Append(", AUXMCID Name ");
        if (!AppendNulPadded(p, at + SpbNameOffset, 32))
            return false;
        if (p.Length < at + SpbAgreementDigestOffset + 20)
            return false;
        line.Append(", Rev ");
        line.Append((ulong)BinaryPrimitives.ReadUInt16BigEndian(p[(at + SpbRevisionOffset)..]));
        line.Append(",\n\t\tdigest ");
        line.AppendHexBytes(p.Slice(at + SpbDigestOffset, 16));
        byte agreement = p[at + SpbAgreementOffset], format = p[at + SpbFormatOffset], convention = p[at + SpbConventionOffset];
        line.Append("\n\tAgreement num ");
        line.Append((ulong)(agreement >> 6));
        line.Append(", Discarded Agreement num ");
        line.Append((ulong)(agreement >> 4 & 0x3));
        line.Append(", Agreement valid-flag ");
        line.Append((ulong)(agreement >> 3 & 0x1));
        line.Append(",\n\tRestricted role-flag: ");
        line.Append((ulong)(agreement >> 2 & 0x1));
        line.Append(", Format id ");
        line.Append((ulong)(format >> 4));
        line.Append(" cap ");
        line.Append((ulong)format);
        line.Append(", Convention id ");
        line.Append((ulong)(convention >> 4));
        line.Append(" cap ");
        line.Append((ulong)convention);
        line.Append(",\n\tEdge count ");
        line.Append((ulong)BinaryPrimitives.ReadUInt16BigEndian(p[(at + SpbEdgeOffset)..]));
        line.Append(", Agreement digest ");
        line.AppendHexBytes(p.Slice(at + SpbAgreementDigestOffset, 20));
        return true;
    }

    /// <summary>"\n\tmessage-age ...s, max-age ...s, hello-time ...s, forwarding-delay ...s", or " [|stp]" when the times were cut.</summary>
    private bool AppendStpTimes(ReadOnlySpan<byte> p)
    {
        var line = _line;
        if (p.Length < StpBpdu.Field.ForwardDelay + 2)
        {
            Truncated("stp");
            return false;
        }
        line.Append("\n\tmessage-age ");
        AppendStpSeconds(BinaryPrimitives.ReadUInt16BigEndian(p[StpBpdu.Field.MessageAge..]));
        line.Append("s, max-age ");
        AppendStpSeconds(BinaryPrimitives.ReadUInt16BigEndian(p[StpBpdu.Field.MaxAge..]));
        line.Append("s, hello-time ");
        AppendStpSeconds(BinaryPrimitives.ReadUInt16BigEndian(p[StpBpdu.Field.HelloTime..]));
        line.Append("s, forwarding-delay ");
        AppendStpSeconds(BinaryPrimitives.ReadUInt16BigEndian(p[StpBpdu.Field.ForwardDelay..]));
        line.Append('s');
        return true;
    }

    /// <summary>A time of <paramref name="units"/>/256 seconds as printf's "%.2f" rounds it (an exact tie to the even hundredth).</summary>
    private void AppendStpSeconds(ushort units)
    {
        long scaled = units * 100L;
        long hundredths = scaled / 256, rest = scaled % 256;
        if (rest > 128 || (rest == 128 && (hundredths & 1) != 0))
            hundredths++;
        _line.Append((ulong)(hundredths / 100));
        _line.Append('.');
        _line.AppendPadded(hundredths % 100, 2);
    }

    /// <summary>"pppp.aa:bb:cc:dd:ee:ff" from a bridge identifier's 8 bytes.</summary>
    private void AppendBridgeId(ReadOnlySpan<byte> id)
    {
        _line.AppendHexBytes(id[..2]);
        _line.Append('.');
        _line.AppendMac(id.Slice(2, 6));
    }

    /// <summary>bittok2str of stp_bpdu_flag_values after <paramref name="prefix"/>, "none" for none, and "]".</summary>
    private void AppendStpFlags(string prefix, byte flags)
    {
        var line = _line;
        line.Append(prefix);
        bool any = false;
        foreach (var (bit, name) in StpFlagNames)
        {
            if ((flags & bit) == 0)
                continue;
            if (any)
                line.Append(", ");
            line.Append(name);
            any = true;
        }
        if (!any)
            line.Append("none");
        line.Append(']');
    }

    private static readonly (byte Bit, string Name)[] StpFlagNames =
    [
        (StpBpdu.Flag.TopologyChange, "Topology change"), (StpBpdu.Flag.Proposal, "Proposal"), (StpBpdu.Flag.Learning, "Learn"),
        (StpBpdu.Flag.Forwarding, "Forward"), (StpBpdu.Flag.Agreement, "Agreement"), (StpBpdu.Flag.TopologyChangeAck, "Topology change ACK"),
    ];

    private static string PortRole(byte flags) => ((flags & StpBpdu.Flag.PortRoleMask) >> 2) switch
    {
        1 => "Alternate",
        2 => "Root",
        3 => "Designated",
        _ => "Unknown",
    };

    /// <summary>nd_printjnp: up to <paramref name="count"/> bytes at <paramref name="at"/>, to the first NUL; false when the capture ended first.</summary>
    private bool AppendNulPadded(ReadOnlySpan<byte> p, int at, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (at + i >= p.Length)
                return false;
            byte b = p[at + i];
            if (b == 0)
                return true;
            AppendPrintable(b);
        }
        return true;
    }
}
