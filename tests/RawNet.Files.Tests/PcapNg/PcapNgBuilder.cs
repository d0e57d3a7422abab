using RawNet.Protocols;

namespace RawNet.Files.Tests.PcapNg;

/// <summary>Builds pcapng files block by block, each section in its own byte order, including deliberately wrong blocks.</summary>
internal sealed class PcapNgBuilder
{
    private readonly List<byte> _bytes = [];
    private bool _bigEndian;

    /// <summary>Offset of the next block, which is where damage in it would be reported.</summary>
    public int Length => _bytes.Count;

    public PcapNgBuilder Section(bool bigEndian = false, ushort versionMajor = 1)
    {
        _bigEndian = bigEndian;
        var body = new List<byte>();
        Add(body, 0x1A2B3C4Du);
        Add(body, versionMajor);
        Add(body, (ushort)0);
        Add(body, ulong.MaxValue);
        return Block(0x0A0D0D0A, [.. body]);
    }

    public PcapNgBuilder Interface(LinkType linkType, uint snapLength = 0, byte? timestampResolution = null, long? timestampOffsetSeconds = null)
    {
        var body = new List<byte>();
        Add(body, (ushort)linkType);
        Add(body, (ushort)0);
        Add(body, snapLength);
        if (timestampResolution is { } resolution)
            Option(body, 9, [resolution]);
        if (timestampOffsetSeconds is { } offset)
            Option(body, 14, Bytes(b => Add(b, (ulong)offset)));
        if (body.Count > 8)
            Add(body, 0u);
        return Block(1, [.. body]);
    }

    public PcapNgBuilder Enhanced(uint interfaceId, ulong timestamp, byte[] data, uint? originalLength = null, uint? flags = null, uint? capturedLength = null) =>
        Packet(6, interfaceId, timestamp, data, originalLength, flags, capturedLength);

    public PcapNgBuilder Obsolete(ushort interfaceId, ulong timestamp, byte[] data, uint? flags = null)
    {
        // Obsolete packet block: 16-bit interface id, then a 16-bit drop count where the EPB has the rest of its id.
        var id = _bigEndian ? (uint)interfaceId << 16 : interfaceId;
        return Packet(2, id, timestamp, data, null, flags, null);
    }

    public PcapNgBuilder Simple(byte[] data, uint originalLength)
    {
        var body = new List<byte>();
        Add(body, originalLength);
        body.AddRange(data);
        Pad(body);
        return Block(3, [.. body]);
    }

    /// <summary>A block with the given type and body, its lengths computed (and overridable to make them wrong).</summary>
    public PcapNgBuilder Block(uint type, byte[] body, uint? totalLength = null, uint? trailingLength = null)
    {
        var length = (uint)(12 + body.Length);
        Add(_bytes, type);
        Add(_bytes, totalLength ?? length);
        _bytes.AddRange(body);
        Add(_bytes, trailingLength ?? totalLength ?? length);
        return this;
    }

    public PcapNgBuilder Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    private PcapNgBuilder Packet(uint type, uint interfaceId, ulong timestamp, byte[] data, uint? originalLength, uint? flags, uint? capturedLength)
    {
        var body = new List<byte>();
        Add(body, interfaceId);
        Add(body, (uint)(timestamp >> 32));
        Add(body, (uint)timestamp);
        Add(body, capturedLength ?? (uint)data.Length);
        Add(body, originalLength ?? (uint)data.Length);
        body.AddRange(data);
        Pad(body);
        if (flags is { } f)
        {
            Option(body, 1, "a comment first, so the flags are not the first option"u8.ToArray());
            Option(body, 2, Bytes(b => Add(b, f)));
            Add(body, 0u);
        }
        return Block(type, [.. body]);
    }

    private void Option(List<byte> body, ushort code, byte[] value)
    {
        Add(body, code);
        Add(body, (ushort)value.Length);
        body.AddRange(value);
        Pad(body);
    }

    private static void Pad(List<byte> body)
    {
        while (body.Count % 4 != 0)
            body.Add(0);
    }

    private static byte[] Bytes(Action<List<byte>> write)
    {
        var list = new List<byte>();
        write(list);
        return [.. list];
    }

    private void Add(List<byte> target, ushort value) => target.AddUInt16(value, _bigEndian);

    private void Add(List<byte> target, uint value) => target.AddUInt32(value, _bigEndian);

    private void Add(List<byte> target, ulong value) => target.AddUInt64(value, _bigEndian);
}
