using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Fields;

public class FieldFormatterTests
{
    private static string Format(Func<Span<char>, (bool, int)> format)
    {
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        var (ok, written) = format(text);
        Assert.True(ok);
        return new string(text[..written]);
    }

    [Theory]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("fe80::", "fe80::")]
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]     // the first of two equal zero runs
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")]  // a single zero word is not compressed
    [InlineData("::ffff:192.0.2.1", "::ffff:192.0.2.1")]          // IPv4-mapped
    [InlineData("::192.0.2.1", "::192.0.2.1")]                    // IPv4-compatible
    [InlineData("2001:DB8:ABCD::ef", "2001:db8:abcd::ef")]
    public void Ipv6AddressesAsInetNtop(string address, string expected)
    {
        var bytes = Ip(address);
        Assert.Equal(expected, Format(t => (FieldFormatter.TryFormatIpv6(bytes, t, out int n), n)));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(20 * 256, "20")]
    [InlineData(2 * 256 + 128, "2.5")]
    [InlineData(1, "0.00390625")]
    [InlineData(65535, "255.99609375")]
    public void SecondsAsFtDoubleShowsThem(int units, string expected)
    {
        // Spanning tree's times: a whole number of 1/256 s, shown as tshark shows an FT_DOUBLE (no trailing zeros).
        var field = FieldDefinition.Derived("stp.hello", "Hello Time", LayerKind.Stp, FieldKind.Seconds, ComputedField.Stp);
        var value = new FieldValue((ulong)units * 3_906_250, 0, 2);
        Assert.Equal(expected, Format(t => (FieldFormatter.TryFormat(field, value, [], t, out int n), n)));
    }

    [Fact]
    public void MacIpv4AndEpoch()
    {
        Assert.Equal("00:1b:21:0a:ff:ee", Format(t => (FieldFormatter.TryFormatMac(Hex("001b210affee"), t, out int n), n)));
        Assert.Equal("255.0.10.1", Format(t => (FieldFormatter.TryFormatIpv4(Hex("ff000a01"), t, out int n), n)));
        Assert.Equal("1700000000.000000001", Format(t => (FieldFormatter.TryFormatEpoch(1_700_000_000_000_000_001, t, out int n), n)));
        Assert.Equal("0.000000000", Format(t => (FieldFormatter.TryFormatEpoch(0, t, out int n), n)));
        Assert.Equal("-1.500000000", Format(t => (FieldFormatter.TryFormatEpoch(-1_500_000_000, t, out int n), n)));
    }

    [Fact]
    public void TooSmallDestinationsFailWithoutThrowing()
    {
        Span<char> small = stackalloc char[3];
        Assert.False(FieldFormatter.TryFormatMac(Hex("001b210affee"), small, out _));
        Assert.False(FieldFormatter.TryFormatIpv4(Hex("ff000a01"), small, out _));
        Assert.False(FieldFormatter.TryFormatIpv6(Ip("2001:db8::1"), small, out _));
        Assert.False(FieldFormatter.TryFormatEpoch(1, small, out _));
        Assert.False(FieldFormatter.TryFormat(TcpFields.Flags, new FieldValue(0x18, 0, 2), [], small[..2], out _));
        Assert.False(FieldFormatter.TryFormatMac(Hex("001b21"), stackalloc char[64], out _));
    }

    [Theory]
    [InlineData(0x18UL, "0x0018")]
    [InlineData(0xFFFUL, "0x0fff")]
    public void HexIsZeroPaddedToTheFieldWidth(ulong number, string expected) =>
        Assert.Equal(expected, FieldFormatter.Format(TcpFields.Flags, new FieldValue(number, 0, 2), []));

    [Fact]
    public void BytesAreHexWithoutSeparatorsWhateverTheirLength()
    {
        var payload = new byte[3000];
        payload[0] = 0x47;
        payload[^1] = 0xAB;
        string text = FieldFormatter.Format(TcpFields.Payload, new FieldValue(0, 0, payload.Length), payload);
        Assert.Equal(6000, text.Length);
        Assert.StartsWith("4700", text);
        Assert.EndsWith("00ab", text);
        Assert.Equal(6000, FieldFormatter.RoomFor(TcpFields.Payload, new FieldValue(0, 0, payload.Length)));
        Assert.Equal("", FieldFormatter.Format(TcpFields.Payload, new FieldValue(0, 2, 5), payload.AsSpan(0, 4)));
    }

    [Fact]
    public void WidthsFollowTheWiresharkFieldTypes()
    {
        Assert.Equal("0x02", FieldFormatter.Format(Ipv4Fields.Flags, new FieldValue(2, 0, 1), []));
        Assert.Equal("0x000000", FieldFormatter.Format(Ipv6Fields.FlowLabel, new FieldValue(0, 0, 4), []));
        Assert.Equal("0xabcd", FieldFormatter.Format(Ipv4Fields.Identification, new FieldValue(0xABCD, 0, 2), []));
        Assert.Equal("1", FieldFormatter.Format(TcpFields.Syn, new FieldValue(1, 0, 2), []));
        Assert.Equal("0", FieldFormatter.Format(TcpFields.Syn, new FieldValue(0, 0, 2), []));
        Assert.Equal("65535", FieldFormatter.Format(TcpFields.Window, new FieldValue(65535, 0, 2), []));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\tb\r\nc", @"a\tb\r\nc")]          // -T fields writes \b \f \n \r \t as escapes
    [InlineData("x\by\fz", @"x\by\fz")]
    [InlineData("v\u0001w\u000bx\u001b", "v\u0001w\u000bx\u001b")] // other control bytes raw, as tshark prints them
    [InlineData("back\\slash\"", "back\\slash\"")]
    [InlineData("high\u0080\u00ff", "high\uFFFD\uFFFD")] // a string read as ASCII: bytes past it are U+FFFD
    [InlineData("to\0the zero", "to")]                   // and it ends at a zero byte
    public void TextIsWrittenAsTsharkFieldsWritesAStringReadAsAscii(string bytes, string expected)
    {
        var buffer = System.Text.Encoding.Latin1.GetBytes(bytes);
        var text = FieldDefinition.Derived("test.text", "Text", LayerKind.Dns, FieldKind.Text, ComputedField.DnsTxt);
        Assert.Equal(expected, FieldFormatter.Format(text, new FieldValue(0, 0, buffer.Length), buffer));
    }
}

