using BenchmarkDotNet.Attributes;
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
/// order and lets the hardware prefetcher bring in the next frame. "CacheResident" decodes every 40th frame (5,000
/// frames, about 2 MB, the capture's own mix of frames) 40 times: the decoder's own cost, as when it runs right behind
/// the capture that wrote the bytes. (Until 2026-12-07 it took the first 5,000 frames, whose flows' SYNs made them a
/// quarter shorter than the capture's average: that set flattered the decoder.)</para>
/// Frames sit in one byte array (<see cref="CaptureInMemory"/>), so the loop measures decoding, not file reading or
/// cache misses on scattered arrays.
/// </remarks>
[Config(typeof(PerPacketConfig))]
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 8)]
public class DecodeBenchmarks
{
    /// <summary>Packets in the benchmark capture, all decoded by each invocation.</summary>
    public const int Packets = 200_000;

    private CaptureInMemory _capture = null!;
    private const int CacheResidentStep = 40;
    private readonly DecodedPacket _packet = new();
    private PacketDecoder _default = null!;
    private PacketDecoder _noChecksums = null!;
    private PacketDecoder _noChecksumsNoReassembly = null!;
    private int _frames;
    private int _repeats;

    /// <summary>Which frames one invocation decodes: all once, or a cache-sized sample of them many times.</summary>
    [Params("Stream", "CacheResident")]
    public string WorkingSet { get; set; } = "Stream";

    [GlobalSetup]
    public void Setup()
    {
        _capture = CaptureInMemory.Load(Packets);
        if (WorkingSet != "Stream")
            _capture = _capture.EveryNth(CacheResidentStep);
        _default = new PacketDecoder();
        _noChecksums = new PacketDecoder(new DecoderOptions(Defragment: true, VerifyChecksums: false));
        _noChecksumsNoReassembly = new PacketDecoder(new DecoderOptions(Defragment: false, VerifyChecksums: false));
        (_frames, _repeats) = (_capture.Count, Packets / _capture.Count);
    }

    private long DecodeAll(PacketDecoder decoder)
    {
        long layers = 0;
        var capture = _capture;
        var packet = _packet;
        for (int repeat = 0; repeat < _repeats; repeat++)
        {
            for (int i = 0; i < _frames; i++)
            {
                decoder.Decode(capture.Frame(i), capture.Metadata[i], i + 1, packet);
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
}
