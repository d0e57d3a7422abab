using RawNet.Protocols.Decoding;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// Runs <c>rawnet read FILE -T fields</c> and <c>tshark -n -r FILE -T fields</c> with the same fields (and display
/// filter) and compares every value; packets of link types RawNet does not decode are compared on the leading frame
/// fields only.
/// </summary>
internal static class TsharkComparison
{
    public static void AssertSameFields(string path, IReadOnlyList<string> fields, int frameFieldCount, string? displayFilter = null)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var arguments = new List<string> { "-n", "-r", path };
        var ours = new List<string> { "read", path };
        if (displayFilter is not null)
        {
            arguments.AddRange(["-Y", displayFilter]);
            ours.AddRange(["-Y", displayFilter]);
        }
        arguments.AddRange(["-T", "fields"]);
        ours.AddRange(["-T", "fields"]);
        foreach (var field in fields)
        {
            arguments.AddRange(["-e", field]);
            ours.AddRange(["-e", field]);
        }
        var expected = ExternalTool.Run(tshark, arguments);
        Assert.True(expected.ExitCode == 0, $"tshark failed on {path}: {expected.StdErr}");
        var actual = RawNetProcess.Run(ours);
        Assert.True(actual.ExitCode == 0, $"rawnet exited {actual.ExitCode} on {path}: {actual.StdErr}");

        var expectedLines = expected.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var actualLines = actual.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expectedLines.Length, actualLines.Length);
        var linkTypes = CaptureLinkTypes.Of(path);
        if (displayFilter is null)
            Assert.Equal(expectedLines.Length, linkTypes.Count);
        var mismatches = new List<string>();
        for (int i = 0; i < expectedLines.Length; i++)
        {
            var want = expectedLines[i].Split('\t');
            var got = actualLines[i].Split('\t');
            Assert.Equal(fields.Count, got.Length);
            // Under a display filter the lines are the matching packets: frame.number comes first to say which.
            int frame = displayFilter is null ? i + 1 : int.Parse(want[0]);
            int compared = PacketDecoder.DecodesLinkType(linkTypes[frame - 1]) ? fields.Count : frameFieldCount;
            for (int f = 0; f < compared; f++)
            {
                if (want[f] != got[f])
                    mismatches.Add($"packet {frame} {fields[f]}: tshark '{want[f]}' rawnet '{got[f]}'");
            }
        }
        Assert.True(mismatches.Count == 0, $"{Path.GetFileName(path)}: {mismatches.Count} mismatches\n" + string.Join("\n", mismatches.Take(30)));
    }
}
