using System.Diagnostics;
using System.Text;

namespace RawNet.Testing;

/// <summary>A tcpdump started by <see cref="NetworkLab.StartTcpdump"/>: ready once it said "listening on".</summary>
public sealed class LabTcpdump : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LabTcpdump(Process process)
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
        _process.BeginErrorReadLine();
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
    }

    internal static LabTcpdump Start(Process process)
    {
        var tcpdump = new LabTcpdump(process);
        if (!tcpdump._listening.Task.Wait(TimeSpan.FromSeconds(15)) || process.HasExited)
        {
            var message = $"tcpdump did not start listening: {tcpdump.StandardError}";
            tcpdump.Dispose();
            throw new InvalidOperationException(message);
        }
        return tcpdump;
    }

    /// <summary>What tcpdump wrote to standard error so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString();
        }
    }

    /// <summary>Waits for tcpdump to exit by itself (-c count reached); false on timeout.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Interrupts tcpdump (SIGINT, so it flushes and prints its counts) and waits for it to exit.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
            Interop.Signals.Kill(_process.Id, Interop.Signals.Interrupt);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Stops tcpdump if it still runs.</summary>
    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
