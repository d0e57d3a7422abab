using RawNet.Protocols.Conversations;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Decoding;

/// <summary>The frame's own fields, from capture metadata.</summary>
public static class FrameFields
{
    public static readonly FieldDefinition Number = FieldDefinition.Derived("frame.number", "Frame Number", LayerKind.Frame, FieldKind.Decimal, ComputedField.FrameNumber);
    public static readonly FieldDefinition TimeEpoch = FieldDefinition.Derived("frame.time_epoch", "Epoch Time", LayerKind.Frame, FieldKind.EpochTime, ComputedField.FrameTimeEpoch);
    public static readonly FieldDefinition Length = FieldDefinition.Derived("frame.len", "Frame Length", LayerKind.Frame, FieldKind.Decimal, ComputedField.FrameLength);
    public static readonly FieldDefinition TimeDelta = FieldDefinition.Tracked("frame.time_delta", "Time delta from previous captured frame", LayerKind.Frame, FieldKind.RelativeTime, AnalysisValue.FrameTimeDelta);
    public static readonly FieldDefinition TimeDeltaDisplayed = FieldDefinition.Tracked("frame.time_delta_displayed", "Time delta from previous displayed frame", LayerKind.Frame, FieldKind.RelativeTime, AnalysisValue.FrameTimeDeltaDisplayed);
    public static readonly FieldDefinition TimeRelative = FieldDefinition.Tracked("frame.time_relative", "Time since reference or first frame", LayerKind.Frame, FieldKind.RelativeTime, AnalysisValue.FrameTimeRelative);
    public static readonly FieldDefinition CapturedLength = FieldDefinition.Derived("frame.cap_len", "Capture Length", LayerKind.Frame, FieldKind.Decimal, ComputedField.FrameCapturedLength);

    public static readonly FieldDefinition Protocols = FieldDefinition.Derived("frame.protocols", "Protocols in frame", LayerKind.Frame, FieldKind.BuiltText, ComputedField.FrameProtocols);

    /// <summary>Every frame field, in tree order (the expert items' fields last, out of the tree).</summary>
    public static readonly FieldDefinition[] All = [TimeEpoch, TimeDelta, TimeDeltaDisplayed, TimeRelative, Number, Length, CapturedLength, Protocols, .. Expert.ExpertFields.All];
}
