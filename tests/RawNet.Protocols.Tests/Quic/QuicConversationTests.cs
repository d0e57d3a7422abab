using RawNet.Files;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Quic;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Quic;

/// <summary>tshark's QUIC state across packets: conversations taken as QUIC, their connections, the bound.</summary>
public class QuicConversationTests
{
    private static byte[] ToClient(byte[] payload, ushort clientPort = 50000) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(443, clientPort, payload), V4Dst, V4Src));

    private static byte[] ToServer(byte[] payload, ushort clientPort = 50000) =>
        EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(clientPort, 443, payload)));

    private static DecodedPacket Next(PacketDecoder decoder, byte[] frame, long number, DecodedPacket? packet = null)
    {
        packet ??= new DecodedPacket();
        decoder.Decode(frame, new FrameMetadata(1_700_000_000_000_000_000 + number, frame.Length, frame.Length, LinkType.Ethernet), number, packet);
        return packet;
    }

    [Fact]
    public void ServerHeaderProtectionMaskIsRfc9001s()
    {
        // RFC 9001 A.3: the server's Initial, keys from the client's DCID
        Span<byte> mask = stackalloc byte[5];
        Assert.True(QuicHeaderProtection.TryMask(1, Hex("8394c8f03e515708"), Hex("2cd0991cd25b0aac406a5816b6394100"), mask, server: true));
        Assert.Equal(Hex("2ec0d8356a"), mask.ToArray());
    }

    [Fact]
    public void LaterDatagramsOfTheConversationAreQuicBothWays()
    {
        var decoder = new PacketDecoder();
        var initial = ToServer(QuicTests.Initial());
        var first = Next(decoder, initial, 1);
        Assert.True(first.QuicState.Known);
        Assert.False(first.QuicState.FromServer);
        // a short header to the client, with the client's SCID: its DCID is shown
        var toClient = ToClient(Hex("41 0a0b0c0d 0102030405060708090a0b0c0d0e0f10"));
        var reply = Next(decoder, toClient, 2);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Quic], Decode.Kinds(reply));
        Assert.True(reply.QuicState.FromServer);
        Assert.Equal("0a0b0c0d", Decode.Field(reply, toClient, "quic.dcid"));
        Assert.Equal("0102030405060708090a0b0c0d0e0f10", Decode.Field(reply, toClient, "quic.remaining_payload"));
        // a short header to the server: the server's CID is not known yet, so no DCID
        var toServer = ToServer(Hex("41 0102030405060708090a0b0c0d0e0f10"));
        var up = Next(decoder, toServer, 3);
        Assert.Contains(LayerKind.Quic, Decode.Kinds(up));
        Assert.Null(Decode.Field(up, toServer, "quic.dcid"));
        // another conversation's short header stays data
        Assert.DoesNotContain(LayerKind.Quic, Decode.Kinds(Next(decoder, ToServer(Hex("41 0102030405060708090a0b0c0d0e0f10"), 50001), 4)));
    }

    [Fact]
    public void HandshakeInitialsAreDecryptedAndTheirCryptoHandedToTls()
    {
        var frames = Decoding.Samples.Read(Path.Combine(RawNet.Testing.TestPaths.Captures, "quic", "quic-handshake.pcap"));
        var decoder = new PacketDecoder();
        var kinds = new List<LayerKind[]>();
        var fields = new List<string?>();
        for (int i = 0; i < frames.Count; i++)
        {
            var packet = Next(decoder, frames[i].Data, i + 1);
            kinds.Add(Decode.Kinds(packet));
            fields.Add(Decode.Field(packet, frames[i].Data, "quic.frame_type"));
            if (i == 0)
            {
                Assert.Equal(LayerSource.QuicPlaintext, packet[packet.LayerCount - 1].Source);
                Assert.Equal("1", Decode.Field(packet, frames[i].Data, "tls.handshake.type"));
                Assert.Equal("quic.example", Decode.Field(packet, frames[i].Data, "tls.handshake.extensions_server_name"));
            }
        }
        // the client's Initial and the server's (ServerHello): TLS; the client's second Initial (ACK, PING): none
        Assert.Equal(LayerKind.Tls, kinds[0][^1]);
        Assert.Equal(LayerKind.Tls, kinds[1][^1]);
        Assert.Equal(LayerKind.Quic, kinds[2][^1]);
        Assert.Equal(["6,0", "2,6", "2,1", null, null, null, "6,0", "2,28", null], fields);
    }

    [Fact]
    public void WithoutSessionsNothingIsRemembered()
    {
        var decoder = new PacketDecoder(DecoderOptions.Default with { FollowSessions = false });
        Next(decoder, ToServer(QuicTests.Initial()), 1);
        Assert.DoesNotContain(LayerKind.Quic, Decode.Kinds(Next(decoder, ToClient(Hex("41 0a0b0c0d 0102030405060708")), 2)));
    }

    [Fact]
    public void AFloodOfConversationsStaysWithinTheBoundAndEvictsTheOldest()
    {
        var table = new QuicConversations(8);
        var state = QuicConnectionState.None;
        var initial = QuicTests.Initial();
        ConversationKey Key(int i) => ConversationKey.Of(Hex("c0000201"), (ushort)(1000 + i), Hex("c6336402"), 443, out _);
        for (int i = 0; i < 100; i++)
        {
            table.Take(Key(i), true, initial, ref state);
            Assert.True(state.Known);
            Assert.True(table.Count <= 8);
        }
        Assert.Equal(8, table.Count);
        Assert.Equal(92, table.Evicted);
        Assert.False(table.IsQuic(Key(0)));
        Assert.False(table.IsQuic(Key(91)));
        Assert.True(table.IsQuic(Key(92)));
        Assert.True(table.IsQuic(Key(99)));
    }

    [Fact]
    public void TheDecodersTableIsBounded()
    {
        // twice as many conversations as the decoder keeps (on ports no other protocol has): the first one is forgotten
        // (its short headers are data again), the last one is not
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        int count = 2 * QuicConversations.DefaultCapacity;
        for (int i = 0; i < count; i++)
            Next(decoder, ToServer(QuicTests.Initial(), (ushort)(30000 + i)), i + 1, packet);
        var shortHeader = Hex("41 0a0b0c0d 0102030405060708");
        Assert.DoesNotContain(LayerKind.Quic, Decode.Kinds(Next(decoder, ToClient(shortHeader, 30000), count + 1)));
        Assert.Contains(LayerKind.Quic, Decode.Kinds(Next(decoder, ToClient(shortHeader, (ushort)(30000 + count - 1)), count + 2)));
    }
}

