using RawNet.Testing;

namespace RawNet.Ui.Tests.EndToEnd;

/// <summary>The real program the end-to-end tests run in tmux, and the line its shell prints when it ends.</summary>
internal static class RawnetProgram
{
    /// <summary>What the tmux command echoes after rawnet, followed by its exit code.</summary>
    public const string Exited = "rawnet exited with ";

    /// <summary>The rawnet.dll the CLI project reference copies beside the tests.</summary>
    public static string Rawnet => Path.Combine(AppContext.BaseDirectory, "rawnet.dll");

    /// <summary>The dotnet host running the tests (or the first on PATH).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : ExternalTool.Find("dotnet") ?? "dotnet";
}
