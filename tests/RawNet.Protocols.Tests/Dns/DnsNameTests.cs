using System.Diagnostics;
using RawNet.Protocols.Dns;
using static RawNet.Protocols.Tests.Dns.DnsMessages;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Dns;

/// <summary>Name decompression: compression, loops, labels past the end, the length limit, hostile chains.</summary>
public class DnsNameTests
{
    private static string? Text(byte[] message, int offset, int? reported = null)
    {
        Span<char> text = stackalloc char[DnsName.MaxFormattedLength];
        return DnsName.TryFormat(message, reported ?? message.Length, offset, text, out int n) ? new string(text[..n]) : null;
    }

    [Fact]
    public void PlainName()
    {
        var message = Query();
        var info = DnsName.Read(message, message.Length, 12);
        Assert.Equal(new DnsNameInfo(DnsNameStatus.Ok, 17, 15, 2), info);
        Assert.Equal("www.example.com", Text(message, 12));
        Assert.Equal((15, 3), DnsName.Measure(info));
    }

    [Fact]
    public void RootName()
    {
        var message = Concat(Header(1, 0, 1, 0, 0, 0), Question([0], 2));
        Assert.Equal(new DnsNameInfo(DnsNameStatus.Ok, 1, 0, 0), DnsName.Read(message, message.Length, 12));
        Assert.Equal("<Root>", Text(message, 12));
        Assert.Equal((6, 1), DnsName.Measure(DnsName.Read(message, message.Length, 12)));
    }

    [Fact]
    public void CompressedNamesExpandAndMeasureInPlace()
    {
        var message = Response();
        // The first answer's owner is a bare pointer to the question's name: 2 bytes in place.
        int answer = 12 + 17 + 4;
        Assert.Equal(new DnsNameInfo(DnsNameStatus.Ok, 2, 15, 2), DnsName.Read(message, message.Length, answer));
        Assert.Equal("www.example.com", Text(message, answer));
        // Its CNAME data is a label then a pointer: 4 + 2 bytes in place.
        int data = answer + 2 + 10;
        Assert.Equal(new DnsNameInfo(DnsNameStatus.Ok, 6, 15, 2), DnsName.Read(message, message.Length, data));
        Assert.Equal("cdn.example.com", Text(message, data));
    }

    [Fact]
    public void PointerToItselfIsALoop()
    {
        var message = Concat(Header(1, 0x0100, 1, 0, 0, 0), Pointer(12), U16(1), U16(1));
        var info = DnsName.Read(message, message.Length, 12);
        Assert.Equal(DnsNameStatus.Loop, info.Status);
        Assert.Equal(2, info.WireLength);
        Assert.Equal("<Name contains a pointer that loops>", Text(message, 12));
        Assert.Equal((36, 1), DnsName.Measure(info));
    }

    [Fact]
    public void PointersChasingEachOtherAreALoop()
    {
        // 12: "a" then a pointer to 17; 17: "b" then a pointer back to 12.
        var message = Concat(Header(1, 0x0100, 0, 0, 0, 0), [1, (byte)'a'], Pointer(17), [0], [1, (byte)'b'], Pointer(12));
        Assert.Equal(DnsNameStatus.Loop, DnsName.Read(message, message.Length, 12).Status);
        Assert.Equal("<Name contains a pointer that loops>", Text(message, 12));
    }

    [Fact]
    public void ForwardPointersAreFollowedAsWiresharkDoes()
    {
        var message = Concat(Header(1, 0x0100, 1, 0, 0, 0), [3], "abc"u8.ToArray(), Pointer(20), U16(1), Name("example"));
        Assert.Equal("abc.example", Text(message, 12));
        Assert.Equal(6, DnsName.Read(message, message.Length, 12).WireLength);
    }

    [Fact]
    public void LabelPastTheEndCannotBeRead()
    {
        var message = Concat(Header(1, 0x0100, 1, 0, 0, 0), [3], "www"u8.ToArray(), [0x30], "abc"u8.ToArray());
        Assert.Equal(DnsNameStatus.Malformed, DnsName.Read(message, message.Length, 12).Status);
        Assert.Null(Text(message, 12));
        // The same bytes cut by the capture from a longer message: truncated, not malformed.
        Assert.Equal(DnsNameStatus.Truncated, DnsName.Read(message, 200, 12).Status);
    }

    [Fact]
    public void PointerPastTheEndCannotBeRead()
    {
        var message = Concat(Header(1, 0x0100, 1, 0, 0, 0), Pointer(0x3FFF));
        Assert.Equal(DnsNameStatus.Malformed, DnsName.Read(message, message.Length, 12).Status);
        var cut = Concat(Header(1, 0x0100, 1, 0, 0, 0), [0xC0]);
        Assert.Equal(DnsNameStatus.Malformed, DnsName.Read(cut, cut.Length, 12).Status);
        Assert.Equal(DnsNameStatus.Truncated, DnsName.Read(cut, 100, 12).Status);
        Assert.Equal(DnsNameStatus.Malformed, DnsName.Read(cut, cut.Length, 400).Status);
    }

