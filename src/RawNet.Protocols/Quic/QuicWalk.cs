using System.Buffers.Binary;

namespace RawNet.Protocols.Quic;

/// <summary>
/// The items of a QUIC datagram in tshark 4.0's order (the fields in <see cref="QuicFields"/>' order first, then the
/// column steps, which are no fields).
/// </summary>
public enum QuicValue : byte
{
    PacketLength, HeaderForm, FixedBit, LongPacketType, LongPacketTypeV2, LongReserved, PacketNumberLength, Version, Dcil, Dcid,
    Scil, Scid, TokenLength, Token, Length, PacketNumber, Payload, VnUnused, SupportedVersion, Short, SpinBit,
    RemainingPayload, RetryToken, RetryIntegrityTag,
    /// <summary>A decrypted Initial's frames (offsets in the datagram, the plaintext lying where its ciphertext did).</summary>
    FrameType, PaddingLength, AckLargest, AckDelay, AckRangeCount, AckFirstRange, AckGap, AckRange, AckEct0, AckEct1, AckEcnCe,
    CryptoOffset, CryptoLength, CryptoData, CcErrorCode, CcErrorCodeApp, CcFrameType, CcReasonLength,

    /// <summary>The Info column is set to a packet's title (number: <see cref="QuicTitle"/>).</summary>
    InfoTitle,
    /// <summary>The Info column gets the packet's DCID and SCID (offsets and lengths in the number: see <see cref="QuicWalk.CidsOf"/>).</summary>
    InfoCids,
    /// <summary>The Info column gets a decrypted frame's name (number: its type, <see cref="QuicFrame.InfoName"/>).</summary>
    InfoFrame,
}

/// <summary>The frames tshark 4.0 reads in a decrypted Initial (RFC 9000 19), and their names in its Info column.</summary>
public static class QuicFrame
{
    /// <summary>Frame types.</summary>
    public const ulong Padding = 0x00, Ping = 0x01, Ack = 0x02, AckEcn = 0x03, Crypto = 0x06, ConnectionClose = 0x1c, ApplicationClose = 0x1d;

    /// <summary>The name tshark appends to the Info column for a frame type read.</summary>
    public static string InfoName(ulong type) => type switch
    {
        Padding => "PADDING",
        Ping => "PING",
        Ack => "ACK",
        AckEcn => "ACK_ECN",
        Crypto => "CRYPTO",
        _ => "CC",
    };
}

/// <summary>What tshark's Info column starts a packet's text with.</summary>
public enum QuicTitle : byte
{
    Initial = QuicPacket.Initial, ZeroRtt = QuicPacket.ZeroRtt, Handshake = QuicPacket.Handshake, Retry = QuicPacket.Retry,
    VersionNegotiation, ProtectedPayload,
}

/// <summary>How a walk ended.</summary>
public enum QuicWalkStatus : byte
{
    /// <summary>Every item was read.</summary>
    Complete,
    /// <summary>A read ran past the bytes the capture kept (tshark: size limited).</summary>
    Truncated,
    /// <summary>A read ran past the packet's or the datagram's end (tshark: malformed).</summary>
    Malformed,
    /// <summary>The visitor asked to stop.</summary>
    Stopped,
}

/// <summary>Receives a QUIC walk's items.</summary>
public interface IQuicVisitor
{
    /// <summary>One item: its bytes' offset and length in the datagram and its number; false stops the walk.</summary>
    bool Item(QuicValue which, int offset, int length, ulong number);
}

