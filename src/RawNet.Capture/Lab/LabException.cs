namespace RawNet.Capture.Lab;

/// <summary>An <c>ip</c> command of the lab failed; the message is one line.</summary>
public sealed class LabException(string message) : Exception(message);
