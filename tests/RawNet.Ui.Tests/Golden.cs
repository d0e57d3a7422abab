using RawNet.Testing;
using Xunit;

namespace RawNet.Ui.Tests;

/// <summary>Compares text with an expected file under Expected/; <c>RAWNET_UPDATE_GOLDEN=1</c> rewrites the file instead (review the diff by eye).</summary>
internal static class Golden
{
    public static string Directory => Path.Combine(TestPaths.RepoRoot, "tests", "RawNet.Ui.Tests", "Expected");

    public static void Check(string name, string actual)
    {
        var path = Path.Combine(Directory, name);
        // Paths under the checkout differ per machine (CI clones elsewhere): name the root, and since a widget pads each
        // line to its width after the path, compare lines without trailing blanks (widths have their own test).
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(TestPaths.RepoRoot, "<repo>", StringComparison.Ordinal);
        actual = string.Join('\n', actual.Split('\n').Select(line => line.TrimEnd(' '))) + "\n";
        if (Environment.GetEnvironmentVariable("RAWNET_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} does not exist; run with RAWNET_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
