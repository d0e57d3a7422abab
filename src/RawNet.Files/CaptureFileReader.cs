using System.Buffers.Binary;
using RawNet.Files.Pcap;
using RawNet.Files.PcapNg;
using RawNet.Protocols;

namespace RawNet.Files;

/// <summary>Reads frames from a pcap or pcapng file or stream in constant memory; the format is detected from the first four bytes.</summary>
/// <remarks>
/// Damage (bad magic, impossible lengths, a record cut short) raises <see cref="CaptureFileException"/> after every good
/// frame before it has been returned; real I/O failures surface as <see cref="IOException"/>.
/// </remarks>
public abstract class CaptureFileReader : IDisposable
{
    /// <summary>The largest captured length accepted for one frame (libpcap's and Wireshark's limit for most link types).</summary>
    public const int MaxCapturedLength = 262144;

    private readonly List<LinkType> _linkTypes = [];
    private bool _disposed;

    private protected CaptureFileReader(ReadWindow window, string fileName)
    {
        Window = window;
        FileName = fileName;
    }

    private protected ReadWindow Window { get; }

    /// <summary>The path or display name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>Whether the file is pcap or pcapng.</summary>
    public abstract CaptureFileFormat Format { get; }

    /// <summary>How many frames have been returned so far; the 1-based number of the last frame returned.</summary>
    public long PacketNumber { get; private protected set; }

    /// <summary>
    /// tshark's frame number of the last frame returned: <see cref="PacketNumber"/> plus the records before it that tshark
    /// numbers as frames too and this reader does not return (pcapng custom blocks).
    /// </summary>
    public long RecordNumber => PacketNumber + UnshownRecords;

    /// <summary>Records read that tshark counts as frames but that are not returned as frames.</summary>
    private protected long UnshownRecords { get; set; }

    /// <summary>The distinct link types of the interfaces seen so far, in order of first appearance (pcap: exactly one).</summary>
    public IReadOnlyList<LinkType> LinkTypes => _linkTypes;

    /// <summary>The snapshot length from the pcap header, or of the first pcapng interface seen (0 when none or unlimited).</summary>
    public int SnapshotLength { get; private protected set; }

    /// <summary>Reads the next frame; false at a clean end of file. The frame's data is valid until the next call.</summary>
    /// <exception cref="CaptureFileException">The file is damaged at this point.</exception>
    public abstract bool TryReadNext(out CapturedFrame frame);

    /// <summary>Opens a capture file, detecting pcap or pcapng from its magic number.</summary>
    public static CaptureFileReader Open(string path)
    {
        // bufferSize 0: the reader's own window is the only buffer, so bytes are not copied twice.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        try
        {
            return Open(stream, path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a capture from any stream, seekable or not (a pipe, standard input); <paramref name="displayName"/> names it in error messages.</summary>
    public static CaptureFileReader Open(Stream stream, string displayName, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(displayName);
        var window = new ReadWindow(stream, leaveOpen);
        try
        {
            if (!window.TryEnsure(4))
            {
                throw new CaptureFileException(displayName, 1, 0, window.Available == 0
                    ? "file is empty, not a pcap or pcapng file"
                    : $"file is only {window.Available} bytes long, not a pcap or pcapng file");
            }
            var magic = BinaryPrimitives.ReadUInt32BigEndian(window.Peek(4));
            return magic switch
            {
                PcapReader.MicrosecondMagic or PcapReader.NanosecondMagic
                    or PcapReader.MicrosecondMagicSwapped or PcapReader.NanosecondMagicSwapped => new PcapReader(window, displayName),
                (uint)BlockType.SectionHeader => new PcapNgReader(window, displayName),
                _ => throw new CaptureFileException(displayName, 1, 0, $"not a pcap or pcapng file (magic 0x{magic:X8})"),
            };
        }
        catch
        {
            window.Dispose();
            throw;
        }
    }

    /// <summary>Records a link type the file uses.</summary>
    private protected void NoteLinkType(LinkType linkType)
    {
        if (!_linkTypes.Contains(linkType))
            _linkTypes.Add(linkType);
    }

    /// <summary>An exception for damage at <paramref name="byteOffset"/>, numbered as the frame that would have come next.</summary>
    private protected CaptureFileException Damage(long byteOffset, string reason) => new(FileName, PacketNumber + 1, byteOffset, reason);

    /// <summary>Closes the underlying stream unless it was opened with leaveOpen.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Window.Dispose();
        GC.SuppressFinalize(this);
    }
}
