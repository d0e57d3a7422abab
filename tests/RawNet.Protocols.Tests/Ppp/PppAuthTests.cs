using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ppp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ppp;

/// <summary>PAP and CHAP: the items tshark adds, where its reading stops, and the fields under its names.</summary>
public class PppAuthTests
{
    /// <summary>A PAP or CHAP packet behind PPP's address, control and protocol, its length filled in unless given.</summary>
    private static byte[] Auth(ushort protocol, byte code, byte id, byte[] data, int? length = null) =>
        Concat(Hex("ff03"), U16(protocol), [code, id], U16(length ?? 4 + data.Length), data);

    private static byte[] Counted(string text) => Concat([(byte)text.Length], Ascii(text));

    private static byte[] Ascii(string text) => System.Text.Encoding.ASCII.GetBytes(text);

    private static readonly byte[] Request = Auth(0xc023, 1, 7, Concat(Counted("alice"), Counted("secret")));

    private static readonly byte[] Challenge = Auth(0xc223, 1, 9, Concat(Hex("04 01020304"), Ascii("server")));

    private static (PppAuthItem[] Items, int Need, bool Info) Walk(bool chap, byte[] packet, int? wire = null)
    {
        var items = new PppAuthItem[PppAuthPacket.MaxItems];
        int count = PppAuthPacket.Walk(chap, packet, wire ?? packet.Length, items, out int need, out bool info);
        return (items[..count], need, info);
    }

    [Fact]
    public void DeconstructARequestAndAChallenge()
    {
        var (items, need, info) = Walk(false, Request[4..]);
        Assert.Equal(-1, need);
        Assert.True(info);
        Assert.Equal(
            [
                new(PppAuthValue.Code, 0, 1), new(PppAuthValue.Identifier, 1, 1), new(PppAuthValue.Length, 2, 2), new(PppAuthValue.Data, 4, 13),
                new(PppAuthValue.PeerIdLength, 4, 1), new(PppAuthValue.PeerId, 5, 5), new(PppAuthValue.PasswordLength, 10, 1),
                new(PppAuthValue.Password, 11, 6),
            ],
            items);

        (items, need, info) = Walk(true, Challenge[4..]);
        Assert.Equal(-1, need);
        Assert.True(info);
        Assert.Equal(
            [
                new(PppAuthValue.Code, 0, 1), new(PppAuthValue.Identifier, 1, 1), new(PppAuthValue.Length, 2, 2), new(PppAuthValue.Data, 4, 11),
                new(PppAuthValue.ValueSize, 4, 1), new(PppAuthValue.Value, 5, 4), new(PppAuthValue.Name, 9, 6),
            ],
            items);
        Assert.Equal(15, PppAuthPacket.Extent(true, Challenge[4..], 40));
        Assert.Equal(40, PppAuthPacket.Extent(false, Request[4..], 40));
    }

