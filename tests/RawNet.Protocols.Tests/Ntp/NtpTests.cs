using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ntp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ntp;

public class NtpTests
{
    /// <summary>A 48-byte time header: version 4 and <paramref name="mode"/>, stratum 2, poll 6, precision -20, and <paramref name="extra"/> after it.</summary>
    public static byte[] Message(byte mode = 3, byte stratum = 2, string refid = "c0000201", ulong transmit = 0xe8b3a4c51f9db22dUL, string extra = "")
    {
        var header = new byte[48];
        header[0] = (byte)(0x20 | mode);
        header[1] = stratum;
        header[2] = 6;
        header[3] = unchecked((byte)-20);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 0x00012345);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), 0x00000abc);
        Hex(refid).CopyTo(header, 12);
        BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(40), transmit);
        return Concat(header, Hex(extra));
    }

    /// <summary>An Ethernet frame with IPv4 and UDP from <paramref name="source"/> to port 123 around <paramref name="message"/>.</summary>
    public static byte[] Frame(byte[] message, ushort source = 49152, ushort destination = NtpPorts.Ntp) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(source, destination, message)));

    [Fact]
    public void Deconstruct()
    {
        var message = Message(mode: 4);
        Assert.Equal(4, NtpMessage.VersionOf(message[0]));
        Assert.Equal(4, NtpMessage.ModeOf(message[0]));
        Assert.Equal("NTP Version 4", NtpMessage.VersionName(4));
        Assert.Equal("reserved", NtpMessage.VersionName(7));
        Assert.Equal("server", NtpMessage.ModeName(4));
        Assert.Equal("PEER_INFO", NtpMessage.PrivateRequestName(2));
        Assert.Equal("Unknown", NtpMessage.PrivateRequestName(200));
        // Eras: seconds with the top bit count from 1900, the others from 2036; zero is tshark's NULL.
        Assert.Equal((0L, 0), NtpMessage.TimeOf(0));
        Assert.Equal((0L, 0), NtpMessage.TimeOf(1));
        Assert.Equal((2085978496L, 500000000), NtpMessage.TimeOf(0x80000000));
        Assert.Equal((-61505152L, 0), NtpMessage.TimeOf(0x80000000UL << 32));
        Assert.Equal((2085978596L, 0), NtpMessage.TimeOf(100UL << 32));
    }

    [Fact]
    public void AServerReplyShowsItsHeader()
    {
        var frame = Frame(Message(mode: 4), NtpPorts.Ntp, 49152);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Ntp], Decode.Kinds(packet));
        Assert.Equal("0x24", Decode.Field(packet, frame, "ntp.flags"));
        Assert.Equal("0", Decode.Field(packet, frame, "ntp.flags.li"));
        Assert.Equal("4", Decode.Field(packet, frame, "ntp.flags.vn"));
        Assert.Equal("4", Decode.Field(packet, frame, "ntp.flags.mode"));
        Assert.Equal("2", Decode.Field(packet, frame, "ntp.stratum"));
        Assert.Equal("236", Decode.Field(packet, frame, "ntp.precision"));
        Assert.Equal("74565", Decode.Field(packet, frame, "ntp.rootdelay"));
        Assert.Equal("c0000201", Decode.Field(packet, frame, "ntp.refid"));
        Assert.Equal("NULL", Decode.Field(packet, frame, "ntp.reftime"));
        Assert.Equal("Sep 19, 2023 04:40:37.123499999 UTC", Decode.Field(packet, frame, "ntp.xmt"));
        Assert.Null(Decode.Field(packet, frame, "ntp.keyid"));
    }

    [Fact]
    public void ExtensionFieldsAndMacAreTellApartAsTsharkGuesses()
    {
        // Two extension fields, then a key ID and a 16-byte digest.
        var frame = Frame(Message(extra: "01040010 616161616161616161616161 02040010 626262626262626262626262 0000002a" + new string('6', 32)));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("0x0104,0x0204", Decode.Field(packet, frame, "ntp.ext.type"));
        Assert.Equal("16,16", Decode.Field(packet, frame, "ntp.ext.length"));
        Assert.Equal("0000002a", Decode.Field(packet, frame, "ntp.keyid"));
        Assert.Equal(new string('6', 32), Decode.Field(packet, frame, "ntp.mac"));
        // A field followed by fewer than 20 bytes is the MAC after all.
        frame = Frame(Message(extra: "01040010 616161616161616161616161 0000000000000000"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Null(Decode.Field(packet, frame, "ntp.ext"));
        Assert.Equal("01040010", Decode.Field(packet, frame, "ntp.keyid"));
        // A 4-byte crypto-NAK of zeros keeps the field.
        frame = Frame(Message(extra: "01040010 616161616161616161616161 00000000"));
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("1", Decode.Field(packet, frame, "ntp.ext"));
        Assert.Equal("00000000", Decode.Field(packet, frame, "ntp.keyid"));
    }

    [Fact]
    public void ControlAndPrivateMessagesShowTheirHeaders()
    {
        var frame = Frame(Hex("16 81 0007 0618 0000 0000 0004 04d2 9614"), NtpPorts.Ntp);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("0x81", Decode.Field(packet, frame, "ntp.ctrl.flags2"));
        Assert.Equal("1", Decode.Field(packet, frame, "ntp.ctrl.flags2.opcode"));
        Assert.Equal("0x0618,0x9614", Decode.Field(packet, frame, "ntp.ctrl.status"));
        Assert.Equal("0,1234", Decode.Field(packet, frame, "ntp.ctrl.associd"));
        frame = Frame(Hex("97 00 03 04 0000 0000"), NtpPorts.Ntp);
        packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("1", Decode.Field(packet, frame, "ntp.priv.flags.r"));
        Assert.Null(Decode.Field(packet, frame, "ntp.flags.li"));
        Assert.Equal("4", Decode.Field(packet, frame, "ntp.priv.reqcode"));
        Assert.Equal("0", Decode.Field(packet, frame, "ntp.priv.numitems"));
    }

    [Fact]
    public void AShortMessageIsMalformedAndASnapCutOneTruncated()
    {
        var frame = Frame(Message()[..30]);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[4].Status);
        Assert.Equal("NULL", Decode.Field(packet, frame, "ntp.reftime"));
        Assert.Null(Decode.Field(packet, frame, "ntp.org"));
        var full = Frame(Message());
        frame = full[..(42 + 20)];
        packet = Decode.Frame(frame, LinkType.Ethernet, originalLength: full.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal("c0000201", Decode.Field(packet, frame, "ntp.refid"));
        Assert.Null(Decode.Field(packet, frame, "ntp.reftime"));
    }

    [Fact]
    public void TheLowerPortDecidesAsInTshark()
    {
        // From Geneve's port: tshark tries 123 first and NTP takes anything; from Kerberos's 88, Kerberos refuses it.
        var packet = Decode.Frame(Frame(Message(), 6081), LinkType.Ethernet);
        Assert.Equal(LayerKind.Ntp, packet[4].Kind);
        packet = Decode.Frame(Frame(Message(), 88), LinkType.Ethernet);
        Assert.Equal(LayerKind.Ntp, packet[4].Kind);
    }

    [Fact]
    public void EveryPrefixDecodesWithoutException()
    {
        string[] names = ["ntp.flags", "ntp.refid", "ntp.xmt", "ntp.ext.value", "ntp.keyid", "ntp.mac", "ntp.ctrl.status", "ntp.priv.tstamp"];
        byte[][] messages =
        [
            Message(extra: "01040010 616161616161616161616161 0000002a" + new string('6', 32)),
            Hex("16 81 0007 0618 0000 0000 0006 04d2 9614 0001"),
            Concat(Hex("17 80 02 04"), new byte[200]),
        ];
        // every capture cut, and every length the datagram itself could end at (malformed, never an exception)
        foreach (var message in messages)
            Decode.FieldsAtEveryCut(message, m => Frame(m), names);
    }

    [Fact]
    public void TheWalksAreBoundedByTheMessage()
    {
        // 4,000 extension fields of 16 bytes each, and a READSTAT count whose 16-bit remainder wraps: both end.
        var message = Message(extra: string.Concat(Enumerable.Repeat("01040010 000000000000000000000000", 4000)));
        Assert.Equal(NtpWalkStatus.Complete, NtpWalk.StatusOf(message, message.Length, out _));
        var control = Hex("16 81 0001 0000 0000 0000 0006 0001 0002 0003");
        Assert.Equal(NtpWalkStatus.Malformed, NtpWalk.StatusOf(control, control.Length, out _));
    }
}
