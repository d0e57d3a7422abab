namespace RawNet.Capture.Layers;

/// <summary>A <see cref="LayersExperiment"/> could not run (lab not up, bad payload); the message is one line naming the fix.</summary>
public sealed class LayersException(string message) : Exception(message);