/// <summary>
/// Walks a QUIC datagram as tshark 4.0's dissect_quic adds its items, with the connection tshark found for it
/// (<see cref="QuicConnection"/>, from <see cref="QuicConversations"/>: an Initial's header protection removed with the
/// keys of the original DCID, the sender's side's, <see cref="QuicHeaderProtection"/>; a short header's DCID) or, without
/// one, as tshark's first look does: a datagram whose first packet is an Initial is taken as a client's first Initial of a
/// new connection (keys from its own DCID); any other has no connection (no packet number). Coalesced packets follow one another: a long header packet ends where its length says (when that is
/// inside the datagram), anything else runs to the datagram's end; a later packet whose DCID is not the first one's is
/// padding and ends the walk. A read past the captured bytes ends the walk there, as tshark's exception does. Bounded:
/// every step moves forward by at least one byte.
/// </summary>
public static class QuicWalk
{
    /// <summary>Visits the items of <paramref name="datagram"/> (captured bytes) of <paramref name="reported"/> bytes, with no state.</summary>
    public static QuicWalkStatus Run<TVisitor>(ReadOnlySpan<byte> datagram, int reported, ref TVisitor visitor, out int stopOffset)
        where TVisitor : struct, IQuicVisitor, allows ref struct =>
        Run(datagram, reported, default, ref visitor, out stopOffset);

    /// <summary>
    /// Visits the items of <paramref name="datagram"/> (captured bytes) of <paramref name="reported"/> bytes, whose
    /// connection tshark knew as <paramref name="connection"/>.
    /// </summary>
    public static QuicWalkStatus Run<TVisitor>(ReadOnlySpan<byte> datagram, int reported, QuicConnection connection, ref TVisitor visitor, out int stopOffset)
        where TVisitor : struct, IQuicVisitor, allows ref struct
    {
        var walker = new Walker<TVisitor>(datagram, reported, connection);
        walker.Walk(ref visitor);
        stopOffset = walker.StopOffset;
        return walker.Status;
    }

    /// <summary>The status a walk of <paramref name="datagram"/> ends with (no items kept).</summary>
    public static QuicWalkStatus StatusOf(ReadOnlySpan<byte> datagram, int reported, QuicConnection connection, out int stopOffset)
    {
        var none = new NoVisitor();
        return Run(datagram, reported, connection, ref none, out stopOffset);
    }

    /// <summary>Packs a DCID's and an SCID's offsets and lengths into an <see cref="QuicValue.InfoCids"/> number.</summary>
    private static ulong Cids(int dcidOffset, int dcidLength, int scidOffset, int scidLength) =>
        (ulong)(uint)dcidOffset | (ulong)dcidLength << 24 | (ulong)(uint)scidOffset << 32 | (ulong)scidLength << 56;

    /// <summary>Unpacks an <see cref="QuicValue.InfoCids"/> number (a length of 0: not shown).</summary>
    public static (int DcidOffset, int DcidLength, int ScidOffset, int ScidLength) CidsOf(ulong number) =>
        ((int)(number & 0xFFFFFF), (int)(number >> 24 & 0xFF), (int)(number >> 32 & 0xFFFFFF), (int)(number >> 56));

    private struct NoVisitor : IQuicVisitor
    {
        public readonly bool Item(QuicValue which, int offset, int length, ulong number) => true;
    }

