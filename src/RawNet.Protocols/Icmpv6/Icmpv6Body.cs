using System.Buffers.Binary;

namespace RawNet.Protocols.Icmpv6;

/// <summary>Which value of an ICMPv6 message a computed field of <see cref="Icmpv6Fields"/> shows.</summary>
public enum Icmpv6Value : byte
{
    /// <summary>The header's fields, read at their offsets (<see cref="Icmpv6Fields"/>): the walk names them for the tree's order only.</summary>
    Type,
    Code,
    Checksum,
    EchoIdentifier,
    EchoSequence,
    ChecksumStatus,
    Reserved,
    Mtu,
    Pointer,
    Nonce,
    MldMaximumResponseDelay,
    MldMaximumResponseCode,
    MldMulticastAddress,
    MldFlag,
    MldFlagS,
    MldFlagQrv,
    MldFlagReserved,
    MldQqi,
    MldNumberOfSources,
    MldSourceAddress,
    RaCurHopLimit,
    RaFlag,
    RaFlagM,
    RaFlagO,
    RaFlagH,
    RaFlagPrf,
    RaFlagP,
    RaFlagReserved,
    RaRouterLifetime,
    RaReachableTime,
    RaRetransTimer,
    NsTargetAddress,
    NaFlag,
    NaFlagR,
    NaFlagS,
    NaFlagO,
    NaFlagReserved,
    NaTargetAddress,
    RdTargetAddress,
    RdDestinationAddress,
    MldrNumberOfRecords,
    MldrRecord,
    MldrRecordType,
    MldrAuxDataLength,
    MldrNumberOfSources,
    MldrMulticastAddress,
    MldrSourceAddress,
    MldrAuxiliaryData,
    Option,
    OptionType,
    OptionLength,
    OptionLinkAddressMac,
    OptionSourceLinkAddressMac,
    OptionTargetLinkAddressMac,
    OptionLinkAddressEui64,
    OptionSourceLinkAddressEui64,
    OptionTargetLinkAddressEui64,
    OptionLinkAddress,
    OptionSourceLinkAddress,
    OptionTargetLinkAddress,
    OptionPadding,
    OptionPrefixLength,
    OptionPrefixFlag,
    OptionPrefixFlagL,
    OptionPrefixFlagA,
    OptionPrefixFlagR,
    OptionPrefixFlagReserved,
    OptionPrefixValidLifetime,
    OptionPrefixPreferredLifetime,
    OptionReserved,
    OptionPrefix,
    OptionRedirectedPacket,
    OptionMtu,
    OptionNonce,
    OptionRouteInfoFlag,
    OptionRouteInfoPreference,
    OptionRouteInfoReserved,
    OptionRouteLifetime,
    OptionRdnssLifetime,
    OptionRdnss,
    OptionDnsslLifetime,
    OptionDnssl,
    UnknownData,
    Data,
}

/// <summary>One item tshark adds for an ICMPv6 message's body: its value, where its bytes are, and how deep it lies in the tree.</summary>
/// <param name="Which">The field.</param>
/// <param name="Offset">Its first byte, counted from the message's type byte.</param>
/// <param name="Length">Its bytes (cut to what was captured for an item tshark adds past them).</param>
/// <param name="Number">Its value, for numbers and flags.</param>
/// <param name="Depth">0 directly under the message, 1 in an option or record, 2 in a flags subtree of one.</param>
public readonly record struct Icmpv6Item(Icmpv6Value Which, int Offset, int Length, ulong Number, int Depth);

/// <summary>Receives the items of <see cref="Icmpv6Body.Walk"/> in order; returns false to stop the walk.</summary>
public interface IIcmpv6ItemSink
{
    bool Add(in Icmpv6Item item);
}

