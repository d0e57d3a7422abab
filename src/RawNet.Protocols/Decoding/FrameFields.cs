using RawNet.Protocols.Conversations;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Decoding;

/// <summary>The frame's own fields, from capture metadata.</summary>
public static class FrameFields
{
    /// <summary>Wiretap's encapsulation number for the frame's link type (not the file's DLT), where tshark reads the link type.</summary>
    public static readonly FieldDefinition EncapsulationType = FieldDefinition.Derived("frame.encap_type", "Encapsulation type", LayerKind.Frame, FieldKind.SignedDecimal, ComputedField.FrameEncapsulationType);

    /// <summary>The capture time in local time, as tshark writes FT_ABSOLUTE_TIME ("Sep 29, 2012 11:36:15.409224000 UTC").</summary>
    public static readonly FieldDefinition Time = FieldDefinition.Derived("frame.time", "Arrival Time", LayerKind.Frame, FieldKind.BuiltText, ComputedField.FrameTime);

    /// <summary>No time shift is ever applied: always zero.</summary>
    public static readonly FieldDefinition OffsetShift = FieldDefinition.Derived("frame.offset_shift", "Time shift for this packet", LayerKind.Frame, FieldKind.RelativeTime, ComputedField.FrameOffsetShift);
    public static readonly FieldDefinition Marked = FieldDefinition.Derived("frame.marked", "Frame is marked", LayerKind.Frame, FieldKind.Boolean, ComputedField.FrameMarked);
    public static readonly FieldDefinition Ignored = FieldDefinition.Derived("frame.ignored", "Frame is ignored", LayerKind.Frame, FieldKind.Boolean, ComputedField.FrameIgnored);

    public static readonly FieldDefinition Number = FieldDefinition.Derived("frame.number", "Frame Number", LayerKind.Frame, FieldKind.Decimal, ComputedField.FrameNumber);
    public static readonly FieldDefinition TimeEpoch = FieldDefinition.Derived("frame.time_epoch", "Epoch Time", LayerKind.Frame, FieldKind.EpochTime, ComputedField.FrameTimeEpoch);
    public static readonly FieldDefinition Length = FieldDefinition.Derived("frame.len", "Frame Length", LayerKind.Frame, FieldKind.Decimal, ComputedField.FrameLength);
    public static readonly FieldDefinition TimeDelta = FieldDefinition.Tracked("frame.time_delta", "Time delta from previous captured frame", LayerKind.Frame, FieldKind.RelativeTime, AnalysisValue.FrameTimeDelta);
    public static readonly FieldDefinition TimeDeltaDisplayed = FieldDefinition.Tracked("frame.time_delta_displayed", "Time delta from previous displayed frame", LayerKind.Frame, FieldKind.RelativeTime, AnalysisValue.FrameTimeDeltaDisplayed);
    public static readonly FieldDefinition TimeRelative = FieldDefinition.Tracked("frame.time_relative", "Time since reference or first frame", LayerKind.Frame, FieldKind.RelativeTime, AnalysisValue.FrameTimeRelative);
    public static readonly FieldDefinition CapturedLength = FieldDefinition.Derived("frame.cap_len", "Capture Length", LayerKind.Frame, FieldKind.Decimal, ComputedField.FrameCapturedLength);

    /// <summary>The 1-based pcapng section (pcapng files only).</summary>
    public static readonly FieldDefinition SectionNumber = FieldDefinition.Derived("frame.section_number", "Section number", LayerKind.Frame, FieldKind.Decimal, ComputedField.FrameSectionNumber);

    /// <summary>The interface the file names for the frame (pcapng, ERF in pcap): its id, its name (or description, or "unknown"), its description.</summary>
    public static readonly FieldDefinition InterfaceId = FieldDefinition.Derived("frame.interface_id", "Interface id", LayerKind.Frame, FieldKind.Decimal, ComputedField.FrameInterfaceId);
    public static readonly FieldDefinition InterfaceName = FieldDefinition.Derived("frame.interface_name", "Interface name", LayerKind.Frame, FieldKind.BuiltText, ComputedField.FrameInterfaceName);
    public static readonly FieldDefinition InterfaceDescription = FieldDefinition.Derived("frame.interface_description", "Interface description", LayerKind.Frame, FieldKind.BuiltText, ComputedField.FrameInterfaceDescription);

