namespace RawNet.Protocols.Snmp;

/// <summary>SNMP's UDP ports (RFC 3417): agents on 161, trap receivers on 162.</summary>
public static class SnmpPorts
{
    public const ushort Snmp = 161;
    public const ushort Trap = 162;
}

/// <summary>Which value of an SNMP message an item of <see cref="SnmpWalk"/> is (one per field of <see cref="SnmpFields"/>, in its order, then the column items).</summary>
public enum SnmpValue : byte
{
    Version, Community, MsgVersion, MsgId, MsgMaxSize, MsgFlags, FlagReport, FlagCrypt, FlagAuth, MsgSecurityModel,
    EngineId, EngineBoots, EngineTime, UserName, AuthParameters, PrivParameters, MsgData, EncryptedPdu,
    ContextEngineId, ContextName, Data, RequestId, ErrorStatus, ErrorIndex, NonRepeaters, MaxRepetitions,
    Enterprise, AgentAddr, GenericTrap, SpecificTrap, TimeStamp, VariableBindings, Name,
    ValueInt, ValueOctets, ValueOid, ValueNull, ValueIpv4, ValueIpv6, ValueAddr, ValueU32, ValueG32, ValueUnknown,
    ValueCounter, ValueNsap, ValueTimeticks, ValueOpaque, NoSuchObject, NoSuchInstance, EndOfMibView,
    /// <summary>Not a field: the PDU was read whole; its number the PDU's tag, whose name tshark then puts first in the Info column.</summary>
    InfoPdu,
    /// <summary>Not a field: a variable binding was read whole; its bytes are the name's OID, which tshark adds to the Info column.</summary>
    InfoOid,
    /// <summary>Not a field: a trap's enterprise, which tshark adds to the Info column resolved.</summary>
    InfoEnterprise,
    /// <summary>Not a field: tshark set the Protocol column (its reads past the UDP heuristic's).</summary>
    ProtocolSet,
    /// <summary>Not a field: tshark cleared the Info column (the PDU's choice began).</summary>
    InfoCleared,
    /// <summary>Not a field: an encrypted PDU without keys ("encryptedPDU: privKey Unknown" in the Info column).</summary>
    InfoEncrypted,
    /// <summary>Not a field: a value tshark hands to its variable-OID table by the name (sysDescr, sysName), which adds "snmp" again.</summary>
    VarBindString,
}

/// <summary>How far tshark's snmp got with the columns, kept in the layer's detail.</summary>
public enum SnmpReach : byte
{
    /// <summary>A read in its UDP heuristic or of the version failed: the Protocol and Info columns stay UDP's.</summary>
    Heuristic,
    /// <summary>The Protocol column says SNMP; the Info column stays UDP's (the PDU not reached).</summary>
    ProtocolSet,
    /// <summary>A version tshark does not know: "SNMP", UDP's Info.</summary>
    UnknownVersion,
    /// <summary>The PDU's choice began: tshark's Info column is SNMP's.</summary>
    InfoCleared,
}

/// <summary>How a walk over an SNMP message ended.</summary>
public enum SnmpWalkStatus : byte
{
    /// <summary>Every item was read.</summary>
    Complete,
    /// <summary>A read ran past the bytes the capture kept (tshark: size limited).</summary>
    Truncated,
    /// <summary>A read ran past the datagram's end or an OID could not be read (tshark: malformed).</summary>
    Malformed,
    /// <summary>An element of another class or tag than the one expected: tshark's BER error, after which RawNet reads no further.</summary>
    Unexpected,
    /// <summary>The visitor asked to stop.</summary>
    Stopped,
}

/// <summary>Receives the items of an SNMP message in tshark's order.</summary>
public interface ISnmpVisitor
{
    /// <summary>One item: its bytes' offset and length in the message and its number; false stops the walk.</summary>
    bool Item(SnmpValue which, int offset, int length, ulong number);
}

