namespace RawNet.Files.Tests.Pcap;

/// <summary>Builds pcap files byte by byte in either byte order, including deliberately wrong ones.</summary>
internal sealed class PcapFileBuilder
{
    private readonly List<byte> _bytes = [];
    private readonly bool _bigEndian;

    public PcapFileBuilder(bool bigEndian = false, bool nanoseconds = false, uint snapLength = 65535, uint linkType = 1, ushort versionMajor = 2)
    {
        _bigEndian = bigEndian;
        UInt32(nanoseconds ? 0xA1B23C4Du : 0xA1B2C3D4u);
        UInt16(versionMajor);
        UInt16(4);
        UInt32(0);
        UInt32(0);
        UInt32(snapLength);
        UInt32(linkType);
    }

    /// <summary>Offset of the next record, which is where damage in it would be reported.</summary>
    public int Length => _bytes.Count;

    public PcapFileBuilder Record(uint seconds, uint fraction, byte[] data, uint? capturedLength = null, uint? originalLength = null)
    {
        UInt32(seconds);
        UInt32(fraction);
        UInt32(capturedLength ?? (uint)data.Length);
        UInt32(originalLength ?? (uint)data.Length);
        _bytes.AddRange(data);
        return this;
    }

    public PcapFileBuilder Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    private void UInt32(uint value) => _bytes.AddUInt32(value, _bigEndian);

    private void UInt16(ushort value) => _bytes.AddUInt16(value, _bigEndian);
}
