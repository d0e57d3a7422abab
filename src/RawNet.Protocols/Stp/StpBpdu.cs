using System.Buffers.Binary;

namespace RawNet.Protocols.Stp;

/// <summary>
/// A spanning tree BPDU (IEEE 802.1D, 802.1Q's RSTP and MSTP), on LLC SAP 0x42 or behind SNAP's OUI 00-80-C2 as PID
/// 0x000E, as tshark 4.0 reads it.
/// <code>
///  0      Protocol Identifier (16)    | 2 Version | 3 BPDU Type | 4 Flags |
///  5      Root Identifier (priority 4 bits, system ID extension 12 bits, MAC 48 bits)
/// 13      Root Path Cost (32)
/// 17      Bridge Identifier (64)
/// 25      Port Identifier (16) | 27 Message Age | 29 Max Age | 31 Hello Time | 33 Forward Delay (1/256 s)
/// 35      Version 1 Length (RST and MST)
/// 36      Version 3 Length (16), 38 MST configuration identifier: format selector, name (32), revision (16), digest (128)
/// 89      CIST Internal Root Path Cost (32) | 93 CIST Bridge Identifier (64) | 101 CIST Remaining Hops
/// 102     MSTI configuration messages, 16 bytes each
/// </code>
/// A topology change notification is the first 4 bytes. tshark reads the type and version, and for a configuration or
/// RST BPDU the flags, root, cost and port, for its Info column before it adds any field: a BPDU too short for those shows
/// no field at all. MST's extension follows tshark's tests (version 3 or more, a version 1 length of 0, at least 102
/// bytes) and its two MSTI layouts (IEEE 802.1s's, and the alternative one some switches send with a version 3 length of 0).
/// </summary>
public readonly ref struct StpBpdu
{
    /// <summary>LLC's SAP for BPDUs.</summary>
    public const byte Sap = 0x42;

    /// <summary>The protocol ID behind SNAP's OUI 00-80-C2 that names a BPDU.</summary>
    public const ushort BridgedPid = 0x000E;

    public const byte TypeConfiguration = 0x00, TypeRst = 0x02, TypeTopologyChange = 0x80;

    /// <summary>Cisco's PIDs for PVST+ and VLAN-bridge BPDUs behind its OUI 00-00-0C.</summary>
    public const ushort CiscoPvstPid = 0x010B, CiscoVlanBridgePid = 0x010C;

    /// <summary>The OUI of DOCSIS cable modems' BPDUs, which tshark reads as BPDUs whatever the protocol ID.</summary>
    public const uint CableBpduOui = 0x00E02F;

    /// <summary>
    /// True for the SNAP OUI and protocol IDs tshark hands to its BPDU dissector: 802.1's 0x000E, Cisco's PVST+ (whose
    /// TLVs after the BPDU RawNet does not show) and VLAN-bridge PIDs, and any behind the DOCSIS cable BPDU OUI.
    /// </summary>
    public static bool IsSnapBpdu(uint oui, ushort pid) =>
        (oui == 0x0080C2 && pid == BridgedPid) || (oui == 0x00000C && pid is CiscoPvstPid or CiscoVlanBridgePid) || oui == CableBpduOui;

    /// <summary>What tshark reads before it writes the columns of a topology change or unknown type: the type (and version).</summary>
    public const int ShortColumnReach = 4;

    /// <summary>What tshark reads before it writes the columns of a configuration or RST BPDU: through the port identifier.</summary>
    public const int ColumnReach = 27;

    /// <summary>A configuration BPDU's length, and where an RST BPDU's version 1 length lies.</summary>
    public const int ConfigurationLength = 35;

    /// <summary>The least an MST BPDU holds (tshark's test), and where its MSTI messages start.</summary>
    public const int MstLength = 102;

    /// <summary>The MST extension's fixed part the version 3 length counts (selector through remaining hops).</summary>
    public const int Version3StaticLength = 64;

    public const int MstiLength = 16, AlternativeMstiLength = 26;

    /// <summary>The least an SPB BPDU (version 4) holds for tshark to read its version 4 length.</summary>
    public const int SpbLength = 106;

    /// <summary>Byte offsets of the fields (see the diagram).</summary>
    public static class Field
    {
        public const int ProtocolId = 0, Version = 2, Type = 3, Flags = 4, RootId = 5, RootCost = 13, BridgeId = 17, PortId = 25,
            MessageAge = 27, MaxAge = 29, HelloTime = 31, ForwardDelay = 33, Version1Length = 35, Version3Length = 36,
            FormatSelector = 38, ConfigName = 39, ConfigRevision = 71, ConfigDigest = 73, CistInternalCost = 89, CistBridgeId = 93,
            CistRemainingHops = 101, Msti = 102, AlternativeCistBridgeId = 89, AlternativeCistInternalCost = 97;
    }

    /// <summary>Byte offsets inside one MSTI configuration message, 802.1s's 16-byte layout.</summary>
    public static class MstiField
    {
        public const int Flags = 0, RegionalRootId = 1, RegionalRootMac = 3, RootCost = 9, BridgePriority = 13, PortPriority = 14,
            RemainingHops = 15;
    }

    /// <summary>Byte offsets inside one MSTI configuration message of the alternative (pre-802.1s) 26-byte layout tshark also reads.</summary>
    public static class AlternativeMstiField
    {
        public const int Id = 0, Flags = 2, RegionalRootId = 3, RegionalRootMac = 5, RootCost = 11, BridgeId = 15, BridgeMac = 17, Port = 23,
            RemainingHops = 25;
    }

    /// <summary>The flag bits (802.1D's two; RSTP's others).</summary>
    public static class Flag
    {
        public const byte TopologyChange = 0x01, Proposal = 0x02, PortRoleMask = 0x0C, Learning = 0x10, Forwarding = 0x20,
            Agreement = 0x40, TopologyChangeAck = 0x80;
    }

    private readonly ReadOnlySpan<byte> _bytes;

    private StpBpdu(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Reads the BPDU's first 4 bytes (protocol, version, type); false when fewer were captured.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out StpBpdu bpdu)
    {
        bpdu = new StpBpdu(bytes);
        return bytes.Length >= ShortColumnReach;
    }

    public ushort ProtocolId => BinaryPrimitives.ReadUInt16BigEndian(_bytes);
    public byte Version => _bytes[Field.Version];
    public byte Type => _bytes[Field.Type];

    /// <summary>True for the types tshark reads the body of: configuration and RST (and MST).</summary>
    public bool HasBody => Type is TypeConfiguration or TypeRst;

    /// <summary>True when tshark read everything its columns need (and so adds the fields).</summary>
    public bool ColumnsRead => _bytes.Length >= (HasBody ? ColumnReach : ShortColumnReach);

    /// <summary>The flags, root and bridge identifiers, cost and port: only when <see cref="ColumnsRead"/> for a BPDU with a body.</summary>
    public byte Flags => _bytes[Field.Flags];
    public ushort RootPriorityAndExtension => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.RootId..]);
    public ReadOnlySpan<byte> RootMac => _bytes.Slice(Field.RootId + 2, 6);
    public uint RootCost => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.RootCost..]);
    public ushort BridgePriorityAndExtension => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.BridgeId..]);
    public ReadOnlySpan<byte> BridgeMac => _bytes.Slice(Field.BridgeId + 2, 6);
    public ushort PortId => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.PortId..]);

    /// <summary>
    /// Whether tshark reads the MST extension of a BPDU whose captured bytes are <paramref name="bytes"/> and whose
    /// reported length is <paramref name="reported"/>: an RST type, version 3 or more, a version 1 length of 0 and at
    /// least <see cref="MstLength"/> bytes reported. The version 1 length must have been captured.
    /// </summary>
    public static bool IsMst(ReadOnlySpan<byte> bytes, int reported) =>
        bytes.Length > Field.Version1Length && bytes[Field.Type] == TypeRst && bytes[Field.Version] >= 3
        && bytes[Field.Version1Length] == 0 && reported >= MstLength;

    /// <summary>
    /// The MSTI layout tshark picks for an MST BPDU (<see cref="IsMst"/>) once its version 3 length and format selector
    /// were captured (false before): 802.1s's when the version 3 length is not 0 (counted in messages when it is below
    /// the fixed part), the alternative when the reported length is the selector plus 39, else none; and the bytes of
    /// MSTI messages it counts (negative is none).
    /// </summary>
    public static bool TryMstiLayout(ReadOnlySpan<byte> bytes, int reported, out MstiFormat format, out int total)
    {
        format = MstiFormat.Unknown;
        total = 0;
        if (bytes.Length <= Field.FormatSelector)
            return false;
        int v3 = BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.Version3Length..]);
        int selector = bytes[Field.FormatSelector];
        if (v3 != 0)
        {
            format = MstiFormat.Ieee8021s;
            total = v3 >= Version3StaticLength ? v3 - Version3StaticLength : v3 * MstiLength;
        }
        else if (reported == selector + Field.FormatSelector + 1)
        {
            format = MstiFormat.Alternative;
            total = selector - Version3StaticLength;
        }
        return true;
    }

    /// <summary>The length of one MSTI message in <paramref name="format"/>.</summary>
    public static int MstiSize(MstiFormat format) => format == MstiFormat.Alternative ? AlternativeMstiLength : MstiLength;

    /// <summary>How many MSTI messages tshark walks for <paramref name="total"/> bytes of them (it rounds a partial one up).</summary>
    public static int MstiCount(MstiFormat format, int total) => total <= 0 || format == MstiFormat.Unknown ? 0 : (total + MstiSize(format) - 1) / MstiSize(format);

    /// <summary>
    /// Walks the reads tshark 4.0 makes of a BPDU, in order, over its captured bytes <paramref name="bytes"/> of
    /// <paramref name="reported"/> on the wire: where the last one ends (<paramref name="end"/>) when every one was
    /// captured, and true; or false with the end of the first read that ran past the capture, which is past the reported
    /// length too when the BPDU is malformed rather than cut by the capture.
    /// </summary>
    public static bool TryReadAll(ReadOnlySpan<byte> bytes, int reported, out int end, out bool malformed)
    {
        var reads = new Reads(bytes.Length, reported);
        Walk(bytes, reported, ref reads);
        end = reads.End;
        malformed = reads.Failed && reads.End > reads.Reported;
        return !reads.Failed;
    }

    /// <summary>
    /// The length tshark cuts an MST BPDU of version 3 to once it knows its MSTI layout (set_actual_length: the fixed part
    /// and the MSTI bytes it counts); int.MaxValue when it cuts nothing (it never lengthens the BPDU).
    /// </summary>
    public static int ActualLength(ReadOnlySpan<byte> bytes, int reported)
    {
        if (!IsMst(bytes, reported) || bytes[Field.Version] != 3 || !TryMstiLayout(bytes, reported, out _, out int total))
            return int.MaxValue;
        return Field.Msti + total < reported ? Field.Msti + total : int.MaxValue;
    }

    private static void Walk(ReadOnlySpan<byte> bytes, int reported, ref Reads r)
    {
        // The columns: type, version; flags, root, cost and port for a body.
        if (!r.Need(Field.Type, 1))
            return;
        byte type = bytes[Field.Type], version = bytes[Field.Version];
        if (type is not (TypeConfiguration or TypeRst))
            return;
        if (!r.Need(Field.Flags, 1) || !r.Need(Field.RootId, 2) || !r.Need(Field.RootId + 2, 6) || !r.Need(Field.RootCost, 4)
            || !r.Need(Field.PortId, 2))
            return;
        // The tree: the bridge identifier, then the times.
        if (!r.Need(Field.BridgeId, 2) || !r.Need(Field.BridgeId + 2, 6) || !r.Need(Field.MessageAge, 2) || !r.Need(Field.MaxAge, 2)
            || !r.Need(Field.HelloTime, 2) || !r.Need(Field.ForwardDelay, 2) || type == TypeConfiguration)
            return;
        if (!r.Need(Field.Version1Length, 1) || !IsMst(bytes, reported))
            return;
        if (!r.Need(Field.Version3Length, 2) || !r.Need(Field.FormatSelector, 1))
            return;
        TryMstiLayout(bytes, reported, out var format, out int total);
        r.Cut(ActualLength(bytes, reported));
        if (!r.Need(Field.ConfigName, 32) || !r.Need(Field.ConfigRevision, 2) || !r.Need(Field.ConfigDigest, 16))
            return;
        bool cist = format == MstiFormat.Alternative
            ? r.Need(Field.AlternativeCistBridgeId, 2) && r.Need(Field.AlternativeCistBridgeId + 2, 6) && r.Need(Field.AlternativeCistInternalCost, 4)
            : format == MstiFormat.Ieee8021s
                ? r.Need(Field.CistInternalCost, 4) && r.Need(Field.CistBridgeId, 2) && r.Need(Field.CistBridgeId + 2, 6)
                : true;
        if (!cist || !r.Need(Field.CistRemainingHops, 1))
            return;
        int count = MstiCount(format, total), size = MstiSize(format);
        for (int i = 0, at = Field.Msti; i < count; i++, at += size)
        {
            // Each message's reads in tshark's order: the regional root for the subtree's text, then each field.
            // The message's subtree covers 16 bytes in either layout, added after the regional root's reads.
            bool read = format == MstiFormat.Alternative
                ? r.Need(at + 3, 1) && r.Need(at + 4, 1) && r.Need(at + 5, 6) && r.Need(at, MstiLength) && r.Need(at, 2) && r.Need(at + 2, 1) && r.Need(at + 11, 4)
                  && r.Need(at + 15, 2) && r.Need(at + 17, 6) && r.Need(at + 23, 2) && r.Need(at + 25, 1)
                : r.Need(at + 1, 1) && r.Need(at + 2, 1) && r.Need(at + 3, 6) && r.Need(at, MstiLength) && r.Need(at + 9, 4) && r.Need(at + 13, 1)
                  && r.Need(at + 14, 1) && r.Need(at + 15, 1);
            if (!read)
                return;
        }
        if (version < 4 || reported < SpbLength)
            return;
        int v4 = Field.Msti + total;
        if (!r.Need(v4, 2) || BinaryPrimitives.ReadUInt16BigEndian(bytes[v4..]) < 53)
            return;
        // SPB's extension: its MCID's subtree (51 bytes) and fields, its agreement byte, then the digest format, convention,
        // edge count and digest.
        _ = r.Need(v4 + 2, 51) && r.Need(v4 + 2 + 51, 1) && r.Need(v4 + 2 + 53, 1) && r.Need(v4 + 2 + 54, 1) && r.Need(v4 + 2 + 55, 2)
            && r.Need(v4 + 2 + 65, 20);
    }

    /// <summary>The reads made so far: where the furthest ends, and whether one ran past the capture (the walk stops there).</summary>
    private struct Reads(int captured, int reported)
    {
        public int End;
        public bool Failed;
        public int Reported = reported;
        private int _captured = captured;

        public bool Need(int at, int length)
        {
            End = Math.Max(End, at + length);
            Failed = at + length > _captured;
            return !Failed;
        }

        /// <summary>tshark's set_actual_length: the BPDU ends at <paramref name="length"/> from here on (when that is shorter).</summary>
        public void Cut(int length)
        {
            _captured = Math.Min(_captured, length);
            Reported = Math.Min(Reported, length);
        }
    }
}

/// <summary>The MSTI layout tshark reads an MST BPDU's messages in.</summary>
public enum MstiFormat : byte
{
    /// <summary>None: a version 3 length of 0 with a length that does not fit the alternative layout.</summary>
    Unknown,
    /// <summary>IEEE 802.1s's 16-byte messages.</summary>
    Ieee8021s,
    /// <summary>The alternative 26-byte messages (MSTID, flags, regional root, cost, bridge, port, hops).</summary>
    Alternative,
}
