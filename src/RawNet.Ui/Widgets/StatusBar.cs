using System.Globalization;
using RawNet.Ui.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// One line: the source (its file name, or the interface in a live capture with its rate, kernel and ring drops and ring
/// fill), the replay state (▶ x4 or ⏸), packets total and shown, the filter, the selected packet and the status text.
/// </summary>
public sealed class StatusBar(CaptureView view) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        yield return new Segment(Cells.Fit(Text(view), maxWidth), view.Theme.StatusBar);
    }

    /// <summary>The bar's text.</summary>
    public static string Text(CaptureView view)
    {
        string selected = view.SelectedFrame >= 0 ? $"Packet {view.SelectedFrame + 1}" : "No packet";
        string filter = view.FilterText.Length == 0 ? "no filter" : $"filter: {view.FilterText}";
        string source = view.Live is { } live ? Live(live) : Path.GetFileName(view.SourceName);
        string replay = view.Replay is { } r ? (r.Playing ? $" | ▶ {r.SpeedText}" : $" | ⏸ {r.SpeedText}") : "";
        // The last message before the expert counts: on a narrow screen the counts are cut first.
        return $" {source}{replay} | {view.TotalCount} packets, {view.ShownCount} shown | {filter} | {selected}"
            + (view.Status.Length > 0 ? " | " + view.Status : "") + Expert(view);
    }

    /// <summary>The TCP analysis's findings so far, as Wireshark's expert information counts them: " | expert: 3 warnings, 12 notes".</summary>
    private static string Expert(CaptureView view)
    {
        if (view.Source.Analysis is not { } analysis)
            return "";
        long warnings = analysis.Count(Protocols.ExpertSeverity.Warning), notes = analysis.Count(Protocols.ExpertSeverity.Note);
        string pending = analysis.Finished ? "" : "…";
        return warnings == 0 && notes == 0 ? ""
            : $" | expert: {warnings} warning{(warnings == 1 ? "" : "s")}, {notes} note{(notes == 1 ? "" : "s")}{pending} ([ ] jump)";
    }

    private static string Live(LiveStatus live)
    {
        var c = live.Counters;
        string state = c.Running ? $"live {live.InterfaceName}" : $"{live.InterfaceName} stopped";
        string rate = live.PacketsPerSecond.ToString("0", CultureInfo.InvariantCulture);
        string fill = c.RingFillPercent.ToString("0.0", CultureInfo.InvariantCulture);
        return $"{state} | {rate} pkt/s | drops: kernel {c.DroppedByKernel}, ring {c.DroppedByRing} | ring {fill}% full";
    }
}
