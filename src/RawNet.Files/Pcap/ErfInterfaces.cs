using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Erf;

namespace RawNet.Files.Pcap;

/// <summary>
/// The interfaces tshark's wiretap makes for ERF records in a pcap file (LINKTYPE_ERF): one per capture port (the flags'
/// low two bits) of each Host ID and Source ID the extension headers name, numbered in order of first appearance and
/// named "Port A (ERF Interface 0)", with " Host 0123456789ab," and " Source 3," after "ERF" when they are not 0.
/// </summary>
/// <remarks>
/// <code>
/// ERF header:  | timestamp (8) | type (1) | flags (1) | rlen (2) | lctr (2) | wlen (2) | extension headers, 8 bytes each |
/// extension:   | type (1, 0x80 = another follows) | Source ID (1) | Host ID (6) |   (Host ID type 17, Flow ID type 16)
/// </code>
/// Wiretap renames interfaces seen before an ERF META record that names the implicit Host ID; that is not followed here,
/// nor are META records' own interface names.
/// </remarks>
internal sealed class ErfInterfaces
{
    private const byte FlowIdType = 16;
    private const byte HostIdType = 17;
    /// <summary>Bound on interfaces made, which keeps a hostile file's state small (4 ports of 256 sources of a few hosts).</summary>
    private const int MaxInterfaces = 4096;

    private readonly Dictionary<(ulong HostId, byte SourceId, byte Port), CaptureInterface> _byPort = [];

    /// <summary>The interface of the ERF record <paramref name="record"/>; null when the record is shorter than its header.</summary>
    public CaptureInterface? Of(ReadOnlySpan<byte> record)
    {
        if (record.Length < ErfHeader.Length)
            return null;
        var port = (byte)(record[ErfHeader.Field.Flags] & 0x03);
        ulong hostId = 0;
        byte sourceId = 0;
        var more = (record[ErfHeader.Field.Type] & ErfHeader.MoreExtensions) != 0;
        for (int i = 0, at = ErfHeader.Length; more && i < ErfHeader.MaxShownExtensions && at + ErfHeader.ExtensionLength <= record.Length; i++, at += ErfHeader.ExtensionLength)
        {
            var extension = BinaryPrimitives.ReadUInt64BigEndian(record[at..]);
            var type = (byte)(extension >> 56);
            var kind = type & ErfHeader.TypeMask;
            if (kind is HostIdType or FlowIdType && sourceId == 0)
                sourceId = (byte)(extension >> 48);
            if (kind == HostIdType)
            {
                hostId = extension & 0xFFFF_FFFF_FFFF;
                break;
            }
            more = (type & ErfHeader.MoreExtensions) != 0;
        }
        if (_byPort.TryGetValue((hostId, sourceId, port), out var known))
            return known;
        if (_byPort.Count >= MaxInterfaces)
            return null;
        var host = hostId > 0 ? $" Host {hostId:x12}," : "";
        var source = sourceId > 0 ? $" Source {sourceId}," : "";
        var name = $"Port {(char)('A' + port)} (ERF{host}{source} Interface {port})";
        var made = new CaptureInterface(_byPort.Count, name, name);
        _byPort.Add((hostId, sourceId, port), made);
        return made;
    }
}
