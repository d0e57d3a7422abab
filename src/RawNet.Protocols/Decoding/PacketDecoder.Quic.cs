using RawNet.Protocols.Conversations;
using RawNet.Protocols.Quic;

namespace RawNet.Protocols.Decoding;

// QUIC by tshark 4.0's UDP heuristic (quic), tried after Wake-on-LAN's and WireGuard's, and by the conversations it took.
public sealed partial class PacketDecoder
{
    // The UDP conversations tshark's QUIC heuristic took and their connections (bounded; DecoderOptions.FollowSessions).
    private readonly QuicConversations _quicConversations = new();

    /// <summary>
    /// A QUIC datagram the heuristic takes (<see cref="QuicPacket.IsTaken"/>): one layer over the whole payload, walked
    /// once as tshark adds its items (<see cref="QuicWalk"/>) to judge it: a read past the captured bytes is truncation,
    /// one past a packet or the datagram malformed. Its conversation is remembered as QUIC.
    /// </summary>
    /// <returns>False when the heuristic refuses the payload (nothing added).</returns>
    private bool TryDecodeQuic(in Span input, int offset, int capEnd, int repEnd, ushort sourcePort, ushort destinationPort)
    {
        var bytes = input.Bytes[offset..Math.Max(offset, Math.Min(capEnd, repEnd))];
        if (!QuicPacket.IsTaken(bytes))
            return false;
        DecodeQuic(input, offset, capEnd, repEnd, sourcePort, destinationPort);
        return true;
    }

    /// <summary>
    /// A datagram of a conversation tshark's QUIC heuristic took before: QUIC whatever it holds, as tshark's conversation
    /// dissector is tried before the ports and the heuristics. False when the conversation is not one (nothing added).
    /// </summary>
    private bool TryDecodeQuicConversation(in Span input, ushort sourcePort, ushort destinationPort, int offset, int capEnd, int repEnd)
    {
        if (input.Quoted || capEnd <= offset || !_options.FollowSessions || !TryIpAddresses(input, out var source, out var destination)
            || !_quicConversations.IsQuic(ConversationKey.Of(source, sourcePort, destination, destinationPort, out _)))
            return false;
        DecodeQuic(input, offset, capEnd, repEnd, sourcePort, destinationPort);
        return true;
    }

    private void DecodeQuic(in Span input, int offset, int capEnd, int repEnd, ushort sourcePort, ushort destinationPort)
    {
        int index = _packet.LayerCount;
        if (!TryAddMessage(input, LayerKind.Quic, offset, capEnd, repEnd, out int captured))
            return;
        var datagram = input.Bytes.Slice(offset, captured);
        ref var state = ref _packet.QuicRef;
        if (!input.Quoted && _options.FollowSessions && TryIpAddresses(input, out var source, out var destination))
        {
            state.LayerIndex = index;
            _quicConversations.Take(ConversationKey.Of(source, sourcePort, destination, destinationPort, out bool fromA), fromA, datagram, ref state);
            if (state.Known)
                DecryptInitials(datagram, repEnd - offset, index, ref state);
        }
        var status = QuicWalk.StatusOf(datagram, repEnd - offset, QuicConnection.Of(_packet, index), out int stop);
        if (status is QuicWalkStatus.Truncated or QuicWalkStatus.Malformed)
            EndMessageShort(input, LayerKind.Quic, offset, status == QuicWalkStatus.Truncated, stop,
                "QUIC packet cut short by the capture length", "QUIC packet or one of its fields runs past the end of its packet or the datagram");
        // (a CRYPTO frame read before a malformed one was handed to TLS all the same)
        if (state.LayerIndex == index && state.DecryptedCount > 0)
            AddQuicTls(datagram, repEnd - offset, index);
    }

    /// <summary>
    /// TLS over the decrypted Initials' CRYPTO frames, as tshark 4.0 hands them on (frame.protocols "quic:tls", one TLS
    /// a frame handed on), through the connection's CRYPTO stream of the sender's side (<see cref="QuicCryptoStream"/>):
    /// a frame's new in-order bytes, in the packet's plaintext buffer; a piece inside a handshake message TLS holds as a
    /// TLS layer of no bytes; a message (or an out-of-order run) completed as the bytes reassembled, copied into the
    /// plaintext buffer after the datagram's. A retransmission, or bytes held out of order, add nothing.
    /// </summary>
    private void AddQuicTls(ReadOnlySpan<byte> datagram, int reported, int index)
    {
        var frames = new CryptoFrames();
        QuicWalk.Run(datagram, reported, QuicConnection.Of(_packet, index), ref frames, out _);
        ref var state = ref _packet.QuicRef;
        ref var stream = ref _quicConversations.LastCrypto(state.FromServer);
        var plaintext = _packet.QuicPlaintextBuffer!;
        int tail = datagram.Length;
        for (int i = 0; i < frames.Count && !_packet.IsFull; i++)
        {
            var frame = frames.Frames[i];
            var data = plaintext.AsSpan(frame.Offset, frame.Length);
            var handOff = stream.Accept(_quicConversations.CryptoBuffers, frame.CryptoOffset, data, plaintext.AsSpan(tail), out int skip, out int length, out byte note);
            if (note != 0 && state.NoteCount < QuicConnectionState.MaxDecrypted)
                state.Notes[state.NoteCount++] = note;
            (int start, int size) = handOff switch
            {
                QuicCryptoHandOff.Chunk => (frame.Offset + skip, frame.Length - skip),
                QuicCryptoHandOff.Piece => (frame.Offset + skip, 0),
                QuicCryptoHandOff.Reassembled => (tail, length),
                _ => (-1, 0),
            };
            if (start < 0)
                continue;
            tail += handOff == QuicCryptoHandOff.Reassembled ? length : 0;
            ref Layer tls = ref _packet.Add(LayerKind.Tls, start, size, size, LayerSource.QuicPlaintext);
            tls.Detail = Tls.TlsLayerDetail.QuicCrypto;
        }
    }