/// <summary>The Initial packet protection: RFC 9001's keys, GCM as .NET's AesGcm computes it, damaged tags refused.</summary>
public class QuicPacketProtectionTests
{
    [Fact]
    public void InitialKeysAreRfc9001s()
    {
        // RFC 9001 A.1
        Span<byte> key = stackalloc byte[16];
        Span<byte> iv = stackalloc byte[12];
        Assert.True(QuicHeaderProtection.TryPacketKeys(1, Hex("8394c8f03e515708"), false, key, iv));
        Assert.Equal(Hex("1f369613dd76d5467730efcbe3b1a22d"), key.ToArray());
        Assert.Equal(Hex("fa044b2f42a3fd3b46fb255c"), iv.ToArray());
        Assert.True(QuicHeaderProtection.TryPacketKeys(1, Hex("8394c8f03e515708"), true, key, iv));
        Assert.Equal(Hex("cf3a5331653c364c88f0f379b6067e37"), key.ToArray());
        Assert.Equal(Hex("0ac1493ca1905853b0bba03e"), iv.ToArray());
        Assert.False(QuicHeaderProtection.TryPacketKeys(0xabcdef01, Hex("8394c8f03e515708"), true, key, iv));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 20)]
    [InlineData(16, 33)]
    [InlineData(1162, 47)]
    public void OpensWhatAesGcmSeals(int length, int headerLength)
    {
        var random = new Random(length * 31 + headerLength);
        var dcid = new byte[8];
        random.NextBytes(dcid);
        var header = new byte[headerLength];
        random.NextBytes(header);
        var plain = new byte[length];
        random.NextBytes(plain);
        ulong number = (ulong)random.Next();
        foreach (bool server in new[] { false, true })
        {
            var key = new byte[16];
            var nonce = new byte[12];
            Assert.True(QuicHeaderProtection.TryPacketKeys(1, dcid, server, key, nonce));
            for (int i = 0; i < 8; i++)
                nonce[11 - i] ^= (byte)(number >> (8 * i));
            var sealedPayload = new byte[length + 16];
            using (var gcm = new System.Security.Cryptography.AesGcm(key, 16))
                gcm.Encrypt(nonce, plain, sealedPayload.AsSpan(0, length), sealedPayload.AsSpan(length), header);
            var opened = new byte[length];
            Assert.True(QuicPacketProtection.TryOpenInitial(1, dcid, server, number, header, sealedPayload, opened));
            Assert.Equal(plain, opened);
            // the other side's keys, another packet number, a changed header or tag: refused
            Assert.False(QuicPacketProtection.TryOpenInitial(1, dcid, !server, number, header, sealedPayload, opened));
            Assert.False(QuicPacketProtection.TryOpenInitial(1, dcid, server, number + 1, header, sealedPayload, opened));
            sealedPayload[^1] ^= 1;
            Assert.False(QuicPacketProtection.TryOpenInitial(1, dcid, server, number, header, sealedPayload, opened));
        }
        Assert.False(QuicPacketProtection.TryOpenInitial(1, dcid, false, number, header, new byte[15], new byte[0]));
    }
}
