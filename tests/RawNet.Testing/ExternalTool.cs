using System.Diagnostics;
using Xunit;

namespace RawNet.Testing;

/// <summary>Runs outside programs (tshark, tcpdump, python3) used as oracles, and skips a test visibly when one is missing.</summary>
public static class ExternalTool
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    /// <summary>Skips the running test, naming the missing tool and the package that provides it.</summary>
    public static string Require(string name, string debianPackage)
    {
        var path = Find(name);
        if (path is null)
            Assert.Skip($"{name} is not installed (apt-get install {debianPackage}); .ci/run installs it");
        return path!;
    }

    /// <summary>Skips the running test when the process is not root (CAP_NET_RAW, network namespaces).</summary>
    public static void RequireRoot()
    {
        if (Environment.UserName != "root" && geteuid() != 0)
            Assert.Skip("needs root (raw sockets, network namespaces); CI runs as root");
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();

    private static readonly Lock LogLock = new();

    /// <summary>
    /// With RAWNET_TOOL_LOG set to a file, each run appends its milliseconds, program and arguments there: how CI's time
    /// was found to be oracle start-ups (README.md, "Run the tests").
    /// </summary>
    private static void Log(DateTime began, string fileName, IEnumerable<string> arguments)
    {
        if (Environment.GetEnvironmentVariable("RAWNET_TOOL_LOG") is not { Length: > 0 } log)
            return;
        lock (LogLock)
            File.AppendAllText(log, $"{(DateTime.UtcNow - began).TotalMilliseconds:F0}\t{fileName}\t{string.Join(" ", arguments)}\n");
    }

    /// <summary>Runs a program to completion with a time bound and returns its exit code, standard output and standard error.</summary>
    public static (int ExitCode, string StdOut, string StdErr) Run(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null, string? stdin = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
            psi.ArgumentList.Add(a);
        var began = DateTime.UtcNow;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + fileName);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        if (!p.WaitForExit(timeout ?? TimeSpan.FromSeconds(120)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish in time");
        }
        p.WaitForExit();
        Log(began, fileName, arguments);
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
