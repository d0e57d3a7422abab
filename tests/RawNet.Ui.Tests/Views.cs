using RawNet.Testing;
using RawNet.Ui.Model;

namespace RawNet.Ui.Tests;

/// <summary>Views over the bundled captures, named as the status bar shows them.</summary>
internal static class Views
{
    public static string Capture(string name) => Path.Combine(TestPaths.Captures, name);

    /// <summary>A view of a bundled capture as the UI opens it: indexed, and analysed in the background.</summary>
    public static CaptureView Open(string name)
    {
        var index = CaptureIndex.Build(Capture(name), null, Xunit.TestContext.Current.CancellationToken);
        return new CaptureView(new PacketSource(index, analysis: CaptureAnalysis.Start(index)), "captures/" + name);
    }

    /// <summary>Applies <paramref name="keys"/> to <paramref name="view"/> one by one, as typed.</summary>
    public static void Type(CaptureView view, string keys)
    {
        foreach (char c in keys)
            RawNet.Ui.Input.KeyHandler.Apply(view, RawNet.Ui.Input.KeyMap.FromChar(c));
    }
}
