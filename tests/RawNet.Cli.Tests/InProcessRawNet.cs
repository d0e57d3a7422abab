using System.Text;

namespace RawNet.Cli.Tests;

/// <summary>Runs the real <c>rawnet</c> entry point in this process, capturing standard output and standard error.</summary>
public static class InProcessRawNet
{
    /// <summary>Runs <c>rawnet ARGS</c>; returns the exit code and what it printed.</summary>
    public static (int ExitCode, string StdOut, string StdErr) Run(params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        int code = RawNetCommandLine.Run(args, stdout, stderr);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }
}