/// <summary>
/// Walks an ICMPv6 message's body as tshark 4.0's icmpv6 dissector reads it, item by item in its order: the fields of
/// the message types RawNet knows (RFC 4443 errors, MLD and MLDv2, neighbor discovery), the neighbor discovery options
/// (an option's item, type and length, then what its type holds: link-layer addresses, prefix information, redirected
/// header, MTU, nonce, route information, RDNSS), and MLDv2 report records. An item whose bytes were not captured ends the
/// walk (tshark's exception), except a no-value item (FT_NONE), which tshark adds whatever its length; an option of
/// length 0 ends it after its length (tshark's malformed mark). Bounded by the message: every step moves forward.
/// </summary>
public static class Icmpv6Body
{
    /// <summary>The ND option types (RFC 4861, RFC 3971, RFC 4191, RFC 8106).</summary>
    public const byte SourceLinkAddress = 1, TargetLinkAddress = 2, PrefixInformation = 3, RedirectedHeader = 4, MtuOption = 5,
        NonceOption = 14, RouteInformation = 24, RecursiveDnsServer = 25, DnsSearchList = 31, FirstUnknownOption = 42;

    /// <summary>An MLD query this long or longer (as captured) is read as MLDv2's (RFC 3810 5.1.13).</summary>
    public const int Mldv2QueryMinLength = 28;

    /// <summary>
    /// Walks <paramref name="message"/> (the captured bytes from the type byte on; <paramref name="reported"/> the
    /// message's length on the wire), handing each item to <paramref name="sink"/>. <paramref name="checksumStatus"/> is
    /// tshark's checksum status (0 bad, 1 good, 2 unverified), the first item; <paramref name="teredoTest"/> marks a
    /// Teredo direct connectivity test, whose echo request carries a nonce.
    /// </summary>
    /// <returns>True when the walk ended at a read past the captured bytes (tshark's exception: a malformed or cut message).</returns>
    public static bool Walk<TSink>(ReadOnlySpan<byte> message, int reported, byte checksumStatus, bool teredoTest, ref TSink sink)
        where TSink : struct, IIcmpv6ItemSink
    {
        if (message.Length < 4)
            return true;
        bool cut = false;
        var w = new Walker<TSink>(message, ref sink, ref cut);
        WalkMessage(ref w, message, reported, checksumStatus, teredoTest);
        return cut;
    }

    /// <summary>True for the message types whose body <see cref="Walk"/> reads to its end (MLD, neighbor discovery, MLDv2 reports).</summary>
    public static bool ReadsWholeBody(byte type) => type is >= 130 and <= 137 or 141 or 142 or 143;

    private static void WalkMessage<TSink>(ref Walker<TSink> w, ReadOnlySpan<byte> message, int reported, byte checksumStatus, bool teredoTest)
        where TSink : struct, IIcmpv6ItemSink
    {
        if (!(w.U8(Icmpv6Value.Type, 0) && w.U8(Icmpv6Value.Code, 1) && w.U16(Icmpv6Value.Checksum, 2) && w.Add(Icmpv6Value.ChecksumStatus, 2, 2, checksumStatus)))
            return;
        byte type = message[0];
        if (Icmpv6Message.IsEcho(type) && !(w.U16(Icmpv6Value.EchoIdentifier, 4) && w.U16(Icmpv6Value.EchoSequence, 6)))
            return;
        switch (type)
        {
            case 1 or 3:
                w.Bytes(Icmpv6Value.Reserved, 4, 4);
                break;
            case 2:
                w.U32(Icmpv6Value.Mtu, 4);
                break;
            case 4:
                w.U32(Icmpv6Value.Pointer, 4);
                break;
            case 128 when teredoTest:
                w.Bytes(Icmpv6Value.Nonce, 8, 4);
                break;
            case 130 or 131 or 132:
                WalkMld(ref w, type == 130 && message.Length >= Mldv2QueryMinLength);
                break;
            case 133 or 141 or 142:
                if (w.Bytes(Icmpv6Value.Reserved, 4, 4))
                    WalkOptions(ref w, 8, reported);
                break;
            case 134:
                if (w.U8(Icmpv6Value.RaCurHopLimit, 4, 0) && w.Flags(Icmpv6Value.RaFlag, 5, 1, 0)
                    && w.Bit(Icmpv6Value.RaFlagM, 5, 0x80, 1) && w.Bit(Icmpv6Value.RaFlagO, 5, 0x40, 1) && w.Bit(Icmpv6Value.RaFlagH, 5, 0x20, 1)
                    && w.Bits(Icmpv6Value.RaFlagPrf, 5, 0x18, 3, 1) && w.Bit(Icmpv6Value.RaFlagP, 5, 0x04, 1) && w.Bits(Icmpv6Value.RaFlagReserved, 5, 0x03, 0, 1)
                    && w.U16(Icmpv6Value.RaRouterLifetime, 6) && w.U32(Icmpv6Value.RaReachableTime, 8) && w.U32(Icmpv6Value.RaRetransTimer, 12))
                    WalkOptions(ref w, 16, reported);
                break;
            case 135:
                if (w.Bytes(Icmpv6Value.Reserved, 4, 4) && w.Bytes(Icmpv6Value.NsTargetAddress, 8, 16))
                    WalkOptions(ref w, 24, reported);
                break;
            case 136:
                if (w.Flags(Icmpv6Value.NaFlag, 4, 4, 0) && w.Bit(Icmpv6Value.NaFlagR, 4, 0x8000_0000, 1) && w.Bit(Icmpv6Value.NaFlagS, 4, 0x4000_0000, 1)
                    && w.Bit(Icmpv6Value.NaFlagO, 4, 0x2000_0000, 1) && w.Bits(Icmpv6Value.NaFlagReserved, 4, 0x1FFF_FFFF, 0, 1)
                    && w.Bytes(Icmpv6Value.NaTargetAddress, 8, 16))
                    WalkOptions(ref w, 24, reported);
                break;
            case 137:
                if (w.Bytes(Icmpv6Value.Reserved, 4, 4) && w.Bytes(Icmpv6Value.RdTargetAddress, 8, 16) && w.Bytes(Icmpv6Value.RdDestinationAddress, 24, 16))
                    WalkOptions(ref w, Icmpv6Message.RedirectOptionsOffset, reported);
                break;
            case 143:
                WalkMldv2Report(ref w, reported);
                break;
        }
    }

