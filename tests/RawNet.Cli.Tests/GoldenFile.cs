namespace RawNet.Cli.Tests;

/// <summary>Compares output with a reviewed file; <c>RAWNET_UPDATE_GOLDEN=1</c> rewrites the file instead (review the diff by eye).</summary>
internal static class GoldenFile
{
    public static void Check(string golden, string actual)
    {
        if (Environment.GetEnvironmentVariable("RAWNET_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, actual);
            return;
        }
        Assert.True(File.Exists(golden), $"{golden} is missing; run with RAWNET_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(golden), actual);
    }
}
