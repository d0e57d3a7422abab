using RawNet.Files;
using RawNet.Testing;
using RawNet.Ui.Input;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>
/// <c>y</c> copies what Wireshark's Copy menu gives (a field's value as tshark prints it, its bytes as a hex stream, the
/// whole tree), and <c>:w FILE</c> saves exactly the frames shown, refusing to overwrite without <c>!</c> and saying in
/// one line when the disk is full.
/// </summary>
public sealed class CopyAndSaveTests
{
    private const string Capture = "tcp-analysis/tcp-lossy-upload.pcap";

    private static readonly string[] CopiedFields = ["tcp.srcport", "tcp.seq", "tcp.window_size", "ip.ttl"];

    public static TheoryData<string> Copied() => new(CopiedFields);

    /// <summary>tshark's values of <see cref="CopiedFields"/> in frame 84, from one run.</summary>
    private static readonly Lazy<string[]> TsharkValues = new(() =>
    {
        var run = ExternalTool.Run(ExternalTool.Find("tshark")!,
            ["-n", "-r", Views.Capture(Capture), "-Y", "frame.number == 84", "-T", "fields", .. CopiedFields.SelectMany(f => new[] { "-e", f })]);
        Assert.True(run.ExitCode == 0, run.StdErr);
        return run.StdOut.TrimEnd('\n').Split('\t');
    });

    [Theory]
    [MemberData(nameof(Copied))]
    public void Yf_copies_the_field_s_value_as_tshark_prints_it_and_yx_its_bytes(string field)
    {
        ExternalTool.Require("tshark", "tshark");
        string expected = TsharkValues.Value[Array.IndexOf(CopiedFields, field)];
        var view = Views.Open(Capture);
        Assert.True(view.Source.Analysis!.WaitFor(view.TotalCount - 1, TestContext.Current.CancellationToken));
        Views.Type(view, ":84\n");
        view.ToggleExpand();
        view.NextPane();
        int line = view.Tree.ToList().FindIndex(l => l.Text.Contains($"({field}):", StringComparison.Ordinal));
        Assert.True(line >= 0, $"no {field} line in the tree");
        view.Move(line - view.TreeCursor);
        Views.Type(view, "yf");
        Assert.Equal(expected, view.TakeClipboard());

        Views.Type(view, "yx");
        var (offset, length) = view.Highlight;
        if (length > 0)
            Assert.Equal(Convert.ToHexStringLower(FrameBytes(83).AsSpan(offset, length)), view.TakeClipboard());
        else
        {
            // A value the analysis computed (relative numbers, the scaled window) has no bytes of its own to copy.
            Assert.Null(view.TakeClipboard());
            Assert.StartsWith("The line under the cursor has no bytes of its own", view.Status, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Yx_on_a_layer_heading_copies_its_header_yt_the_whole_tree_and_yy_the_row()
    {
        var view = Views.Open(Capture);
        Assert.True(view.Source.Analysis!.WaitFor(view.TotalCount - 1, TestContext.Current.CancellationToken));
        Views.Type(view, ":84\n");
        view.NextPane();
        Views.Type(view, "yx"); // the frame's heading: the whole frame
        Assert.Equal(Convert.ToHexStringLower(FrameBytes(83)), view.TakeClipboard());
        Views.Type(view, "yt");
        var tree = view.TakeClipboard()!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(view.Source.Decode(83).LayerCount, tree.Count(l => !l.StartsWith(' ')));
        Assert.Contains(tree, l => l.Contains("[TCP Fast Retransmission", StringComparison.Ordinal) || l.Contains("(tcp.analysis.fast_retransmission)", StringComparison.Ordinal));
        Views.Type(view, "yy");
        var row = view.TakeClipboard()!.Split('\t');
        var shown = view.Source.Row(83);
        Assert.Equal(["84", view.TimeText(83), shown.Source, shown.Destination, "TCP", shown.Length.ToString(), shown.Info], row);
        Assert.Contains("[TCP Fast Retransmission]", row[^1], StringComparison.Ordinal);
        Views.Type(view, "yq");
        Assert.Null(view.TakeClipboard());
        Assert.StartsWith("yq copies nothing", view.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void Colon_w_saves_the_frames_shown_byte_for_byte_and_overwrites_only_with_a_bang()
    {
        var view = Views.Open(Capture);
        view.BeginFilter();
        view.EditFilter("tcp.len > 1000");
        Assert.True(view.ApplyFilter());
        var directory = Directory.CreateTempSubdirectory("rawnet-save-");
        try
        {
            string path = Path.Combine(directory.FullName, "big.pcapng");
            Views.Type(view, $":w {path}\n");
            Assert.Equal($"Saved {view.ShownCount} packets to {path} (pcapng, those the filter shows)", view.Status);
            using (var reader = CaptureFileReader.Open(path))
            {
                int row = 0;
                while (reader.TryReadNext(out var frame))
                {
                    int original = view.FrameAt(row++);
                    Assert.Equal(FrameBytes(original), frame.Data.ToArray());
                    Assert.Equal(view.Source.Index.MetadataOf(original).TimestampNanoseconds, frame.Metadata.TimestampNanoseconds);
                    Assert.Equal(view.Source.Index.MetadataOf(original).OriginalLength, frame.Metadata.OriginalLength);
                }
                Assert.Equal(view.ShownCount, row);
            }
            long length = new FileInfo(path).Length;
            Views.Type(view, $":w {path}\n");
            Assert.Equal($"Exists, not saved (:w! overwrites it): {path}", view.Status);
            view.BeginFilter();
            view.EditFilter("");
            Assert.True(view.ApplyFilter());
            Views.Type(view, $":w! {path}\n");
            Assert.StartsWith($"Saved {view.TotalCount} packets", view.Status, StringComparison.Ordinal);
            Assert.True(new FileInfo(path).Length > length);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Saving_onto_a_full_device_says_so_in_one_line()
    {
        if (!File.Exists("/dev/full"))
            Assert.Skip("/dev/full is missing");
        var view = Views.Open(Capture);
        Views.Type(view, ":w! /dev/full\n");
        Assert.StartsWith("/dev/full: No space left on device: saving stopped", view.Status, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', view.Status);
        Views.Type(view, ":w\n");
        Assert.Equal(":w needs a file name (:w FILE.pcapng saves the packets shown)", view.Status);
        Views.Type(view, ":wq\n");
        Assert.StartsWith("Not a command: :wq", view.Status, StringComparison.Ordinal);
    }

    /// <summary>Frame <paramref name="index"/>'s bytes as the file holds them, read without the UI.</summary>
    private static byte[] FrameBytes(int index)
    {
        using var reader = CaptureFileReader.Open(Views.Capture(Capture));
        for (int i = 0; reader.TryReadNext(out var frame); i++)
        {
            if (i == index)
                return frame.Data.ToArray();
        }
        throw new InvalidOperationException($"no frame {index}");
    }
}