    private static void WalkMld<TSink>(ref Walker<TSink> w, bool v2) where TSink : struct, IIcmpv6ItemSink
    {
        if (!v2)
        {
            _ = w.U16(Icmpv6Value.MldMaximumResponseDelay, 4) && w.Bytes(Icmpv6Value.Reserved, 6, 2) && w.Bytes(Icmpv6Value.MldMulticastAddress, 8, 16);
            return;
        }
        var m = w.Message;
        // The code is shown as the delay it stands for (RFC 3810 5.1.3), and QQIC likewise (5.1.9).
        uint code = BinaryPrimitives.ReadUInt16BigEndian(m[4..]);
        if (code >= 32768)
            code = ((code & 0x0FFF) | 0x1000) << (int)(((code & 0x7000) >> 12) + 3);
        uint qqi = m[25];
        if (qqi >= 128)
            qqi = ((qqi & 0x0F) | 0x10) << (int)(((qqi & 0x70) >> 4) + 3);
        if (!(w.Add(Icmpv6Value.MldMaximumResponseCode, 4, 2, code) && w.Bytes(Icmpv6Value.Reserved, 6, 2) && w.Bytes(Icmpv6Value.MldMulticastAddress, 8, 16)
            && w.Flags(Icmpv6Value.MldFlag, 24, 1, 0) && w.Bit(Icmpv6Value.MldFlagS, 24, 0x08, 1) && w.Bits(Icmpv6Value.MldFlagQrv, 24, 0x07, 0, 1)
            && w.Bits(Icmpv6Value.MldFlagReserved, 24, 0xF0, 4, 1) && w.Add(Icmpv6Value.MldQqi, 25, 1, qqi) && w.U16(Icmpv6Value.MldNumberOfSources, 26)))
            return;
        int sources = BinaryPrimitives.ReadUInt16BigEndian(m[26..]);
        for (int i = 0, at = 28; i < sources; i++, at += 16)
        {
            if (!w.Bytes(Icmpv6Value.MldSourceAddress, at, 16))
                return;
        }
    }

