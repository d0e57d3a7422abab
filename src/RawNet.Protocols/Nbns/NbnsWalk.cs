using System.Buffers.Binary;
using RawNet.Protocols.Dns;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Nbns;

/// <summary>Which value of an NBNS message an item of <see cref="NbnsWalk"/> is (one per field of <see cref="NbnsFields"/>, in its order).</summary>
public enum NbnsValue : byte
{
    Id, Flags, Response, Opcode, Authoritative, Truncated, RecursionDesired, RecursionAvailable, Broadcast, Rcode,
    Questions, Answers, AuthorityRecords, AdditionalRecords,
    Name, Type, Class, Ttl, DataLength,
    NbFlags, NbGroup, NbOnt, Address,
    NumberOfNames, NetbiosName, NameFlags, NameGroup, NameOnt, NameDeregistering, NameConflict, NameActive, NamePermanent,
    UnitId, Jumpers, TestResult, VersionNumber, StatisticsPeriod, Crcs, AlignmentErrors, Collisions, SendAborts, GoodSends,
    GoodReceives, Retransmits, NoResourceConditions, CommandBlocks, PendingSessions, MaxPendingSessions, MaxTotalSessions,
    SessionDataPacketSize, Data,
    /// <summary>Not a field: tshark's "incomplete entry" expert item (an entry longer than what its record's data length leaves).</summary>
    IncompleteEntry,
    /// <summary>
    /// Not a field: what a question or record adds to the Info column (walks with columns only): its number the type, and
    /// bit 16 set for a record (the item is then its first address, else the question's name).
    /// </summary>
    InfoRecord,
}

/// <summary>Which name an <see cref="NbnsValue.Name"/> or <see cref="NbnsValue.NetbiosName"/> item is, for how tshark writes it.</summary>
public enum NbnsNamePart : byte
{
    /// <summary>A question's name: the name alone.</summary>
    Question,
    /// <summary>An NB record's name: the name and its type's description.</summary>
    NbRecord,
    /// <summary>Another record's name: the name alone.</summary>
    OtherRecord,
    /// <summary>A name of a node status table: its 16 bytes in place, without its type.</summary>
    Table,
}

/// <summary>How a walk over an NBNS message ended.</summary>
public enum NbnsWalkStatus : byte
{
    /// <summary>Every item was read.</summary>
    Complete,
    /// <summary>A read ran past the bytes the capture kept (tshark: size limited).</summary>
    Truncated,
    /// <summary>A read ran past the datagram's end or a name could not be read (tshark: malformed).</summary>
    Malformed,
    /// <summary>The visitor asked to stop.</summary>
    Stopped,
}

/// <summary>
/// An NBNS message as tshark 4.0's nbns dissector (packet-nbt.c) reads it: the header, each question (name, type,
/// class), then the answer, authority and additional records: name, type, class, TTL and data length, then the data of
/// an NB record (flags and address pairs, or a WACK's flags), of an NBSTAT record (the node name table, unit ID and
/// statistics, each entry checked against what the data length leaves, which tshark does not lower for the count of
/// names) or as bytes. A record's items are shown only when all its declared bytes were captured; a read past the
/// captured bytes ends the walk as truncated, past the datagram as malformed. <c>columns</c> adds the read tshark makes
/// only for the Info column (an NB record's first address, whatever its data length). Counts are bounded by the message:
/// every record read moves on at least one byte, and a walk ends at the first read that fails. A name item's number is
/// where the name starts, with its <see cref="NbnsNamePart"/> in bits 16 to 23 and, for a table name, its record's name
/// length from bit 24 (tshark writes it into a buffer of that size).
/// </summary>
public static class NbnsWalk
{
    /// <summary>
    /// Walks <paramref name="message"/> (captured bytes; the datagram declares <paramref name="reported"/>), handing each
    /// item to <paramref name="visitor"/>, with the Info column's reads when <paramref name="columns"/>; <paramref name="stop"/>
    /// is where the walk stopped (the end of the failed read, or of the message).
    /// </summary>
    public static NbnsWalkStatus Run<T>(ReadOnlySpan<byte> message, int reported, bool columns, ref T visitor, out int stop) where T : struct, IItemVisitor<NbnsValue>, allows ref struct
    {
        var walk = new Walker<T>(message, Math.Max(reported, message.Length), columns);
        var status = walk.Run(ref visitor);
        stop = walk.Stop;
        return status;
    }

    /// <summary>How the walk of <paramref name="message"/> ends, as the Info column sees it (<c>columns</c>).</summary>
    public static NbnsWalkStatus StatusOf(ReadOnlySpan<byte> message, int reported, bool columns, out int stop)
    {
        var none = new DiscardItems<NbnsValue>();
        return Run(message, reported, columns, ref none, out stop);
    }