    [Fact]
    public void ParseShowsTheFieldsAsTsharkNamesThem()
    {
        var packet = Decode.Frame(Request, LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ppp, LayerKind.Pap], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, Request, "pap.code"));
        Assert.Equal("7", Decode.Field(packet, Request, "pap.identifier"));
        Assert.Equal("17", Decode.Field(packet, Request, "pap.length"));
        Assert.Equal("1", Decode.Field(packet, Request, "pap.data"));
        Assert.Equal("5", Decode.Field(packet, Request, "pap.peer_id.length"));
        Assert.Equal("alice", Decode.Field(packet, Request, "pap.peer_id"));
        Assert.Equal("secret", Decode.Field(packet, Request, "pap.password"));
        Assert.Null(Decode.Field(packet, Request, "pap.message"));

        packet = Decode.Frame(Challenge, LinkType.Ppp);
        Assert.Equal([LayerKind.Frame, LayerKind.Ppp, LayerKind.Chap], Decode.Kinds(packet));
        Assert.Equal("4", Decode.Field(packet, Challenge, "chap.value_size"));
        Assert.Equal("01020304", Decode.Field(packet, Challenge, "chap.value"));
        Assert.Equal("server", Decode.Field(packet, Challenge, "chap.name"));

        var nak = Auth(0xc023, 3, 1, Counted("bad"));
        packet = Decode.Frame(nak, LinkType.Ppp);
        Assert.Equal("3", Decode.Field(packet, nak, "pap.message.length"));
        Assert.Equal("bad", Decode.Field(packet, nak, "pap.message"));
        var failure = Auth(0xc223, 4, 1, Ascii("E=691"));
        packet = Decode.Frame(failure, LinkType.Ppp);
        Assert.Equal("E=691", Decode.Field(packet, failure, "chap.message"));
        Assert.Null(Decode.Field(packet, failure, "chap.data"));
        var unknown = Auth(0xc223, 9, 1, Ascii("xy"));
        packet = Decode.Frame(unknown, LinkType.Ppp);
        Assert.Equal("7879", Decode.Field(packet, unknown, "chap.stuff"));
    }

    [Fact]
    public void PapReadsToThePacketsEndWhateverItsLength()
    {
        // A length past the packet or below the header's is no matter to PAP: the strings are read all the same.
        foreach (int length in new[] { 2, 40 })
        {
            var frame = Auth(0xc023, 1, 1, Concat(Counted("alice"), Counted("pw")), length);
            var packet = Decode.Frame(frame, LinkType.Ppp);
            Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
            Assert.Equal("pw", Decode.Field(packet, frame, "pap.password"));
        }
        // A counted string past the packet ends it malformed after its length byte.
        var past = Auth(0xc023, 1, 1, Concat(Counted("alice"), Hex("20"), Ascii("pw")));
        var (_, need, info) = Walk(false, past[4..]);
        Assert.Equal(11 + 0x20, need);
        Assert.False(info);
        var decoded = Decode.Frame(past, LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Malformed, decoded.Outcome);
        Assert.Equal("32", Decode.Field(decoded, past, "pap.password.length"));
        Assert.Null(Decode.Field(decoded, past, "pap.password"));
        // An ack without its message length: the data item itself needs a byte.
        var ack = Auth(0xc023, 2, 1, []);
        decoded = Decode.Frame(ack, LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Malformed, decoded.Outcome);
        Assert.Equal("4", Decode.Field(decoded, ack, "pap.length"));
        Assert.Null(Decode.Field(decoded, ack, "pap.data"));
    }

    [Fact]
    public void ChapBoundsItsDataByItsLength()
    {
        // Below 4: the length alone.
        var shortLength = Auth(0xc223, 1, 1, Concat(Hex("02 6162"), Ascii("nm")), length: 2);
        var packet = Decode.Frame(shortLength, LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("2", Decode.Field(packet, shortLength, "chap.length"));
        Assert.Null(Decode.Field(packet, shortLength, "chap.data"));
        // Shorter than the packet: the name ends where the length says.
        var trailing = Auth(0xc223, 2, 1, Concat(Hex("02 6162"), Ascii("nametrail")), length: 11);
        packet = Decode.Frame(trailing, LinkType.Ppp);
        Assert.Equal("name", Decode.Field(packet, trailing, "chap.name"));
        // A value size past the data: shown, and nothing after it, with no error.
        var invalid = Auth(0xc223, 1, 1, Hex("05 6162"));
        var (items, need, info) = Walk(true, invalid[4..]);
        Assert.Equal(-1, need);
        Assert.False(info);
        Assert.Equal(PppAuthValue.ValueSize, items[^1].Which);
        // Longer than the packet: the data item claims what is not there; the name's read fails.
        var longer = Auth(0xc223, 1, 1, Concat(Hex("02 6162"), Ascii("name")), length: 40);
        packet = Decode.Frame(longer, LinkType.Ppp);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("6162", Decode.Field(packet, longer, "chap.value"));
        Assert.Null(Decode.Field(packet, longer, "chap.name"));
        Assert.Equal("1", Decode.Field(packet, longer, "chap.data"));
    }

    [Fact]
    public void ACutPacketIsTruncatedWhereTheCaptureEnds()
    {
        var packet = Decode.Frame(Challenge[..10], LinkType.Ppp, originalLength: Challenge.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal(LayerKind.Chap, packet.StoppedAt);
        Assert.Equal("4", Decode.Field(packet, Challenge[..10], "chap.value_size"));
        Assert.Null(Decode.Field(packet, Challenge[..10], "chap.value"));
        foreach (var frame in new[] { Hex("ff03 c023"), Hex("ff03 c223 01") })
        {
            packet = Decode.Frame(frame, LinkType.Ppp);
            Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
            Assert.Null(Decode.Field(packet, frame, "pap.identifier"));
            Assert.Null(Decode.Field(packet, frame, "chap.identifier"));
        }
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefix(Request, LinkType.Ppp);
        Decode.EveryPrefix(Challenge, LinkType.Ppp);
        Decode.EveryPrefix(Auth(0xc223, 3, 1, Ascii("Welcome")), LinkType.PppHdlc);
    }

    [Fact]
    public void EveryByteChangedNeverThrowsNorReadsOutsideThePacket()
    {
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        foreach (var original in new[] { Request, Challenge, Auth(0xc223, 3, 1, Ascii("ok")), Auth(0xc023, 2, 1, Counted("ok")) })
        {
            for (int at = 4; at < original.Length; at++)
            {
                foreach (byte value in new byte[] { 0, 1, 2, 3, 4, 5, 0x7f, 0xff })
                {
                    var damaged = original.ToArray();
                    damaged[at] = value;
                    var packet = Decode.Frame(damaged, LinkType.Ppp);
                    Assert.True(packet.LayerCount <= DecodedPacket.MaxLayers);
                    Decode.AllFields(packet, damaged, text);
                }
            }
        }
    }
}