    private static void WalkMldv2Report<TSink>(ref Walker<TSink> w, int reported) where TSink : struct, IIcmpv6ItemSink
    {
        if (!(w.Bytes(Icmpv6Value.Reserved, 4, 2) && w.U16(Icmpv6Value.MldrNumberOfRecords, 6)))
            return;
        var m = w.Message;
        // Records until the message's end, whatever the count says; each step moves on by at least 20 bytes.
        for (int at = 8; at < reported;)
        {
            int sources = at + 4 <= m.Length ? BinaryPrimitives.ReadUInt16BigEndian(m[(at + 2)..]) : 0;
            int aux = at + 1 < m.Length ? m[at + 1] : 0;
            int length = 4 + 16 + 16 * sources + 4 * aux;
            // The record's item is added over the rest of the captured bytes first: none are left past a cut.
            if (at >= m.Length)
            {
                w.Cut();
                return;
            }
            if (!(w.Add(Icmpv6Value.MldrRecord, at, length, 0, 0, none: true) && w.U8(Icmpv6Value.MldrRecordType, at, 1)
                && w.U8(Icmpv6Value.MldrAuxDataLength, at + 1, 1) && w.U16(Icmpv6Value.MldrNumberOfSources, at + 2, 1)
                && w.Bytes(Icmpv6Value.MldrMulticastAddress, at + 4, 16, 1)))
                return;
            at += 20;
            for (int i = 0; i < sources; i++, at += 16)
            {
                if (!w.Bytes(Icmpv6Value.MldrSourceAddress, at, 16, 1))
                    return;
            }
            if (aux > 0)
            {
                if (!w.Bytes(Icmpv6Value.MldrAuxiliaryData, at, aux * 4, 1))
                    return;
                at += aux * 4;
            }
        }
    }

