using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using RawNet.Files;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;

namespace RawNet.Benchmarks.Decoding;

/// <summary>
/// Decodes the mixed benchmark capture (make-bench-pcap.py, <see cref="Packets"/> packets: IPv4/IPv6 × TCP/UDP with
/// options, 802.1Q, ARP, ICMP, IPv6 hop-by-hop) from memory with one decoder and one <see cref="DecodedPacket"/>. Every
/// figure is per packet: read "Op/s" as packets per second and "Allocated" as bytes per packet.
/// </summary>
/// <remarks>
/// <para><see cref="WorkingSet"/> "Stream" decodes all 200,000 frames (78 MB) once: far more than the caches, so a
/// decode that reads only headers waits on memory for each frame, while checksum verification reads every byte in
/// order and lets the hardware prefetcher bring in the next frame. "CacheResident" decodes the first 5,000 frames
/// (about 2 MB) 40 times: the decoder's own cost, as when it runs right behind the capture that wrote the bytes.</para>
/// The capture is generated into the temp folder on first use (python3 needed), or taken from RAWNET_BENCH_PCAP.
/// Frames sit in one byte array, so the loop measures decoding, not file reading or cache misses on scattered arrays.
/// </remarks>
[Config(typeof(Config))]
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 8)]
public class DecodeBenchmarks
{
    /// <summary>Packets in the benchmark capture, all decoded by each invocation.</summary>
    public const int Packets = 200_000;

    private byte[] _bytes = [];
    private int[] _offsets = [];
    private FrameMetadata[] _metadata = [];
    private readonly DecodedPacket _packet = new();
    private PacketDecoder _default = null!;
    private PacketDecoder _noChecksums = null!;
    private PacketDecoder _noChecksumsNoReassembly = null!;
    private int _frames;
    private int _repeats;

    /// <summary>Which frames one invocation decodes: all once, or a cache-sized prefix many times.</summary>
    [Params("Stream", "CacheResident")]
    public string WorkingSet { get; set; } = "Stream";

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(StatisticColumn.OperationsPerSecond, StatisticColumn.Min);
    }

    [GlobalSetup]
    public void Setup()
    {
        var path = CapturePath();
        var bytes = new List<byte>(Packets * 200);
        var offsets = new List<int>(Packets + 1);
        var metadata = new List<FrameMetadata>(Packets);
        using (var reader = CaptureFileReader.Open(path))
        {
            while (reader.TryReadNext(out var frame))
            {
                offsets.Add(bytes.Count);
                metadata.Add(frame.Metadata);
                foreach (var b in frame.Data)
                    bytes.Add(b);
            }
        }
        offsets.Add(bytes.Count);
        if (metadata.Count != Packets)
            throw new InvalidOperationException($"{path} has {metadata.Count} packets, expected {Packets}");
        _bytes = bytes.ToArray();
        _offsets = offsets.ToArray();
        _metadata = metadata.ToArray();
        _default = new PacketDecoder();
        _noChecksums = new PacketDecoder(new DecoderOptions(Defragment: true, VerifyChecksums: false));
        _noChecksumsNoReassembly = new PacketDecoder(new DecoderOptions(Defragment: false, VerifyChecksums: false));
        (_frames, _repeats) = WorkingSet == "Stream" ? (Packets, 1) : (Packets / 40, 40);
    }

    private long DecodeAll(PacketDecoder decoder)
    {
        long layers = 0;
        var bytes = _bytes;
        var offsets = _offsets;
        var metadata = _metadata;
        var packet = _packet;
        for (int repeat = 0; repeat < _repeats; repeat++)
        {
            for (int i = 0; i < _frames; i++)
            {
                int start = offsets[i];
                decoder.Decode(bytes.AsSpan(start, offsets[i + 1] - start), metadata[i], i + 1, packet);
                layers += packet.LayerCount;
            }
        }
        return layers;
    }

    /// <summary>The default decode: reassembly on, IPv4/TCP/UDP/ICMP checksums verified.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Packets)]
    public long Decode_default() => DecodeAll(_default);

    /// <summary>Checksum verification off (reassembly on).</summary>
    [Benchmark(OperationsPerInvoke = Packets)]
    public long Decode_noChecksums() => DecodeAll(_noChecksums);

    /// <summary>Only the header walk: no checksums, no reassembly.</summary>
    [Benchmark(OperationsPerInvoke = Packets)]
    public long Decode_headersOnly() => DecodeAll(_noChecksumsNoReassembly);

    /// <summary>The benchmark capture: RAWNET_BENCH_PCAP, or generated once into the temp folder.</summary>
    internal static string CapturePath()
    {
        var configured = Environment.GetEnvironmentVariable("RAWNET_BENCH_PCAP");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-bench-{Packets}.pcap");
        if (File.Exists(path))
            return path;
        var tool = FindTool();
        var psi = new ProcessStartInfo("python3") { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(tool);
        psi.ArgumentList.Add(path + ".tmp");
        psi.ArgumentList.Add(Packets.ToString());
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