    /// <summary>A CRYPTO frame: its stream offset and its data's offset and length in the plaintext.</summary>
    private struct CryptoFrame
    {
        public ulong CryptoOffset;
        public int Offset, Length;
    }

    [System.Runtime.CompilerServices.InlineArray(CryptoFrames.Max)]
    private struct CryptoFrameList
    {
        private CryptoFrame _first;
    }

    /// <summary>Collects the datagram's CRYPTO frames (at most <see cref="Max"/>).</summary>
    private struct CryptoFrames : IQuicVisitor
    {
        public const int Max = 16;
        public CryptoFrameList Frames;
        public int Count;
        private ulong _offset;

        public bool Item(QuicValue which, int offset, int length, ulong number)
        {
            if (which == QuicValue.CryptoOffset)
                _offset = number;
            else if (which == QuicValue.CryptoData)
            {
                Frames[Count++] = new CryptoFrame { CryptoOffset = _offset, Offset = offset, Length = length };
                return Count < Max;
            }
            return true;
        }
    }

    /// <summary>
    /// Decrypts the datagram's Initials whose header protection came off and which were captured whole into the packet's
    /// plaintext buffer, each at its payload's offset (the header rebuilt unprotected before it, as the associated data);
    /// those whose tag matched are listed in <paramref name="state"/>.
    /// </summary>
    private void DecryptInitials(ReadOnlySpan<byte> datagram, int reported, int index, ref QuicConnectionState state)
    {
        var sealedOnes = new SealedInitials();
        QuicWalk.Run(datagram, reported, QuicConnection.Of(_packet, index), ref sealedOnes, out _);
        if (sealedOnes.Count == 0)
            return;
        var plaintext = _packet.QuicPlaintextBuffer ??= new byte[ushort.MaxValue + 1];
        for (int i = 0; i < sealedOnes.Count; i++)
        {
            var packet = sealedOnes.Packets[i];
            if (packet.End > datagram.Length || packet.End - packet.Payload < QuicPacketProtection.TagLength)
                continue;
            var header = plaintext.AsSpan(packet.Start, packet.Payload - packet.Start);
            datagram[packet.Start..packet.Payload].CopyTo(header);
            header[0] = (byte)(datagram[packet.Start] & 0xF0 | packet.FirstByte);
            for (int b = 0; b < packet.NumberLength; b++)
                header[^(b + 1)] = (byte)(packet.Number >> (8 * b));
            uint version = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(datagram[(packet.Start + 1)..]);
            if (QuicPacketProtection.TryOpenInitial(version, state.OriginalDcid.Span, state.FromServer, packet.Number, header,
                    datagram[packet.Payload..packet.End], plaintext.AsSpan(packet.Payload, packet.End - packet.Payload - QuicPacketProtection.TagLength)))
                state.DecryptedAt[state.DecryptedCount++] = packet.Payload;
        }
    }

    /// <summary>An Initial whose header protection came off: where it starts, its payload and end, its clear first byte and packet number.</summary>
    private struct SealedInitial
    {
        public int Start, Payload, End, NumberLength;
        public byte FirstByte;
        public ulong Number;
    }

    [System.Runtime.CompilerServices.InlineArray(QuicConnectionState.MaxDecrypted)]
    private struct SealedList
    {
        private SealedInitial _first;
    }

    /// <summary>Collects the Initials a walk unprotects (at most <see cref="QuicConnectionState.MaxDecrypted"/>).</summary>
    private struct SealedInitials : IQuicVisitor
    {
        public SealedList Packets;
        public int Count;
        private SealedInitial _current;

        public bool Item(QuicValue which, int offset, int length, ulong number)
        {
            switch (which)
            {
                case QuicValue.PacketLength:
                    _current = new SealedInitial { Start = offset, End = offset + (int)Math.Min(number, int.MaxValue - (ulong)offset) };
                    break;
                case QuicValue.LongReserved:
                    _current.FirstByte = (byte)(number << 2);
                    break;
                case QuicValue.PacketNumberLength:
                    _current.FirstByte |= (byte)number;
                    break;
                case QuicValue.PacketNumber:
                    (_current.Number, _current.NumberLength) = (number, length);
                    break;
                case QuicValue.Payload when _current.NumberLength > 0:
                    _current.Payload = offset;
                    Packets[Count++] = _current;
                    return Count < QuicConnectionState.MaxDecrypted;
            }
            return true;
        }
    }
}
