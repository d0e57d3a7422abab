using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Ipv6;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ethernet;

/// <summary>
/// Where tshark's reading of an Ethernet trailer runs past a capture cut inside it (<see cref="EthernetTrailer"/>), and
/// how the decoder reports it (<see cref="DecodedPacket.TrailerCut"/>); and IPv6 handed on by IPv4's own dissector.
/// </summary>
public class EthernetTrailerTests
{
    private const long Seconds = 1_700_000_000;

    /// <summary>An Ethernet II frame of 42 bytes (IPv4, UDP, no payload) followed by <paramref name="trailer"/>.</summary>
    private static byte[] UdpWithTrailer(byte[] trailer) =>
        Concat(EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1234, 9, []))), trailer);

    private static byte[] Stamp(uint seconds, uint nanoseconds = 16) => Concat(U32(seconds), U32(nanoseconds));

    private static bool Cut(byte[] frame, int captured, int start, bool guessesFcs = true) =>
        EthernetTrailer.ReadsPastCapture(frame.AsSpan(0, captured), start, frame.Length, frame.Length, guessesFcs, frame.Length, Seconds);

    [Fact]
    public void ZeroPaddingCutIsReadPastTheCapture()
    {
        var frame = UdpWithTrailer(new byte[18]);
        for (int captured = 43; captured < 60; captured++)
            Assert.True(Cut(frame, captured, 42), $"captured {captured}");
        Assert.False(Cut(frame, 60, 42));
        // Nothing of it captured: the Ethernet II caller hands tshark no trailer at all, an 802.3 one an empty one.
        Assert.True(Cut(frame, 42, 42));
    }

    [Fact]
    public void NonZeroPaddingCutIsNotRead()
    {
        var frame = UdpWithTrailer(Enumerable.Repeat((byte)5, 18).ToArray());
        for (int captured = 43; captured <= 60; captured++)
            Assert.False(Cut(frame, captured, 42), $"captured {captured}");
    }

    [Fact]
    public void FrameUnderSixtyBytesHasNoPadding()
    {
        var frame = UdpWithTrailer(new byte[4]);
        for (int captured = 42; captured <= frame.Length; captured++)
            Assert.False(Cut(frame, captured, 42), $"captured {captured}");
    }

    [Fact]
    public void GuessedFcsIsReadInFramesOfSixtyFourBytes()
    {
        var frame = UdpWithTrailer(Concat(new byte[18], Hex("07070707")));
        Assert.True(Cut(frame, 63, 42));
        Assert.False(Cut(frame, 64, 42));
        // Behind a VLAN tag or a cooked header tshark guesses no FCS.
        Assert.False(Cut(frame, 63, 42, guessesFcs: false));
        // A frame of 63 bytes is too short for the guess.
        var shorter = UdpWithTrailer(Concat(new byte[18], Hex("070707")));
        Assert.False(Cut(shorter, 62, 42));
    }

    [Fact]
    public void VssMonitoringReadsItsTimeStamp()
    {
        // A trailer of 8 bytes after the padding: VSS Monitoring reads a time stamp from it whatever it holds.
        var near = UdpWithTrailer(Concat(new byte[18], Stamp((uint)Seconds)));
        Assert.True(Cut(near, 65, 42));
        Assert.False(Cut(near, 68, 42));
        // A 9-byte trailer with a time stamp it takes: the port stamp is read too.
        var port = UdpWithTrailer(Concat(new byte[18], Stamp(16), Hex("03")));
        Assert.True(Cut(port, 68, 42));
        Assert.False(Cut(port, 69, 42));
        // A stamp cut short is read all the same, and fails; a whole one 40 days off is refused (its port stamp is not read),
        // and the frame's FCS guess then reads the last 4 bytes.
        var far = UdpWithTrailer(Concat(new byte[18], Stamp((uint)(Seconds - 40 * 86400)), Hex("03")));
        Assert.True(Cut(far, 67, 42, guessesFcs: false));
        Assert.True(Cut(far, 68, 42));
        Assert.False(Cut(far, 68, 42, guessesFcs: false));
        // A zero stamp is refused too (its port stamp is then not read), and lengths VSS Monitoring never has (10 bytes)
        // are not read at all.
        Assert.False(Cut(UdpWithTrailer(Concat(new byte[18], new byte[8], Hex("03"))), 68, 42, guessesFcs: false));
        Assert.False(Cut(UdpWithTrailer(Concat(new byte[18], Stamp(16), Hex("0303"))), 66, 42, guessesFcs: false));
    }

    private static EthernetTrailerSplit Split(byte[] frame, EthernetFcsMode fcs = EthernetFcsMode.Guessed) =>
        EthernetTrailer.Split(frame, 42, frame.Length, frame.Length, fcs, frame.Length, Seconds);

    /// <summary>A trailer that ends in a length byte, a signature and the Internet checksum of what comes before it.</summary>
    private static byte[] Summed(ushort signature)
    {
        var body = Concat(Hex("010205dc"), [4], [(byte)(signature >> 8), (byte)signature]);
        ushort sum = RawNet.Protocols.Checksums.InternetChecksum.Compute(body);
        return Concat(body, [(byte)(sum >> 8), (byte)sum]);
    }

    [Fact]
    public void SplitShowsPaddingTrailerAndGuessedFcs()
    {
        Assert.Equal(new EthernetTrailerSplit(18, 0, false, EthernetTrailerClaim.None, false), Split(UdpWithTrailer(new byte[18])));
        Assert.Equal(new EthernetTrailerSplit(18, 0, true, EthernetTrailerClaim.None, false), Split(UdpWithTrailer(Concat(new byte[18], Hex("deadbeef")))));
        Assert.Equal(new EthernetTrailerSplit(18, 5, true, EthernetTrailerClaim.None, false), Split(UdpWithTrailer(Concat(new byte[18], Hex("deadbeef010203040506")[..9]))));
        // Non-zero padding is a trailer; behind a VLAN tag (no FCS) all of it.
        Assert.Equal(new EthernetTrailerSplit(0, 18, true, EthernetTrailerClaim.None, false), Split(UdpWithTrailer(Concat(Hex("01"), new byte[21]))));
        Assert.Equal(new EthernetTrailerSplit(0, 22, false, EthernetTrailerClaim.None, false), Split(UdpWithTrailer(Concat(Hex("01"), new byte[21])), EthernetFcsMode.None));
        // A frame under 60 bytes has no padding, one under 64 no FCS.
        Assert.Equal(new EthernetTrailerSplit(0, 3, false, EthernetTrailerClaim.None, false), Split(UdpWithTrailer(new byte[3])));
    }

    [Fact]
    public void SummedTrailersAreTakenByTheirHeuristics()
    {
        Assert.Equal(EthernetTrailerClaim.Ixia, Split(UdpWithTrailer(Concat(new byte[18], Summed(0xAF12)))).Claim);
        Assert.Equal(EthernetTrailerClaim.Ixia, Split(UdpWithTrailer(Concat(new byte[18], Summed(0xAF12), Hex("01020304")))).Claim);
        Assert.Equal(EthernetTrailerClaim.Gigamon, Split(UdpWithTrailer(Concat(new byte[18], Summed(0x22E5), Hex("01020304")))).Claim);
        var claimed = Split(UdpWithTrailer(Concat(new byte[18], Summed(0x22E5))));
        Assert.Equal((18, 0, false), (claimed.Padding, claimed.Trailer, claimed.Fcs));
        // A checksum off by a bit is a plain trailer and FCS.
        var bad = Summed(0xAF12);
        bad[^1] ^= 1;
        Assert.Equal(new EthernetTrailerSplit(18, 5, true, EthernetTrailerClaim.None, false), Split(UdpWithTrailer(Concat(new byte[18], bad))));
    }

    [Fact]
    public void HostileBoundsReadNothing()
    {
        var frame = UdpWithTrailer(new byte[18]);
        Assert.False(EthernetTrailer.ReadsPastCapture(frame, 60, 60, 60, true, 60, Seconds));
        Assert.False(EthernetTrailer.ReadsPastCapture(frame, 61, 60, 60, true, 60, Seconds));
        Assert.False(EthernetTrailer.ReadsPastCapture([], 0, 0, 0, true, 0, Seconds));
        Assert.True(EthernetTrailer.ReadsPastCapture([], 0, 70, 70, true, 70, Seconds));
    }

    [Fact]
    public void DecoderMarksCutTrailersOnly()
    {
        var padded = UdpWithTrailer(new byte[18]);
        var cut = Decode.Frame(padded[..50], LinkType.Ethernet, originalLength: padded.Length);
        Assert.True(cut.TrailerCut);
        Assert.Equal(DecodeOutcome.Truncated, cut.Outcome);
        Assert.Equal(PacketDecoder.TrailerCutReason, cut.StopReason);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp], Decode.Kinds(cut));

        var trailer = UdpWithTrailer(Enumerable.Repeat((byte)5, 18).ToArray());
        var kept = Decode.Frame(trailer[..50], LinkType.Ethernet, originalLength: trailer.Length);
        Assert.False(kept.TrailerCut);
        Assert.Equal(DecodeOutcome.Ok, kept.Outcome);

        // The capture ending where IPv4 ends hands tshark no trailer.
        var none = Decode.Frame(padded[..42], LinkType.Ethernet, originalLength: padded.Length);
        Assert.False(none.TrailerCut);
    }

    [Fact]
    public void Ieee8023FrameCutBeforeItsLengthEndsIsCut()
    {
        // An 802.3 frame with LLC on a SAP nobody decodes, 13 bytes by its length, then 4 bytes of trailer.
        var frame = Concat(Mac(Mac1), Mac(Mac2), U16(13), Hex("121203"), new byte[10], Hex("05050505"));
        var inside = Decode.Frame(frame[..20], LinkType.Ethernet, originalLength: frame.Length);
        Assert.True(inside.TrailerCut);
        // A frame under 60 bytes: a cut trailer is read by nothing.
        var trailer = Decode.Frame(frame[..29], LinkType.Ethernet, originalLength: frame.Length);
        Assert.False(trailer.TrailerCut);
    }

    [Fact]
    public void Ipv6BehindIpv4EtherTypeShowsIpVersionTwice()
    {
        var ipv6 = Ipv6Packet(IpProtocol.Udp, UdpDatagram(1234, 9, "hi"u8.ToArray()));
        var frame = EthernetFrame(EtherType.Ipv4, ipv6);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(LayerKind.Ipv6, packet[2].Kind);
        Assert.NotEqual(0, packet[2].Detail & Ipv6LayerDetail.HandedOnByIpv4);
        Assert.Equal("6,6", Decode.Field(packet, frame, "ip.version"));
        Assert.Equal("6", Decode.Field(packet, frame, "ipv6.version"));
        // One byte of it is enough for both.
        var cut = Decode.Frame(frame[..15], LinkType.Ethernet, originalLength: frame.Length);
        Assert.Equal("6,6", Decode.Field(cut, frame[..15], "ip.version"));

        // IPv6's own EtherType, and PPP's IPv4 protocol (tshark's version-sniffing "ip" dissector), add it once.
        var own = EthernetFrame(EtherType.Ipv6, ipv6);
        Assert.Equal("6", Decode.Field(Decode.Frame(own, LinkType.Ethernet), own, "ip.version"));
        var ppp = Concat(Hex("ff030021"), ipv6);
        Assert.Equal("6", Decode.Field(Decode.Frame(ppp, LinkType.Ppp), ppp, "ip.version"));
    }
}
