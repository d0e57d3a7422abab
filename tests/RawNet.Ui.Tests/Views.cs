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
}
