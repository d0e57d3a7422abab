using RawNet.Files.Pcap;
using RawNet.Files.PcapNg;
using RawNet.Files;
using RawNet.Protocols;

namespace RawNet.Cli.Commands;

/// <summary>
/// The -w file: pcap for a name ending in .pcap, pcapng otherwise, with the capture's one interface; each write that
/// reaches it whole is reported to its guard, when it has one.
/// </summary>
internal sealed class PacketFileWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly PcapWriter? _pcap;
    private readonly PcapNgWriter? _pcapNg;
    private CaptureFileGuard? _guard;

    private PacketFileWriter(FileStream stream, PcapWriter? pcap, PcapNgWriter? pcapNg)
    {
        _stream = stream;
        _pcap = pcap;
        _pcapNg = pcapNg;
    }

    /// <summary>Creates the file and writes its header out at once, so that it is a capture from the start, whatever happens later.</summary>
    /// <param name="path">The file: pcap for *.pcap, pcapng otherwise.</param>
    /// <param name="linkType">The capture's link type.</param>
    /// <param name="snapLength">Its snapshot length.</param>
    /// <param name="interfaceName">The interface's name (pcapng's if_name).</param>
    /// <param name="sectionOption">pcapng only: a custom string option for the section header (a Private Enterprise Number and its text).</param>
    public static PacketFileWriter Create(string path, LinkType linkType, int snapLength, string interfaceName, (uint, string)? sectionOption = null)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        PacketFileWriter file;
        if (path.EndsWith(".pcap", StringComparison.OrdinalIgnoreCase))
            file = new PacketFileWriter(stream, new PcapWriter(stream, linkType, snapLength, TimestampPrecision.Microseconds), null);
        else
        {
            var pcapNg = new PcapNgWriter(stream, customOption: sectionOption);
            pcapNg.AddInterface(linkType, snapLength, TimestampPrecision.Nanoseconds, interfaceName);
            file = new PacketFileWriter(stream, null, pcapNg);
        }
        try
        {
            file.Flush();
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts the guard that cuts the file back to its last whole record if this process is killed (a regular file
    /// only, and only when rawnet runs as its own program, <paramref name="program"/>).
    /// </summary>
    public void Guard(IReadOnlyList<string>? program)
    {
        if (program is null || !File.Exists(_stream.Name) || (File.GetAttributes(_stream.Name) & FileAttributes.Device) != 0)
            return;
        _guard = CaptureFileGuard.Start(program, _stream.SafeFileHandle, WholeRecordsEnd);
        if (_guard is null)
            return;
        if (_pcap is not null)
            _pcap.Written = _guard.Report;
        else
            _pcapNg!.Written = _guard.Report;
    }

    public void Write(in FrameMetadata metadata, ReadOnlySpan<byte> data)
    {
        if (_pcap is not null)
            _pcap.Write(metadata, data);
        else
            _pcapNg!.Write(metadata with { InterfaceId = 0 }, data);
    }

    /// <summary>Whether the file is pcapng (which can hold custom blocks).</summary>
    public bool IsPcapNg => _pcapNg is not null;

    /// <summary>Appends a pcapng custom block (pcapng files only).</summary>
    public void WriteCustomBlock(uint enterpriseNumber, ReadOnlySpan<byte> data) => _pcapNg!.WriteCustomBlock(enterpriseNumber, data);

    /// <summary>Packets the file holds whole (after a failed write: all it keeps).</summary>
    public long PacketsWritten => _pcap?.PacketsWritten ?? _pcapNg!.PacketsWritten;

    private long WholeRecordsEnd => _pcap?.WholeRecordsEnd ?? _pcapNg!.WholeRecordsEnd;

    public void Flush()
    {
        _pcap?.Flush();
        _pcapNg?.Flush();
    }

    /// <summary>Closes the file, then tells the guard that it ended as it should.</summary>
    public void Dispose()
    {
        try
        {
            _pcap?.Dispose();
            _pcapNg?.Dispose();
        }
        finally
        {
            _guard?.Dispose();
        }
    }
}
