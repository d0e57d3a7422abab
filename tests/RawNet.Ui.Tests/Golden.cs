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
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        if (Environment.GetEnvironmentVariable("RAWNET_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} does not exist; run with RAWNET_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
