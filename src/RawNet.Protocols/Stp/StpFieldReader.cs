using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Stp.StpBpdu.Field;

namespace RawNet.Protocols.Stp;

/// <summary>
/// Reads the fields of <see cref="StpFields"/> (<see cref="ComputedField.Stp"/>) as tshark 4.0 adds them: none until it
/// read what its columns need (<see cref="StpBpdu.ColumnsRead"/>), then each once the reads before it and its own bytes
/// were captured; the flag bits a configuration BPDU has (the two topology change bits) or an RST BPDU's seven, and once
/// more per MSTI message of an MST BPDU.
/// </summary>
public static class StpFieldReader
{
    /// <summary>A time's unit, 1/256 second, in nanoseconds.</summary>
    private const ulong TimeUnitNanoseconds = 1_000_000_000 / 256;

    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Stp;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the BPDU's captured bytes <paramref name="header"/>.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        if (!StpFields.TryGetValue(field, out var which) || !StpBpdu.TryRead(header, out var bpdu) || !bpdu.ColumnsRead)
            return false;
        int reported = Math.Max(layer.Extent, header.Length);
        // Whether the extension is read and how is decided on the whole BPDU; then tshark cuts it to what it counts.
        var mst = new MstLayout(StpBpdu.IsMst(header, reported), header, reported);
        header = header[..Math.Min(header.Length, StpBpdu.ActualLength(header, reported))];
        bool flagBit = which is >= StpValue.FlagTopologyChangeAck and <= StpValue.FlagTopologyChange;
        if (which >= StpValue.Version4Length && occurrence == 0 || occurrence == 1 && which is >= StpValue.FormatSelector and <= StpValue.ConfigDigest)
            return TryReadSpb(which, header, bpdu.Version, reported, mst, layer.Offset, out value);
        if (which >= StpValue.Version4Length)
            return false;
        if (which >= StpValue.MstiFlags || flagBit && occurrence > 0)
            return TryReadMsti(which, header, mst, flagBit ? occurrence - 1 : occurrence, layer.Offset, out value);
        if (occurrence != 0)
            return false;
        bool body = bpdu.HasBody, rst = bpdu.Type == StpBpdu.TypeRst;
        // A topology change notification or an unknown type shows its protocol, version and type only.
        if (which >= StpValue.Flags && !body)
            return false;
        (bool present, int at, int size, ulong number) = which switch
        {
            StpValue.Protocol => (true, F.ProtocolId, 2, bpdu.ProtocolId),
            StpValue.Version => (true, F.Version, 1, bpdu.Version),
            StpValue.Type => (true, F.Type, 1, bpdu.Type),
            StpValue.Flags => (body, F.Flags, 1, bpdu.Flags),
            StpValue.FlagTopologyChangeAck or StpValue.FlagTopologyChange => (body, F.Flags, 1, FlagValue(which, header[F.Flags])),
            StpValue.FlagAgreement or StpValue.FlagForwarding or StpValue.FlagLearning or StpValue.FlagPortRole or StpValue.FlagProposal
                => (rst, F.Flags, 1, FlagValue(which, header[F.Flags])),
            // tshark's priority item covers one byte, its extension two.
            StpValue.RootPriority => (body, F.RootId, 1, (ulong)(bpdu.RootPriorityAndExtension & 0xF000)),
            StpValue.RootExtension => (body, F.RootId, 2, (ulong)(bpdu.RootPriorityAndExtension & 0x0FFF)),
            StpValue.RootMac => (body, F.RootId + 2, 6, 0UL),
            StpValue.RootCost => (body, F.RootCost, 4, bpdu.RootCost),
            StpValue.BridgePriority => (body, F.BridgeId, 1, (ulong)(bpdu.BridgePriorityAndExtension & 0xF000)),
            StpValue.BridgeExtension => (body, F.BridgeId, 2, (ulong)(bpdu.BridgePriorityAndExtension & 0x0FFF)),
            StpValue.BridgeMac => (body, F.BridgeId + 2, 6, 0UL),
            StpValue.Port => (body, F.PortId, 2, bpdu.PortId),
            StpValue.MessageAge => (body, F.MessageAge, 2, Time(header, F.MessageAge)),
            StpValue.MaxAge => (body, F.MaxAge, 2, Time(header, F.MaxAge)),
            StpValue.HelloTime => (body, F.HelloTime, 2, Time(header, F.HelloTime)),
            StpValue.ForwardDelay => (body, F.ForwardDelay, 2, Time(header, F.ForwardDelay)),
            StpValue.Version1Length => (rst, F.Version1Length, 1, Byte(header, F.Version1Length)),
            _ => ReadMst(which, header, mst, out at, out size),
        };
        if (!present || at + size > header.Length)
            return false;
        value = new FieldValue(number, layer.Offset + at, size);
        return true;
    }

    /// <summary>The MST extension's CIST fields: their place, and whether tshark got to them.</summary>
    private static (bool, int, int, ulong) ReadMst(StpValue which, ReadOnlySpan<byte> header, in MstLayout mst, out int at, out int size)
    {
        at = 0;
        size = 0;
        if (!mst.Read)
            return (false, 0, 0, 0);
        if (which == StpValue.Version3Length)
        {
            (at, size) = (F.Version3Length, 2);
            return (true, at, size, U16(header, at));
        }
        // tshark reads the format selector before it adds any field of the extension.
        if (!mst.Known)
            return (false, 0, 0, 0);
        var format = mst.Format;
        bool alternative = format == MstiFormat.Alternative, ieee = format == MstiFormat.Ieee8021s;
        // The CIST bridge identifier is read whole before its three fields are added.
        int bridge = alternative ? F.AlternativeCistBridgeId : F.CistBridgeId;
        bool bridgeRead = (ieee || alternative) && header.Length >= bridge + 8;
        (bool present, at, size, ulong number) = which switch
        {
            StpValue.FormatSelector => (true, F.FormatSelector, 1, Byte(header, F.FormatSelector)),
            StpValue.ConfigName => (true, F.ConfigName, NameLength(header, F.ConfigName), 0UL),
            StpValue.ConfigRevision => (true, F.ConfigRevision, 2, U16(header, F.ConfigRevision)),
            StpValue.ConfigDigest => (true, F.ConfigDigest, 16, 0UL),
            StpValue.CistInternalCost => (ieee || alternative, alternative ? F.AlternativeCistInternalCost : F.CistInternalCost, 4,
                U32(header, alternative ? F.AlternativeCistInternalCost : F.CistInternalCost)),
            StpValue.CistBridgePriority => (bridgeRead, bridge, 1, (ulong)(U16(header, bridge) & 0xF000)),
            StpValue.CistBridgeExtension => (bridgeRead, bridge, 2, (ulong)(U16(header, bridge) & 0x0FFF)),
            StpValue.CistBridgeMac => (bridgeRead, bridge + 2, 6, 0UL),
            StpValue.CistRemainingHops => (true, F.CistRemainingHops, 1, Byte(header, F.CistRemainingHops)),
            _ => (false, 0, 0, 0UL),
        };
        // The name is shown once all its 32 bytes were captured (up to its first NUL).
        if (which == StpValue.ConfigName && header.Length < F.ConfigName + 32)
            return (false, 0, 0, 0);
        return (present, at, size, number);
    }

    /// <summary>Occurrence <paramref name="index"/> of an MSTI message's field (the flag bits included).</summary>
    private static bool TryReadMsti(StpValue which, ReadOnlySpan<byte> header, in MstLayout mst, int index, int layerOffset, out FieldValue value)
    {
        value = default;
        var format = mst.Format;
        if (!mst.Read || !mst.Known || header.Length <= F.CistRemainingHops || (uint)index >= (uint)StpBpdu.MstiCount(format, mst.Total))
            return false;
        int m = F.Msti + index * StpBpdu.MstiSize(format);
        bool alternative = format == MstiFormat.Alternative;
        // tshark reads the regional root, then adds the message's subtree over 16 bytes (in either layout), before any field of it.
        if (header.Length < m + StpBpdu.MstiLength || header.Length < m + (alternative ? 11 : 9))
            return false;
        int flags = m + (alternative ? StpBpdu.AlternativeMstiField.Flags : StpBpdu.MstiField.Flags);
        int root = m + (alternative ? StpBpdu.AlternativeMstiField.RegionalRootId : StpBpdu.MstiField.RegionalRootId);
        int cost = m + (alternative ? StpBpdu.AlternativeMstiField.RootCost : StpBpdu.MstiField.RootCost);
        int hops = m + (alternative ? StpBpdu.AlternativeMstiField.RemainingHops : StpBpdu.MstiField.RemainingHops);
        int bridgePriority = m + StpBpdu.MstiField.BridgePriority, portPriority = m + StpBpdu.MstiField.PortPriority;
        int bridge = m + StpBpdu.AlternativeMstiField.BridgeId, port = m + StpBpdu.AlternativeMstiField.Port;
        (bool present, int at, int size, ulong number) = which switch
        {
            >= StpValue.FlagTopologyChangeAck and <= StpValue.FlagTopologyChange => (true, flags, 1, FlagValue(which, header[flags])),
            StpValue.MstiFlags => (true, flags, 1, header[flags]),
            StpValue.MstiPriority => (true, root, 1, (ulong)(header[root] >> 4)),
            StpValue.MstiId => alternative ? (true, m, 2, U16(header, m)) : (true, root, 2, (ulong)(U16(header, root) & 0x0FFF)),
            StpValue.MstiRegionalRootId => (alternative, root, 2, U16(header, root)),
            StpValue.MstiRootMac => (true, root + 2, 6, 0UL),
            StpValue.MstiRootCost => (true, cost, 4, Cost(header, cost)),
            // Both priorities are read before either is added.
            StpValue.MstiBridgePriority => (!alternative && header.Length > portPriority, bridgePriority, 1, (ulong)(Byte(header, bridgePriority) >> 4)),
            StpValue.MstiPortPriority => (!alternative && header.Length > portPriority, portPriority, 1, (ulong)(Byte(header, portPriority) >> 4)),
            StpValue.MstiBridgeId => (alternative, bridge, 2, (ulong)(U16(header, bridge) & 0x0FFF)),
            StpValue.MstiBridgeIdPriority => (alternative, bridge, 2, (ulong)((U16(header, bridge) & 0xF000) >> 12)),
            StpValue.MstiBridgeIdMac => (alternative, m + StpBpdu.AlternativeMstiField.BridgeMac, 6, 0UL),
            StpValue.MstiPort => (alternative, port, 2, U16(header, port)),
            StpValue.MstiRemainingHops => (true, hops, 1, Byte(header, hops)),
            _ => (false, 0, 0, 0UL),
        };
        if (!present || at + size > header.Length)
            return false;
        value = new FieldValue(number, layerOffset + at, size);
        return true;
    }

    /// <summary>
    /// SPB's extension (version 4, at least 106 bytes, after every MSTI message was read): its version 4 length, and when
    /// that is 53 or more the auxiliary MCID (the second occurrence of MST's MCID fields) and the agreement.
    /// </summary>
    private static bool TryReadSpb(StpValue which, ReadOnlySpan<byte> header, byte version, int reported, in MstLayout mst, int layerOffset, out FieldValue value)
    {
        value = default;
        if (!mst.Read || !mst.Known || version < 4 || reported < StpBpdu.SpbLength
            || header.Length < F.Msti + StpBpdu.MstiCount(mst.Format, mst.Total) * StpBpdu.MstiSize(mst.Format))
            return false;
        int v4 = F.Msti + mst.Total;
        if (v4 < F.Msti || header.Length < v4 + 2)
            return false;
        int length = BinaryPrimitives.ReadUInt16BigEndian(header[v4..]);
        if (which == StpValue.Version4Length)
        {
            value = new FieldValue((ulong)length, layerOffset + v4, 2);
            return true;
        }
        // The MCID's subtree covers its 51 bytes before any of its fields; the agreement byte is read before its fields.
        int mcid = v4 + 2, agreement = mcid + 51;
        if (length < 53 || header.Length < mcid + 51)
            return false;
        if (which >= StpValue.AgreementNumber && header.Length <= agreement)
            return false;
        ulong flags = Byte(header, agreement);
        (int at, int size, ulong number) = which switch
        {
            StpValue.FormatSelector => (mcid, 1, Byte(header, mcid)),
            StpValue.ConfigName => (mcid + 1, NameLength(header, mcid + 1), 0UL),
            StpValue.ConfigRevision => (mcid + 33, 2, U16(header, mcid + 33)),
            StpValue.ConfigDigest => (mcid + 35, 16, 0UL),
            StpValue.AgreementNumber => (agreement, 1, flags & 0x03),
            StpValue.DisagreementNumber => (agreement, 1, (flags & 0x0C) >> 2),
            StpValue.AgreementValid => (agreement, 1, (flags & 0x10) != 0 ? 1UL : 0),
            StpValue.RestrictedRole => (agreement, 1, (flags & 0x20) != 0 ? 1UL : 0),
            StpValue.DigestFormatId => (agreement + 2, 1, Byte(header, agreement + 2) >> 4),
            StpValue.DigestFormatCapabilities => (agreement + 2, 1, Byte(header, agreement + 2) & 0x0F),
            StpValue.DigestConventionId => (agreement + 3, 1, Byte(header, agreement + 3) >> 4),
            StpValue.DigestConventionCapabilities => (agreement + 3, 1, Byte(header, agreement + 3) & 0x0F),
            StpValue.EdgeCount => (agreement + 4, 2, U16(header, agreement + 4)),
            _ => (agreement + 14, 20, 0UL),
        };
        // A name shows once all its 32 bytes were captured (up to its first NUL).
        if (at + (which == StpValue.ConfigName ? 32 : size) > header.Length)
            return false;
        value = new FieldValue(number, layerOffset + at, size);
        return true;
    }

    /// <summary>Whether tshark reads an MST extension, and, once its format selector was captured, the MSTI layout it picked.</summary>
    private readonly struct MstLayout
    {
        public readonly bool Read, Known;
        public readonly MstiFormat Format;
        public readonly int Total;

        public MstLayout(bool read, ReadOnlySpan<byte> header, int reported)
        {
            Read = read;
            Known = read && StpBpdu.TryMstiLayout(header, reported, out Format, out Total);
        }
    }

    private static ulong FlagValue(StpValue which, byte flags) => which switch
    {
        StpValue.FlagTopologyChangeAck => Bit(flags, StpBpdu.Flag.TopologyChangeAck),
        StpValue.FlagAgreement => Bit(flags, StpBpdu.Flag.Agreement),
        StpValue.FlagForwarding => Bit(flags, StpBpdu.Flag.Forwarding),
        StpValue.FlagLearning => Bit(flags, StpBpdu.Flag.Learning),
        StpValue.FlagPortRole => (ulong)((flags & StpBpdu.Flag.PortRoleMask) >> 2),
        StpValue.FlagProposal => Bit(flags, StpBpdu.Flag.Proposal),
        _ => Bit(flags, StpBpdu.Flag.TopologyChange),
    };

    private static ulong Bit(byte flags, byte bit) => (flags & bit) != 0 ? 1UL : 0UL;

    /// <summary>A configuration name's bytes at <paramref name="at"/> up to its first NUL (tshark's FT_STRINGZ of 32 bytes).</summary>
    private static int NameLength(ReadOnlySpan<byte> header, int at)
    {
        if (header.Length < at + 32)
            return 32;
        int nul = header.Slice(at, 32).IndexOf((byte)0);
        return nul < 0 ? 32 : nul;
    }

    private static ulong Time(ReadOnlySpan<byte> header, int at) => U16(header, at) * TimeUnitNanoseconds;

    private static ulong Byte(ReadOnlySpan<byte> header, int at) => at < header.Length ? header[at] : 0UL;

    private static ulong U16(ReadOnlySpan<byte> header, int at) => at + 2 <= header.Length ? BinaryPrimitives.ReadUInt16BigEndian(header[at..]) : 0UL;

    private static ulong U32(ReadOnlySpan<byte> header, int at) => at + 4 <= header.Length ? BinaryPrimitives.ReadUInt32BigEndian(header[at..]) : 0UL;

    private static ulong Cost(ReadOnlySpan<byte> header, int at) => U32(header, at);
}
