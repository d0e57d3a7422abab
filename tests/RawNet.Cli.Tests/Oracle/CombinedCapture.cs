using RawNet.Files;
using RawNet.Files.PcapNg;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// The frames of several capture files copied, in order, into one pcapng with one interface per link type, and where
/// each frame came from: one tshark start then reads them all (its start-up, not its dissection, is most of an
/// oracle's time on small captures). Both tools read the combined file, so whatever one file's frames do to the next
/// file's (a conversation seen again, a frame number further on) is compared too.
/// </summary>
internal sealed class CombinedCapture
{
    private readonly List<(string File, long Number)> _origins = [];
    private readonly Dictionary<string, (int First, int Count)> _parts = new(StringComparer.Ordinal);

    private CombinedCapture(string path) => Path = path;

    /// <summary>The pcapng file, deleted when the test run ends.</summary>
    public string Path { get; }

    /// <summary>How many files gave it frames.</summary>
    public int Files => _parts.Count;

    public long Frames => _origins.Count;

    /// <summary>"frame N = FILE frame M", for a message.</summary>
    public string Origin(long number) => $"frame {number} = {System.IO.Path.GetFileName(_origins[(int)number - 1].File)} frame {_origins[(int)number - 1].Number}";

    /// <summary>The file (full path) frame <paramref name="number"/> (from 1) came from, and its number there.</summary>
    public (string File, long Number) OriginOf(long number) => _origins[(int)number - 1];

    /// <summary>
    /// Where <paramref name="file"/>'s frames are: the index of its first (0 for the combined file's first frame) and how
    /// many; null when it gave none.
    /// </summary>
    public (int First, int Count)? PartOf(string file) =>
        _parts.TryGetValue(System.IO.Path.GetFullPath(file), out var part) ? part : null;

    /// <summary>
    /// Copies the frames of <paramref name="files"/> whose link type <paramref name="keep"/> accepts into a new pcapng in
    /// a temporary folder named after <paramref name="name"/>. A damaged file gives the frames before the damage.
    /// Packet comments, directions and custom blocks are not copied.
    /// </summary>
    public static CombinedCapture Write(string name, IEnumerable<string> files, Func<LinkType, bool> keep)
    {
        var directory = Directory.CreateTempSubdirectory($"rawnet-{name}-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Delete(recursive: true);
        var combined = new CombinedCapture(System.IO.Path.Combine(directory.FullName, name + ".pcapng"));
        using var writer = PcapNgWriter.Create(combined.Path);
        var interfaces = new Dictionary<LinkType, int>();
        foreach (var file in files)
        {
            int before = combined._origins.Count;
            try
            {
                using var reader = CaptureFileReader.Open(file);
                long number = 0;
                while (reader.TryReadNext(out var frame))
                {
                    number++;
                    var metadata = frame.Metadata;
                    if (!keep(metadata.LinkType))
                        continue;
                    if (!interfaces.TryGetValue(metadata.LinkType, out int id))
                        interfaces.Add(metadata.LinkType, id = writer.AddInterface(metadata.LinkType));
                    writer.Write(metadata with { InterfaceId = id, Direction = PacketDirection.Unknown }, frame.Data);
                    combined._origins.Add((System.IO.Path.GetFullPath(file), number));
                }
            }
            catch (CaptureFileException)
            {
                // a damaged file gives the frames before the damage
            }
            if (combined._origins.Count > before)
                combined._parts[System.IO.Path.GetFullPath(file)] = (before, combined._origins.Count - before);
        }
        return combined;
    }

    /// <summary>Whether <paramref name="file"/>'s frames can join others' in a combined capture, whatever their number (<see cref="CombinableFrames"/>).</summary>
    public static bool Combinable(string file) => CombinableFrames(file, int.MaxValue) is not null;

    /// <summary>
    /// The number of frames of <paramref name="file"/> when its frames can join others' in a combined capture and mean
    /// the same there; null when copying would change what either tool shows, or it has more than <paramref
    /// name="maxFrames"/>: a pcapng (its comments, directions and custom blocks are not copied), a frame of a link type
    /// RawNet does not decode or tshark does not read, of LINKTYPE_PPP_WITH_DIR (tshark's pcapng reader takes its
    /// direction byte out of the frame, its pcap reader does not) or of LINKTYPE_ERF (in a pcapng tshark reads the ERF
    /// header's own timestamp and types).
    /// </summary>
    public static int? CombinableFrames(string file, int maxFrames)
    {
        using (var stream = File.OpenRead(file))
        {
            Span<byte> magic = stackalloc byte[4];
            if (stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4 || System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(magic)
                is not (0xa1b2c3d4 or 0xd4c3b2a1 or 0xa1b23c4d or 0x4d3cb2a1))
                return null;
        }
        int frames = 0;
        try
        {
            using var reader = CaptureFileReader.Open(file);
            while (reader.TryReadNext(out var frame))
            {
                var link = frame.Metadata.LinkType;
                if (!PacketDecoder.DecodesLinkType(link) || !CaptureLinkTypes.TsharkReads(link) || link is LinkType.PppWithDirection or LinkType.Erf || ++frames > maxFrames)
                    return null;
            }
        }
        catch (CaptureFileException)
        {
            return null;
        }
        return frames;
    }
}
