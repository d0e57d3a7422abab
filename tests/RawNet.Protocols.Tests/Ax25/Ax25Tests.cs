using RawNet.Protocols.Ax25;
using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ax25;

public class Ax25Tests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>An AX.25 address: the callsign's characters shifted left one bit, then the SSID byte.</summary>
    public static byte[] Address(string callsign, int ssid = 0, bool last = false, bool bit = false)
    {
        var address = new byte[7];
        for (int i = 0; i < 6; i++)
            address[i] = (byte)((i < callsign.Length ? callsign[i] : ' ') << 1);
        address[6] = (byte)(0x60 | (ssid << 1) | (bit ? 0x80 : 0) | (last ? 1 : 0));
        return address;
    }

    /// <summary>An AX.25 frame from QST to N0CALL-1 (a V2 command, or a response), through <paramref name="vias"/> digipeaters.</summary>
    public static byte[] Frame(byte control, byte? pid, byte[] payload, int vias = 0, bool response = false)
    {
        var header = Concat(Address("QST", 0, bit: !response), Address("N0CALL", 1, last: vias == 0, bit: response));
        for (int i = 0; i < vias; i++)
            header = Concat(header, Address("WIDE" + i % 10, i % 16, last: i == vias - 1));
        return Concat(header, pid is { } p ? [control, p] : [control], payload);
    }

    /// <summary>ARP with AX.25 hardware addresses and IPv4 protocol addresses.</summary>
    public static byte[] Arp(ushort operation) =>
        Concat(U16(3), U16(0x0800), [7, 4], U16(operation), Address("N0CALL", 1), [44, 1, 2, 3], Address(""), [44, 4, 5, 6]);

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(0x03, 0xCC, Udp4, vias: 2);
        Assert.True(Ax25Header.TryRead(frame, out var header));
        Assert.Equal(2, header.Layout.Digipeaters);
        Assert.Equal(28, header.Layout.ControlOffset);
        Assert.Equal(29, header.Layout.PidOffset);
        Assert.Equal(30, header.Layout.Length);
        Assert.Equal(0x03, header.Control);
        Assert.True(header.HasPid);
        Assert.Equal(0xCC, header.Pid);
        Assert.False(header.IsResponse);
        Assert.True(Ax25Header.IsVersion2(frame));
        Assert.Equal(Address("QST", bit: true), header.Destination.ToArray());
        Assert.Equal(Address("N0CALL", 1), header.Source.ToArray());
        Assert.True(Ax25Header.TryRead(Frame(0x73, null, [], response: true), out var ua));
        Assert.True(ua.IsResponse);
        Assert.False(ua.HasPid);
        Assert.False(Ax25Header.TryRead(frame.AsSpan(0, 29), out _));
    }

    [Fact]
    public void KissHeaderViews()
    {
        Assert.True(Ax25KissHeader.TryRead([0x31, 50], out var kiss));
        Assert.Equal(Ax25KissHeader.TxDelay, kiss.Command);
        Assert.Equal(3, kiss.Port);
        Assert.Equal(2, kiss.Length);
        Assert.False(kiss.CarriesFrame);
        Assert.False(Ax25KissHeader.TryRead([0x01], out _));
        Assert.False(Ax25KissHeader.TryRead([0x0C, 0x12], out _));
        Assert.True(Ax25KissHeader.TryRead([0x06, 1, 2, 3], out var hardware));
        Assert.Equal(4, hardware.Length);
        Assert.True(Ax25KissHeader.TryRead([0x0C, 1, 2], out var ack));
        Assert.True(ack.CarriesFrame);
        Assert.Equal("Data frame ack", Ax25KissHeader.CommandName(12));
        Assert.Null(Ax25KissHeader.CommandName(7));
    }

    [Fact]
    public void UiFrameCarriesIpAndArp()
    {
        var frame = Frame(0x03, 0xCC, Udp4);
        var packet = Decode.Frame(frame, LinkType.Ax25);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ax25, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("a2:a6:a8:40:40:40:e0", Decode.Field(packet, frame, "ax25.dst"));
        Assert.Equal("9c:60:86:82:98:98:63", Decode.Field(packet, frame, "ax25.src"));
        Assert.Equal("0x03", Decode.Field(packet, frame, "ax25.ctl"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "ax25.ctl.u_cmd"));
        Assert.Equal("0x03", Decode.Field(packet, frame, "ax25.ctl.ftype_su"));
        Assert.Equal("0xcc", Decode.Field(packet, frame, "ax25.pid"));
        Assert.Null(Decode.Field(packet, frame, "ax25.ctl.n_r"));
        // IPv6 under the IP protocol ID, as tshark's version-sniffing ip dissector reads it
        Assert.Equal(LayerKind.Ipv6, Decode.Frame(Frame(0x03, 0xCC, Tcp6), LinkType.Ax25)[2].Kind);
        var arp = Frame(0x03, 0xCD, Arp(2));
        packet = Decode.Frame(arp, LinkType.Ax25);
        Assert.Equal([LayerKind.Frame, LayerKind.Ax25, LayerKind.Arp], Decode.Kinds(packet));
        Assert.Equal("9c:60:86:82:98:98:62", Decode.Field(packet, arp, "arp.src.hw_ax25"));
        Assert.Equal("40:40:40:40:40:40:60", Decode.Field(packet, arp, "arp.dst.hw_ax25"));
        Assert.Equal("44.4.5.6", Decode.Field(packet, arp, "arp.dst.proto_ipv4"));
        Assert.Null(Decode.Field(packet, arp, "arp.src.hw_mac"));
        // a cut ARP shows no field: tshark formats every address first
        var cut = arp[..^3];
        Assert.Null(Decode.Field(Decode.Frame(cut, LinkType.Ax25), cut, "arp.opcode"));
    }

    [Fact]
    public void ControlFieldsFollowTheFrameType()
    {
        var info = Frame(0xB4, 0x42, [1, 2]); // I, N(R)=5, P, N(S)=2, an unknown protocol ID
        var packet = Decode.Frame(info, LinkType.Ax25);
        Assert.Equal([LayerKind.Frame, LayerKind.Ax25, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal("5", Decode.Field(packet, info, "ax25.ctl.n_r"));
        Assert.Equal("2", Decode.Field(packet, info, "ax25.ctl.n_s"));
        Assert.Equal("1", Decode.Field(packet, info, "ax25.ctl.p"));
        Assert.Equal("0x00", Decode.Field(packet, info, "ax25.ctl.ftype_i"));
        Assert.Null(Decode.Field(packet, info, "ax25.ctl.ftype_su"));
        var reject = Frame(0xF9, null, [], response: true); // S F, REJ, N(R)=7
        packet = Decode.Frame(reject, LinkType.Ax25);
        Assert.Equal("7", Decode.Field(packet, reject, "ax25.ctl.n_r"));
        Assert.Equal("1", Decode.Field(packet, reject, "ax25.ctl.f"));
        Assert.Null(Decode.Field(packet, reject, "ax25.ctl.p"));
        Assert.Equal("0x02", Decode.Field(packet, reject, "ax25.ctl.ftype_s"));
        Assert.Equal("0x01", Decode.Field(packet, reject, "ax25.ctl.ftype_su"));
        Assert.Null(Decode.Field(packet, reject, "ax25.pid"));
        var dm = Frame(0x1F, null, [9, 9], response: true); // U F, DM, and bytes tshark does not read
        packet = Decode.Frame(dm, LinkType.Ax25);
        Assert.Equal([LayerKind.Frame, LayerKind.Ax25], Decode.Kinds(packet));
        Assert.Equal("0x03", Decode.Field(packet, dm, "ax25.ctl.u_resp"));
        Assert.Null(Decode.Field(packet, dm, "ax25.ctl.u_cmd"));
        // UI with the poll bit carries no protocol ID
        Assert.Null(Decode.Field(Decode.Frame(Frame(0x13, null, [0xCC]), LinkType.Ax25), Frame(0x13, null, [0xCC]), "ax25.pid"));
    }

    [Fact]
    public void DigipeatersPastEightAreWalkedButNotShown()
    {
        var frame = Frame(0x03, 0xF0, [(byte)'h', (byte)'i'], vias: 10);
        var packet = Decode.Frame(frame, LinkType.Ax25);
        Assert.Equal([LayerKind.Frame, LayerKind.Ax25, LayerKind.Ax25NoL3, LayerKind.Payload], Decode.Kinds(packet));
        Assert.NotNull(Decode.Field(packet, frame, "ax25.via8"));
        Assert.Equal("0xf0", Decode.Field(packet, frame, "ax25.pid"));
        Assert.Equal(14 + 70 + 2, packet[2].Offset);
        // no address ends the list: the walk stops at the frame's end
        var endless = Concat(Address("QST"), Address("N0CALL"), Address("A"), Address("B"), [0x00]);
        packet = Decode.Frame(endless, LinkType.Ax25);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[1].Status);
        Assert.NotNull(Decode.Field(packet, endless, "ax25.via2"));
        Assert.Null(Decode.Field(packet, endless, "ax25.ctl"));
    }

    [Fact]
    public void KissCarriesAx25AfterDataFrames()
    {
        var ax25 = Frame(0x03, 0xCC, Udp4);
        var data = Concat([0x10], ax25);
        var packet = Decode.Frame(data, LinkType.Ax25Kiss);
        Assert.Equal([LayerKind.Frame, LayerKind.Ax25Kiss, LayerKind.Ax25, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0", Decode.Field(packet, data, "ax25_kiss.cmd"));
        Assert.Equal("0", Decode.Field(packet, data, "ax25_kiss.port")); // tshark's port item is always 0
        var ack = Concat([0x0C, 0x12, 0x34], ax25);
        packet = Decode.Frame(ack, LinkType.Ax25Kiss);
        Assert.Equal(3, packet[2].Offset);
        Assert.Equal("18", Decode.Field(packet, ack, "ax25_kiss.data_ack"));
        byte[] delay = [0x01, 50, 7, 7];
        packet = Decode.Frame(delay, LinkType.Ax25Kiss);
        Assert.Equal([LayerKind.Frame, LayerKind.Ax25Kiss], Decode.Kinds(packet));
        Assert.Equal("50", Decode.Field(packet, delay, "ax25_kiss.txdelay"));
        byte[] hardware = [0x06, 0xAB, 0xCD];
        Assert.Equal("abcd", Decode.Field(Decode.Frame(hardware, LinkType.Ax25Kiss), hardware, "ax25_kiss.sethardware"));
        // a parameter tshark reads first is missing: no field at all
        packet = Decode.Frame([0x01], LinkType.Ax25Kiss);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Null(Decode.Field(packet, [0x01], "ax25_kiss.cmd"));
    }

    [Fact]
    public void ShortAndCutFrames()
    {
        Decode.EveryPrefix(Frame(0x03, 0xCC, Udp4, vias: 9), LinkType.Ax25);
        Decode.EveryPrefix(Frame(0x00, 0xCD, Arp(1), vias: 1), LinkType.Ax25);
        // (IPv4: with no byte of the payload, the version-sniffing dispatcher cannot tell IPv6)
        Decode.EveryPrefix(Concat([0x0C, 0x12, 0x34], Frame(0x03, 0xCC, Udp4)), LinkType.Ax25Kiss);
        var frame = Frame(0x03, 0xCC, Udp4);
        // 10 of 20 bytes captured: the source address was in the packet, so the cut is the capture's
        var packet = Decode.Frame(frame[..10], LinkType.Ax25, originalLength: frame.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal(LayerStatus.Truncated, packet[1].Status);
        Assert.NotNull(Decode.Field(packet, frame[..10], "ax25.dst"));
        Assert.Null(Decode.Field(packet, frame[..10], "ax25.src"));
        packet = Decode.Frame(frame[..15], LinkType.Ax25);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("0x03", Decode.Field(packet, frame[..15], "ax25.ctl"));
        Assert.Null(Decode.Field(packet, frame[..15], "ax25.pid"));
        Assert.Equal([LayerKind.Frame, LayerKind.Ax25], Decode.Kinds(Decode.Frame([], LinkType.Ax25)));
        Assert.Equal([LayerKind.Frame, LayerKind.Ax25Kiss], Decode.Kinds(Decode.Frame([], LinkType.Ax25Kiss)));
        Assert.Equal([LayerKind.Frame, LayerKind.Ax25Kiss, LayerKind.Ax25], Decode.Kinds(Decode.Frame([0x00], LinkType.Ax25Kiss)));
    }

    [Fact]
    public void HostileFramesEndInBoundedTime()
    {
        var random = new Random(25);
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            var frame = new byte[random.Next(0, 400)];
            random.NextBytes(frame);
            // mostly addresses without their last bit, so the walk runs long
            for (int at = 6; at < frame.Length; at += 7)
                if (random.Next(8) != 0)
                    frame[at] &= 0xFE;
            var link = i % 2 == 0 ? LinkType.Ax25 : LinkType.Ax25Kiss;
            if (link == LinkType.Ax25Kiss && frame.Length > 0)
                frame[0] &= 0xF0;
            var packet = Decode.Frame(frame, link, originalLength: frame.Length + random.Next(0, 3));
            Decode.AllFields(packet, frame, text);
        }
    }
}