/// <summary>
/// An SNMP message as tshark 4.0's snmp dissector (packet-snmp.c over its BER helpers) reads it: v1 and v2c messages
/// (version, community, the PDU: request ID, error status and index or GetBulk's non-repeaters and max-repetitions, or a
/// v1 trap's enterprise, agent address, generic and specific trap and time stamp; then the variable bindings, each a name
/// and a value by its class and tag), and v3's header, USM parameters and plaintext or encrypted scoped PDU. Every BER
/// header read is checked; a read past the captured bytes ends the walk as truncated, past the datagram as malformed.
/// Loops are bounded by the message: every element read moves on at least one byte.
/// </summary>
public static class SnmpWalk
{
    /// <summary>BER classes (the identifier's top two bits).</summary>
    internal const int Universal = 0, Application = 1, Context = 2;

    /// <summary>Universal tags SNMP uses.</summary>
    internal const uint TagInteger = 2, TagOctetString = 4, TagNull = 5, TagOid = 6, TagSequence = 16;

    /// <summary>How deep tshark's length scan follows nested indefinite lengths before RawNet gives up (malformed).</summary>
    private const int MaxIndefiniteDepth = 16;

    /// <summary>
    /// Whether tshark's snmp takes a UDP payload (its heuristic in dissect_snmp): a universal SEQUENCE whose length does
    /// not run past the datagram, then a universal INTEGER. A payload whose reads run past the captured bytes is taken
    /// (the read throws inside the dissector).
    /// </summary>
    public static bool IsTaken(ReadOnlySpan<byte> message, int reported)
    {
        var reader = new Ber(message, Math.Max(reported, message.Length));
        int pos = 0;
        if (!reader.Identifier(ref pos, out int cls, out _, out uint tag))
            return true;
        if (cls != Universal || tag != TagSequence)
            return false;
        if (!reader.Length(ref pos, out long length, out bool indefinite))
            return true;
        if (!indefinite && pos + length > reader.Reported)
            return false;
        if (!reader.Identifier(ref pos, out cls, out _, out tag))
            return true;
        return cls == Universal && tag == TagInteger;
    }

    /// <summary>
    /// Walks <paramref name="message"/> (captured bytes; the datagram declares <paramref name="reported"/>), handing each
    /// item to <paramref name="visitor"/>; <paramref name="stop"/> is where the walk stopped, <paramref name="end"/> where
    /// the message's outer sequence ends (bytes after it are data to tshark).
    /// </summary>
    public static SnmpWalkStatus Run<T>(ReadOnlySpan<byte> message, int reported, ref T visitor, out int stop, out int end) where T : struct, ISnmpVisitor, allows ref struct
    {
        var walk = new Walker<T>(message, Math.Max(reported, message.Length));
        var status = walk.Run(ref visitor);
        stop = walk.Ber.Stop;
        end = walk.End;
        return status;
    }

    /// <summary>How the walk of <paramref name="message"/> ends.</summary>
    public static SnmpWalkStatus StatusOf(ReadOnlySpan<byte> message, int reported, out int stop, out int end)
    {
        var none = new NoVisitor();
        return Run(message, reported, ref none, out stop, out end);
    }

    /// <summary>
    /// Judges a message for the decoder: how the walk ended, where, where the outer sequence ends, how far tshark's columns
    /// got (<see cref="SnmpReach"/>, kept in the layer's detail) and how many values its variable-OID table takes.
    /// </summary>
    public static SnmpWalkStatus Judge(ReadOnlySpan<byte> message, int reported, out int stop, out int end, out SnmpReach reach, out int strings)
    {
        var judge = new Judgement();
        var status = Run(message, reported, ref judge, out stop, out end);
        reach = judge.Reach;
        strings = judge.Strings;
        return status;
    }

    /// <summary>The bit of an SNMP layer's detail that says bytes follow the message (data to tshark); the others are its <see cref="SnmpReach"/>.</summary>
    public const byte TrailingBit = 0x80;

