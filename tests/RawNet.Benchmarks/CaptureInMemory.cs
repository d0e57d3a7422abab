using System.Diagnostics;
using RawNet.Protocols;

namespace RawNet.Benchmarks;

/// <summary>A capture's frames in one byte array with their offsets and metadata, so a loop measures work, not file reading.</summary>
internal sealed class CaptureInMemory
{
    private readonly byte[] _bytes;
    private readonly int[] _offsets;

    private CaptureInMemory(byte[] bytes, int[] offsets, FrameMetadata[] metadata)
    {
        _bytes = bytes;
        _offsets = offsets;
        Metadata = metadata;
    }

    public FrameMetadata[] Metadata { get; }

    public int Count => Metadata.Length;

    public ReadOnlySpan<byte> Frame(int index) => _bytes.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>
    /// Every <paramref name="step"/>th frame (the first, then one in each <paramref name="step"/>), copied next to each
    /// other: a smaller set with the whole capture's mix of frames, where a prefix would have only its first flows' SYNs.
    /// </summary>
    public CaptureInMemory EveryNth(int step)
    {
        var bytes = new List<byte>();
        var offsets = new List<int>();
        var metadata = new List<FrameMetadata>();
        for (int i = 0; i < Count; i += step)
        {
            offsets.Add(bytes.Count);
            metadata.Add(Metadata[i]);
            bytes.AddRange(Frame(i));
        }
        offsets.Add(bytes.Count);
        return new CaptureInMemory(bytes.ToArray(), offsets.ToArray(), metadata.ToArray());
    }

    /// <summary>The make-bench-pcap.py capture of <paramref name="packets"/> packets, in memory.</summary>
    public static CaptureInMemory Load(int packets)
    {
        var path = CapturePath(packets);
        var bytes = new List<byte>(packets * 200);
        var offsets = new List<int>(packets + 1);
        var metadata = new List<FrameMetadata>(packets);
        using (var reader = Files.CaptureFileReader.Open(path))
        {
            while (reader.TryReadNext(out var frame))
            {
                offsets.Add(bytes.Count);
                metadata.Add(frame.Metadata);
                bytes.AddRange(frame.Data);
            }
        }
        offsets.Add(bytes.Count);
        if (metadata.Count != packets)
            throw new InvalidOperationException($"{path} has {metadata.Count} packets, expected {packets}");
        return new CaptureInMemory(bytes.ToArray(), offsets.ToArray(), metadata.ToArray());
    }

    /// <summary>The benchmark capture: RAWNET_BENCH_PCAP, or generated once into the temp folder (python3 needed).</summary>
    private static string CapturePath(int packets)
    {
        var configured = Environment.GetEnvironmentVariable("RAWNET_BENCH_PCAP");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-bench-{packets}.pcap");
        if (File.Exists(path))
            return path;
        var tool = FindTool();
        var psi = new ProcessStartInfo("python3") { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(tool);
        psi.ArgumentList.Add(path + ".tmp");
        psi.ArgumentList.Add(packets.ToString());
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start python3");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed: {error}");
        File.Move(path + ".tmp", path, overwrite: true);
        return path;
    }

    private static string FindTool()
    {
        // BenchmarkDotNet runs from a generated folder below the project's bin: walk up to the repository root.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RawNet.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "tools", "make-bench-pcap.py"));
        }
        throw new InvalidOperationException("RawNet.sln not found above " + AppContext.BaseDirectory + "; set RAWNET_BENCH_PCAP");
    }
}
