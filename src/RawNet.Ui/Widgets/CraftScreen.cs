using System.Globalization;
using RawNet.Capture.Layers;
using RawNet.Output.Summary;
using RawNet.Protocols.Decoding;
using RawNet.Ui.Model;
using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// The craft screen: the form (socket kind, payload, IP version), a state line (what Enter does, "sending…", or the
/// error in one line), and below it the last run of <c>rawnet layers</c> scrolled from the form's top: per socket kind
/// its notes, the packets the capture saw, the byte map of the frame carrying the payload and its hex dump with each
/// layer's bytes in the layer's colour, then the table of payload against bytes on the wire.
/// </summary>
/// <param name="theme">The colours.</param>
/// <param name="form">The form and its last result.</param>
/// <param name="result">The result's lines laid out for this width (<see cref="ResultLines(Theme, LayersReport, int)"/> or <see cref="ResultLines(Theme, TransportReport, int)"/>).</param>
/// <param name="height">Lines to fill.</param>
public sealed class CraftScreen(Theme theme, CraftForm form, IReadOnlyList<List<Segment>> result, int height) : IRenderable
{
    /// <summary>The heading line.</summary>
    public const string Heading = "Craft and layers  x run, ←/→ socket, / payload, v IPv4/IPv6, a lab, Enter send, Esc back";

    /// <summary>The most lines the state line wraps to (a privilege error with its fix takes two or three).</summary>
    private const int MaxStateLines = 3;

    /// <summary>Lines above the result at <paramref name="width"/>: heading, four form rows, the state (wrapped) and the result's title.</summary>
    public static int HeaderLines(CraftForm form, int width) => 6 + StateLines(form, width).Count;

    /// <summary>The heading of the summary table (as <c>rawnet layers</c> prints it).</summary>

    private const string FieldIndent = "                           ";

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var grey = theme.Muted;
        var label = theme.Strong;
        var lines = new List<List<Segment>> { new() { Cells.Title(theme, Heading, true, maxWidth) } };

        lines.Add(ChoiceRow(theme, "  Run:      ", CraftForm.Experiments.Select(ExperimentName), form.ExperimentChoice, maxWidth));
        lines.Add(ChoiceRow(theme, "  Socket:   ", CraftForm.Choices.Select(Name), form.Choice, maxWidth));

        string payload = form.Payload + (form.EditingPayload ? "_" : "");
        string size = $"  ({form.PayloadBytes} of {LayersOptions.MaxPayload} bytes{(form.EditingPayload ? "; Enter sends, Esc closes the field" : "; / or e edits")})";
        int room = Math.Max(0, maxWidth - 12 - size.Length);
        // The end of a long payload, where the typing happens.
        if (Cells.Count(payload) > room)
            payload = room > 1 ? "…" + Cells.Take(payload, room - 1, fromEnd: true) : "";
        lines.Add(Padded(theme, [new("  Payload:  ", label), new(payload, form.EditingPayload ? theme.GoodStrong : theme.Good), new(size, grey)], maxWidth));
        lines.Add(Padded(theme, [new("  Address:  ", label), new(Where(form), theme.Text),
            new($"  (v: {(form.Ipv6 ? "IPv4" : "IPv6")}, a: {(form.InLab ? "loopback" : "the lab")})", grey)], maxWidth));

        var style = StateStyle(theme, form);
        foreach (var line in StateLines(form, maxWidth))
            lines.Add([new Segment(Cells.Fit(line, maxWidth), style)]);
        string title = form.TransportResult is { } transport
            ? $"Result: {ExperimentName(transport.Experiment)} over {(transport.Ipv6 ? "IPv6" : "IPv4")}"
              + (result.Count > 0 ? $" (lines {form.ResultTop + 1}-{Math.Min(result.Count, form.ResultTop + form.ResultRows)} of {result.Count})" : "")
            : form.Result is { } report
            ? $"Result: {Name(form.ResultOf.Kind)} over {(report.Ipv6 ? "IPv6" : "IPv4")}, payload {report.Payload.Length} byte{(report.Payload.Length == 1 ? "" : "s")}"
              + (result.Count > 0 ? $" (lines {form.ResultTop + 1}-{Math.Min(result.Count, form.ResultTop + form.ResultRows)} of {result.Count})" : "")
            : "Result";
        lines.Add([Cells.Title(theme, title, false, maxWidth)]);

