using System.Runtime.InteropServices;

namespace RawNet.Files;

/// <summary>The one line that says a capture file could not be written (the disk is full), for the CLI and the UI alike.</summary>
public static class WriteFailure
{
    /// <summary>
    /// "PATH: No space left on device: the capture stopped; the file keeps N packets and ends on a whole record": the
    /// system's words for <paramref name="e"/> (without .NET's " : 'path'" after them) and what the file kept.
    /// </summary>
    public static string Describe(string path, IOException e, long packetsKept)
    {
        ArgumentNullException.ThrowIfNull(e);
        string packets = packetsKept == 1 ? "1 packet" : $"{packetsKept} packets";
        return $"{path}: {Reason(e)}: the capture stopped; the file keeps {packets} and ends on a whole record";
    }

    /// <summary>The system's words for <paramref name="e"/> ("No space left on device"), without .NET's " : 'path'" after them.</summary>
    public static string Reason(IOException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.HResult is > 0 and < 4096 ? Marshal.GetPInvokeErrorMessage(e.HResult) : e.Message;
    }
}
