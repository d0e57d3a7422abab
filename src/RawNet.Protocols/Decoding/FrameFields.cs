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

    public static readonly FieldDefinition Protocols = FieldDefinition.Derived("frame.protocols", "Protocols in frame", LayerKind.Frame, FieldKind.BuiltText, ComputedField.FrameProtocols);

    /// <summary>Every frame field, in tree order (the expert items' fields last, out of the tree).</summary>
    public static readonly FieldDefinition[] All = [EncapsulationType, Time, OffsetShift, TimeEpoch, TimeDelta, TimeDeltaDisplayed, TimeRelative, Number, Length, CapturedLength, Marked, Ignored, Protocols, .. Expert.ExpertFields.All];
}