    /// <summary>The ND options from <paramref name="at"/> to the message's end (tshark's dissect_icmpv6_nd_opt).</summary>
    private static void WalkOptions<TSink>(ref Walker<TSink> w, int at, int reported) where TSink : struct, IIcmpv6ItemSink
    {
        var m = w.Message;
        while (at < reported)
        {
            // The length is read before the option's item is added: a lone last byte ends the walk.
            if (at + 1 >= m.Length)
            {
                w.Cut();
                return;
            }
            byte type = m[at];
            int length = m[at + 1] * 8;
            if (!(w.Add(Icmpv6Value.Option, at, length, 0, 0, none: true) && w.U8(Icmpv6Value.OptionType, at, 1) && w.U8(Icmpv6Value.OptionLength, at + 1, 1)))
                return;
            if (length == 0)
                return;
            int data = at + 2;
            int end = at + length;
            // Where tshark's reading of the option ends; what it leaves of the option is "unknown data".
            int read = end;
            bool ok = true;
            switch (type)
            {
                case SourceLinkAddress or TargetLinkAddress:
                {
                    bool source = type == SourceLinkAddress;
                    bool eui64 = IsEui64Padded(m, data, out bool captured);
                    if (length == 8)
                        ok = w.Bytes(Icmpv6Value.OptionLinkAddressMac, data, 6, 1)
                            && w.Bytes(source ? Icmpv6Value.OptionSourceLinkAddressMac : Icmpv6Value.OptionTargetLinkAddressMac, data, 6, 1);
                    else if (length == 16 && eui64)
                        ok = w.Bytes(Icmpv6Value.OptionLinkAddressEui64, data, 8, 1)
                            && w.Bytes(source ? Icmpv6Value.OptionSourceLinkAddressEui64 : Icmpv6Value.OptionTargetLinkAddressEui64, data, 8, 1)
                            && (!source || w.Bytes(Icmpv6Value.OptionLinkAddress, data, 8, 1) && w.Bytes(Icmpv6Value.OptionSourceLinkAddress, data, 8, 1))
                            && w.Add(Icmpv6Value.OptionPadding, data + 8, 6, 0, 1, none: true);
                    else if (length == 16 && !captured)
                    {
                        w.Cut();
                        return;
                    }
                    else
                        ok = w.Bytes(Icmpv6Value.OptionLinkAddress, data, length - 2, 1)
                            && w.Bytes(source ? Icmpv6Value.OptionSourceLinkAddress : Icmpv6Value.OptionTargetLinkAddress, data, length - 2, 1);
                    break;
                }
                case PrefixInformation:
                    ok = w.U8(Icmpv6Value.OptionPrefixLength, data, 1) && w.Flags(Icmpv6Value.OptionPrefixFlag, data + 1, 1, 1)
                        && w.Bit(Icmpv6Value.OptionPrefixFlagL, data + 1, 0x80, 2) && w.Bit(Icmpv6Value.OptionPrefixFlagA, data + 1, 0x40, 2)
                        && w.Bit(Icmpv6Value.OptionPrefixFlagR, data + 1, 0x20, 2) && w.Bits(Icmpv6Value.OptionPrefixFlagReserved, data + 1, 0x1F, 0, 2)
                        && w.U32(Icmpv6Value.OptionPrefixValidLifetime, data + 2, 1) && w.U32(Icmpv6Value.OptionPrefixPreferredLifetime, data + 6, 1)
                        && w.Add(Icmpv6Value.OptionReserved, data + 10, 4, 0, 1, none: true) && w.Bytes(Icmpv6Value.OptionPrefix, data + 14, 16, 1);
                    read = data + 30;
                    break;
                case RedirectedHeader:
                    // The packet inside is decoded as quoted layers after this one.
                    ok = w.Add(Icmpv6Value.OptionReserved, data, 6, 0, 1, none: true)
                        && (length <= 8 || w.Add(Icmpv6Value.OptionRedirectedPacket, at + 8, length - 8, 0, 1, none: true));
                    break;
                case MtuOption:
                    ok = w.Add(Icmpv6Value.OptionReserved, data, 2, 0, 1, none: true) && w.U32(Icmpv6Value.OptionMtu, data + 2, 1);
                    read = data + 6;
                    break;
                case NonceOption:
                    ok = w.Bytes(Icmpv6Value.OptionNonce, data, length - 2, 1);
                    break;
                case RouteInformation:
                    ok = w.U8(Icmpv6Value.OptionPrefixLength, data, 1) && w.Flags(Icmpv6Value.OptionRouteInfoFlag, data + 1, 1, 1)
                        && w.Bits(Icmpv6Value.OptionRouteInfoPreference, data + 1, 0x18, 3, 2) && w.Bits(Icmpv6Value.OptionRouteInfoReserved, data + 1, 0xE7, 0, 2)
                        && w.U32(Icmpv6Value.OptionRouteLifetime, data + 2, 1);
                    // A 16-byte option's prefix is its first 8 bytes, shown padded with zeros.
                    ok = ok && (length is not (16 or 24) || w.Bytes(Icmpv6Value.OptionPrefix, data + 6, length - 8, 1));
                    read = length is 16 or 24 ? end : data + 6;
                    break;
                case RecursiveDnsServer:
                    ok = w.Add(Icmpv6Value.OptionReserved, data, 2, 0, 1, none: true) && w.U32(Icmpv6Value.OptionRdnssLifetime, data + 2, 1);
                    for (int server = data + 6; ok && server < end; server += 16)
                        ok = w.Bytes(Icmpv6Value.OptionRdnss, server, 16, 1);
                    read = Math.Max(end, data + 6);
                    break;
                case DnsSearchList:
                    ok = w.Add(Icmpv6Value.OptionReserved, data, 2, 0, 1, none: true) && w.U32(Icmpv6Value.OptionDnsslLifetime, data + 2, 1);
                    read = data + 6;
                    // Names until a zero byte, which starts the padding to the option's end.
                    while (ok && read < end)
                    {
                        if (read >= m.Length)
                        {
                            w.Cut();
                            return;
                        }
                        if (m[read] == 0)
                        {
                            ok = w.Add(Icmpv6Value.OptionPadding, read, end - read, 0, 1, none: true);
                            read = end;
                            break;
                        }
                        var name = Dns.DnsName.Read(m, reported, read);
                        if (!name.IsReadable || name.WireLength <= 0)
                        {
                            w.Cut();
                            return;
                        }
                        ok = w.Bytes(Icmpv6Value.OptionDnssl, read, name.WireLength, 1);
                        read += name.WireLength;
                    }
                    break;
                case >= FirstUnknownOption and not (138 or 144 or 253 or 254):
                    // An option tshark has no name for: its bytes as data.
                    ok = w.Bytes(Icmpv6Value.Data, data, length - 2, 1);
                    break;
                default:
                    // Options RawNet does not read: tshark's own items for them are left out.
                    break;
            }
            if (!ok)
                return;
            if (end > read && !w.Bytes(Icmpv6Value.UnknownData, read, end - read, 1))
                return;
            at = end;
        }
    }

