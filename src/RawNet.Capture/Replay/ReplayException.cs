namespace RawNet.Capture.Replay;

/// <summary>Replay cannot start or go on: a file it cannot send, or an interface that fails; the message is one line.</summary>
public sealed class ReplayException : IOException
{
    /// <summary>The error with its one-line <paramref name="message"/>.</summary>
    public ReplayException(string message)
        : base(message)
    {
    }
}
