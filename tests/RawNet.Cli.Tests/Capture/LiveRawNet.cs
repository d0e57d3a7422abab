using System.Diagnostics;
using System.Text;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Capture;

/// <summary>A running <c>rawnet capture</c> (optionally inside a network namespace): ready once it said "listening on".</summary>
public sealed class LiveRawNet : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveRawNet(Process process)
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
            if (e.Data.StartsWith("listening on", StringComparison.Ordinal))
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

    /// <summary>Starts <c>rawnet ARGS</c> (<paramref name="program"/>, by default the built rawnet.dll), inside <paramref name="netns"/> when given, and waits until it listens (or fails to).</summary>
    public static LiveRawNet Start(IEnumerable<string> arguments, string? netns = null, string? program = null)
    {
        program ??= RawNetProcess.AssemblyPath;
        List<string> command = netns is null
            ? ["dotnet", program]
            : [ExternalTool.Require("ip", "iproute2"), "netns", "exec", netns, "dotnet", program];
        var psi = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in command.Skip(1).Concat(arguments))
            psi.ArgumentList.Add(a);
        var live = new LiveRawNet(Process.Start(psi) ?? throw new InvalidOperationException("cannot start rawnet"));
        if (!live._listening.Task.Wait(TimeSpan.FromSeconds(30)))
        {
            live.Dispose();
            throw new TimeoutException("rawnet capture did not start listening within 30 s");
        }
        return live;
    }

    /// <summary>Whether it reported that it is listening (rather than failing at start).</summary>
    public bool IsListening => StandardError.Contains("listening on", StringComparison.Ordinal);

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

    /// <summary>Sends SIGINT (Ctrl-C) and waits for the exit code.</summary>
    public int? Interrupt(TimeSpan timeout)
    {
        if (!_process.HasExited)
            ExternalTool.Run("kill", ["-INT", _process.Id.ToString()], TimeSpan.FromSeconds(10));
        return WaitForExit(timeout);
    }

    /// <summary>Kills it if it still runs.</summary>
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