    private ref struct Walker<T> where T : struct, IItemVisitor<NbnsValue>, allows ref struct
    {
        private readonly ReadOnlySpan<byte> _m;
        private readonly int _reported;
        private readonly bool _columns;
        private NbnsWalkStatus _status;
        public int Stop;

        public Walker(ReadOnlySpan<byte> message, int reported, bool columns)
        {
            _m = message;
            _reported = reported;
            _columns = columns;
            Stop = message.Length;
        }

        /// <summary>False (and the status set) when bytes up to <paramref name="end"/> were not captured.</summary>
        private bool Need(int end)
        {
            if (end <= _m.Length)
                return true;
            _status = end <= _reported ? NbnsWalkStatus.Truncated : NbnsWalkStatus.Malformed;
            Stop = Math.Min(end, _reported);
            return false;
        }

        private bool Emit(ref T visitor, NbnsValue which, int offset, int length, ulong number)
        {
            if (visitor.Item(which, offset, length, number))
                return true;
            _status = NbnsWalkStatus.Stopped;
            return false;
        }

        private readonly ushort U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(_m[at..]);

        public NbnsWalkStatus Run(ref T visitor)
        {
            // tshark reads the ID, then the flags, before any item, then adds the header's items.
            if (!Need(2) || !Need(DnsHeader.Field.Flags + 2))
                return _status;
            ushort flags = U16(DnsHeader.Field.Flags);
            int opcode = NbnsHeader.OpcodeOf(flags);
            if (!Emit(ref visitor, NbnsValue.Id, 0, 2, U16(0)) || !Flags(ref visitor, DnsHeader.Field.Flags, wack: false))
                return _status;
            Span<int> counts = stackalloc int[4];
            for (int i = 0; i < 4; i++)
            {
                int at = DnsHeader.Field.QuestionCount + 2 * i;
                if (!Need(at + 2))
                    return _status;
                counts[i] = U16(at);
                if (!Emit(ref visitor, (NbnsValue)((int)NbnsValue.Questions + i), at, 2, (ulong)counts[i]))
                    return _status;
            }
            int offset = NbnsHeader.Length;
            bool response = (flags & DnsHeader.Flag.Response) != 0;
            for (int i = 0; i < counts[0]; i++)
            {
                if (!Question(ref visitor, ref offset, info: !response))
                    return _status;
            }
            for (int section = 1; section < 4; section++)
            {
                for (int i = 0; i < counts[section]; i++)
                {
                    if (!Record(ref visitor, ref offset, opcode, info: section == 1 && response))
                        return _status;
                }
            }
            return NbnsWalkStatus.Complete;
        }

        /// <summary>The flags word and its bits, as tshark picks them: a request's, a response's, or a WACK record's (a response without the reply code).</summary>
        private bool Flags(ref T visitor, int at, bool wack)
        {
            if (!Need(at + 2))
                return false;
            ushort flags = U16(at);
            bool response = (flags & DnsHeader.Flag.Response) != 0;
            return Emit(ref visitor, NbnsValue.Flags, at, 2, flags)
                && Emit(ref visitor, NbnsValue.Response, at, 2, response ? 1UL : 0)
                && Emit(ref visitor, NbnsValue.Opcode, at, 2, (ulong)NbnsHeader.OpcodeOf(flags))
                && (!response || Emit(ref visitor, NbnsValue.Authoritative, at, 2, Bit(flags, DnsHeader.Flag.Authoritative)))
                && Emit(ref visitor, NbnsValue.Truncated, at, 2, Bit(flags, DnsHeader.Flag.Truncated))
                && Emit(ref visitor, NbnsValue.RecursionDesired, at, 2, Bit(flags, DnsHeader.Flag.RecursionDesired))
                && (!response || Emit(ref visitor, NbnsValue.RecursionAvailable, at, 2, Bit(flags, DnsHeader.Flag.RecursionAvailable)))
                && Emit(ref visitor, NbnsValue.Broadcast, at, 2, Bit(flags, NbnsHeader.Flag.Broadcast))
                && (!response || wack || Emit(ref visitor, NbnsValue.Rcode, at, 2, (ulong)(flags & NbnsHeader.Flag.RcodeMask)));
        }

        private static ulong Bit(ushort flags, ushort mask) => (flags & mask) != 0 ? 1UL : 0;

        /// <summary>A name, its type and class (get_nbns_name_type_class): false when a read failed.</summary>
        private bool NameTypeClass(int offset, out int nameLength, out int type, out int rrClass)
        {
            type = rrClass = 0;
            var info = DnsName.Read(_m, _reported, offset);
            nameLength = info.WireLength;
            if (!info.IsReadable)
            {
                // the name runs past the bytes captured (or the message): as tshark's read of it fails
                _status = info.Status == DnsNameStatus.Truncated ? NbnsWalkStatus.Truncated : NbnsWalkStatus.Malformed;
                Stop = _m.Length;
                return false;
            }
            if (!Need(offset + nameLength + 4))
                return false;
            type = U16(offset + nameLength);
            rrClass = U16(offset + nameLength + 2);
            return true;
        }

        /// <summary>The bit of an <see cref="NbnsValue.InfoRecord"/> item's number that says it is a record's (else a question's).</summary>
        private const ulong InfoOfRecord = 1UL << 16;

        private static ulong NameNumber(int offset, NbnsNamePart part) => (uint)offset | (ulong)part << 16;

        private bool Question(ref T visitor, ref int offset, bool info)
        {
            if (!NameTypeClass(offset, out int nameLength, out int type, out int rrClass))
                return false;
            if (_columns && info && !Emit(ref visitor, NbnsValue.InfoRecord, offset, nameLength, (ulong)type))
                return false;
            if (!Emit(ref visitor, NbnsValue.Name, offset, nameLength, NameNumber(offset, NbnsNamePart.Question))
                || !Emit(ref visitor, NbnsValue.Type, offset + nameLength, 2, (ulong)type)
                || !Emit(ref visitor, NbnsValue.Class, offset + nameLength + 2, 2, (ulong)rrClass))
                return false;
            offset += nameLength + 4;
            return true;
        }

        private bool Record(ref T visitor, ref int offset, int opcode, bool info)
        {
            int start = offset;
            if (!NameTypeClass(start, out int nameLength, out int type, out int rrClass))
                return false;
            int cur = start + nameLength + 4;
            if (!Need(cur + 6))
                return false;
            uint ttl = BinaryPrimitives.ReadUInt32BigEndian(_m[cur..]);
            int dataLength = U16(cur + 4);
            cur += 6;
            // tshark writes an NB record's first address in the Info column (not a WACK's) before it checks the record's length.
            bool nb = type == NbnsHeader.TypeNb, wack = opcode == NbnsHeader.Opcode.WaitForAcknowledgment;
            if (_columns && info && !(nb && wack))
            {
                if (nb && !Need(cur + 6))
                    return false;
                if (!Emit(ref visitor, NbnsValue.InfoRecord, cur + 2, 4, (ulong)type | InfoOfRecord))
                    return false;
            }
            // the record's tree item spans its declared data: all of it must have been captured
            if (!Need(cur + dataLength))
                return false;
            var part = type switch
            {
                NbnsHeader.TypeNb => NbnsNamePart.NbRecord,
                _ => NbnsNamePart.OtherRecord,
            };
            // tshark's record name item starts after the name's first byte
            if (!Emit(ref visitor, NbnsValue.Name, start + 1, nameLength - 1, NameNumber(start, part))
                || !Emit(ref visitor, NbnsValue.Type, start + nameLength, 2, (ulong)type)
                || !Emit(ref visitor, NbnsValue.Class, start + nameLength + 2, 2, (ulong)rrClass)
                || !Emit(ref visitor, NbnsValue.Ttl, start + nameLength + 4, 4, ttl)
                || !Emit(ref visitor, NbnsValue.DataLength, start + nameLength + 8, 2, (ulong)dataLength))
                return false;
            bool ok = type switch
            {
                NbnsHeader.TypeNb => NbData(ref visitor, ref cur, dataLength, opcode),
                NbnsHeader.TypeNbstat => NodeStatus(ref visitor, ref cur, dataLength, nameLength),
                _ => Emit(ref visitor, NbnsValue.Data, cur, dataLength, 0) && Advance(ref cur, dataLength),
            };
            if (!ok)
                return false;
            offset = cur;
            return true;
        }

        private static bool Advance(ref int cur, int by)
        {
            cur += by;
            return true;
        }

        /// <summary>An entry shorter than what it needs: tshark's expert item over what is left (which may run past the bytes).</summary>
        private bool Incomplete(ref T visitor, int cur, int left) =>
            Need(cur + left) && Emit(ref visitor, NbnsValue.IncompleteEntry, cur, left, 0);

        private bool NbData(ref T visitor, ref int cur, int left, int opcode)
        {
            while (left > 0)
            {
                if (left < 2)
                    return Incomplete(ref visitor, cur, left);
                if (opcode == NbnsHeader.Opcode.WaitForAcknowledgment)
                {
                    if (!Flags(ref visitor, cur, wack: true))
                        return false;
                    cur += 2;
                    left -= 2;
                    continue;
                }
                ushort flags = U16(cur);
                if (!Emit(ref visitor, NbnsValue.NbFlags, cur, 2, flags)
                    || !Emit(ref visitor, NbnsValue.NbGroup, cur, 2, (ulong)(flags >> 15))
                    || !Emit(ref visitor, NbnsValue.NbOnt, cur, 2, (ulong)(flags >> 13 & 3)))
                    return false;
                cur += 2;
                left -= 2;
                if (left < 4)
                    return Incomplete(ref visitor, cur, left);
                if (!Emit(ref visitor, NbnsValue.Address, cur, 4, BinaryPrimitives.ReadUInt32BigEndian(_m[cur..])))
                    return false;
                cur += 4;
                left -= 4;
            }
            return true;
        }

        private bool NodeStatus(ref T visitor, ref int cur, int left, int recordNameLength)
        {
            if (left < 1)
                return Incomplete(ref visitor, cur, left);
            int names = _m[cur];
            if (!Emit(ref visitor, NbnsValue.NumberOfNames, cur, 1, (ulong)names))
                return false;
            cur += 1;
            for (; names > 0; names--)
            {
                if (left < NbnsName.NetbiosLength)
                    return Incomplete(ref visitor, cur, left);
                if (!Need(cur + NbnsName.NetbiosLength)
                    || !Emit(ref visitor, NbnsValue.NetbiosName, cur, NbnsName.NetbiosLength,
                        NameNumber(cur, NbnsNamePart.Table) | (ulong)Math.Min(recordNameLength, 0xFFFF) << 24))
                    return false;
                cur += NbnsName.NetbiosLength;
                left -= NbnsName.NetbiosLength;
                if (left < 2)
                    return Incomplete(ref visitor, cur, left);
                if (!Need(cur + 2))
                    return false;
                ushort flags = U16(cur);
                if (!Emit(ref visitor, NbnsValue.NameFlags, cur, 2, flags)
                    || !Emit(ref visitor, NbnsValue.NameGroup, cur, 2, (ulong)(flags >> 15))
                    || !Emit(ref visitor, NbnsValue.NameOnt, cur, 2, (ulong)(flags >> 13 & 3))
                    || !Emit(ref visitor, NbnsValue.NameDeregistering, cur, 2, (ulong)(flags >> 12 & 1))
                    || !Emit(ref visitor, NbnsValue.NameConflict, cur, 2, (ulong)(flags >> 11 & 1))
                    || !Emit(ref visitor, NbnsValue.NameActive, cur, 2, (ulong)(flags >> 10 & 1))
                    || !Emit(ref visitor, NbnsValue.NamePermanent, cur, 2, (ulong)(flags >> 9 & 1)))
                    return false;
                cur += 2;
                left -= 2;
            }
            // the unit ID, then the statistics, each only when the data length leaves room for it
            return Entry(ref visitor, ref cur, ref left, NbnsValue.UnitId, 6)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.Jumpers, 1)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.TestResult, 1)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.VersionNumber, 2)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.StatisticsPeriod, 2)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.Crcs, 2)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.AlignmentErrors, 2)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.Collisions, 2)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.SendAborts, 2)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.GoodSends, 4)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.GoodReceives, 4)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.Retransmits, 2)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.NoResourceConditions, 2)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.CommandBlocks, 2)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.PendingSessions, 2)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.MaxPendingSessions, 2)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.MaxTotalSessions, 2)
                && Entry(ref visitor, ref cur, ref left, NbnsValue.SessionDataPacketSize, 2);
        }

        /// <summary>One fixed entry of a node status: false when the walk ends (an incomplete entry ends the record, and the walk goes on after it).</summary>
        private bool Entry(ref T visitor, ref int cur, ref int left, NbnsValue which, int size)
        {
            // after an incomplete entry tshark's record has ended (the next record starts where it stopped)
            if (left < 0)
                return true;
            if (left < size)
            {
                if (!Incomplete(ref visitor, cur, left))
                    return false;
                left = -1;
                return true;
            }
            if (!Need(cur + size))
                return false;
            ulong number = size switch
            {
                1 => _m[cur],
                2 => U16(cur),
                4 => BinaryPrimitives.ReadUInt32BigEndian(_m[cur..]),
                _ => 0,
            };
            if (!Emit(ref visitor, which, cur, size, number))
                return false;
            cur += size;
            left -= size;
            return true;
        }
    }
}
