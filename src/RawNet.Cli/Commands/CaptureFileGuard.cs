using System.Buffers.Binary;
using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using RawNet.Files;

namespace RawNet.Cli.Commands;

/// <summary>
/// Keeps a <c>capture -w</c> file ending on a whole record when rawnet is killed with SIGKILL. Linux stops a write(2) at
/// a page boundary when a fatal signal arrives, so a capture killed in the middle of a write can end inside a record,
/// and a killed program cannot repair anything. So the capture starts a second, small rawnet beside itself (the hidden
/// <c>file-guard FD</c> command) that holds the file open (descriptor FD, inherited) and reads from its standard input,
/// after each write, where the whole records end. When that input ends without the closing mark, the capture died: the
/// guard walks the record headers after the last end it was told and cuts the file back to the end of the last whole
/// record, and exits.
/// </summary>
/// <remarks>
/// The guard reads no packet, only lengths from its parent. It ignores the terminal's signals (Ctrl-C reaches the whole
/// process group; the capture stops cleanly and closes the guard itself). Killing the whole process group at once, or
/// the guard first, leaves the file as the kernel left it.
/// </remarks>
public sealed class CaptureFileGuard : IDisposable
{
    private const long ClosingMark = -1;

    private readonly Process _process;
    private readonly Stream _lengths;
    private readonly byte[] _message = new byte[sizeof(long)];
    private bool _gone;

    private CaptureFileGuard(Process process)
    {
        _process = process;
        _lengths = process.StandardInput.BaseStream;
    }

    /// <summary>
    /// Starts the guard of <paramref name="file"/>, whose whole records end at <paramref name="length"/>, by running
    /// <paramref name="program"/> (this rawnet) again; null when it cannot start (the capture goes on unguarded).
    /// </summary>
    public static CaptureFileGuard? Start(IReadOnlyList<string> program, SafeFileHandle file, long length)
    {
        // The guard hands a descriptor down to a child (fcntl, inheritance): written for Linux, the only system it runs on.
        if (!OperatingSystem.IsLinux())
            return null;
        int inherited = Interop.Descriptors.DuplicateForChild((int)file.DangerousGetHandle());
        if (inherited < 0)
            return null;
        try
        {
            var start = new ProcessStartInfo(program[0]) { RedirectStandardInput = true, UseShellExecute = false };
            foreach (var argument in program.Skip(1))
                start.ArgumentList.Add(argument);
            start.ArgumentList.Add(CommandName);
            start.ArgumentList.Add(inherited.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var guard = new CaptureFileGuard(Process.Start(start)!);
            guard.Report(length);
            return guard;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
        finally
        {
            // The guard has its own copy now.
            Interop.Descriptors.Close(inherited);
        }
    }

    /// <summary>Tells the guard that the file's whole records end at <paramref name="length"/> (after a write that reached the file whole).</summary>
    public void Report(long length)
    {
        if (_gone)
            return;
        BinaryPrimitives.WriteInt64LittleEndian(_message, length);
        try
        {
            _lengths.Write(_message);
            _lengths.Flush();
        }
        catch (IOException)
        {
            // The guard is gone (killed on its own): the capture goes on unguarded.
            _gone = true;
        }
    }

    /// <summary>The capture ended as it should: tells the guard so, and waits (a few seconds at most) until it has exited.</summary>
    public void Dispose()
    {
        Report(ClosingMark);
        try
        {
            _lengths.Dispose();
        }
        catch (IOException)
        {
        }
        _process.WaitForExit(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    /// <summary>The hidden command's name.</summary>
    public const string CommandName = "file-guard";

    /// <summary>The hidden <c>file-guard FD</c> command that <see cref="Start"/> runs.</summary>
    public static Command CreateCommand()
    {
        var descriptor = new Argument<int>("FD") { Description = "The capture file's inherited descriptor." };
        var command = new Command(CommandName, "Keeps a capture file ending on a whole record if the capture is killed (started by capture -w).")
        {
            descriptor,
        };
        command.Hidden = true;
        command.SetAction(parse => Guard(parse.GetValue(descriptor)));
        return command;
    }

    private static int Guard(int fd)
    {
        // Ctrl-C and a closed terminal reach the guard too: it must outlive the capture, which closes it when it is done.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Ignore);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Ignore);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Ignore);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Ignore);
        using var file = new SafeFileHandle(fd, ownsHandle: true);
        using var input = Console.OpenStandardInput();
        var message = new byte[sizeof(long)];
        long wholeEnd = ClosingMark;
        while (input.ReadAtLeast(message, message.Length, throwOnEndOfStream: false) == message.Length)
            wholeEnd = BinaryPrimitives.ReadInt64LittleEndian(message);
        if (wholeEnd == ClosingMark || file.IsInvalid)
            return ExitCode.Success;
        try
        {
            // The capture opens its file write-only (so that a pipe given to -w still sees its reader go), and record
            // headers cannot be read through that descriptor: read them through a second, read-only opening of the
            // same file, which /proc/self/fd gives without knowing its name.
            using var reading = File.OpenHandle($"/proc/self/fd/{fd}", FileMode.Open, FileAccess.Read);
            // Records may have reached the file whole after the last report: keep every one of them.
            long end = WholeRecords.End(reading, wholeEnd);
            if (RandomAccess.GetLength(file) > end)
            {
                using var stream = new FileStream(file, FileAccess.Write, bufferSize: 0);
                stream.SetLength(end);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Not a regular file (a pipe), or it went away: there is nothing to cut.
        }
        return ExitCode.Success;
    }

    private static void Ignore(PosixSignalContext context) => context.Cancel = true;
}