    /// <summary>True when a 16-byte link-layer option's last 6 bytes are zero (an EUI-64); <paramref name="captured"/> false when they were not all captured.</summary>
    private static bool IsEui64Padded(ReadOnlySpan<byte> message, int data, out bool captured)
    {
        captured = data + 14 <= message.Length;
        return captured && message.Slice(data + 8, 6).IndexOfAnyExcept((byte)0) < 0;
    }

    /// <summary>Adds items while their bytes were captured.</summary>
    private readonly ref struct Walker<TSink> where TSink : struct, IIcmpv6ItemSink
    {
        private readonly ref TSink _sink;
        private readonly ref bool _cut;

        public readonly ReadOnlySpan<byte> Message;

        public Walker(ReadOnlySpan<byte> message, ref TSink sink, ref bool cut)
        {
            Message = message;
            _sink = ref sink;
            _cut = ref cut;
        }

        /// <summary>Notes that the walk ends at a read past the captured bytes.</summary>
        public void Cut() => _cut = true;

        private bool Fits(int offset, int length)
        {
            if (offset + length <= Message.Length)
                return true;
            _cut = true;
            return false;
        }

        /// <summary>
        /// Adds one item; false (end of walk) when its bytes were not captured, unless it is a no-value item
        /// (<paramref name="none"/>), whose length is cut to what was, or when the sink stops.
        /// </summary>
        public bool Add(Icmpv6Value which, int offset, int length, ulong number, int depth = 0, bool none = false)
        {
            if (!none && !Fits(offset, length))
                return false;
            // A no-value item may run past the captured bytes, and start where they end, but not after.
            if (none && !Fits(offset, 0))
                return false;
            if (none)
                length = Math.Max(0, Math.Min(length, Message.Length - offset));
            return _sink.Add(new Icmpv6Item(which, offset, length, number, depth));
        }

        public bool Bytes(Icmpv6Value which, int offset, int length, int depth = 0) => Add(which, offset, length, 0, depth);

        public bool U8(Icmpv6Value which, int offset, int depth = 0) =>
            Fits(offset, 1) && Add(which, offset, 1, Message[offset], depth);

        public bool U16(Icmpv6Value which, int offset, int depth = 0) =>
            Fits(offset, 2) && Add(which, offset, 2, BinaryPrimitives.ReadUInt16BigEndian(Message[offset..]), depth);

        public bool U32(Icmpv6Value which, int offset, int depth = 0) =>
            Fits(offset, 4) && Add(which, offset, 4, BinaryPrimitives.ReadUInt32BigEndian(Message[offset..]), depth);

        /// <summary>A flags field of <paramref name="size"/> bytes (1 or 4), whose bits follow as <see cref="Bit"/> and <see cref="Bits"/>.</summary>
        public bool Flags(Icmpv6Value which, int offset, int size, int depth) =>
            size == 1 ? U8(which, offset, depth) : U32(which, offset, depth);

        /// <summary>One flag bit of the flags at <paramref name="offset"/> (1 or 4 bytes, as <paramref name="mask"/> is wide).</summary>
        public bool Bit(Icmpv6Value which, int offset, uint mask, int depth) =>
            Add(which, offset, mask > 0xFF ? 4 : 1, (Read(offset, mask) & mask) != 0 ? 1UL : 0UL, depth);

        /// <summary>The bits of <paramref name="mask"/> of the flags at <paramref name="offset"/>, shifted right by <paramref name="shift"/>.</summary>
        public bool Bits(Icmpv6Value which, int offset, uint mask, int shift, int depth) =>
            Add(which, offset, mask > 0xFF ? 4 : 1, (Read(offset, mask) & mask) >> shift, depth);

        private uint Read(int offset, uint mask) =>
            mask > 0xFF ? BinaryPrimitives.ReadUInt32BigEndian(Message[offset..]) : Message[offset];
    }
}
