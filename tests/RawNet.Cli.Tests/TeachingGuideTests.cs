using System.Text.RegularExpressions;
using RawNet.Testing;
using Xunit;

namespace RawNet.Cli.Tests;

/// <summary>
/// docs/teaching.md, the course companion: every <c>$ rawnet ...</c> command in it prints exactly the output shown under
/// it, and every graph it writes with <c>-o docs/graphs/NAME</c> is, byte for byte, the file the guide shows (written here
/// to a temporary folder). A change of RawNet's output fails this test until the guide is brought up to date
/// (tests/../docs/teaching.md; the outputs can be refreshed by running the commands).
/// </summary>
public sealed class TeachingGuideTests
{
    private static readonly Regex Block = new(@"```console\n\$ (rawnet [^\n]*)\n(.*?)```", RegexOptions.Singleline | RegexOptions.Compiled);

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (Match match in Block.Matches(File.ReadAllText(GuidePath)))
            data.Add(match.Groups[1].Value);
        return data;
    }

    private static string GuidePath => Path.Combine(TestPaths.RepoRoot, "docs", "teaching.md");

    [Fact]
    public void The_guide_answers_the_lab_questions_with_commands()
    {
        var text = File.ReadAllText(GuidePath);
        Assert.True(Block.Matches(text).Count >= 15, "fewer commands than questions");
        Assert.Contains("## TCP", text, StringComparison.Ordinal);
        Assert.Contains("## UDP", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Each_command_prints_what_the_guide_shows(string command)
    {
        var match = Block.Matches(File.ReadAllText(GuidePath)).First(m => m.Groups[1].Value == command);
        string expected = match.Groups[2].Value;
        // "| head -N" keeps the first N lines, as the shell would: for outputs too long to show whole.
        int? head = null;
        var pipe = Regex.Match(command, @" \| head -(\d+)$");
        if (pipe.Success)
        {
            head = int.Parse(pipe.Groups[1].Value);
            command = command[..pipe.Index];
        }
        var arguments = Split(command).Skip(1).Select(a => a.StartsWith("captures/", StringComparison.Ordinal) ? Path.Combine(TestPaths.RepoRoot, a) : a).ToList();
        string? graph = null, written = null;
        int output = arguments.IndexOf("-o");
        var dir = Directory.CreateTempSubdirectory("rawnet-guide-").FullName;
        try
        {
            if (output >= 0)
            {
                graph = Path.Combine(TestPaths.RepoRoot, arguments[output + 1]);
                written = Path.Combine(dir, Path.GetFileName(graph));
                arguments[output + 1] = written;
            }
            var (code, stdout, stderr) = InProcessRawNet.Run([.. arguments]);
            Assert.True(code == 0, $"{command}: exit {code}: {stderr}");
            if (head is int lines)
                stdout = string.Concat(stdout.Split('\n').Take(lines).Select(l => l + "\n"));
            // Paths in the output are the guide's (relative to the repository); the guide cannot hold the CR of the HTTP
            // lines follow prints, so CR LF is compared as LF.
            Assert.Equal(expected, stdout.Replace(TestPaths.RepoRoot + Path.DirectorySeparatorChar, "").Replace("\r\n", "\n"));
            if (graph is not null)
                Assert.True(File.ReadAllBytes(graph).AsSpan().SequenceEqual(File.ReadAllBytes(written!)), $"{command}: the graph differs from {graph}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Splits a command line as a shell would for these commands: spaces, and double quotes around arguments with spaces.</summary>
    private static List<string> Split(string line)
    {
        var parts = new List<string>();
        foreach (Match m in Regex.Matches(line, "\"([^\"]*)\"|(\\S+)"))
            parts.Add(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        return parts;
    }
}
