using System.Buffers.Binary;
using System.Diagnostics;
using RawNet.Files.Tests.PcapNg;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Files.Tests;

/// <summary>Thousands of seeded mutations of real and generated captures: the reader may only ever report damage as a CaptureFileException, quickly and in bounded memory.</summary>
public class FuzzTests
{
    private const int MutationsPerFile = 3000;
    /// <summary>The biggest buffer a reader may grow to (a 16 MiB block) plus slack.</summary>
    private const long MaxAllocationPerRead = 40L << 20;

    public static TheoryData<string> Seeds() =>
    [
        "tcp.pcap", "dhcp.pcap", "LinuxCookedCapturev2.pcap", "80211_per_packet_information.pcap", "ipv6_ndp.pcap", "ospfv2_md5.pcap",
        "generated.pcapng", "generated-big-endian.pcapng",
    ];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Truncation_at_every_length_only_reports_damage(string seed)
    {
        var file = Load(seed);
        for (var length = 0; length < file.Length; length++)
            ReadSurvives(file[..length], seed, $"truncated to {length}", trickle: false);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_mutations_only_report_damage(string seed)
    {
        var original = Load(seed);
        var random = new Random(BinaryPrimitives.ReadInt32LittleEndian(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed))));
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < MutationsPerFile; i++)
        {
            var mutant = Mutate(original, random);
            // Every 16th mutant goes through a trickling non-seekable stream, where a huge length cannot be checked against the file size.
            ReadSurvives(mutant, seed, $"mutation {i}", trickle: i % 16 == 0);
        }
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"{MutationsPerFile} mutants took {stopwatch.Elapsed}");
    }

    private static void ReadSurvives(byte[] file, string seed, string what, bool trickle)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var frames = 0;
        try
        {
            Stream stream = trickle ? new TrickleStream(file, seed: file.Length, maxChunk: 4096) : new MemoryStream(file, writable: false);
            using var reader = CaptureFileReader.Open(stream, "mutant");
            while (reader.TryReadNext(out var frame))
            {
                Assert.Equal(frame.Metadata.CapturedLength, frame.Data.Length);
                Assert.InRange(frame.Data.Length, 0, CaptureFileReader.MaxCapturedLength);
                frames++;
                Assert.True(frames <= file.Length / 12, $"{seed}, {what}: more frames than the file could hold");
            }
        }
        catch (CaptureFileException e)
        {
            Assert.Equal(frames + 1, e.PacketNumber);
            Assert.InRange(e.ByteOffset, 0, file.Length);
            Assert.DoesNotContain('\n', e.Message);
        }
        catch (Exception e)
        {
            Assert.Fail($"{seed}, {what}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(allocated < MaxAllocationPerRead, $"{seed}, {what}: reading allocated {allocated} bytes");
    }

    private static readonly uint[] InterestingValues =
        [0, 1, 3, 4, 11, 12, 13, 16, 28, 32, 0x7F, 0x80, 0xFF, 0xFFFF, 262143, 262144, 262145, 0x00FFFFFC, 0x01000000, 0x01000004, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFC, 0xFFFFFFFF];

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var operations = random.Next(1, 4);
        for (var op = 0; op < operations && bytes.Count > 0; op++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: // flip a few bits
                    for (var k = random.Next(1, 4); k > 0; k--)
                    {
                        var index = random.Next(bytes.Count);
                        bytes[index] ^= (byte)(1 << random.Next(8));
                    }
                    break;
                case 1: // a length-like value in an aligned 32-bit field, in either byte order
                {
                    var aligned = at & ~3;
                    if (aligned + 4 > bytes.Count)
                        break;
                    var value = random.Next(4) == 0 ? (uint)random.NextInt64(0, 1L << 32) : InterestingValues[random.Next(InterestingValues.Length)];
                    Span<byte> field = stackalloc byte[4];
                    if (random.Next(2) == 0)
                        BinaryPrimitives.WriteUInt32LittleEndian(field, value);
                    else
                        BinaryPrimitives.WriteUInt32BigEndian(field, value);
                    for (var k = 0; k < 4; k++)
                        bytes[aligned + k] = field[k];
                    break;
                }
                case 2: // random bytes
                    for (var k = Math.Min(random.Next(1, 17), bytes.Count - at); k > 0; k--)
                        bytes[at + k - 1] = (byte)random.Next(256);
                    break;
                case 3: // cut the end off
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4: // remove a run
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                case 5: // repeat a run somewhere else
                {
                    var length = Math.Min(random.Next(1, 128), bytes.Count - at);
                    var run = bytes.GetRange(at, length);
                    bytes.InsertRange(random.Next(bytes.Count + 1), run);
                    break;
                }
            }
        }
        return [.. bytes];
    }

    private static byte[] Load(string seed)
    {
        if (seed.StartsWith("generated", StringComparison.Ordinal))
            return Generated(bigEndian: seed.Contains("big-endian"));
        var path = Path.Combine(TestPaths.PeerCorpus, seed);
        if (!File.Exists(path))
            Assert.Skip($"peer corpus file {path} not found");
        return File.ReadAllBytes(path);
    }

    /// <summary>A pcapng that uses every feature the reader knows: two sections, interfaces with offsets and resolutions, all packet block types, flags, unknown blocks.</summary>
    private static byte[] Generated(bool bigEndian)
    {
        byte[] packet = [.. Enumerable.Range(0, 61).Select(i => (byte)i)];
        return new PcapNgBuilder()
            .Section(bigEndian)
            .Interface(LinkType.Ethernet, snapLength: 40, timestampResolution: 9)
            .Interface(LinkType.Raw, timestampResolution: 0x80 | 20, timestampOffsetSeconds: 100)
            .Enhanced(0, 1, packet, flags: 1)
            .Simple(packet[..40], 61)
            .Block(0x0BAD, new byte[16])
            .Obsolete(1, 5, packet[..13], flags: 2)
            .Enhanced(1, 7, packet[..3])
            .Section(!bigEndian)
            .Interface(LinkType.LinuxSll)
            .Enhanced(0, 9, packet, originalLength: 1000)
            .ToArray();
    }
}
