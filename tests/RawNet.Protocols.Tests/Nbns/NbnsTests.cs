using RawNet.Protocols.Decoding;
using RawNet.Protocols.Nbns;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Nbns;

public class NbnsTests
{
    /// <summary>"WPAD" padded with spaces, type 0x00, first-level encoded as a 34-byte DNS name.</summary>
    public const string Wpad = "20464846414542454543414341434143414341434143414341434143414341414100";

    /// <summary>A broadcast name query for WPAD&lt;00&gt;.</summary>
    public static byte[] Query() => Hex("1001 0110 0001 0000 0000 0000" + Wpad + "0020 0001");

    /// <summary>A positive name query response for WPAD&lt;00&gt;: 10.0.0.1, and an NBSTAT record with one name and its statistics.</summary>
    public static byte[] Response() => Hex("1001 8500 0000 0001 0000 0000" + Wpad + "0020 0001 000493e0 0006 6000 0a000001");

    public static byte[] NodeStatus() => Hex("1002 8400 0000 0001 0000 0000" + Wpad + "0021 0001 00000000 0041 01"
        + "484f5354202020202020202020202020 0400" + "020000000009" + new string('0', 92));

    /// <summary>An Ethernet frame with IPv4 and UDP from and to port 137 around <paramref name="message"/>.</summary>
    public static byte[] Frame(byte[] message, ushort source = NbnsPorts.Nbns, ushort destination = NbnsPorts.Nbns) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(source, destination, message)));

    [Fact]
    public void Deconstruct()
    {
        Assert.True(NbnsHeader.TryRead(Response(), out var header));
        Assert.Equal(0x1001, header.Id);
        Assert.True(header.IsResponse);
        Assert.Equal(NbnsHeader.Opcode.Query, header.OpcodeValue);
        Assert.Equal(1, header.AnswerCount);
        Assert.False(NbnsHeader.TryRead(Query()[..11], out _));
        Assert.Equal("Unknown operation", NbnsHeader.OpcodeName(3) ?? "Unknown operation");
        Assert.Equal("Refresh (alternate opcode)", NbnsHeader.OpcodeName(9));
        Assert.Equal("Local Master Browser", NbnsHeader.NameTypeDescription(0x1d));
        Assert.Equal("Unknown", NbnsHeader.NameTypeDescription(-1));
    }

    [Fact]
    public void AQueryAndItsResponseShowTheirFields()
    {
        var frame = Frame(Query());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Nbns], Decode.Kinds(packet));
        Assert.Equal("0x1001", Decode.Field(packet, frame, "nbns.id"));
        Assert.Equal("1", Decode.Field(packet, frame, "nbns.flags.broadcast"));
        Assert.Equal("WPAD<00>", Decode.Field(packet, frame, "nbns.name"));
        Assert.Null(Decode.Field(packet, frame, "nbns.flags.rcode"));
        frame = Frame(Response());
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("WPAD<00> (Workstation/Redirector)", Decode.Field(packet, frame, "nbns.name"));
        Assert.Equal("300000", Decode.Field(packet, frame, "nbns.ttl"));
        Assert.Equal("0x6000", Decode.Field(packet, frame, "nbns.nb_flags"));
        Assert.Equal("3", Decode.Field(packet, frame, "nbns.nb_flags.ont"));
        Assert.Equal("10.0.0.1", Decode.Field(packet, frame, "nbns.addr"));
        frame = Frame(NodeStatus());
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("HOST", Decode.Field(packet, frame, "nbns.netbios_name"));
        Assert.Equal("02:00:00:00:00:09", Decode.Field(packet, frame, "nbns.unit_id"));
        Assert.Equal("0", Decode.Field(packet, frame, "nbns.session_data_packet_size"));
    }

    [Theory]
    [InlineData("20464845504643454c45484643455046464641434143414341434143414341424e00", "WORKGROUP<1d>")]
    [InlineData("204648464145424545434143414341434143414341434143414341434143414141076578616d706c6503636f6d00", "WPAD<00>.example.com")]
    [InlineData("20 6162636465666768696a6b6c6d6e6f707172737475767778797a616263646566 00", "Illegal NetBIOS name (1st character not between A and Z in first-level encoding)")]
    [InlineData("04 45424542 00", "Illegal NetBIOS name (2 bytes long)")]
    [InlineData("03 454245 00", "Illegal NetBIOS name (odd number of bytes)")]
    [InlineData("02 4561 00", "Illegal NetBIOS name (2nd character not between A and Z in first-level encoding)")]
    [InlineData("c00c", "Illegal NetBIOS name (1st character not between A and Z in first-level encoding)")]
    [InlineData("00", "Illegal NetBIOS name (1st character not between A and Z in first-level encoding)")]
    public void NamesAreWrittenAsTsharkWritesThem(string name, string expected)
    {
        // The header, then the name: a pointer to offset 12 points at itself (a loop).
        var message = Concat(Hex("0000 0000 0001 0000 0000 0000"), Hex(name.Replace(" ", "")));
        Span<char> text = stackalloc char[NbnsName.MaxFormattedLength];
        Assert.True(NbnsName.TryFormat(message, message.Length, 12, describe: false, text, out int written, out _));
        Assert.Equal(expected, text[..written].ToString());
    }

    [Fact]
    public void UnprintableBytesAndTrailingSpacesAreWrittenAsTsharkWritesThem()
    {
        Span<char> text = stackalloc char[64];
        Assert.True(NbnsName.TryWriteNetbios("\u0001\u0002__MSBROWSE__\u0002\u0001"u8, text, out int written));
        Assert.Equal("<01><02>__MSBROWSE__<02>", text[..written].ToString());
        Assert.True(NbnsName.TryWriteNetbios("*\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"u8, text, out written));
        Assert.Equal("*" + string.Concat(Enumerable.Repeat("<00>", 14)), text[..written].ToString());
        // all spaces: tshark's look back ends before it finds another character, and keeps them
        Assert.True(NbnsName.TryWriteNetbios("                "u8, text, out written));
        Assert.Equal(15, written);
        // a table name goes into a buffer the size of its record's name: 34 bytes hold 33 characters, a pointer's 2 one
        Assert.True(NbnsName.TryWriteNetbios("\u0001\u0002__MSBROWSE__\u0002\u0001"u8, text, out written, room: 10));
        Assert.Equal("<01><02>_", text[..written].ToString());
        Assert.True(NbnsName.TryWriteNetbios("HOST            "u8, text, out written, room: 2));
        Assert.Equal("H", text[..written].ToString());
    }

    [Fact]
    public void CutAndDamagedMessagesAreMarked()
    {
        var full = Frame(Response());
        var packet = Decode.Frame(full[..(full.Length - 3)], LinkType.Ethernet, originalLength: full.Length);
        Assert.Equal(LayerStatus.Truncated, packet[4].Status);
        // a record whose data length runs past the datagram
        var frame = Frame(Hex("1001 8500 0000 0001 0000 0000" + Wpad + "0020 0001 000493e0 0028 6000 0a000001"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(LayerStatus.Malformed, packet[4].Status);
        Assert.Null(Decode.Field(packet, frame, "nbns.name"));
        // more questions than the message holds
        frame = Frame(Hex("1001 0110 0005 0000 0000 0000" + Wpad + "0020 0001"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(LayerStatus.Malformed, packet[4].Status);
        Assert.Equal("WPAD<00>", Decode.Field(packet, frame, "nbns.name"));
    }

    [Fact]
    public void EveryPrefixDecodesWithoutException()
    {
        string[] names = ["nbns.id", "nbns.name", "nbns.addr", "nbns.netbios_name", "nbns.unit_id", "nbns.session_data_packet_size"];
        foreach (var message in new[] { Query(), Response(), NodeStatus() })
            Decode.FieldsAtEveryCut(message, m => Frame(m), names);
    }

    [Fact]
    public void TheWalksAreBoundedByTheMessage()
    {
        // 65,535 of each count over one question whose name points at itself: the walk ends at the message's end.
        var message = Hex("1001 0110 ffff ffff ffff ffff c00c 0020 0001");
        Assert.Equal(NbnsWalkStatus.Malformed, NbnsWalk.StatusOf(message, message.Length, columns: true, out _));
        // thousands of NB entries in one record
        var many = Concat(Hex("1001 8500 0000 0001 0000 0000" + Wpad + "0020 0001 00000000 ea60"), new byte[60000]);
        Assert.Equal(NbnsWalkStatus.Complete, NbnsWalk.StatusOf(many, many.Length, columns: false, out _));
    }
}