    /// <summary>
    /// Appends "snmp" to frame.protocols once per value tshark's variable-OID table took (sysDescr.0 and sysName.0 with a
    /// value): tshark calls those once the message was read whole, and not when bytes follow it (it hands those to data).
    /// </summary>
    public static bool TryWriteChain(in Decoding.Layer layer, ReadOnlySpan<byte> message, Span<char> destination, ref int written)
    {
        if (layer.Status != Decoding.LayerStatus.Complete || (layer.Detail & TrailingBit) != 0)
            return true;
        var status = Judge(message, layer.Extent, out _, out int end, out _, out int strings);
        if (status != SnmpWalkStatus.Complete)
            return true;
        for (int i = 0; i < strings; i++)
        {
            if (!Decoding.ProtocolChain.Append("snmp", destination, ref written))
                return false;
        }
        return true;
    }

    private struct Judgement : ISnmpVisitor
    {
        public SnmpReach Reach;
        public int Strings;

        public bool Item(SnmpValue which, int offset, int length, ulong number)
        {
            if (which == SnmpValue.ProtocolSet)
                Reach = number is 0 or 1 or 3 ? SnmpReach.ProtocolSet : SnmpReach.UnknownVersion;
            else if (which is SnmpValue.InfoCleared or SnmpValue.InfoEncrypted)
                Reach = SnmpReach.InfoCleared;
            else if (which == SnmpValue.VarBindString)
                Strings++;
            return true;
        }
    }

    private struct NoVisitor : ISnmpVisitor
    {
        public readonly bool Item(SnmpValue which, int offset, int length, ulong number) => true;
    }

    /// <summary>The name tshark gives a PDU's tag (its Info column and snmp.data), or null for another tag.</summary>
    public static string? PduName(ulong tag) => tag switch
    {
        0 => "get-request",
        1 => "get-next-request",
        2 => "get-response",
        3 => "set-request",
        4 => "trap",
        5 => "getBulkRequest",
        6 => "informRequest",
        7 => "snmpV2-trap",
        8 => "report",
        _ => null,
    };

    /// <summary>BER reads over the captured bytes, each checked: a read past them records truncation or malformation.</summary>
    internal ref struct Ber
    {
        public readonly ReadOnlySpan<byte> M;
        public readonly int Reported;
        /// <summary>Where the outer sequence ends (tshark reads inside it as a subset of the datagram): a read past it is malformed.</summary>
        public int Limit;
        public SnmpWalkStatus Status;
        public int Stop;

        public Ber(ReadOnlySpan<byte> message, int reported)
        {
            M = message;
            Reported = reported;
            Limit = reported;
            Stop = message.Length;
        }

        /// <summary>False (and the status set) when bytes up to <paramref name="end"/> were not captured.</summary>
        public bool Need(long end)
        {
            if (end <= M.Length && end <= Limit)
                return true;
            Status = end <= Limit ? SnmpWalkStatus.Truncated : SnmpWalkStatus.Malformed;
            Stop = (int)Math.Min(end, Limit);
            return false;
        }

        /// <summary>An identifier (get_ber_identifier): class, constructed bit and tag, a high tag's bytes while they continue.</summary>
        public bool Identifier(ref int pos, out int cls, out bool constructed, out uint tag)
        {
            cls = 0;
            constructed = false;
            tag = 0;
            if (!Need((long)pos + 1))
                return false;
            byte first = M[pos++];
            cls = first >> 6;
            constructed = (first & 0x20) != 0;
            tag = (uint)(first & 0x1F);
            if (tag != 0x1F)
                return true;
            tag = 0;
            // bounded by the datagram: tshark reads while bytes remain and the top bit says more follow
            while (pos < Reported)
            {
                if (!Need((long)pos + 1))
                    return false;
                byte b = M[pos++];
                tag = tag << 7 | (uint)(b & 0x7F);
                if ((b & 0x80) == 0)
                    break;
            }
            return true;
        }

        /// <summary>A length (get_ber_length): short form, long form (wrapping at 32 bits as tshark's), or indefinite, measured to its end-of-contents.</summary>
        public bool Length(ref int pos, out long length, out bool indefinite)
        {
            length = 0;
            indefinite = false;
            if (!Need((long)pos + 1))
                return false;
            byte first = M[pos++];
            if (first < 0x80)
            {
                length = first;
                return true;
            }
            int count = first & 0x7F;
            if (count == 0)
            {
                indefinite = true;
                return Indefinite(pos, 0, out length);
            }
            uint value = 0;
            for (int i = 0; i < count; i++)
            {
                if (!Need((long)pos + 1))
                    return false;
                value = value << 8 | M[pos++];
            }
            length = value;
            return true;
        }

        /// <summary>The length of indefinite contents from <paramref name="pos"/>: the elements up to the end-of-contents octets, which it includes.</summary>
        private bool Indefinite(int pos, int depth, out long length)
        {
            length = 0;
            if (depth > MaxIndefiniteDepth)
            {
                Status = SnmpWalkStatus.Malformed;
                Stop = pos;
                return false;
            }
            int start = pos;
            while (true)
            {
                if (!Need((long)pos + 2))
                    return false;
                if (M[pos] == 0 && M[pos + 1] == 0)
                {
                    length = pos + 2 - start;
                    return true;
                }
                if (!Identifier(ref pos, out _, out _, out _) || !Need((long)pos + 1))
                    return false;
                long inner;
                if (M[pos] == 0x80)
                {
                    if (!Indefinite(pos + 1, depth + 1, out inner))
                        return false;
                    pos++;
                }
                else if (!Length(ref pos, out inner, out _))
                    return false;
                if (pos + inner > Reported)
                    return Need(pos + inner);
                pos += (int)inner;
            }
        }

        /// <summary>A whole header: identifier and length; the contents start at <paramref name="pos"/> afterwards.</summary>
        public bool Header(ref int pos, out int cls, out bool constructed, out uint tag, out long length)
        {
            length = 0;
            return Identifier(ref pos, out cls, out constructed, out tag) && Length(ref pos, out length, out _);
        }
    }