    /// <summary>The packet block's epb_flags word and its parts, where the block has the option.</summary>
    public static readonly FieldDefinition PacketFlags = Flags("frame.packet_flags", "Packet flags", FieldKind.Hex, 0xFFFF_FFFF, 8);
    public static readonly FieldDefinition[] PacketFlagBits =
    [
        Flags("frame.packet_flags_direction", "Direction", FieldKind.Hex, 0x0000_0003, 8),
        Flags("frame.packet_flags_reception_type", "Reception type", FieldKind.Decimal, 0x0000_001C),
        Flags("frame.packet_flags_fcs_length", "FCS length", FieldKind.Decimal, FrameMetadata.FcsLengthFlags),
        Flags("frame.packet_flags_reserved", "Reserved", FieldKind.Decimal, 0x0000_FE00),
        Flags("frame.packet_flags_crc_error", "CRC error", FieldKind.Boolean, 0x0100_0000),
        Flags("frame.packet_flags_packet_too_error", "Packet too long error", FieldKind.Boolean, 0x0200_0000),
        Flags("frame.packet_flags_packet_too_short_error", "Packet too short error", FieldKind.Boolean, 0x0400_0000),
        Flags("frame.packet_flags_wrong_inter_frame_gap_error", "Wrong interframe gap error", FieldKind.Boolean, 0x0800_0000),
        Flags("frame.packet_flags_unaligned_frame_error", "Unaligned frame error", FieldKind.Boolean, 0x1000_0000),
        Flags("frame.packet_flags_start_frame_delimiter_error", "Start frame delimiter error", FieldKind.Boolean, 0x2000_0000),
        Flags("frame.packet_flags_preamble_error", "Preamble error", FieldKind.Boolean, 0x4000_0000),
        Flags("frame.packet_flags_symbol_error", "Symbol error", FieldKind.Boolean, 0x8000_0000),
    ];

    /// <summary>tshark's pinfo->p2p_dir where known: 0 sent, 1 received (from epb_flags, or a link type's direction pseudo-header).</summary>
    public static readonly FieldDefinition PointToPointDirection = FieldDefinition.Derived("frame.p2p_dir", "Point-to-Point Direction", LayerKind.Frame, FieldKind.SignedDecimal, ComputedField.FramePointToPointDirection);

    /// <summary>
    /// A pcapng custom block's enterprise number and copy flag: tshark shows each custom block as a frame of its own;
    /// RawNet shows packets only (it numbers frames as tshark does), so these are known to filters but never present.
    /// </summary>
    public static readonly FieldDefinition CustomBlockEnterprise = FieldDefinition.Derived("frame.cb_pen", "Private Enterprise Number", LayerKind.Frame, FieldKind.Decimal, ComputedField.FrameCustomBlock, inTree: false);
    public static readonly FieldDefinition CustomBlockCopy = FieldDefinition.Derived("frame.cb_copy", "Copying", LayerKind.Frame, FieldKind.Boolean, ComputedField.FrameCustomBlock, inTree: false);

    public static readonly FieldDefinition Protocols = FieldDefinition.Derived("frame.protocols", "Protocols in frame", LayerKind.Frame, FieldKind.BuiltText, ComputedField.FrameProtocols);

    /// <summary>Every frame field, in tree order (the expert items' fields last, out of the tree).</summary>
    public static readonly FieldDefinition[] All = [SectionNumber, InterfaceId, InterfaceName, InterfaceDescription, PacketFlags, .. PacketFlagBits, EncapsulationType, Time, OffsetShift, TimeEpoch, TimeDelta, TimeDeltaDisplayed, TimeRelative, Number, Length, CapturedLength, Marked, Ignored, PointToPointDirection, Protocols, CustomBlockEnterprise, CustomBlockCopy, .. Expert.ExpertFields.All];

    private static FieldDefinition Flags(string name, string label, FieldKind kind, uint mask, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Frame, kind, ComputedField.FramePacketFlags, hexDigits, mask: mask);
}
