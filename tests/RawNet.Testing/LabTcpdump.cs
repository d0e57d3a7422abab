using System.Diagnostics;

namespace RawNet.Testing;

/// <summary>A tcpdump started by <see cref="NetworkLab.StartTcpdump"/>: ready once it said "listening on".</summary>
public sealed class LabTcpdump : IDisposable
{
    private readonly ListeningProcess _process;

    private LabTcpdump(ListeningProcess process) => _process = process;

    internal static LabTcpdump Start(Process process)
    {
        var tcpdump = new LabTcpdump(ListeningProcess.Start(process, "tcpdump", TimeSpan.FromSeconds(15)));
        if (!tcpdump._process.IsListening)
        {
            var message = $"tcpdump did not start listening: {tcpdump.StandardError}";
            tcpdump.Dispose();
            throw new InvalidOperationException(message);
        }
        return tcpdump;
    }

    /// <summary>What tcpdump wrote to standard error so far.</summary>
    public string StandardError => _process.StandardError;

    /// <summary>Waits for tcpdump to exit by itself (-c count reached); false on timeout.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout) is not null;

    /// <summary>Interrupts tcpdump (SIGINT, so it flushes and prints its counts) and waits for it to exit.</summary>
    public void Stop()
    {
        if (_process.Interrupt(TimeSpan.FromSeconds(10)) is null)
            _process.Dispose();
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