    private ref struct Walker<T> where T : struct, ISnmpVisitor, allows ref struct
    {
        public Ber Ber;
        public int End;

        public Walker(ReadOnlySpan<byte> message, int reported)
        {
            Ber = new Ber(message, reported);
            End = message.Length;
        }

        private bool Emit(ref T visitor, SnmpValue which, int offset, int length, ulong number)
        {
            if (visitor.Item(which, offset, length, number))
                return true;
            Ber.Status = SnmpWalkStatus.Stopped;
            return false;
        }

        /// <summary>False (malformed: tshark throws adding it) when the OID at <paramref name="at"/> has a sub-identifier above 32 bits.</summary>
        private bool ValidOid(int at, int length)
        {
            if (SnmpOid.IsValid(Ber.M.Slice(at, length)))
                return true;
            Ber.Status = SnmpWalkStatus.Malformed;
            Ber.Stop = at;
            return false;
        }

        /// <summary>Bounds the reads to <paramref name="end"/> (tshark reads a sequence's contents as a subset of its bytes); returns the bound to restore.</summary>
        private int Enter(long end)
        {
            int outer = Ber.Limit;
            Ber.Limit = (int)Math.Min(Ber.Limit, end);
            return outer;
        }

        private bool Unexpected(int at)
        {
            Ber.Status = SnmpWalkStatus.Unexpected;
            Ber.Stop = at;
            return false;
        }

        /// <summary>An element of the class and tag expected: its contents' offset and length, the whole of them captured.</summary>
        private bool Element(ref int pos, int cls, uint tag, out int contents, out int length)
        {
            contents = length = 0;
            int at = pos;
            if (!Ber.Header(ref pos, out int c, out _, out uint t, out long len))
                return false;
            if (!Ber.Need(pos + len))
                return false;
            contents = pos;
            length = (int)len;
            pos += length;
            // another field than expected: tshark's BER error, then it goes on with the next element and field
            if (c != cls || t != tag)
                contents = -1;
            return true;
        }

        /// <summary>A constructed element's header of the class and tag expected: tshark goes on into its contents however much of them was captured.</summary>
        private bool Constructed(ref int pos, int cls, uint tag, out int contents, out int length)
        {
            contents = length = 0;
            int at = pos;
            if (!Ber.Header(ref pos, out int c, out _, out uint t, out long len))
                return false;
            if (c != cls || t != tag)
                return Unexpected(at);
            contents = pos;
            length = (int)Math.Min(len, int.MaxValue - pos);
            pos += length;
            return true;
        }

        /// <summary>An INTEGER (dissect_ber_integer): its value sign-extended from up to eight bytes.</summary>
        private bool Integer(ref T visitor, ref int pos, SnmpValue which, int cls = Universal, uint tag = TagInteger, bool emit = true)
        {
            // tshark reads no value of more than eight bytes (an error item instead) and none of none
            int at = pos;
            if (!Ber.Header(ref at, out _, out _, out _, out long declared))
                return false;
            if (declared is 0 or > 8)
            {
                pos = (int)Math.Min(at + declared, int.MaxValue);
                return true;
            }
            if (!Element(ref pos, cls, tag, out int contents, out int length))
                return false;
            return !emit || contents < 0 || Emit(ref visitor, which, contents, length, (ulong)SignedOf(Ber.M.Slice(contents, length)));
        }

        private bool Octets(ref T visitor, ref int pos, SnmpValue which, int cls = Universal, uint tag = TagOctetString)
        {
            if (!Element(ref pos, cls, tag, out int contents, out int length))
                return false;
            return contents < 0 || Emit(ref visitor, which, contents, length, 0);
        }

        public SnmpWalkStatus Run(ref T visitor)
        {
            int pos = 0;
            if (!Ber.Header(ref pos, out _, out _, out _, out long outer))
                return Ber.Status;
            End = (int)Math.Min(pos + outer, Ber.Reported);
            Ber.Limit = End;
            int versionAt = pos;
            if (!Ber.Header(ref pos, out _, out _, out _, out long declared))
                return Ber.Status;
            // a version of more than eight bytes is not read (its value stays 0)
            long version = 0;
            if (declared is > 0 and <= 8)
            {
                if (!Ber.Need(pos + declared))
                    return Ber.Status;
                version = SignedOf(Ber.M.Slice(pos, (int)declared));
            }
            if (!Emit(ref visitor, SnmpValue.ProtocolSet, 0, 0, (ulong)version))
                return Ber.Status;
            pos = versionAt;
            switch (version)
            {
                case 0 or 1:
                    if (!Integer(ref visitor, ref pos, SnmpValue.Version) || !Octets(ref visitor, ref pos, SnmpValue.Community)
                        || !Pdus(ref visitor, ref pos))
                        return Ber.Status;
                    break;
                case 3:
                    if (!Integer(ref visitor, ref pos, SnmpValue.MsgVersion) || !V3(ref visitor, ref pos))
                        return Ber.Status;
                    break;
                default:
                    // tshark's "Unknown version": no items, the columns as UDP left them
                    End = (int)Math.Min(Ber.M.Length, Ber.Reported);
                    return SnmpWalkStatus.Complete;
            }
            End = Math.Max(End, pos);
            return SnmpWalkStatus.Complete;
        }

        private bool V3(ref T visitor, ref int pos)
        {
            if (!Constructed(ref pos, Universal, TagSequence, out int global, out int globalLength))
                return false;
            int g = global;
            int outer = Enter((long)global + globalLength);
            if (!Integer(ref visitor, ref g, SnmpValue.MsgId) || !Integer(ref visitor, ref g, SnmpValue.MsgMaxSize))
                return false;
            if (!Element(ref g, Universal, TagOctetString, out int flags, out int flagsLength)
                || (flags >= 0 && !Emit(ref visitor, SnmpValue.MsgFlags, flags, flagsLength, 0)))
                return false;
            if (flags >= 0 && flagsLength > 0)
            {
                byte f = Ber.M[flags];
                if (!Emit(ref visitor, SnmpValue.FlagReport, flags, 1, (ulong)(f >> 2 & 1))
                    || !Emit(ref visitor, SnmpValue.FlagCrypt, flags, 1, (ulong)(f >> 1 & 1))
                    || !Emit(ref visitor, SnmpValue.FlagAuth, flags, 1, (ulong)(f & 1)))
                    return false;
            }
            int modelAt = g;
            if (!Integer(ref visitor, ref g, SnmpValue.MsgSecurityModel))
                return false;
            g = modelAt;
            Ber.Header(ref g, out _, out _, out _, out long modelLength);
            Ber.Limit = outer;
            long model = modelLength is > 0 and <= 8 && g + modelLength <= Ber.M.Length ? SignedOf(Ber.M.Slice(g, (int)modelLength)) : 0;
            if (!Constructed(ref pos, Universal, TagOctetString, out int parameters, out int parametersLength))
                return false;
            if (model == 3)
            {
                int u = parameters;
                outer = Enter((long)parameters + parametersLength);
                if (!Constructed(ref u, Universal, TagSequence, out int usm, out _))
                    return false;
                u = usm;
                if (!Octets(ref visitor, ref u, SnmpValue.EngineId) || !Integer(ref visitor, ref u, SnmpValue.EngineBoots)
                    || !Integer(ref visitor, ref u, SnmpValue.EngineTime) || !Octets(ref visitor, ref u, SnmpValue.UserName)
                    || !Octets(ref visitor, ref u, SnmpValue.AuthParameters) || !Octets(ref visitor, ref u, SnmpValue.PrivParameters))
                    return false;
                Ber.Limit = outer;
            }
            // msgData: a plaintext scoped PDU (a SEQUENCE) or an encrypted one (an OCTET STRING)
            int at = pos;
            if (!Ber.Header(ref at, out int cls, out _, out uint tag, out long length))
                return false;
            if (cls == Universal && tag == TagOctetString)
            {
                return Emit(ref visitor, SnmpValue.MsgData, pos, 0, 1) && Ber.Need(at + length)
                    && Emit(ref visitor, SnmpValue.EncryptedPdu, at, (int)length, 0)
                    && Emit(ref visitor, SnmpValue.InfoEncrypted, at, (int)length, 0)
                    && Skip(ref pos, at, length);
            }
            if (cls != Universal || tag != TagSequence)
                return Unexpected(pos);
            if (!Emit(ref visitor, SnmpValue.MsgData, pos, 0, 0))
                return false;
            pos = at;
            return Octets(ref visitor, ref pos, SnmpValue.ContextEngineId) && Octets(ref visitor, ref pos, SnmpValue.ContextName)
                && Pdus(ref visitor, ref pos);
        }

        private static bool Skip(ref int pos, int contents, long length)
        {
            pos = (int)(contents + length);
            return true;
        }

        /// <summary>The PDUs choice: the PDU's tag as snmp.data, then its fields; its name goes first in the Info column once read whole.</summary>
        private bool Pdus(ref T visitor, ref int pos)
        {
            int at = pos;
            if (!Ber.Header(ref at, out int cls, out _, out uint tag, out long length)
                || !Emit(ref visitor, SnmpValue.InfoCleared, pos, 0, 0))
                return false;
            if (cls != Context || tag > 8)
                return Ber.Need(at + length) && Unexpected(pos);
            if (!Emit(ref visitor, SnmpValue.Data, pos, 0, tag))
                return false;
            int p = at;
            int outer = Enter(at + length);
            if (tag == 4)
            {
                if (!Enterprise(ref visitor, ref p) || !Octets(ref visitor, ref p, SnmpValue.AgentAddr, Application, 0)
                    || !Integer(ref visitor, ref p, SnmpValue.GenericTrap) || !Integer(ref visitor, ref p, SnmpValue.SpecificTrap)
                    || !Integer(ref visitor, ref p, SnmpValue.TimeStamp, Application, 3))
                    return false;
            }
            else if (!Integer(ref visitor, ref p, SnmpValue.RequestId)
                || !Integer(ref visitor, ref p, tag == 5 ? SnmpValue.NonRepeaters : SnmpValue.ErrorStatus)
                || !Integer(ref visitor, ref p, tag == 5 ? SnmpValue.MaxRepetitions : SnmpValue.ErrorIndex))
                return false;
            if (!VarBinds(ref visitor, ref p))
                return false;
            Ber.Limit = outer;
            pos = (int)Math.Min(Math.Max(p, at + length), int.MaxValue);
            return Emit(ref visitor, SnmpValue.InfoPdu, at, 0, tag);
        }

        private bool Enterprise(ref T visitor, ref int pos)
        {
            if (!Element(ref pos, Universal, TagOid, out int contents, out int length))
                return false;
            if (contents < 0)
                return true;
            if (!ValidOid(contents, length))
                return false;
            return Emit(ref visitor, SnmpValue.Enterprise, contents, length, 0)
                && Emit(ref visitor, SnmpValue.InfoEnterprise, contents, length, 0);
        }

        /// <summary>The variable bindings: their count first (tshark's, 0 unless the whole list was captured), then each binding.</summary>
        private bool VarBinds(ref T visitor, ref int pos)
        {
            int listAt = pos;
            if (!Element(ref pos, Universal, TagSequence, out int list, out int listLength))
            {
                // a list the capture cut: tshark shows it with a count of 0 before the first binding's read fails
                if (Ber.Status != SnmpWalkStatus.Truncated)
                    return false;
                int at = listAt;
                if (!Ber.Header(ref at, out _, out _, out _, out long declared))
                    return false;
                var status = Ber.Status;
                Ber.Status = SnmpWalkStatus.Complete;
                if (!Emit(ref visitor, SnmpValue.VariableBindings, listAt, 0, 0))
                    return false;
                int end = (int)Math.Min(at + declared, Ber.Reported);
                while (at < end)
                {
                    if (!VarBind(ref visitor, ref at))
                        return false;
                }
                Ber.Status = status;
                return false;
            }
            if (list < 0)
                return true;
            ulong count = 0;
            int scan = list;
            int listEnd = list + listLength;
            while (scan < listEnd)
            {
                if (!Ber.Header(ref scan, out _, out _, out _, out long len))
                    return false;
                scan = (int)Math.Min(scan + len, int.MaxValue);
                count++;
            }
            if (!Emit(ref visitor, SnmpValue.VariableBindings, listAt, pos - listAt, count))
                return false;
            int p = list;
            int outer = Enter(listEnd);
            while (p < listEnd)
            {
                if (!VarBind(ref visitor, ref p))
                    return false;
            }
            Ber.Limit = outer;
            return true;
        }

        private bool VarBind(ref T visitor, ref int pos)
        {
            int at = pos;
            if (!Ber.Header(ref pos, out int cls, out bool constructed, out uint tag, out long seqLength))
                return false;
            int end = (int)Math.Min(pos + seqLength, int.MaxValue);
            int outer = Enter(end);
            // a binding that is not a sequence, a name that is not an OID, a constructed value or an exception of another
            // tag: tshark's error item and the rest of the binding as unknown BER, then the next binding
            if (cls != Universal || tag != TagSequence || !constructed)
                return SkipBinding(ref pos, end, outer);
            // tshark reads the name's and the value's headers before it adds the name
            int nameAt = pos;
            if (!Ber.Header(ref pos, out cls, out constructed, out tag, out long nameDeclared))
                return false;
            if (cls != Universal || tag != TagOid || constructed)
                return SkipBinding(ref pos, end, outer);
            int name = pos, nameLength = (int)Math.Min(nameDeclared, int.MaxValue - pos);
            pos += nameLength;
            int valueAt = pos;
            if (!Ber.Header(ref pos, out cls, out constructed, out tag, out long valueLength))
                return false;
            if (!Ber.Need((long)name + nameLength) || !ValidOid(name, nameLength) || !Emit(ref visitor, SnmpValue.Name, name, nameLength, 0))
                return false;
            if (constructed)
                return SkipBinding(ref pos, end, outer);
            // tshark adds a NULL or an exception value without reading its bytes: a length past the end is no fault there
            bool unread = cls == Universal && tag == TagNull || cls == Context && tag <= 2;
            if (!unread && !Ber.Need(pos + valueLength))
                return false;
            int value = pos, length = (int)Math.Min(valueLength, int.MaxValue - pos);
            if (!Value(ref visitor, cls, tag, value, length, out bool handed))
                return false;
            if (cls == Context && tag > 2)
                return SkipBinding(ref pos, end, outer);
            handed &= value + length <= Ber.M.Length;
            if (!Emit(ref visitor, SnmpValue.InfoOid, name, nameLength, 0))
                return false;
            if (handed && length > 0 && IsStringOid(Ber.M.Slice(name, nameLength)) && !Emit(ref visitor, SnmpValue.VarBindString, value, length, 0))
                return false;
            pos = (int)Math.Min(Math.Max(end, (long)value + length), int.MaxValue);
            Ber.Limit = outer;
            return true;
        }

        private bool SkipBinding(ref int pos, int end)
        {
            if (!Ber.Need(end))
                return false;
            pos = end;
            return true;
        }

        private bool SkipBinding(ref int pos, int end, int outer)
        {
            if (!SkipBinding(ref pos, end))
                return false;
            Ber.Limit = outer;
            return true;
        }

        /// <summary>A value by its class and tag, as tshark's snmp_variable_decode adds it (without MIBs).</summary>
        private bool Value(ref T visitor, int cls, uint tag, int value, int length, out bool handed)
        {
            handed = true;
            var bytes = value + length <= Ber.M.Length ? Ber.M.Slice(value, length) : default;
            if (cls == Context)
            {
                handed = false;
                return tag switch
                {
                    0 => Emit(ref visitor, SnmpValue.NoSuchObject, value, length, 0),
                    1 => Emit(ref visitor, SnmpValue.NoSuchInstance, value, length, 0),
                    2 => Emit(ref visitor, SnmpValue.EndOfMibView, value, length, 0),
                    _ => true,
                };
            }
            if (cls == Universal)
            {
                switch (tag)
                {
                    case TagInteger:
                        return length is 0 or > 8 || Emit(ref visitor, SnmpValue.ValueInt, value, length, (ulong)SignedOf(bytes));
                    case TagOctetString:
                        return Emit(ref visitor, SnmpValue.ValueOctets, value, length, 0);
                    case TagOid:
                        return ValidOid(value, length) && Emit(ref visitor, SnmpValue.ValueOid, value, length, 0);
                    case TagNull:
                        return Emit(ref visitor, SnmpValue.ValueNull, value, length, 0);
                }
                return Emit(ref visitor, SnmpValue.ValueUnknown, value, length, 0);
            }
            if (cls == Application)
            {
                switch (tag)
                {
                    case 0:
                        return Emit(ref visitor, length == 4 ? SnmpValue.ValueIpv4 : length == 16 ? SnmpValue.ValueIpv6 : SnmpValue.ValueAddr, value, length, 0);
                    case 4:
                        return Emit(ref visitor, SnmpValue.ValueOpaque, value, length, 0);
                    case 2 or 7:
                        return length is 0 or > 8 || Emit(ref visitor, tag == 2 ? SnmpValue.ValueG32 : SnmpValue.ValueU32, value, length, (ulong)SignedOf(bytes));
                    case 1 or 3 or 5 or 6:
                        if (length == 0 || length > 9 || (length == 9 && bytes[0] != 0))
                            return true;
                        var which = tag switch { 3 => SnmpValue.ValueTimeticks, 5 => SnmpValue.ValueNsap, _ => SnmpValue.ValueCounter };
                        return Emit(ref visitor, which, value, length, UnsignedOf(bytes));
                }
            }
            return Emit(ref visitor, SnmpValue.ValueUnknown, value, length, 0);
        }
    }

    /// <summary>sysDescr.0 and sysName.0, the names tshark's variable-OID table hands to its string dissector.</summary>
    private static bool IsStringOid(ReadOnlySpan<byte> oid) =>
        oid.Length == 8 && oid[..6].SequenceEqual("\x2b\x06\x01\x02\x01\x01"u8) && (oid[6] == 1 || oid[6] == 5) && oid[7] == 0;

    /// <summary>An integer's contents, sign-extended (the first eight bytes of a longer one).</summary>
    public static long SignedOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            return 0;
        long value = (sbyte)bytes[0];
        for (int i = 1; i < bytes.Length && i < 8; i++)
            value = value << 8 | bytes[i];
        return value;
    }

    /// <summary>An unsigned integer's contents (a leading zero byte of nine allowed).</summary>
    public static ulong UnsignedOf(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        foreach (byte b in bytes)
            value = value << 8 | b;
        return value;
    }
}
