using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Docsis;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Docsis;

public class DocsisTests
{
    private static readonly byte[] Udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3]));
    private static readonly byte[] Tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x02, [], []));

    /// <summary>
    /// A DOCSIS MAC frame: FC of <paramref name="type"/> and <paramref name="parameter"/> (EHDR_ON with an extended header),
    /// MAC_PARM (the extended header's length when there is one), LEN (the bytes after it unless given), the extended header,
    /// the HCS (broken when asked) and the PDU.
    /// </summary>
    public static byte[] Frame(byte type, byte[] pdu, byte[]? extended = null, byte parameter = 0, byte macParm = 0, int? length = null,
        bool badHcs = false)
    {
        extended ??= [];
        byte fc = (byte)((type << 6) | (parameter << 1) | (extended.Length > 0 ? 1 : 0));
        byte mac = extended.Length > 0 ? (byte)extended.Length : macParm;
        var header = Concat([fc, mac], U16((ushort)(length ?? extended.Length + 2 + pdu.Length)), extended);
        var hcs = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(hcs, Crc16.Compute(header));
        if (badHcs)
            hcs[0] ^= 0x5A;
        return Concat(header, hcs, pdu);
    }

    [Fact]
    public void Crc16IsX25()
    {
        Assert.Equal(0x906E, Crc16.Compute("123456789"u8));
        Assert.Equal(0, Crc16.Compute([]));
    }

    [Fact]
    public void Deconstruct()
    {
        var frame = Frame(DocsisHeader.TypeIsolation, [1, 2, 3], extended: [0x43, 0x12, 0x34, 0x56], parameter: 5);
        Assert.True(DocsisHeader.TryRead(frame, out var header));
        Assert.Equal(DocsisHeader.TypeIsolation, header.FrameType);
        Assert.Equal(5, header.FrameParameter);
        Assert.True(header.HasExtendedHeader);
        Assert.Equal(4, header.MacParm);
        Assert.Equal(9, header.Length);
        Assert.Equal(10, header.HeaderLength);
        Assert.Equal(3, header.PduLength);
        Assert.False(DocsisHeader.TryRead(frame.AsSpan(0, 3), out _));
        Assert.True(DocsisFieldReader.HcsGood(frame, 8));
    }

    [Fact]
    public void DataPduCarriesEthernetWithoutFcs()
    {
        var frame = Frame(DocsisHeader.TypePacket, EthernetFrame(EtherType.Ipv4, Udp4));
        var packet = Decode.Frame(frame, LinkType.Docsis);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Docsis, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Payload], Decode.Kinds(packet));
        Assert.Equal("0x00", Decode.Field(packet, frame, "docsis.fctype"));
        Assert.Equal("0", Decode.Field(packet, frame, "docsis.exthdr"));
        Assert.Equal("0x00", Decode.Field(packet, frame, "docsis.macparm"));
        Assert.Null(Decode.Field(packet, frame, "docsis.ehdrlen"));
        Assert.Equal((frame.Length - 4).ToString(), Decode.Field(packet, frame, "docsis.len"));
        Assert.Equal($"0x{BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(4)):x4}", Decode.Field(packet, frame, "docsis.hcs"));
        Assert.Equal("1", Decode.Field(packet, frame, "docsis.hcs.status"));
        Assert.Null(Decode.Field(packet, frame, "eth.fcs"));
        Assert.Equal(6, packet[2].Offset);
    }

    [Fact]
    public void ExtendedHeaderElementsAreWalkedAsTsharkDoes()
    {
        // a request, an acknowledgement, then a request of the wrong length, which ends the walk before the last element
        byte[] extended = [0x13, 0x05, 0x00, 0x12, 0x22, 0x00, 0x34, 0x12, 0x05, 0x00, 0x81, 0x40];
        var frame = Frame(DocsisHeader.TypePacket, EthernetFrame(EtherType.Ipv6, Tcp6), extended);
        var packet = Decode.Frame(frame, LinkType.Docsis);
        Assert.Equal([LayerKind.Frame, LayerKind.Docsis, LayerKind.Ethernet, LayerKind.Ipv6, LayerKind.Tcp], Decode.Kinds(packet));
        Assert.Equal("1", Decode.Field(packet, frame, "docsis.exthdr"));
        Assert.Equal("12", Decode.Field(packet, frame, "docsis.ehdrlen"));
        Assert.Null(Decode.Field(packet, frame, "docsis.macparm"));
        Assert.Equal("1,2,1", Decode.Field(packet, frame, "docsis.ehdr.type"));
        Assert.Equal("3,2,2", Decode.Field(packet, frame, "docsis.ehdr.len"));
        Assert.Equal(18, packet[2].Offset);
    }

    [Fact]
    public void EncryptedPduShowsItsAddressesOnly()
    {
        var ethernet = EthernetFrame(EtherType.Ipv4, Udp4);
        var frame = Frame(DocsisHeader.TypePacket, ethernet, [0x43, 0x12, 0xB4, 0x56]);
        var packet = Decode.Frame(frame, LinkType.Docsis);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Docsis], Decode.Kinds(packet));
        Assert.NotNull(Decode.Field(packet, frame, "eth.dst"));
        Assert.NotNull(Decode.Field(packet, frame, "eth.src"));
        // the same element with the enable bit clear hands the PDU on
        frame = Frame(DocsisHeader.TypePacket, ethernet, [0x43, 0x12, 0x34, 0x56]);
        Assert.Equal(LayerKind.Ethernet, Decode.Frame(frame, LinkType.Docsis)[2].Kind);
    }

    [Fact]
    public void BadHcsEndsTheFrame()
    {
        var frame = Frame(DocsisHeader.TypePacket, EthernetFrame(EtherType.Ipv4, Udp4), badHcs: true);
        var packet = Decode.Frame(frame, LinkType.Docsis);
        Assert.Equal([LayerKind.Frame, LayerKind.Docsis], Decode.Kinds(packet));
        Assert.Equal(ChecksumStatus.Bad, packet[1].Checksum);
        Assert.Equal("0", Decode.Field(packet, frame, "docsis.hcs.status"));
    }

    [Fact]
    public void OtherTypesAndLengths()
    {
        var ethernet = EthernetFrame(EtherType.Ipv4, Udp4);
        Assert.Equal([LayerKind.Frame, LayerKind.Docsis, LayerKind.Payload], Decode.Kinds(Decode.Frame(Frame(DocsisHeader.TypeReserved, ethernet), LinkType.Docsis)));
        Assert.Equal(LayerKind.Ethernet, Decode.Frame(Frame(DocsisHeader.TypeIsolation, ethernet), LinkType.Docsis)[2].Kind);
        // a LEN that leaves no PDU, and MAC_PARM counted against LEN without an extended header
        Assert.Equal([LayerKind.Frame, LayerKind.Docsis], Decode.Kinds(Decode.Frame(Frame(DocsisHeader.TypePacket, ethernet, length: 2), LinkType.Docsis)));
        Assert.Equal([LayerKind.Frame, LayerKind.Docsis], Decode.Kinds(Decode.Frame(Frame(DocsisHeader.TypePacket, ethernet, macParm: 0xFF, length: 0x100), LinkType.Docsis)));
        var mac = Decode.Frame(Frame(DocsisHeader.TypeMacSpecific, ethernet, parameter: 1), LinkType.Docsis);
        Assert.Equal(DecodeOutcome.Unsupported, mac.Outcome);
    }

    [Fact]
    public void ShortAndCutFrames()
    {
        var frame = Frame(DocsisHeader.TypePacket, EthernetFrame(EtherType.Ipv4, Udp4), [0x43, 0x12, 0x34, 0x56]);
        Decode.EveryPrefix(frame, LinkType.Docsis);
        Decode.EveryPrefix(Frame(DocsisHeader.TypePacket, EthernetFrame(EtherType.Ipv6, Tcp6)), LinkType.Docsis);
        var packet = Decode.Frame([0x00, 0x00, 0x00], LinkType.Docsis);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Null(Decode.Field(packet, [0x00, 0x00, 0x00], "docsis.fctype"));
        // FC, MAC_PARM and LEN are shown before the HCS is missed
        packet = Decode.Frame([0x00, 0x00, 0x00, 0x00], LinkType.Docsis);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("0", Decode.Field(packet, [0x00, 0x00, 0x00, 0x00], "docsis.len"));
        Assert.Null(Decode.Field(packet, [0x00, 0x00, 0x00, 0x00], "docsis.hcs"));
        // an element whose items run past the frame: its type is shown, the walk and the frame end there
        byte[] shortElement = [0x01, 0x04, 0x00, 0x40, 0x43, 0x12, 0x34, 0x56];
        packet = Decode.Frame(shortElement, LinkType.Docsis);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("4", Decode.Field(packet, shortElement, "docsis.ehdr.type"));
        // an extended header longer than the frame: no element at all
        byte[] longHeader = [0x01, 0x10, 0x00, 0x40, 0x43];
        Assert.Null(Decode.Field(Decode.Frame(longHeader, LinkType.Docsis), longHeader, "docsis.ehdr.type"));
    }

    [Fact]
    public void HostileExtendedHeadersEndInBoundedTime()
    {
        var random = new Random(143);
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            var frame = new byte[random.Next(0, 300)];
            random.NextBytes(frame);
            if (frame.Length > 0)
                frame[0] |= 1;
            var packet = Decode.Frame(frame, LinkType.Docsis, originalLength: frame.Length + random.Next(0, 3));
            Decode.AllFields(packet, frame, text);
        }
    }
}