    [Theory]
    [InlineData(253, "Ok")]
    [InlineData(254, "TooLong")]
    [InlineData(300, "TooLong")]
    public void NamesLongerThan253CharactersAreTooLong(int length, string status)
    {
        var labels = new List<byte>();
        for (int left = length; left > 0;)
        {
            int label = Math.Min(63, left);
            labels.Add((byte)label);
            labels.AddRange(Enumerable.Repeat((byte)'b', label));
            left -= label + 1;
        }
        labels.Add(0);
        var message = Concat(Header(1, 0x0100, 1, 0, 0, 0), labels.ToArray(), U16(1), U16(1));
        var info = DnsName.Read(message, message.Length, 12);
        Assert.Equal(Enum.Parse<DnsNameStatus>(status), info.Status);
        Assert.Equal(labels.Count, info.WireLength);
        Assert.Equal(status == "Ok" ? length : 15, Text(message, 12)!.Length);
    }

    [Theory]
    [InlineData(0x40)]
    [InlineData(0x41)]
    [InlineData(0x80)]
    [InlineData(0xBF)]
    public void NamesStartingWithAnExtendedOrReservedLabelCannotBeRead(byte type)
    {
        var message = Concat(Header(1, 0x0100, 1, 0, 0, 0), [type, 0x10, 0xAB, 0xCD, 0], U16(1), U16(1));
        Assert.Equal(DnsNameStatus.Malformed, DnsName.Read(message, message.Length, 12).Status);
        Assert.Null(Text(message, 12));
    }

    [Fact]
    public void ControlBytesAreEscapedAndBadUtf8IsReplaced()
    {
        var message = Concat(Header(1, 0x0100, 1, 0, 0, 0), [5, (byte)'a', (byte)' ', (byte)'b', 1, 0xE9], [3], "com"u8.ToArray(), [0]);
        Assert.Equal("a b\\001\uFFFD.com", Text(message, 12));
        var utf8 = Concat(Header(1, 0x0100, 1, 0, 0, 0), [3, 0xC3, 0xA9, (byte)'.', 0]);
        Assert.Equal("é.", Text(utf8, 12));
        Assert.Equal((3, 2), DnsName.Measure(DnsName.Read(utf8, utf8.Length, 12))); // tshark counts the label's own dot too
    }

    [Fact]
    public void EscapesAndOverlongUtf8AsTsharkPrintsThem()
    {
        var message = Concat(Header(1, 0x0100, 1, 0, 0, 0), [5, (byte)'a', 8, 10, 7, (byte)'b', 4, (byte)'x', 0xC1, 0xA9, (byte)'y', 0]);
        Assert.Equal("a\\b\\n\\ab.xiy", Text(message, 12));
        var control = Concat(Header(1, 0x0100, 1, 0, 0, 0), [2, 0xC0, 0x87, 0]);
        Assert.Equal("\\u0007", Text(control, 12));
    }

    [Fact]
    public void ExtendedLabelsAfterTheFirstByteAsTsharkReadsThem()
    {
        // Unknown type after a label: Wireshark's text, the length in place is what was read (3 bytes).
        var unknown = Concat(Header(1, 0x0100, 1, 0, 0, 0), [1, (byte)'a', 0x42, 0x10, 0xAB, 0xCD, 0]);
        Assert.Equal(new DnsNameInfo(DnsNameStatus.UnknownExtendedLabel, 3, 1, 0), DnsName.Read(unknown, unknown.Length, 12));
        Assert.Equal("<Unknown extended label>", Text(unknown, 12));
        // A bit string after a label is stepped over and adds nothing.
        var bits = Concat(Header(1, 0x0100, 1, 0, 0, 0), [1, (byte)'a', 0x41, 0x10, 0xAB, 0xCD, 0]);
        Assert.Equal(new DnsNameInfo(DnsNameStatus.Ok, 7, 1, 0), DnsName.Read(bits, bits.Length, 12));
        // After a pointer, even with no text yet, an unknown type is shown too.
        var pointed = Concat(Header(1, 0x0100, 1, 0, 0, 0), Pointer(14), [0x7F, 0]);
        Assert.Equal("<Unknown extended label>", Text(pointed, 12));
    }

    [Fact]
    public void OneCharacterNamesMeasureZero()
    {
        var message = Concat(Header(1, 0x0100, 1, 0, 0, 0), [1, (byte)'h', 0]);
        Assert.Equal((0, 0), DnsName.Measure(DnsName.Read(message, message.Length, 12)));
    }

    [Fact]
    public void ShortDestinationFailsWithoutThrowing()
    {
        var message = Query();
        Assert.False(DnsName.TryFormat(message, message.Length, 12, new char[5], out _));
    }

    [Fact]
    public void HostilePointerChainsStopQuickly()
    {
        // 8,000 pointers (as far as 14 bits reach) each pointing at the one before: every one a legal backwards jump, none ends.
        var message = new byte[12 + 2 * 8000];
        for (int i = 0; i < 8000; i++)
        {
            int at = 12 + 2 * i;
            int target = i == 0 ? 12 : at - 2;
            message[at] = (byte)(0xC0 | target >> 8 & 0x3F);
            message[at + 1] = (byte)target;
        }
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < 8000; i += 3)
            Assert.Equal(DnsNameStatus.Loop, DnsName.Read(message, message.Length, 12 + 2 * i).Status);
        Assert.True(watch.ElapsedMilliseconds < 2000, $"{watch.ElapsedMilliseconds} ms");
    }
}