    private ref struct Walker<TVisitor>(ReadOnlySpan<byte> datagram, int reported, QuicConnection connection) where TVisitor : struct, IQuicVisitor, allows ref struct
    {
        private readonly ReadOnlySpan<byte> _m = datagram;
        private readonly QuicConnection _conn = connection;
        private readonly long _reported = Math.Max(reported, datagram.Length);
        // the packet being read ends here (a read past it is malformed)
        private long _end;
        public QuicWalkStatus Status;
        public int StopOffset = -1;

        /// <summary>True when bytes [offset, offset + length) of the current packet were captured; else records tshark's exception.</summary>
        private bool Need(long offset, long length)
        {
            long captured = Math.Min(_m.Length, _end);
            if (offset + length <= captured)
                return true;
            // a tvb judges a start past the captured bytes by the start alone, else by the end
            Status = (offset > captured ? offset : offset + length) > _end ? QuicWalkStatus.Malformed : QuicWalkStatus.Truncated;
            StopOffset = (int)Math.Min(offset, _m.Length);
            return false;
        }

        /// <summary>An item to the end of the captured bytes needs one from <paramref name="offset"/> on when the packet has more.</summary>
        private bool Shown(long offset) => offset < Math.Min(_m.Length, _end) || Need(offset, 1);

        private bool Add(ref TVisitor visitor, QuicValue which, long offset, long length, ulong number)
        {
            if (visitor.Item(which, (int)offset, (int)length, number))
                return true;
            Status = QuicWalkStatus.Stopped;
            return false;
        }

        private bool Varint(long offset, out ulong value, out int size)
        {
            if (QuicPacket.TryReadVarint(_m, (int)Math.Min(offset, int.MaxValue), out value, out size) && offset + size <= _end)
                return true;
            Need(offset, size);
            return false;
        }

        private readonly uint Read32(long offset) => BinaryPrimitives.ReadUInt32BigEndian(_m[(int)offset..]);

        public void Walk(ref TVisitor visitor)
        {
            _end = _reported;
            // dissect_quic reads the first packet's header (quic_extract_header) before it adds anything.
            if (!Need(0, 1))
                return;
            byte first = _m[0];
            int firstDcidLength = 0;
            bool connection = false;
            if ((first & QuicPacket.LongHeaderBit) != 0)
            {
                if (!Need(1, 4) || !Need(5, 1))
                    return;
                uint version = Read32(1);
                int dcil = _m[5];
                if (dcil is > 0 and <= QuicPacket.MaxConnectionIdLength)
                {
                    if (!Need(6, dcil))
                        return;
                    firstDcidLength = dcil;
                }
                if (!Need(6 + dcil, 1))
                    return;
                int scil = _m[6 + dcil];
                if (scil is > 0 and <= QuicPacket.MaxConnectionIdLength && !Need(7 + dcil, scil))
                    return;
                connection = _conn.Known || (version != 0 && QuicPacket.LongTypeOf(first, version) == QuicPacket.Initial);
            }
            else if (!Need(1, QuicPacket.MaxConnectionIdLength))
                return;
            long offset = 0;
            do
            {
                long p = offset;
                _end = _reported;
                if (!Need(p, 1))
                    return;
                long length = MessageLength(p, out bool failed);
                if (failed)
                    return;
                _end = p + length;
                // check_dcid_on_coalesced_packet: a later packet must carry the first one's DCID
                byte fb = _m[(int)p];
                if (p > 0)
                {
                    bool same;
                    if ((fb & QuicPacket.LongHeaderBit) != 0)
                    {
                        if (!Need(p + 5, 1))
                            return;
                        int dl = _m[(int)p + 5];
                        if (dl is > 0 and <= QuicPacket.MaxConnectionIdLength && !Need(p + 6, dl))
                            return;
                        int shown = dl is > 0 and <= QuicPacket.MaxConnectionIdLength ? dl : 0;
                        same = shown == firstDcidLength && _m.Slice((int)p + 6, shown).SequenceEqual(_m.Slice(6, shown));
                    }
                    else
                        same = !connection || firstDcidLength == 0;
                    if (!same)
                        return;
                }
                if (!Add(ref visitor, QuicValue.PacketLength, p, 0, (ulong)length))
                    return;
                long shownTo;
                if ((fb & QuicPacket.LongHeaderBit) != 0)
                {
                    if (!Add(ref visitor, QuicValue.HeaderForm, p, 1, 1) || !Need(p + 1, 4))
                        return;
                    uint version = Read32(p + 1);
                    int type = QuicPacket.LongTypeOf(fb, version);
                    if (version == 0)
                    {
                        VersionNegotiation(ref visitor, p);
                        return;
                    }
                    if (!(type == QuicPacket.Retry ? RetryPacket(ref visitor, p, version, out shownTo) : LongPacket(ref visitor, p, type, version, connection, firstDcidLength, out shownTo)))
                        return;
                }
                else if (!ShortPacket(ref visitor, p, out shownTo))
                    return;
                if (shownTo < _end && (!Shown(shownTo) || !Add(ref visitor, QuicValue.RemainingPayload, shownTo, Math.Min(_m.Length, _end) - shownTo, 0)))
                    return;
                offset = p + length;
            }
            // tshark goes on while tvb_reported_length_remaining is not 0, which it is for an offset past the captured
            // bytes: a next packet that starts where the capture ended is read (and fails), one after that is not
            while (offset < _reported && offset <= _m.Length);
        }

        /// <summary>
        /// quic_get_message_tvb: a long header packet other than Retry and Version Negotiation ends after its length
        /// field's bytes when that is before the datagram's end; anything else runs to the end. Its reads may fail.
        /// </summary>
        private long MessageLength(long p, out bool failed)
        {
            failed = true;
            long remaining = _reported - p;
            byte fb = _m[(int)p];
            if ((fb & QuicPacket.LongHeaderBit) == 0)
            {
                failed = false;
                return remaining;
            }
            if (!Need(p + 1, 4))
                return 0;
            uint version = Read32(p + 1);
            int type = QuicPacket.LongTypeOf(fb, version);
            failed = false;
            if (type == QuicPacket.Retry || version == 0)
                return remaining;
            failed = true;
            // tshark adds these in 32-bit unsigned arithmetic
            uint length = 5;
            if (!Need(p + length, 1))
                return 0;
            length += 1u + _m[(int)(p + length)];
            if (!Need(p + length, 1))
                return 0;
            length += 1u + _m[(int)(p + length)];
            if (type == QuicPacket.Initial)
            {
                if (!Varint(p + length, out ulong token, out int size))
                    return 0;
                length += (uint)size;
                length += (uint)token;
            }
            if (!Varint(p + length, out ulong payload, out int payloadSize))
                return 0;
            length += (uint)payloadSize;
            length += (uint)payload;
            failed = false;
            return payload <= int.MaxValue && length < remaining ? length : remaining;
        }

        /// <summary>The version and connection IDs all long headers share, then the Info column's DCID and SCID.</summary>
        private bool Common(ref TVisitor visitor, long p, out long next)
        {
            next = p + 1;
            if (!Need(next, 4) || !Add(ref visitor, QuicValue.Version, next, 4, Read32(next)))
                return false;
            next += 4;
            if (!Need(next, 1))
                return false;
            int dcil = _m[(int)next];
            if (!Add(ref visitor, QuicValue.Dcil, next, 1, (ulong)dcil))
                return false;
            next++;
            long dcid = next;
            if (dcil > 0 && (!Need(next, dcil) || !Add(ref visitor, QuicValue.Dcid, next, dcil, 0)))
                return false;
            next += dcil;
            if (!Need(next, 1))
                return false;
            int scil = _m[(int)next];
            if (!Add(ref visitor, QuicValue.Scil, next, 1, (ulong)scil))
                return false;
            next++;
            long scid = next;
            if (scil > 0 && (!Need(next, scil) || !Add(ref visitor, QuicValue.Scid, next, scil, 0)))
                return false;
            next += scil;
            return Add(ref visitor, QuicValue.InfoCids, p, 0, Cids((int)dcid, dcil <= QuicPacket.MaxConnectionIdLength ? dcil : 0,
                (int)scid, scil <= QuicPacket.MaxConnectionIdLength ? scil : 0));
        }

        private void VersionNegotiation(ref TVisitor visitor, long p)
        {
            if (!Add(ref visitor, QuicValue.InfoTitle, p, 0, (ulong)QuicTitle.VersionNegotiation)
                || !Add(ref visitor, QuicValue.VnUnused, p, 1, (ulong)(_m[(int)p] & 0x7F)) || !Common(ref visitor, p, out long next))
                return;
            while (next < _end)
            {
                if (!Need(next, 4) || !Add(ref visitor, QuicValue.SupportedVersion, next, 4, Read32(next)))
                    return;
                next += 4;
            }
        }

        private bool RetryPacket(ref TVisitor visitor, long p, uint version, out long next)
        {
            next = p;
            byte fb = _m[(int)p];
            if (!Add(ref visitor, version == QuicPacket.Version2 ? QuicValue.LongPacketTypeV2 : QuicValue.LongPacketType, p, 1, (ulong)((fb & 0x30) >> 4))
                || !Add(ref visitor, QuicValue.InfoTitle, p, 0, (ulong)QuicTitle.Retry) || !Common(ref visitor, p, out next))
                return false;
            long token = _end - next;
            if (token >= 16)
                token -= 16;
            if (!Need(next, token) || !Add(ref visitor, QuicValue.RetryToken, next, token, 0))
                return false;
            next += token;
            if (!Need(next, 16) || !Add(ref visitor, QuicValue.RetryIntegrityTag, next, 16, 0))
                return false;
            next += 16;
            return true;
        }

        private bool LongPacket(ref TVisitor visitor, long p, int type, uint version, bool connection, int firstDcidLength, out long next)
        {
            next = p;
            byte fb = _m[(int)p];
            // quic_extract_header again (this packet's connection IDs), then the header protection of a client Initial
            if (!Need(p + 5, 1))
                return false;
            int dcil = _m[(int)p + 5];
            int dcidLength = dcil is > 0 and <= QuicPacket.MaxConnectionIdLength ? dcil : 0;
            if (dcidLength > 0 && !Need(p + 6, dcidLength))
                return false;
            if (!Need(p + 6 + dcil, 1))
                return false;
            int scil = _m[(int)p + 6 + dcil];
            int scidLength = scil is > 0 and <= QuicPacket.MaxConnectionIdLength ? scil : 0;
            if (scidLength > 0 && !Need(p + 7 + dcil, scidLength))
                return false;
            bool unprotected = false;
            byte clear = 0;
            int pnLength = 0;
            ulong packetNumber = 0;
            if (connection && type == QuicPacket.Initial)
            {
                long pn = p + 1 + 4 + 1 + dcidLength + 1 + scidLength;
                if (!Varint(pn, out ulong token, out int size))
                    return false;
                pn = p + (uint)(pn - p + size + (uint)token);
                if (!Varint(pn, out _, out size))
                    return false;
                pn += size;
                if (!Need(pn + QuicHeaderProtection.SampleOffset, QuicHeaderProtection.SampleLength))
                    return false;
                Span<byte> mask = stackalloc byte[5];
                var original = _conn.Known ? _conn.OriginalDcid : _m.Slice(6, firstDcidLength);
                if (QuicHeaderProtection.TryMask(version, original, _m.Slice((int)pn + QuicHeaderProtection.SampleOffset, QuicHeaderProtection.SampleLength), mask, _conn.FromServer))
                {
                    unprotected = true;
                    clear = (byte)(fb ^ (mask[0] & 0x0F));
                    pnLength = (clear & 3) + 1;
                    for (int i = 0; i < pnLength; i++)
                        packetNumber = packetNumber << 8 | (byte)(_m[(int)pn + i] ^ mask[1 + i]);
                }
            }
            if (!Add(ref visitor, QuicValue.FixedBit, p, 1, (ulong)(fb >> 6 & 1))
                || !Add(ref visitor, version == QuicPacket.Version2 ? QuicValue.LongPacketTypeV2 : QuicValue.LongPacketType, p, 1, (ulong)((fb & 0x30) >> 4)))
                return false;
            if (unprotected && (!Add(ref visitor, QuicValue.LongReserved, p, 1, (ulong)((clear & 0x0C) >> 2))
                || !Add(ref visitor, QuicValue.PacketNumberLength, p, 1, (ulong)(clear & 3))))
                return false;
            if (!Add(ref visitor, QuicValue.InfoTitle, p, 0, (ulong)type) || !Common(ref visitor, p, out next))
                return false;
            if (type == QuicPacket.Initial)
            {
                if (!Varint(next, out ulong token, out int size) || !Add(ref visitor, QuicValue.TokenLength, next, size, token))
                    return false;
                next += size;
                if (token > 0)
                {
                    if (!Need(next, (uint)token) || !Add(ref visitor, QuicValue.Token, next, (uint)token, 0))
                        return false;
                    next += (uint)token;
                }
            }
            if (!Varint(next, out ulong length, out int lengthSize) || !Add(ref visitor, QuicValue.Length, next, lengthSize, length))
                return false;
            next += lengthSize;
            if (!unprotected)
                return true;
            if (!Need(next, pnLength) || !Add(ref visitor, QuicValue.PacketNumber, next, pnLength, packetNumber))
                return false;
            next += pnLength;
            if (next < _end && !Shown(next) || !Add(ref visitor, QuicValue.Payload, next, Math.Max(0, Math.Min(_m.Length, _end) - next), 0))
                return false;
            if (type == QuicPacket.Initial && _conn.IsDecrypted(next) && !Frames(ref visitor, next, _end - QuicPacketProtection.TagLength))
                return false;
            next = _end;
            return true;
        }

        /// <summary>
        /// A decrypted Initial's frames, read from the plaintext between <paramref name="start"/> and <paramref name="end"/>
        /// (datagram offsets). A frame type RawNet does not read (none other may be in an Initial) ends the frames; a field
        /// past the plaintext is malformed. Bounded: each frame moves forward.
        /// </summary>
        private bool Frames(ref TVisitor visitor, long start, long end)
        {
            var pt = _conn.Plaintext;
            long at = start;
            while (at < end)
            {
                if (!FrameVarint(pt, at, end, out ulong type, out int size) || !Add(ref visitor, QuicValue.FrameType, at, size, type))
                    return false;
                if (type is > QuicFrame.AckEcn and not QuicFrame.Crypto and not QuicFrame.ConnectionClose and not QuicFrame.ApplicationClose)
                    return true;
                if (!Add(ref visitor, QuicValue.InfoFrame, at, 0, type))
                    return false;
                long frame = at;
                at += size;
                switch (type)
                {
                    case QuicFrame.Padding:
                        long zeros = at;
                        while (zeros < end && pt[(int)zeros] == 0)
                            zeros++;
                        if (!Add(ref visitor, QuicValue.PaddingLength, at, 0, (ulong)(zeros - frame)))
                            return false;
                        at = zeros;
                        break;
                    case QuicFrame.Ping:
                        break;
                    case QuicFrame.Ack or QuicFrame.AckEcn:
                        if (!FrameField(ref visitor, pt, QuicValue.AckLargest, ref at, end, out _) || !FrameField(ref visitor, pt, QuicValue.AckDelay, ref at, end, out _)
                            || !FrameField(ref visitor, pt, QuicValue.AckRangeCount, ref at, end, out ulong ranges)
                            || !FrameField(ref visitor, pt, QuicValue.AckFirstRange, ref at, end, out _))
                            return false;
                        // every range takes two bytes or more, so the count is bounded by the plaintext
                        for (ulong i = 0; i < ranges; i++)
                        {
                            if (!FrameField(ref visitor, pt, QuicValue.AckGap, ref at, end, out _) || !FrameField(ref visitor, pt, QuicValue.AckRange, ref at, end, out _))
                                return false;
                        }
                        if (type == QuicFrame.AckEcn && (!FrameField(ref visitor, pt, QuicValue.AckEct0, ref at, end, out _)
                            || !FrameField(ref visitor, pt, QuicValue.AckEct1, ref at, end, out _) || !FrameField(ref visitor, pt, QuicValue.AckEcnCe, ref at, end, out _)))
                            return false;
                        break;
                    case QuicFrame.Crypto:
                        if (!FrameField(ref visitor, pt, QuicValue.CryptoOffset, ref at, end, out _) || !FrameField(ref visitor, pt, QuicValue.CryptoLength, ref at, end, out ulong length))
                            return false;
                        if (length > (ulong)(end - at))
                            return FramePast(at, end);
                        if (!Add(ref visitor, QuicValue.CryptoData, at, (long)length, 0))
                            return false;
                        at += (long)length;
                        break;
                    case QuicFrame.ConnectionClose or QuicFrame.ApplicationClose:
                        if (!FrameField(ref visitor, pt, type == QuicFrame.ConnectionClose ? QuicValue.CcErrorCode : QuicValue.CcErrorCodeApp, ref at, end, out _)
                            || (type == QuicFrame.ConnectionClose && !FrameField(ref visitor, pt, QuicValue.CcFrameType, ref at, end, out _))
                            || !FrameField(ref visitor, pt, QuicValue.CcReasonLength, ref at, end, out ulong reason))
                            return false;
                        if (reason > (ulong)(end - at))
                            return FramePast(at, end);
                        at += (long)reason;
                        break;
                }
            }
            return true;
        }

        private bool FrameField(ref TVisitor visitor, ReadOnlySpan<byte> pt, QuicValue which, ref long at, long end, out ulong value)
        {
            if (!FrameVarint(pt, at, end, out value, out int size) || !Add(ref visitor, which, at, size, value))
                return false;
            at += size;
            return true;
        }

        private bool FrameVarint(ReadOnlySpan<byte> pt, long at, long end, out ulong value, out int size)
        {
            if (QuicPacket.TryReadVarint(pt[..(int)end], (int)at, out value, out size))
                return true;
            return FramePast(at, end);
        }

        /// <summary>A frame's field runs past the plaintext: tshark's exception in the decrypted data is malformed.</summary>
        private bool FramePast(long at, long end)
        {
            Status = QuicWalkStatus.Malformed;
            StopOffset = (int)Math.Min(at, end);
            return false;
        }

        private bool ShortPacket(ref TVisitor visitor, long p, out long next)
        {
            next = p + 1;
            byte fb = _m[(int)p];
            if (!Add(ref visitor, QuicValue.Short, p, Math.Max(0, Math.Min(_m.Length, _end) - p), 0)
                || !Add(ref visitor, QuicValue.HeaderForm, p, 1, 0)
                || !Add(ref visitor, QuicValue.FixedBit, p, 1, (ulong)(fb >> 6 & 1))
                || !Add(ref visitor, QuicValue.SpinBit, p, 1, (ulong)(fb >> 5 & 1)))
                return false;
            // with a connection tshark knows the DCID's length (the receiver's connection ID)
            int dcid = _conn.Known ? _conn.ShortDcidLength : 0;
            if (dcid > 0 && (!Need(next, dcid) || !Add(ref visitor, QuicValue.Dcid, next, dcid, 0)))
                return false;
            if (!Add(ref visitor, QuicValue.InfoTitle, p, 0, (ulong)QuicTitle.ProtectedPayload))
                return false;
            if (dcid > 0 && !Add(ref visitor, QuicValue.InfoCids, p, 0, Cids((int)next, dcid, 0, 0)))
                return false;
            next += dcid;
            return true;
        }
    }
}

