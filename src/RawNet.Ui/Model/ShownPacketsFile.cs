using RawNet.Files;
using RawNet.Files.PcapNg;
using RawNet.Protocols;

namespace RawNet.Ui.Model;

/// <summary>
/// <c>:w FILE</c>: saves the packets the list shows (every packet, or the display filter's matches) as pcapng, as
/// Wireshark's "Export Specified Packets… (displayed)" does: each frame's bytes, lengths and nanosecond time, one
/// interface per link type the frames have.
/// </summary>
public static class ShownPacketsFile
{
    /// <summary>
    /// Writes the packets shown in <paramref name="view"/> to <paramref name="path"/>, refusing an existing file unless
    /// <paramref name="overwrite"/>; returns the one line the status bar shows (what was saved, or why nothing was).
    /// </summary>
    public static string Save(CaptureView view, string path, bool overwrite)
    {
        path = ExpandHome(path);
        int shown = view.ShownCount;
        FileStream stream;
        try
        {
            stream = new FileStream(path, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            // The gist first: the status line may be too narrow for a long path.
            return $"Exists, not saved (:w! overwrites it): {path}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{path}: {Reason(e)}";
        }
        using var writer = new PcapNgWriter(stream, $"Saved by rawnet from {Path.GetFileName(view.SourceName)}" + (view.FilterText.Length > 0 ? $", display filter: {view.FilterText}" : ""));
        var interfaces = new Dictionary<LinkType, int>();
        var index = view.Source.Index;
        var buffer = new byte[2048];
        try
        {
            for (int row = 0; row < shown; row++)
            {
                int frame = view.FrameAt(row);
                int length = index.ReadFrame(frame, ref buffer);
                var metadata = index.MetadataOf(frame);
                if (!interfaces.TryGetValue(metadata.LinkType, out int id))
                    interfaces[metadata.LinkType] = id = writer.AddInterface(metadata.LinkType);
                writer.Write(metadata with { CapturedLength = length, InterfaceId = id }, buffer.AsSpan(0, length));
            }
            writer.Flush();
        }
        catch (IOException e)
        {
            // The writer cut the file back to its last whole block: what it holds is readable.
            return $"{path}: {WriteFailure.Reason(e)}: saving stopped; the file keeps {Plural(writer.PacketsWritten)} and ends on a whole block";
        }
        return $"Saved {Plural(shown)} to {path} (pcapng" + (view.FilterText.Length > 0 ? ", those the filter shows)" : ")");
    }

    private static string Plural(long n) => n == 1 ? "1 packet" : $"{n} packets";

    private static string Reason(Exception e) => e is IOException io ? WriteFailure.Reason(io) : e.Message;

    /// <summary>A leading ~/ is the home directory, as a shell would read it.</summary>
    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]) : path;
}
