using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Loopback;
using F = RawNet.Protocols.Pflog.PflogHeader.Field;

namespace RawNet.Protocols.Pflog;

/// <summary>
/// The pflog field table (Wireshark "pflog", tshark 4.0): each field as its bytes come, in tshark's order; the layout
/// the declared length names decides which fields there are and where the direction and padding lie. The IDs are read in
/// tshark's default "host" byte order, little-endian here; the addresses by the address family (IPv4 reads 4 of its 16
/// bytes; only OpenBSD's AF_INET6 reads IPv6; any other family shows the bytes).
/// </summary>
public static class PflogFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("pflog.length", "Header Length", LayerKind.Pflog, F.Length, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("pflog.af", "Address Family", LayerKind.Pflog, F.Family, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("pflog.action", "Action", LayerKind.Pflog, F.Action, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("pflog.reason", "Reason", LayerKind.Pflog, F.Reason, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("pflog.ifname", "Interface", LayerKind.Pflog, F.InterfaceName, PflogHeader.NameLength, FieldKind.Text),
        FieldDefinition.Fixed("pflog.ruleset", "Ruleset", LayerKind.Pflog, F.Ruleset, PflogHeader.NameLength, FieldKind.Text),
        FieldDefinition.Fixed("pflog.rulenr", "Rule Number", LayerKind.Pflog, F.RuleNumber, 4, FieldKind.SignedDecimal),
        FieldDefinition.Fixed("pflog.subrulenr", "Sub Rule Number", LayerKind.Pflog, F.SubruleNumber, 4, FieldKind.SignedDecimal),
        FieldDefinition.FixedLittleEndian("pflog.uid", "UID", LayerKind.Pflog, F.Uid, 4, FieldKind.SignedDecimal, presence: FieldPresence.PflogIds),
        FieldDefinition.FixedLittleEndian("pflog.pid", "PID", LayerKind.Pflog, F.Pid, 4, FieldKind.SignedDecimal, presence: FieldPresence.PflogIds),
        FieldDefinition.FixedLittleEndian("pflog.rule_uid", "Rule UID", LayerKind.Pflog, F.RuleUid, 4, FieldKind.SignedDecimal, presence: FieldPresence.PflogIds),
        FieldDefinition.FixedLittleEndian("pflog.rule_pid", "Rule PID", LayerKind.Pflog, F.RulePid, 4, FieldKind.SignedDecimal, presence: FieldPresence.PflogIds),
        FieldDefinition.Fixed("pflog.dir", "Direction", LayerKind.Pflog, F.OldDirection, 1, FieldKind.Decimal, presence: FieldPresence.PflogOld),
        FieldDefinition.Fixed("pflog.dir", "Direction", LayerKind.Pflog, F.Direction, 1, FieldKind.Decimal, presence: FieldPresence.PflogIds),
        FieldDefinition.Fixed("pflog.pad", "Padding", LayerKind.Pflog, F.OldPadding, PflogHeader.OldPaddingLength, FieldKind.Bytes, presence: FieldPresence.PflogOld),
        FieldDefinition.Fixed("pflog.pad", "Padding", LayerKind.Pflog, F.IdsPadding, PflogHeader.OldPaddingLength, FieldKind.Bytes, presence: FieldPresence.PflogIdsOnly),
        FieldDefinition.Fixed("pflog.rewritten", "Rewritten", LayerKind.Pflog, F.Rewritten, 1, FieldKind.Decimal, presence: FieldPresence.PflogFull),
        FieldDefinition.Fixed("pflog.pad", "Padding", LayerKind.Pflog, F.FullPadding, PflogHeader.FullPaddingLength, FieldKind.Bytes, presence: FieldPresence.PflogFull),
        FieldDefinition.Fixed("pflog.saddr.ipv4", "Source Address", LayerKind.Pflog, F.SourceAddress, 4, FieldKind.Ipv4Address, presence: FieldPresence.PflogFullIpv4),
        FieldDefinition.Fixed("pflog.saddr.ipv6", "Source Address", LayerKind.Pflog, F.SourceAddress, 16, FieldKind.Ipv6Address, presence: FieldPresence.PflogFullIpv6),
        FieldDefinition.Fixed("pflog.saddr.bytes", "Source Address", LayerKind.Pflog, F.SourceAddress, 16, FieldKind.Bytes, presence: FieldPresence.PflogFullOther),
        FieldDefinition.Fixed("pflog.daddr.ipv4", "Destination Address", LayerKind.Pflog, F.DestinationAddress, 4, FieldKind.Ipv4Address, presence: FieldPresence.PflogFullIpv4),
        FieldDefinition.Fixed("pflog.daddr.ipv6", "Destination Address", LayerKind.Pflog, F.DestinationAddress, 16, FieldKind.Ipv6Address, presence: FieldPresence.PflogFullIpv6),
        FieldDefinition.Fixed("pflog.daddr.bytes", "Destination Address", LayerKind.Pflog, F.DestinationAddress, 16, FieldKind.Bytes, presence: FieldPresence.PflogFullOther),
        FieldDefinition.Fixed("pflog.sport", "Source Port", LayerKind.Pflog, F.SourcePort, 2, FieldKind.Decimal, presence: FieldPresence.PflogFull),
        FieldDefinition.Fixed("pflog.dport", "Destination Port", LayerKind.Pflog, F.DestinationPort, 2, FieldKind.Decimal, presence: FieldPresence.PflogFull),
    ];

    /// <summary>Whether a field of <paramref name="presence"/> is in the layout of the header whose first bytes are <paramref name="header"/>.</summary>
    public static bool IsPresent(FieldPresence presence, ReadOnlySpan<byte> header)
    {
        if (header.Length <= PflogHeader.Field.Family)
            return false;
        byte declared = header[PflogHeader.Field.Length];
        byte family = header[PflogHeader.Field.Family];
        return presence switch
        {
            FieldPresence.PflogOld => declared < PflogHeader.IdsLength,
            FieldPresence.PflogIds => declared >= PflogHeader.IdsLength,
            FieldPresence.PflogIdsOnly => declared is >= PflogHeader.IdsLength and < PflogHeader.FullLength,
            FieldPresence.PflogFull => declared >= PflogHeader.FullLength,
            FieldPresence.PflogFullIpv4 => declared >= PflogHeader.FullLength && family == LoopbackHeader.Inet,
            FieldPresence.PflogFullIpv6 => declared >= PflogHeader.FullLength && family == LoopbackHeader.BsdInet6,
            FieldPresence.PflogFullOther => declared >= PflogHeader.FullLength && family != LoopbackHeader.Inet && family != LoopbackHeader.BsdInet6,
            _ => false,
        };
    }
}
