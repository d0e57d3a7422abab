using RawNet.Files.PcapNg;
using RawNet.Protocols;
using static RawNet.Files.Tests.CaptureReading;

namespace RawNet.Files.Tests.PcapNg;

/// <summary>What a pcapng file says of each frame beyond its record: section, interface name and description, epb_flags; custom blocks counted as tshark counts them.</summary>
public class FileDescriptionTests
{
    private static readonly byte[] Five = [1, 2, 3, 4, 5];

    private static byte[] Option(ushort code, byte[] value)
    {
        var padded = new byte[4 + ((value.Length + 3) & ~3)];
        BitConverter.TryWriteBytes(padded, code);
        BitConverter.TryWriteBytes(padded.AsSpan(2), (ushort)value.Length);
        value.CopyTo(padded, 4);
        return padded;
    }

    private static byte[] Interface(LinkType linkType, params byte[][] options) =>
        [.. BitConverter.GetBytes((ushort)linkType), 0, 0, 0, 0, 0, 0, .. options.SelectMany(o => o), 0, 0, 0, 0];

    [Fact]
    public void Sections_interfaces_and_flags_are_carried_with_each_frame()
    {
        var file = new PcapNgBuilder().Section()
            .Block(1, Interface(LinkType.Ethernet, Option(2, "eth0"u8.ToArray()), Option(3, "the first"u8.ToArray())))
            .Block(1, Interface(LinkType.Ethernet, Option(3, "described only"u8.ToArray())))
            .Block(1, Interface(LinkType.Ethernet))
            .Enhanced(0, 1, Five, flags: 0x0100_0089)
            .Enhanced(1, 2, Five)
            .Block(0x0BAD, [0xD9, 0x7E, 0, 0, 1, 2, 0, 0])
            .Enhanced(0, 3, Five)
            .Enhanced(2, 3, Five, flags: 2)
            .Section(bigEndian: true).Interface(LinkType.Raw)
            .Block(0x40000BAD, [0, 0, 0, 1])
            .Enhanced(0, 4, Five)
            .ToArray();
        using var reader = CaptureFileReader.Open(new MemoryStream(file), "described.pcapng");
        var seen = new List<(long Number, FrameMetadata Metadata)>();
        while (reader.TryReadNext(out var frame))
            seen.Add((reader.RecordNumber, frame.Metadata));

        Assert.Equal([1L, 2, 4, 5, 7], seen.Select(s => s.Number));
        Assert.Equal([1, 1, 1, 1, 2], seen.Select(s => s.Metadata.SectionNumber));
        Assert.Equal([new CaptureInterface(0, "eth0", "the first"), new CaptureInterface(1, "described only", "described only"),
            new CaptureInterface(0, "eth0", "the first"), new CaptureInterface(2, "unknown", null), new CaptureInterface(0, "unknown", null)],
            seen.Select(s => s.Metadata.Interface));
        // one description per interface, shared by its frames: nothing is made per packet
        Assert.Same(seen[0].Metadata.Interface, seen[2].Metadata.Interface);
        Assert.Equal([0x0100_0089u, null, null, 2u, null], seen.Select(s => s.Metadata.PacketFlags));
        Assert.Equal([PacketDirection.Inbound, PacketDirection.Unknown, PacketDirection.Unknown, PacketDirection.Outbound, PacketDirection.Unknown],
            seen.Select(s => s.Metadata.Direction));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void An_epb_flags_option_of_another_length_is_damage_as_tshark_says(int length)
    {
        var body = new List<byte>();
        body.AddRange(new byte[20]);
        body.AddRange(Five);
        body.AddRange(new byte[3]);
        body.AddRange(Option(2, new byte[length]));
        body.AddRange(new byte[4]);
        var packet = body.ToArray();
        BitConverter.TryWriteBytes(packet.AsSpan(12), 5);
        BitConverter.TryWriteBytes(packet.AsSpan(16), 5);
        var file = new PcapNgBuilder().Section().Interface(LinkType.Ethernet).Enhanced(0, 0, Five, flags: 1).Block(6, packet).ToArray();
        AssertDamage(file, 1, file.Length - 12 - packet.Length, $"enhanced packet block flags option is {length} bytes long, not 4");
    }

    [Fact]
    public void A_custom_block_too_short_for_its_enterprise_number_is_damage_as_tshark_says()
    {
        var file = new PcapNgBuilder().Section().Interface(LinkType.Ethernet).Enhanced(0, 0, Five).Block(0x0BAD, []).ToArray();
        AssertDamage(file, 1, file.Length - 12, "custom block of 12 bytes is too short");
    }
}