public class FieldCatalogTests
{
    [Fact]
    public void EveryLayerKindHasANameAndEveryFieldIsFoundByName()
    {
        foreach (var kind in Enum.GetValues<LayerKind>())
        {
            Assert.False(string.IsNullOrEmpty(FieldCatalog.ProtocolName(kind)));
            Assert.False(string.IsNullOrEmpty(FieldCatalog.DisplayName(kind)));
            foreach (var field in FieldCatalog.ForLayer(kind))
            {
                Assert.Equal(kind, field.Layer);
                // Items only the tree shows (an HTTP start line) have no name, and no name finds them.
                if (field.TreeOnly)
                {
                    Assert.Equal("", field.Name);
                    Assert.True(field.InTree, $"{field.Label}: an item only the tree shows must be in the tree");
                    continue;
                }
                Assert.True(FieldCatalog.TryFind(field.Name, out var found));
                Assert.Contains(field, found);
            }
        }
        Assert.Equal(FieldCatalog.Names.Distinct().Count(), FieldCatalog.Names.Count);
        Assert.DoesNotContain("", FieldCatalog.Names);
        Assert.False(FieldCatalog.TryFind("tcp.nonexistent", out _));
    }

    [Fact]
    public void ProtocolNamesFindTheirLayers()
    {
        Assert.True(FieldCatalog.TryFindProtocol("ipv6", out var kinds));
        Assert.Contains(LayerKind.Ipv6, kinds);
        Assert.Contains(LayerKind.Ipv6Fragment, kinds);
        Assert.True(FieldCatalog.TryFindProtocol("sll", out kinds));
        Assert.Equal([LayerKind.LinuxSll, LayerKind.LinuxSll2], kinds);
        Assert.Equal("ip", FieldCatalog.ProtocolName(LayerKind.Ipv4));
    }
}

public class FieldReaderTests
{
    private static (DecodedPacket, byte[]) Syn()
    {
        var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x002, Hex("020405b4 01010402"))));
        return (Decode.Frame(frame, LinkType.Ethernet), frame);
    }

    [Fact]
    public void ValuesCarryTheBytesTheyCameFrom()
    {
        var (packet, frame) = Syn();
        Assert.True(FieldReader.TryRead(TcpFields.SourcePort, packet, 3, frame, 0, out var port));
        Assert.Equal(new FieldValue(1, 34, 2), port);
        Assert.True(FieldReader.TryRead(TcpFields.MaximumSegmentSize, packet, 3, frame, 0, out var mss));
        Assert.Equal(new FieldValue(1460, 34 + 22, 2), mss);
        Assert.True(FieldReader.TryRead(Ipv4Fields.Source, packet, 2, frame, 0, out var source));
        Assert.Equal((26, 4), (source.Offset, source.Length));
    }

    [Fact]
    public void OccurrencesAndMismatchedLayers()
    {
        var (packet, frame) = Syn();
        Assert.Equal(4, FieldReader.Count(TcpFields.OptionKind, packet, 3, frame));
        Assert.Equal(2, FieldReader.Count(TcpFields.Port, packet, 3, frame));
        Assert.Equal(1, FieldReader.Count(TcpFields.Flags, packet, 3, frame));
        Assert.False(FieldReader.TryRead(TcpFields.Flags, packet, 3, frame, 1, out _));
        Assert.False(FieldReader.TryRead(TcpFields.Flags, packet, 2, frame, 0, out _)); // layer 2 is IPv4
        Assert.Equal(0, FieldReader.Count(TcpFields.TimestampValue, packet, 3, frame));
    }

    [Fact]
    public void FieldsOfATruncatedLayerAreAbsentNotWrong()
    {
        var (_, frame) = Syn();
        var packet = Decode.Frame(frame[..(34 + 14)], LinkType.Ethernet, originalLength: frame.Length);
        Assert.Equal(LayerStatus.Truncated, packet[3].Status);
        Assert.True(FieldReader.TryRead(TcpFields.AcknowledgmentNumber, packet, 3, frame, 0, out _));
        Assert.False(FieldReader.TryRead(TcpFields.Window, packet, 3, frame, 0, out _));
        Assert.False(FieldReader.TryRead(TcpFields.MaximumSegmentSize, packet, 3, frame, 0, out _));
    }
}