        int rows = Math.Max(0, height - lines.Count);
        int top = Math.Clamp(form.ResultTop, 0, Math.Max(0, result.Count - rows));
        for (int i = top; i < Math.Min(result.Count, top + rows); i++)
            lines.Add(result[i]);
        if (result.Count == 0 && rows > 0)
            lines.Add([new Segment(Cells.Fit("  (nothing sent yet)", maxWidth), grey)]);
        return Cells.Lines(lines, maxWidth, height);
    }

    /// <summary>Where the run goes: loopback, or from the lab's namespace A to B.</summary>
    private static string Where(CraftForm form)
    {
        if (!form.InLab)
            return form.Ipv6 ? "IPv6, ::1 on lo" : "IPv4, 127.0.0.1 on lo";
        var lab = form.Lab;
        return form.Ipv6
            ? $"IPv6, the lab: {lab.Ipv6(1)} in {lab.NamespaceA} to {lab.Ipv6(2)} in {lab.NamespaceB}"
            : $"IPv4, the lab: {lab.Ipv4(1)} in {lab.NamespaceA} to {lab.Ipv4(2)} in {lab.NamespaceB}";
    }

    /// <summary>A form row of choices: the label, then each name, the chosen one in brackets and the cursor's colour.</summary>
    private static List<Segment> ChoiceRow(Theme theme, string label, IEnumerable<string> names, int chosen, int width)
    {
        var row = new List<Segment> { new(label, theme.Strong) };
        int i = 0;
        foreach (var name in names)
        {
            row.Add(i++ == chosen ? new Segment($"[{name}]", theme.CursorStrong) : new Segment($" {name} ", theme.Body));
            row.Add(new Segment(" ", theme.Text));
        }
        return Padded(theme, row, width);
    }

    /// <summary>What Enter does, "sending…", or why the last Enter gave no report: wrapped, indented.</summary>
    private static List<string> StateLines(CraftForm form, int width)
    {
        var lines = Cells.Wrap(StateText(form), width - 2);
        if (lines.Count > MaxStateLines)
            lines.RemoveRange(MaxStateLines, lines.Count - MaxStateLines);
        return lines.Select(l => "  " + l).ToList();
    }

    private static string StateText(CraftForm form)
    {
        string place = form.InLab ? "in the lab" : "on loopback";
        if (form.Running)
            return $"sending… {form.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s {place} (the screen stays usable; Esc goes back to the packets meanwhile)";
        if (form.Error is { } error)
            return error;
        if (form.PrivilegeProblem is { } problem)
            return problem;
        if (form.Experiment is { } kind)
            return $"Enter runs the {ExperimentName(kind)} experiment {place}"
                + (kind is TransportExperimentKind.Writes or TransportExperimentKind.Checksum or TransportExperimentKind.Wire
                    ? $" over {(form.Kind == SocketKind.Datagram ? "UDP (datagram)" : "TCP (any other socket choice)")}" : "")
                + " and captures the wire"
                + (!form.InLab && kind is TransportExperimentKind.Segment or TransportExperimentKind.Fragment or TransportExperimentKind.Handshake
                    ? "; it needs the lab (a; rawnet lab up first)" : "");
        return $"Enter sends the payload through {(form.Kind is null ? "all four socket kinds" : $"a {Name(form.Kind)} socket")} to listeners {place} and captures the wire";
    }

    private static Style StateStyle(Theme theme, CraftForm form) =>
        form.Running ? theme.AccentStrong : form.Error is not null ? theme.ErrorStrong : form.PrivilegeProblem is not null ? theme.Accent : theme.Muted;

    /// <summary>The name of an experiment choice: as <c>rawnet layers --experiment</c> names it, or "layers".</summary>
    public static string ExperimentName(TransportExperimentKind? kind) => kind is { } k ? TransportOptions.Name(k) : "layers";

    /// <summary>
    /// The lines of a transport experiment's <paramref name="report"/> at <paramref name="width"/> cells, as
    /// <c>rawnet layers --experiment</c> prints them: headings in the accent colour, the packets' lines from the sender in bold.
    /// </summary>
    public static List<List<Segment>> ResultLines(Theme theme, TransportReport report, int width)
    {
        var decoder = new PacketDecoder();
        var decoded = new DecodedPacket();
        var summary = new SummaryPrinter();
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var summaries = new List<string>();
        for (int n = 0; n < report.Packets.Count; n++)
        {
            decoder.Decode(report.Packets[n].Frame, report.Packets[n].Metadata, n + 1, decoded);
            writer.GetStringBuilder().Clear();
            summary.Print(decoded, report.Packets[n].Frame, writer);
            summaries.Add(writer.ToString().TrimEnd());
        }
        var lines = new List<List<Segment>>();
        foreach (var line in TransportWording.Lines(report, summaries))
        {
            var style = !line.StartsWith(' ') ? theme.AccentStrong : line.StartsWith("  ", StringComparison.Ordinal) && line.Length > 5 && line[5] == '>' ? theme.Strong : theme.Body;
            // Wrapping drops leading blanks: keep the line's indent, and indent what wraps under it.
            string indent = line[..(line.Length - line.TrimStart(' ').Length)];
            bool first = true;
            foreach (var part in Cells.Wrap(line.TrimStart(' '), Math.Max(8, width - indent.Length)))
            {
                lines.Add([new Segment(Cells.Fit((first ? indent : indent + " ") + part, width), style)]);
                first = false;
            }
        }
        return lines;
    }

    /// <summary>The name of a choice: the socket kind as <c>rawnet layers</c> names it, or "all four".</summary>
    public static string Name(SocketKind? kind) => kind is { } k ? LayersWording.Name(k) : "all four";


    /// <summary>
    /// The lines of <paramref name="report"/> at <paramref name="width"/> cells: per kind a heading, the notes (wrapped),
    /// the packets, the byte map with fields and the coloured hex dump; then the summary table.
    /// </summary>
    public static List<List<Segment>> ResultLines(Theme theme, LayersReport report, int width)
    {
        var lines = new List<List<Segment>>();
        var plain = theme.Body;
        var note = theme.Accent;
        void Text(string text, Style style) => lines.Add([new Segment(Cells.Fit(text, width), style)]);
        void Wrapped(string indent, string text, Style style)
        {
            foreach (var line in Cells.Wrap(text, width - indent.Length))
                Text(indent + line, style);
        }

        var decoder = new PacketDecoder();
        var decoded = new DecodedPacket();
        var summary = new SummaryPrinter();
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var kind in report.Kinds)
        {
            Wrapped("", LayersWording.KindHeading(kind.Socket), theme.AccentStrong);
            foreach (var text in kind.Notes)
                Wrapped("   ", text, note);
            Text("   " + LayersWording.PacketsHeading(kind.Packets.Count), plain);
            for (int n = 0; n < kind.Packets.Count; n++)
            {
                var packet = kind.Packets[n];
                decoder.Decode(packet.Frame, packet.Metadata, n + 1, decoded);
                writer.GetStringBuilder().Clear();
                summary.Print(decoded, packet.Frame, writer);
                string line = "   " + LayersWording.PacketPrefix(n + 1, packet.Origin) + writer.ToString().TrimEnd();
                Text(line, packet.CarriesPayload ? theme.Strong : plain);
            }
            if (kind.DataPacket is { } data)
                AddByteMap(theme, lines, kind, data, width);
            Text("", plain);
        }
        Text(LayersWording.TableHeading, theme.Heading);
        foreach (var kind in report.Kinds)
        {
            Text(LayersWording.TableRow(kind, report.Payload.Length), plain);
        }
        Text(LayersWording.TableFootnote, theme.Muted);
        return lines;
    }

    private static void AddByteMap(Theme theme, List<List<Segment>> lines, SocketKindReport kind, LayersPacket data, int width)
    {
        var plain = theme.Body;
        int number = 0;
        while (!ReferenceEquals(kind.Packets[number], data))
            number++;
        foreach (var text in Cells.Wrap(LayersWording.ByteMapHeading(number + 1, data.Frame.Length), width - 3))
            lines.Add([new Segment(Cells.Fit("   " + text, width), plain)]);
        lines.Add([new Segment(Cells.Fit("   " + LayersWording.ByteMapColumns, width), theme.Heading)]);
        var owner = new int[data.Frame.Length];
        for (int n = 0; n < data.Layers.Count; n++)
        {
            var layer = data.Layers[n];
            for (int b = Math.Max(0, layer.Offset); b < Math.Min(owner.Length, layer.Offset + layer.Length); b++)
                owner[b] = n;
            var colour = theme.Layer(n, bold: true);
            lines.Add([new Segment(Cells.Fit("   " + LayersWording.ByteMapRow(layer), width), colour)]);
            // The fields with bytes of their own (ip.addr and the like repeat them).
            var fields = string.Join(' ', layer.Fields.Where(f => f.Length > 0).Select(f => LayersWording.FieldText(layer, f)));
            if (fields.Length > 0)
            {
                foreach (var text in Cells.Wrap(fields, width - FieldIndent.Length))
                    lines.Add([new Segment(Cells.Fit(FieldIndent + text, width), theme.Muted)]);
            }
        }
        // Without colour (a copied screen, the goldens) the legend still says which bytes are whose.
        var legend = new List<Segment> { new("   Layers:", plain) };
        for (int n = 0; n < data.Layers.Count; n++)
        {
            var layer = data.Layers[n];
            string text = $"  {layer.Name} [{layer.Offset}-{layer.Offset + layer.Length - 1}]";
            legend.Add(new Segment(text, theme.Layer(n, bold: true)));
        }
        lines.Add(Padded(theme, legend, width));
        for (int line = 0; line < HexLines.LineCount(data.Frame.Length); line++)
            lines.Add(HexRows.Line(theme, data.Frame, line, at => theme.Layer(owner[at]), width, "   "));
    }

    /// <summary><paramref name="segments"/> cut or padded to exactly <paramref name="width"/> cells.</summary>
    private static List<Segment> Padded(Theme theme, List<Segment> segments, int width)
    {
        var line = new List<Segment>();
        int used = 0;
        foreach (var segment in segments)
        {
            if (used >= width)
                break;
            string text = Cells.Count(segment.Text) > width - used ? Cells.Take(segment.Text, width - used) : segment.Text;
            line.Add(new Segment(text, segment.Style));
            used += Cells.Count(text);
        }
        if (used < width)
            line.Add(new Segment(new string(' ', width - used), theme.Text));
        return line;
    }
}