/// <summary>
/// What tshark knew of a datagram's connection when it read it (<see cref="QuicConnectionState"/>): whether it found one,
/// which side sent the datagram, the client's original DCID and a short header's DCID length. The default is a walk
/// without state (an Initial first in its datagram makes a client's connection from its own DCID).
/// </summary>
public readonly ref struct QuicConnection(bool known, bool fromServer, ReadOnlySpan<byte> originalDcid, int shortDcidLength,
    ReadOnlySpan<byte> plaintext = default, ReadOnlySpan<int> decrypted = default)
{
    /// <summary>A connection was found.</summary>
    public readonly bool Known = known;

    /// <summary>The server sent the datagram.</summary>
    public readonly bool FromServer = fromServer;

    /// <summary>The DCID of the client's first Initial (the Initial keys' secret).</summary>
    public readonly ReadOnlySpan<byte> OriginalDcid = originalDcid;

    /// <summary>The length of a short header's DCID.</summary>
    public readonly int ShortDcidLength = shortDcidLength;

    /// <summary>The decrypted Initials' frames, at their payloads' offsets in the datagram.</summary>
    public readonly ReadOnlySpan<byte> Plaintext = plaintext;

    /// <summary>The payload offsets of the Initials decrypted.</summary>
    public readonly ReadOnlySpan<int> Decrypted = decrypted;

    /// <summary>True when the Initial whose payload starts at <paramref name="payloadOffset"/> was decrypted.</summary>
    public bool IsDecrypted(long payloadOffset) => Decrypted.IndexOf((int)payloadOffset) >= 0;

    /// <summary>The connection the decoder found for layer <paramref name="layerIndex"/> of <paramref name="packet"/>; none when it kept no state for it.</summary>
    public static QuicConnection Of(Decoding.DecodedPacket packet, int layerIndex)
    {
        ref readonly var state = ref packet.QuicState;
        return state.LayerIndex == layerIndex && state.Known
            ? new QuicConnection(true, state.FromServer, state.OriginalDcid.Span, state.ShortDcidLength, packet.QuicPlaintext,
                ((ReadOnlySpan<int>)state.DecryptedAt)[..state.DecryptedCount])
            : default;
    }
}
