using RawNet.Protocols.Decoding;
using RawNet.Protocols.Enc;
using RawNet.Protocols.Loopback;
using RawNet.Protocols.Pflog;

namespace RawNet.Output.Summary;

// tcpdump's pf log and enc printers (print-pflog.c: pflog_if_print; print-enc.c: enc_if_print), for LINKTYPE_PFLOG and
// LINKTYPE_ENC. pflog's rule line is -e's, but tcpdump writes it for a family it does not read, before a hex dump.
public sealed partial class SummaryPrinter
{
    /// <summary>The size of tcpdump 4.99's struct pfloghdr, which it checks is captured before it reads any field.</summary>
    private const int TcpdumpPflogHeaderSize = 64;

    /// <summary>
    /// The pflog header at layer <paramref name="index"/> (the frame's start): true when what follows is the IP layer the
    /// loop prints next, else the line for the rest, and false. <paramref name="length"/> is the frame's length.
    /// </summary>
    private bool AppendPflog(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        if (frame.Length < 1)
            return Truncated("pflog");
        byte declared = frame[PflogHeader.Field.Length];
        if (declared < PflogHeader.MinLength)
        {
            _line.Append("[pflog: invalid header length!]");
            return false;
        }
        int start = PflogHeader.PayloadStart(declared);
        if (frame.Length < start || frame.Length < TcpdumpPflogHeaderSize)
            return Truncated("pflog");
        byte family = frame[PflogHeader.Field.Family];
        var kind = IpKindOfBsdFamily(family);
        if (kind == LayerKind.Payload)
        {
            AppendPflogRule(frame);
            AppendHexDump(frame[start..], "\n\t", withText: true);
            return false;
        }
        return FollowsAt(packet, index, start) || AppendIpAfterLink(packet, frame, kind, start, length);
    }

    /// <summary>pflog_print: "rule N/" (or "rule N.ruleset.M/" in an anchor), the reason, action and direction, the interface.</summary>
    private void AppendPflogRule(ReadOnlySpan<byte> frame)
    {
        // tcpdump reads its struct's fields where 4.9's layout has them, whatever the declared length.
        var line = _line;
        uint rule = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(frame[PflogHeader.Field.RuleNumber..]);
        uint subrule = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(frame[PflogHeader.Field.SubruleNumber..]);
        line.Append("rule ");
        line.Append((ulong)rule);
        if (subrule != PflogHeader.NoSubrule)
        {
            line.Append('.');
            AppendNulPadded(frame, PflogHeader.Field.Ruleset, PflogHeader.NameLength);
            line.Append('.');
            line.Append((ulong)subrule);
        }
        line.Append('/');
        byte reason = frame[PflogHeader.Field.Reason];
        string reasonName = TcpdumpNames.PflogReason(reason);
        if (reasonName.Length > 0)
        {
            line.Append(reason);
            line.Append('(');
            line.Append(reasonName);
            line.Append(')');
        }
        else
            AppendUnknown(reason);
        line.Append(": ");
        AppendNameOrUnknown(TcpdumpNames.PflogAction(frame[PflogHeader.Field.Action]), frame[PflogHeader.Field.Action]);
        line.Append(' ');
        AppendNameOrUnknown(TcpdumpNames.PflogDirection(frame[PflogHeader.Field.Direction]), frame[PflogHeader.Field.Direction]);
        line.Append(" on ");
        AppendNulPadded(frame, PflogHeader.Field.InterfaceName, PflogHeader.NameLength);
        line.Append(": ");
    }

    private void AppendNameOrUnknown(string name, byte value)
    {
        if (name.Length > 0)
            _line.Append(name);
        else
            AppendUnknown(value);
    }

    /// <summary>tok2str's "unkn(%u)".</summary>
    private void AppendUnknown(byte value)
    {
        _line.Append("unkn(");
        _line.Append(value);
        _line.Append(')');
    }

    /// <summary>
    /// The enc header at layer <paramref name="index"/> (the frame's start): the flags tcpdump names and the SPI, then true
    /// when what follows is the IP layer the loop prints next, else the line for the rest, and false.
    /// </summary>
    private bool AppendEnc(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        if (!EncHeader.TryRead(frame, out var enc))
            return Truncated("enc");
        var line = _line;
        uint flags = enc.Flags;
        line.Append(flags == 0 ? "(unprotected): " : "(");
        // ENC_PRINT_TYPE: each flag named, then "): " when it was the last one set, else ",".
        foreach (var (flag, name) in EncFlagNames)
        {
            if ((flags & flag) == 0)
                continue;
            line.Append(name);
            line.Append(flags == flag ? "): " : ",");
            flags &= ~flag;
        }
        line.Append("SPI 0x");
        line.AppendHexDigits(enc.Spi, 8);
        line.Append(": ");
        var kind = IpKindOfBsdFamily(enc.Family);
        if (kind == LayerKind.Payload)
            return false;
        return FollowsAt(packet, index, EncHeader.Length) || AppendIpAfterLink(packet, frame, kind, EncHeader.Length, length);
    }

    /// <summary>What tcpdump's pflog and enc printers read after a BSD address family: IPv4, IPv6 (any BSD's or Darwin's), or nothing (Payload).</summary>
    private static LayerKind IpKindOfBsdFamily(uint family) =>
        family == LoopbackHeader.Inet ? LayerKind.Ipv4 : LoopbackHeader.IsBsdInet6(family) ? LayerKind.Ipv6 : LayerKind.Payload;

    private static readonly (uint Flag, string Name)[] EncFlagNames = [(EncHeader.Authentic, "authentic"), (EncHeader.Confidential, "confidential")];

    /// <summary>True when the layer after <paramref name="index"/> is IPv4 or IPv6 at <paramref name="offset"/> of the frame, for the loop to print.</summary>
    private static bool FollowsAt(DecodedPacket packet, int index, int offset) => index + 1 < packet.LayerCount
        && packet[index + 1].Kind is LayerKind.Ipv4 or LayerKind.Ipv6 && packet[index + 1].Offset == offset && packet[index + 1].Source == LayerSource.Frame;

    /// <summary>IP of <paramref name="kind"/> read at <paramref name="offset"/> as tcpdump reads it; false (the line is done).</summary>
    private bool AppendIpAfterLink(DecodedPacket packet, ReadOnlySpan<byte> frame, LayerKind kind, int offset, int length)
    {
        AppendIpReadAt(packet, frame, kind, offset, length - offset);
        return false;
    }
}
