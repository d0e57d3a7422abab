namespace RawNet.Capture.Tests.Lab;

/// <summary>
/// The lab tests that measure time (delays within a millisecond, rates) or move much traffic: run alone, so that one
/// class's bulk transfers do not stretch another's measured delays.
/// </summary>
[CollectionDefinition(nameof(LabTiming), DisableParallelization = true)]
public sealed class LabTiming;
