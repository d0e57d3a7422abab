using System.Diagnostics;
using System.Text;

namespace RawNet.Testing;

/// <summary>
/// A started capture program (tcpdump, <c>rawnet capture</c>) that reports readiness with a "listening on" line on
/// standard error; collects both outputs and stops with SIGINT so the program flushes and prints its counts.
/// </summary>
public sealed class ListeningProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ListeningProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _listening.TrySetResult();
                return;
            }
            lock (_stderr)
                _stderr.AppendLine(e.Data);
            if (e.Data.Contains("listening on", StringComparison.Ordinal))
                _listening.TrySetResult();
        };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (_stdout)
                    _stdout.AppendLine(e.Data);
        };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>
    /// Takes over <paramref name="process"/> (started with both outputs redirected) and waits up to
    /// <paramref name="timeout"/> for it to listen.
    /// </summary>
    /// <exception cref="TimeoutException">It neither listened nor exited in time (it is killed).</exception>
    public static ListeningProcess Start(Process process, string name, TimeSpan timeout)
    {
        var started = new ListeningProcess(process);
        if (!started._listening.Task.Wait(timeout))
        {
            started.Dispose();
            throw new TimeoutException($"{name} did not start listening within {timeout.TotalSeconds:0} s");
        }
        return started;
    }

    /// <summary>Whether it reported that it is listening (rather than failing at start).</summary>
    public bool IsListening => StandardError.Contains("listening on", StringComparison.Ordinal);

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>What it printed so far.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_stdout)
                return _stdout.ToString();
        }
    }

    /// <summary>What it reported so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString();
        }
    }

    /// <summary>Waits for it to exit by itself; its exit code, or null on timeout.</summary>
    public int? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
            return null;
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Sends SIGINT (Ctrl-C) and waits up to <paramref name="timeout"/> for the exit code.</summary>
    public int? Interrupt(TimeSpan timeout)
    {
        if (!_process.HasExited)
            Interop.Signals.Kill(_process.Id, Interop.Signals.Interrupt);
        return WaitForExit(timeout);
    }

    /// <summary>Its process id.</summary>
    public int Id => _process.Id;

    /// <summary>Sends SIGKILL, which no program can catch or clean up after, and waits up to <paramref name="timeout"/> for it to be gone.</summary>
    public bool KillNow(TimeSpan timeout)
    {
        if (!_process.HasExited)
            Interop.Signals.Kill(_process.Id, Interop.Signals.KillSignal);
        return _process.WaitForExit(timeout);
    }

    /// <summary>Kills it (and its children) if it still runs.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
