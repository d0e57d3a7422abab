using RawNet.Protocols.Expert;

namespace RawNet.Protocols.Tests.ExpertInfo;

/// <summary>The core protocols' expert items that have field names of their own (<see cref="ExpertFields.Named"/>), found on hand-built frames, whole and cut.</summary>
public sealed class ExpertNamedItemsTests
{
    private static readonly byte[] Macs = [0x00, 0x1b, 0x21, 0, 0, 1, 0x00, 0xe0, 0xb1, 0, 0, 2];

    private static byte[] Ethernet(ushort type, params byte[] payload) => [.. Macs, (byte)(type >> 8), (byte)type, .. payload];

    private static byte[] Ipv4(byte versionAndLength, params byte[] options)
    {
        int length = 20 + options.Length;
        byte[] header = [versionAndLength, 0, 0, (byte)length, 0, 1, 0, 0, 64, 253, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2, .. options];
        return header;
    }

    public static TheoryData<string, byte[], ExpertItem, uint> Frames() => new()
    {
        { "IPv4 version 1 behind an EtherType", Ethernet(0x0800, 0x15, 0, 0, 20), ExpertItem.Ipv4BogusVersion, 0 },
        { "IPv4 header length 12", Ethernet(0x0800, Ipv4(0x43)), ExpertItem.Ipv4BogusHeaderLength, 12 },
        { "a router alert's type as the options' last byte", Ethernet(0x0800, Ipv4(0x46, 1, 1, 1, 0x94)), ExpertItem.Ipv4OptionLengthInvalid, ExpertItems.Ipv4OptionProblemArgument(0, 0x94, 0) },
        { "a stream ID of 6 bytes", Ethernet(0x0800, Ipv4(0x47, 0x88, 6, 0, 1, 0, 0, 0, 0)), ExpertItem.Ipv4OptionLengthInvalid, ExpertItems.Ipv4OptionProblemArgument(3, 0x88, 6, 4) },
        { "an 802.3 length past the frame", Ethernet(100, 0xaa, 0xaa, 3, 0, 0, 0, 0x08, 0), ExpertItem.EthernetLengthPastEnd, 0 },
        { "a group source address", [0x00, 0x1b, 0x21, 0, 0, 1, 0x01, 0xe0, 0xb1, 0, 0, 2, 0x88, 0xb5, 1, 2], ExpertItem.EthernetSourceGroup, 0 },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Finds_the_item_and_no_exception_on_any_cut(string what, byte[] frame, ExpertItem item, uint argument)
    {
        var finder = new ExpertFinder();
        var findings = new ExpertFinding[ExpertFinder.MaxFindingsPerPacket];
        int count = finder.Find(Decode.Frame(frame, LinkType.Ethernet), frame, findings);
        Assert.True(findings[..count].Contains(new ExpertFinding(item, argument)), $"{what}: {string.Join(", ", findings[..count])}");
        for (int cut = 0; cut < frame.Length; cut++)
        {
            var prefix = frame[..cut];
            finder.Find(Decode.Frame(prefix, LinkType.Ethernet, originalLength: frame.Length), prefix, findings);
            finder.Find(Decode.Frame(prefix, LinkType.Ethernet), prefix, findings);
        }
    }

    [Fact]
    public void Named_items_read_as_their_fields_in_tsharks_words()
    {
        Assert.Equal("Router Alert (length byte past end of options)",
            ExpertItems.Summary(new ExpertFinding(ExpertItem.Ipv4OptionLengthInvalid, ExpertItems.Ipv4OptionProblemArgument(0, 0x94, 0))));
        Assert.Equal("Stream ID (with option length = 6 bytes; should be 4)",
            ExpertItems.Summary(new ExpertFinding(ExpertItem.Ipv4OptionLengthInvalid, ExpertItems.Ipv4OptionProblemArgument(3, 0x88, 6, 4))));
        Assert.Equal("Bogus IP header length (12, must be at least 20)", ExpertItems.Summary(new ExpertFinding(ExpertItem.Ipv4BogusHeaderLength, 12)));
        Assert.All(ExpertFields.Named, field => Assert.Contains(Enum.GetValues<ExpertItem>(), item => ExpertPlacement.FieldName(item) == field.Name));
    }
}
