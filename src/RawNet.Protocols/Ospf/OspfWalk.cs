using System.Buffers.Binary;

namespace RawNet.Protocols.Ospf;

/// <summary>
/// tshark 4.0's reads of an OSPF packet in order, as items (header, authentication, hello, database description, LS
/// requests, LS update and acknowledgement with their LSA headers): each comes once its bytes were captured; the first read
/// or subtree past them ends the walk (<see cref="Failed"/>, with its end in <see cref="FailedEnd"/>), as tshark's exception
/// does. The decoder, the field reader, the tree and the Info column share it. Bounded: every loop moves at least 4 bytes
/// forward through the captured bytes or ends the walk; LSA bodies are skipped by their length (not decoded).
/// </summary>
public ref struct OspfWalk
{
    private enum Phase : byte { Header, Hello, Neighbors, DbDescription, LsaHeaders, LsRequests, LsUpdate, LsaInUpdate, LsaBody, Lls, Done }

    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported;
    private readonly byte _version, _type;
    private readonly int _headerLength, _bodyEnd;
    private Phase _phase;
    private int _step, _at, _lsaStart, _lsaLength, _count, _metrics;
    private uint _lsasLeft;

    /// <summary>True once a read ran past the captured bytes.</summary>
    public bool Failed { get; private set; }

    /// <summary>The end (from the packet's start) of the read that failed.</summary>
    public int FailedEnd { get; private set; }

    /// <summary>True when tshark hands the bytes after the header to its data dissector (an unknown message type).</summary>
    public readonly bool DataAfterHeader => _bytes.Length >= OspfHeader.FirstReads && _version is 2 or 3 && OspfHeader.InfoOf(_type) is null;

    /// <summary>The header's length by version (14 for an unknown one).</summary>
    public readonly int HeaderLength => _headerLength;

    public OspfWalk(ReadOnlySpan<byte> captured, int reported)
    {
        _bytes = captured;
        _reported = Math.Max(reported, captured.Length);
        _phase = Phase.Header;
        _step = 0;
        _at = 0;
        _lsaStart = 0;
        _lsaLength = 0;
        _count = 0;
        _metrics = 0;
        _lsasLeft = 0;
        _version = captured.Length > 0 ? captured[0] : (byte)0;
        _type = captured.Length > 1 ? captured[1] : (byte)0;
        _headerLength = OspfHeader.LengthOf(_version);
        int ospfLength = captured.Length >= OspfHeader.FirstReads ? BinaryPrimitives.ReadUInt16BigEndian(captured[2..]) : 0;
        // tshark passes the body's length as a 16-bit number: a packet length below the header's wraps.
        _bodyEnd = _headerLength + (ushort)(ospfLength - _headerLength);
        if (captured.Length < OspfHeader.FirstReads)
            Fail(Math.Min(captured.Length, 2), captured.Length < 2 ? 1 : 2);
    }

    private bool Fail(int at, int length)
    {
        if (!Failed)
        {
            Failed = true;
            FailedEnd = at + length;
        }
        _phase = Phase.Done;
        return false;
    }

    private readonly bool Has(int at, int length) => at >= 0 && at + length <= _bytes.Length;

    private readonly ulong U8(int at) => Has(at, 1) ? _bytes[at] : 0UL;
    private readonly ulong U16(int at) => Has(at, 2) ? BinaryPrimitives.ReadUInt16BigEndian(_bytes[at..]) : 0UL;
    private readonly ulong U24(int at) => Has(at, 3) ? (ulong)_bytes[at] << 16 | (ulong)_bytes[at + 1] << 8 | _bytes[at + 2] : 0UL;
    private readonly ulong U32(int at) => Has(at, 4) ? BinaryPrimitives.ReadUInt32BigEndian(_bytes[at..]) : 0UL;

    /// <summary>An item of <paramref name="length"/> bytes at <paramref name="at"/>, or the failure of its read.</summary>
    private bool Item(OspfValue value, int at, int length, ulong number, int depth, out OspfItem item)
    {
        _step++;
        if (!Has(at, length))
        {
            item = default;
            return Fail(at, length);
        }
        item = new OspfItem(value, at, length, number, depth);
        return true;
    }

    /// <summary>tshark's text subtree over bytes that must all be captured; false when they were not.</summary>
    private bool Subtree(int at, int length) => Has(at, length) || Fail(at, length);

    /// <summary>The next item; false at the end of the packet or at a read past the captured bytes.</summary>
    public bool Next(out OspfItem item)
    {
        item = default;
        while (true)
        {
            switch (_phase)
            {
                case Phase.Done:
                    return false;
                case Phase.Header:
                    if (NextHeader(out item, out bool produced) || !produced && _phase == Phase.Done)
                        return produced;
                    continue;
                case Phase.Hello:
                    if (NextHello(out item))
                        return true;
                    continue;
                case Phase.Neighbors:
                    if (_at >= _bodyEnd)
                    {
                        StartLls();
                        continue;
                    }
                    _at += 4;
                    return Item(OspfValue.ActiveNeighbor, _at - 4, 4, 0, 1, out item);
                case Phase.DbDescription:
                    if (NextDbDescription(out item))
                        return true;
                    continue;
                case Phase.LsaHeaders:
                    if (NextLsaHeaders(out item))
                        return true;
                    continue;
                case Phase.LsRequests:
                    if (NextLsRequest(out item))
                        return true;
                    continue;
                case Phase.LsUpdate:
                    if (_step == 0)
                    {
                        if (!Subtree(_headerLength, _bodyEnd - _headerLength))
                            return false;
                        _lsasLeft = (uint)U32(_headerLength);
                        _at = _headerLength + 4;
                        bool ok = Item(OspfValue.LsaCount, _headerLength, 4, _lsasLeft, 1, out item);
                        if (ok)
                            _phase = Phase.LsaInUpdate;
                        _step = 0;
                        return ok;
                    }
                    _phase = Phase.Done;
                    continue;
                case Phase.LsaInUpdate:
                    if (NextLsaInUpdate(out item))
                        return true;
                    continue;
                case Phase.Lls:
                    if (NextLls(out item))
                        return true;
                    continue;
                case Phase.LsaBody:
                    if (_version == 2 ? NextV2Body(out item) : NextV3Body(out item))
                        return true;
                    continue;
            }
        }
    }

    private bool NextHeader(out OspfItem item, out bool produced)
    {
        produced = true;
        item = default;
        switch (_step)
        {
            case 0:
                return Item(OspfValue.Version, 0, 1, _version, 1, out item) || (produced = false);
            case 1:
                return Item(OspfValue.MessageType, 1, 1, _type, 1, out item) || (produced = false);
            case 2:
            {
                var kind = _type switch
                {
                    OspfHeader.TypeHello => OspfValue.IsHello,
                    OspfHeader.TypeDbDescription => OspfValue.IsDbDescription,
                    OspfHeader.TypeLsRequest => OspfValue.IsLsRequest,
                    OspfHeader.TypeLsUpdate => OspfValue.IsLsUpdate,
                    OspfHeader.TypeLsAck => OspfValue.IsLsAck,
                    _ => OspfValue.Version,
                };
                if (kind == OspfValue.Version)
                {
                    _step++;
                    produced = false;
                    return false;
                }
                return Item(kind, 1, 1, 1, 1, out item) || (produced = false);
            }
            case 3:
                return Item(OspfValue.PacketLength, 2, 2, U16(2), 1, out item) || (produced = false);
            case 4:
                return Item(OspfValue.SourceRouter, 4, 4, 0, 1, out item) || (produced = false);
            case 5:
                return Item(OspfValue.AreaId, 8, 4, 0, 1, out item) || (produced = false);
            case 6:
                if (Item(OspfValue.Checksum, 12, 2, U16(12), 1, out item))
                {
                    // An unknown version ends with the checksum.
                    if (_version is not (2 or 3))
                        _phase = Phase.Done;
                    return true;
                }
                produced = false;
                return false;
        }
        if (_version == 3)
        {
            switch (_step)
            {
                case 7:
                    return Item(OspfValue.InstanceId, 14, 1, U8(14), 1, out item) || (produced = false);
                case 8:
                    return Item(OspfValue.Reserved, 15, 1, 0, 1, out item) || (produced = false);
            }
        }
        else
        {
            ushort auth = (ushort)U16(14);
            switch (_step)
            {
                case 7:
                    return Item(OspfValue.AuthType, 14, 2, U16(14), 1, out item) || (produced = false);
                case 8:
                    return auth switch
                    {
                        OspfHeader.AuthNone => Item(OspfValue.AuthNone, 16, 8, 0, 1, out item) || (produced = false),
                        OspfHeader.AuthSimple => Item(OspfValue.AuthSimple, 16, 8, 0, 1, out item) || (produced = false),
                        OspfHeader.AuthCrypt => Item(OspfValue.AuthKeyId, 18, 1, U8(18), 1, out item) || (produced = false),
                        _ => Item(OspfValue.AuthUnknown, 16, 8, 0, 1, out item) || (produced = false),
                    };
                case 9 when auth == OspfHeader.AuthCrypt:
                    return Item(OspfValue.AuthCryptLength, 19, 1, U8(19), 1, out item) || (produced = false);
                case 10 when auth == OspfHeader.AuthCrypt:
                    return Item(OspfValue.AuthCryptSequence, 20, 4, U32(20), 1, out item) || (produced = false);
                case 11 when auth == OspfHeader.AuthCrypt:
                {
                    // The digest after the packet, only where it was captured.
                    int at = (int)U16(2), length = (int)U8(19);
                    if (Has(at, length))
                        return Item(OspfValue.AuthCryptData, at, length, 0, 1, out item);
                    _step++;
                    break;
                }
            }
        }
        StartBody();
        produced = false;
        return false;
    }

    private void StartBody()
    {
        _step = 0;
        _at = _headerLength;
        _phase = _type switch
        {
            OspfHeader.TypeHello => Phase.Hello,
            OspfHeader.TypeDbDescription => Phase.DbDescription,
            OspfHeader.TypeLsRequest => Phase.LsRequests,
            OspfHeader.TypeLsUpdate => Phase.LsUpdate,
            OspfHeader.TypeLsAck => Phase.LsaHeaders,
            _ => Phase.Done,
        };
    }

    /// <summary>Option bit <paramref name="index"/> (0: DN, the top bit) of the v2 options byte at <paramref name="at"/>.</summary>
    private bool V2OptionBit(int index, int at, int depth, out OspfItem item)
    {
        ulong options = U8(at);
        var value = (OspfValue)((int)OspfValue.V2OptionDn + index);
        return Item(value, at, 1, (options >> (7 - index)) & 1, depth, out item);
    }

    private bool NextHello(out OspfItem item)
    {
        int b = _headerLength;
        item = default;
        if (_version == 2)
        {
            switch (_step)
            {
                case 0: return Item(OspfValue.NetworkMask, b, 4, 0, 1, out item);
                case 1: return Item(OspfValue.HelloInterval, b + 4, 2, U16(b + 4), 1, out item);
                case 2: return Item(OspfValue.V2Options, b + 6, 1, U8(b + 6), 1, out item);
                case >= 3 and <= 10: return V2OptionBit(_step - 3, b + 6, 2, out item);
                case 11: return Item(OspfValue.RouterPriority, b + 7, 1, U8(b + 7), 1, out item);
                case 12: return Item(OspfValue.DeadInterval, b + 8, 4, U32(b + 8), 1, out item);
                case 13: return Item(OspfValue.DesignatedRouter, b + 12, 4, 0, 1, out item);
                case 14: return Item(OspfValue.BackupDesignatedRouter, b + 16, 4, 0, 1, out item);
            }
        }
        else
        {
            switch (_step)
            {
                case 0: return Item(OspfValue.InterfaceId, b, 4, U32(b), 1, out item);
                case 1: return Item(OspfValue.RouterPriority, b + 4, 1, U8(b + 4), 1, out item);
                case 2: return Item(OspfValue.V3Options, b + 5, 3, U24(b + 5), 1, out item);
                case 3: return Item(OspfValue.HelloInterval, b + 8, 2, U16(b + 8), 1, out item);
                case 4: return Item(OspfValue.DeadInterval, b + 10, 2, U16(b + 10), 1, out item);
                case 5: return Item(OspfValue.DesignatedRouter, b + 12, 4, 0, 1, out item);
                case 6: return Item(OspfValue.BackupDesignatedRouter, b + 16, 4, 0, 1, out item);
            }
        }
        _phase = Phase.Neighbors;
        _at = b + 20;
        return false;
    }

    private bool NextDbDescription(out OspfItem item)
    {
        int b = _headerLength;
        item = default;
        if (_step == 0 && !Subtree(b, _bodyEnd - b))
            return false;
        if (_version == 2)
        {
            switch (_step)
            {
                case 0: return Item(OspfValue.InterfaceMtu, b, 2, U16(b), 1, out item);
                case 1: return Item(OspfValue.V2Options, b + 2, 1, U8(b + 2), 1, out item);
                case >= 2 and <= 9: return V2OptionBit(_step - 2, b + 2, 2, out item);
                case 10: return Item(OspfValue.DbdFlags, b + 3, 1, U8(b + 3), 1, out item);
                case >= 11 and <= 14:
                    return Item((OspfValue)((int)OspfValue.DbdR + _step - 11), b + 3, 1, (U8(b + 3) >> (14 - _step)) & 1, 2, out item);
                case 15: return Item(OspfValue.DdSequence, b + 4, 4, U32(b + 4), 1, out item);
            }
            _at = b + 8;
        }
        else
        {
            switch (_step)
            {
                case 0: return Item(OspfValue.Reserved, b, 1, 0, 1, out item);
                case 1: return Item(OspfValue.V3Options, b + 1, 3, U24(b + 1), 1, out item);
                case 2: return Item(OspfValue.InterfaceMtu, b + 4, 2, U16(b + 4), 1, out item);
                case 3: return Item(OspfValue.Reserved, b + 6, 1, 0, 1, out item);
                case 4: return Item(OspfValue.DbdFlags, b + 7, 1, U8(b + 7), 1, out item);
                case >= 5 and <= 8:
                    return Item((OspfValue)((int)OspfValue.DbdR + _step - 5), b + 7, 1, (U8(b + 7) >> (8 - _step)) & 1, 2, out item);
                case 9: return Item(OspfValue.DdSequence, b + 8, 4, U32(b + 8), 1, out item);
            }
            _at = b + 12;
        }
        _phase = Phase.LsaHeaders;
        _step = 0;
        return false;
    }

    private bool NextLsRequest(out OspfItem item)
    {
        item = default;
        if (_step == 0)
        {
            if (_at >= _bodyEnd)
            {
                _phase = Phase.Done;
                return false;
            }
            if (!Subtree(_at, 12))
                return false;
        }
        int a = _at;
        switch (_step)
        {
            case 0 when _version == 2: return Item(OspfValue.LsRequestType, a, 4, U32(a), 1, out item);
            case 0: return Item(OspfValue.Reserved, a, 2, 0, 1, out item);
            case 1 when _version == 2: _step += 4; return Item(OspfValue.LinkStateId, a + 4, 4, 0, 1, out item);
            case 1: return Item(OspfValue.V3LsaType, a + 2, 2, U16(a + 2), 1, out item);
            // tshark shows the v3 type's bits below it here too.
            case 2: return Item(OspfValue.V3LsaU, a + 2, 2, U16(a + 2) >> 15, 2, out item);
            case 3: return Item(OspfValue.V3LsaS12, a + 2, 2, (U16(a + 2) >> 13) & 3, 2, out item);
            case 4: return Item(OspfValue.V3LsaFunctionCode, a + 2, 2, U16(a + 2) & 0x1fff, 2, out item);
            case 5: return Item(OspfValue.LinkStateId, a + 4, 4, 0, 1, out item);
            default:
            {
                bool ok = Item(OspfValue.AdvertisingRouter, a + 8, 4, 0, 1, out item);
                _step = 0;
                _at += 12;
                return ok;
            }
        }
    }

    /// <summary>LSA headers until the body's end (database description, acknowledgement), each 20 bytes.</summary>
    private bool NextLsaHeaders(out OspfItem item)
    {
        item = default;
        if (_step == 0)
        {
            if (_at >= _bodyEnd)
            {
                if (_type == OspfHeader.TypeDbDescription)
                    StartLls();
                else
                    _phase = Phase.Done;
                return false;
            }
            if (!StartLsa(20))
                return false;
        }
        if (NextLsaHeader(1, out item))
            return true;
        if (_phase == Phase.Done)
            return false;
        // tshark's "Invalid LSA length" gives the walk an offset of -1, whose next read fails.
        if (_version == 2 && _lsaLength < OspfHeader.LeastLsaLength(_bytes[_lsaStart + 3]))
            return Fail(_reported, 1);
        _at += 20;
        _step = 0;
        return false;
    }

    private bool NextLsaInUpdate(out OspfItem item)
    {
        item = default;
        if (_step == 0)
        {
            if (_lsasLeft == 0)
            {
                _phase = Phase.Done;
                return false;
            }
            if (!StartLsa(-1))
                return false;
        }
        if (NextLsaHeader(2, out item))
            return true;
        if (_phase == Phase.Done)
            return false;
        _lsasLeft--;
        _step = 0;
        if (_version == 2 && _lsaLength < OspfHeader.LeastLsaLength(_bytes[_lsaStart + 3]))
        {
            // An offset of -1 for the next LSA: its first read fails, unless this was the last.
            if (_lsasLeft == 0)
            {
                _phase = Phase.Done;
                return false;
            }
            return Fail(_reported, 1);
        }
        _phase = Phase.LsaBody;
        _at = _lsaStart + 20;
        return false;
    }

    /// <summary>
    /// After a v2 hello or DB description with the L option, tshark's LLS data block past the packet (and an MD5 digest),
    /// unless fewer than 4 bytes of the packet are left there. Version 3's LLS TLVs are not read.
    /// </summary>
    private void StartLls()
    {
        _phase = Phase.Done;
        int optionsAt = _headerLength + (_type == OspfHeader.TypeHello ? 6 : 2);
        if (_version != 2 || (U8(optionsAt) & 0x10) == 0)
            return;
        int at = (int)U16(OspfHeader.Field.PacketLength) + (U16(OspfHeader.Field.AuthType) == OspfHeader.AuthCrypt ? (int)U8(19) : 0);
        // Fewer than 4 bytes left: tshark's expert item over them, which fails past the packet or the captured bytes.
        if (at > _reported)
        {
            Fail(_reported, 1);
            return;
        }
        if (_reported - at < 4)
        {
            if (!Has(at, _reported - at))
                Fail(at, _reported - at);
            return;
        }
        _at = at;
        _step = 0;
        _phase = Phase.Lls;
    }

    /// <summary>The LLS block's checksum and length, then its TLVs (extended options, crypto authentication) up to that length.</summary>
    private bool NextLls(out OspfItem item)
    {
        item = default;
        switch (_step)
        {
            case 0:
                if (!Has(_at + 2, 2))
                    return Fail(_at + 2, 2);
                _lsaLength = _at + 4 * (int)U16(_at + 2);
                return Item(OspfValue.LlsChecksum, _at, 2, U16(_at), 2, out item);
            case 1:
            {
                bool ok = Item(OspfValue.LlsLength, _at + 2, 2, 4 * U16(_at + 2), 2, out item);
                _at += 4;
                return ok;
            }
            case 2:
                if (_at >= _lsaLength)
                {
                    _phase = Phase.Done;
                    return false;
                }
                if (!Has(_at, 4))
                    return Fail(_at, 4);
                _metrics = (int)U16(_at);
                _count = (int)U16(_at + 2);
                if (!Subtree(_at, _count + 4))
                    return false;
                return Item(OspfValue.TlvType, _at, 2, (ulong)_metrics, 3, out item);
            case 3:
                return Item(OspfValue.TlvLength, _at + 2, 2, (ulong)_count, 3, out item);
            case 4 when _metrics == 1: return Item(OspfValue.LlsOptions, _at + 4, 4, U32(_at + 4), 3, out item);
            case 5 when _metrics == 1: return Item(OspfValue.LlsOptionRs, _at + 4, 4, (U32(_at + 4) >> 1) & 1, 4, out item);
            case 6 when _metrics == 1: return Item(OspfValue.LlsOptionLr, _at + 4, 4, U32(_at + 4) & 1, 4, out item);
            case 4 when _metrics == 2: return Item(OspfValue.LlsSequence, _at + 4, 4, U32(_at + 4), 3, out item);
            case 5 when _metrics == 2:
                // A length of 3 leaves tshark a data length of -1, to the end of the captured bytes; below that an error.
                if (_count == 3)
                    return Item(OspfValue.LlsAuthData, _at + 8, Math.Max(0, _bytes.Length - (_at + 8)), 0, 3, out item);
                if (_count < 4)
                    return Fail(_reported, 1);
                return Item(OspfValue.LlsAuthData, _at + 8, _count - 4, 0, 3, out item);
        }
        _at += _count + 4;
        _step = 2;
        return false;
    }

    /// <summary>The body is done: the next LSA starts at <paramref name="next"/> (where tshark's reads ended).</summary>
    private bool EndBody(int next)
    {
        _at = next;
        _step = 0;
        _phase = Phase.LsaInUpdate;
        return false;
    }

    private bool Bit(OspfValue value, int at, int mask, int depth, out OspfItem item) =>
        Item(value, at, 1, (U8(at) & (ulong)mask) != 0 ? 1UL : 0UL, depth, out item);

    /// <summary>A v2 LSA's body as tshark reads it: router links, a network's routers, summary and external metrics.</summary>
    private bool NextV2Body(out OspfItem item)
    {
        item = default;
        int body = _lsaStart + 20, end = _lsaStart + _lsaLength;
        if (_lsaLength <= 20)
            return EndBody(body);
        switch (_bytes[_lsaStart + 3])
        {
            case 1:
                switch (_step)
                {
                    case 0: return Item(OspfValue.RouterFlags, body, 1, U8(body), 2, out item);
                    case 1: return Bit(OspfValue.RouterFlagH, body, 0x80, 3, out item);
                    case 2: return Bit(OspfValue.RouterFlagN, body, 0x10, 3, out item);
                    case 3: return Bit(OspfValue.RouterFlagW, body, 0x08, 3, out item);
                    case 4: return Bit(OspfValue.RouterFlagV, body, 0x04, 3, out item);
                    case 5: return Bit(OspfValue.RouterFlagE, body, 0x02, 3, out item);
                    case 6: return Bit(OspfValue.RouterFlagB, body, 0x01, 3, out item);
                    case 7:
                        _count = (int)U16(body + 2);
                        _at = body + 4;
                        return Item(OspfValue.LinkCount, body + 2, 2, U16(body + 2), 2, out item);
                    case 8:
                        if (_count == 0)
                            return EndBody(_at);
                        if (!Has(_at + 8, 2))
                            return Fail(_at + 8, 2);
                        _metrics = _bytes[_at + 9];
                        if (!Subtree(_at, 12 + 4 * _metrics))
                            return false;
                        return Item(OspfValue.LinkId, _at, 4, 0, 3, out item);
                    case 9: return Item(OspfValue.LinkData, _at + 4, 4, 0, 3, out item);
                    case 10: return Item(OspfValue.LinkType, _at + 8, 1, U8(_at + 8), 3, out item);
                    case 11: return Item(OspfValue.MetricCount, _at + 9, 1, U8(_at + 9), 3, out item);
                    case 12:
                    {
                        bool ok = Item(OspfValue.Metric0, _at + 10, 2, U16(_at + 10), 3, out item);
                        _at += 12;
                        return ok;
                    }
                    default:
                        if (_metrics == 0)
                        {
                            _count--;
                            _step = 8;
                            return false;
                        }
                        _metrics--;
                        _at += 4;
                        _step--;
                        return Item(OspfValue.TosMetric, _at - 4, 4, U16(_at - 2), 3, out item);
                }
            case 2:
                if (_step == 0)
                {
                    _at = body + 4;
                    return Item(OspfValue.NetworkLsaMask, body, 4, 0, 2, out item);
                }
                if (_at >= end)
                    return EndBody(_at);
                _at += 4;
                return Item(OspfValue.AttachedRouter, _at - 4, 4, 0, 2, out item);
            case 3:
            case 4:
                switch (_step)
                {
                    case 0:
                        _at = body + 4;
                        return Item(OspfValue.SummaryMask, body, 4, 0, 2, out item);
                    case 1:
                        if (_at >= end)
                            return EndBody(_at);
                        return Item(OspfValue.Tos, _at, 1, U8(_at), 2, out item);
                    default:
                    {
                        bool ok = Item(OspfValue.Metric, _at + 1, 3, U24(_at + 1), 2, out item);
                        _at += 4;
                        _step = 1;
                        return ok;
                    }
                }
            case 5:
            case 7:
                switch (_step)
                {
                    case 0:
                        _at = body + 4;
                        return Item(OspfValue.ExternalMask, body, 4, 0, 2, out item);
                    case 1:
                        if (_at >= end)
                            return EndBody(_at);
                        return Bit(OspfValue.ExternalType, _at, 0x80, 2, out item);
                    case 2: return Item(OspfValue.Tos, _at, 1, U8(_at) & 0x7f, 2, out item);
                    case 3: return Item(OspfValue.Metric, _at + 1, 3, U24(_at + 1), 2, out item);
                    case 4: return Item(OspfValue.ForwardingAddress, _at + 4, 4, 0, 2, out item);
                    default:
                    {
                        bool ok = Item(OspfValue.ExternalRouteTag, _at + 8, 4, U32(_at + 8), 2, out item);
                        _at += 12;
                        _step = 1;
                        return ok;
                    }
                }
            default:
                // Opaque and unknown LSAs: skipped by their length (tshark reads opaque TLVs, not decoded here).
                return EndBody(end);
        }
    }

    /// <summary>A v3 LSA's body as tshark reads it: a router LSA's interfaces, a network LSA's routers; others skipped by length.</summary>
    private bool NextV3Body(out OspfItem item)
    {
        item = default;
        int body = _lsaStart + 20;
        switch (U16(_lsaStart + 2))
        {
            case 0x2001:
                switch (_step)
                {
                    case 0: return Item(OspfValue.V3RouterFlags, body, 1, U8(body), 2, out item);
                    case 1: return Bit(OspfValue.V3RouterFlagW, body, 0x08, 3, out item);
                    case 2: return Bit(OspfValue.V3RouterFlagV, body, 0x04, 3, out item);
                    case 3: return Bit(OspfValue.V3RouterFlagE, body, 0x02, 3, out item);
                    case 4: return Bit(OspfValue.V3RouterFlagB, body, 0x01, 3, out item);
                    case 5:
                        // tshark's 16-bit remaining length: a length below the fixed part wraps and reads on until it fails.
                        _count = (ushort)(_lsaLength - 24);
                        _at = body + 4;
                        return Item(OspfValue.V3Options, body + 1, 3, U24(body + 1), 2, out item);
                    case 6:
                        if (_count == 0)
                            return EndBody(_at);
                        _step = 7;
                        if (!Subtree(_at, _count))
                            return false;
                        goto case 7;
                    case 7:
                        if (_count == 0)
                            return EndBody(_at);
                        if (!Subtree(_at, 16))
                            return false;
                        _step = 7;
                        return Item(OspfValue.V3InterfaceType, _at, 1, U8(_at), 4, out item);
                    case 8: return Item(OspfValue.Reserved, _at + 1, 1, 0, 4, out item);
                    case 9: return Item(OspfValue.Metric, _at + 2, 2, U16(_at + 2), 4, out item);
                    case 10: return Item(OspfValue.V3InterfaceId, _at + 4, 4, U32(_at + 4), 4, out item);
                    case 11: return Item(OspfValue.V3NeighborInterfaceId, _at + 8, 4, U32(_at + 8), 4, out item);
                    default:
                    {
                        bool ok = Item(OspfValue.V3NeighborRouterId, _at + 12, 4, 0, 4, out item);
                        _at += 16;
                        _count = (ushort)(_count - 16);
                        _step = 7;
                        return ok;
                    }
                }
            case 0x2002:
                switch (_step)
                {
                    case 0: return Item(OspfValue.Reserved, body, 1, 0, 2, out item);
                    case 1:
                        _count = (ushort)(_lsaLength - 24);
                        _at = body + 4;
                        return Item(OspfValue.V3Options, body + 1, 3, U24(body + 1), 2, out item);
                    default:
                        if (_count == 0)
                            return EndBody(_at);
                        _at += 4;
                        _count = (ushort)(_count - 4);
                        return Item(OspfValue.V3AttachedRouter, _at - 4, 4, 0, 2, out item);
                }
            default:
                return EndBody(body + (ushort)(_lsaLength - 20));
        }
    }

    /// <summary>tshark's first reads of an LSA (its type and length) and its subtree of <paramref name="length"/> bytes (the LSA's own when negative).</summary>
    private bool StartLsa(int length)
    {
        int typeAt = _at + (_version == 2 ? 3 : 2), typeLength = _version == 2 ? 1 : 2;
        if (!Has(typeAt, typeLength))
            return Fail(typeAt, typeLength);
        if (!Has(_at + 18, 2))
            return Fail(_at + 18, 2);
        _lsaStart = _at;
        _lsaLength = (int)U16(_at + 18);
        return Subtree(_at, length < 0 ? _lsaLength : length);
    }

    private bool NextLsaHeader(int depth, out OspfItem item)
    {
        int a = _lsaStart;
        item = default;
        if (_version == 2)
        {
            ulong type = U8(a + 3);
            switch (_step)
            {
                case 0: return Item(OspfValue.LsaAge, a, 2, U16(a) & 0x7fff, depth, out item);
                case 1: return Item(OspfValue.LsaDoNotAge, a, 2, U16(a) >> 15, depth, out item);
                case 2: return Item(OspfValue.V2Options, a + 2, 1, U8(a + 2), depth, out item);
                // An NSSA LSA's options name its N bit P.
                case 7 when type == 7: return Item(OspfValue.V2OptionP, a + 2, 1, (U8(a + 2) >> 3) & 1, depth + 1, out item);
                case >= 3 and <= 10: return V2OptionBit(_step - 3, a + 2, depth + 1, out item);
                case 11: return Item(OspfValue.LsaType, a + 3, 1, type, depth, out item);
                case 12:
                {
                    var kind = type switch
                    {
                        1 => OspfValue.LsaRouter, 2 => OspfValue.LsaNetwork, 3 => OspfValue.LsaSummary, 4 => OspfValue.LsaAsbr,
                        5 => OspfValue.LsaAsext, 6 => OspfValue.LsaMember, 7 => OspfValue.LsaNssa, 8 => OspfValue.LsaAttr,
                        9 or 10 or 11 => OspfValue.LsaOpaque, _ => OspfValue.Version,
                    };
                    if (kind != OspfValue.Version)
                        return Item(kind, a + 3, 1, 1, depth, out item);
                    _step++;
                    goto case 13;
                }
                case 13: return Item(OspfValue.LsaId, a + 4, 4, 0, depth, out item);
            }
        }
        else
        {
            ulong type = U16(a + 2);
            switch (_step)
            {
                case 0: return Item(OspfValue.LsaAge, a, 2, U16(a) & 0x7fff, depth, out item);
                case 1: return Item(OspfValue.V3LsaDoNotAge, a, 2, U16(a) >> 15, depth, out item);
                case 2: return Item(OspfValue.V3LsaType, a + 2, 2, type, depth, out item);
                case 3: return Item(OspfValue.V3LsaU, a + 2, 2, type >> 15, depth + 1, out item);
                case 4: return Item(OspfValue.V3LsaS12, a + 2, 2, (type >> 13) & 3, depth + 1, out item);
                case 5: return Item(OspfValue.V3LsaFunctionCode, a + 2, 2, type & 0x1fff, depth + 1, out item);
                case 6:
                {
                    // tshark's hidden field goes by the function code, whatever the scope.
                    var kind = (type & 0x1fff) switch
                    {
                        1 => OspfValue.V3LsaRouter, 2 => OspfValue.V3LsaNetwork, 3 => OspfValue.V3LsaInterPrefix,
                        4 => OspfValue.V3LsaInterRouter, 5 => OspfValue.V3LsaAsext, 6 => OspfValue.V3LsaMember, 7 => OspfValue.V3LsaNssa,
                        8 => OspfValue.V3LsaLink, 9 => OspfValue.V3LsaIntraPrefix, _ => OspfValue.Version,
                    };
                    if (kind != OspfValue.Version)
                        return Item(kind, a + 2, 2, 1, depth, out item);
                    _step++;
                    goto case 7;
                }
                case 7: return Item(OspfValue.LinkStateId, a + 4, 4, 0, depth, out item);
            }
            // the steps after the ID are the same as version 2's
            if (_step < 14)
                _step += 6;
        }
        switch (_step)
        {
            case 14: return Item(OspfValue.AdvertisingRouter, a + 8, 4, 0, depth, out item);
            case 15: return Item(OspfValue.LsaSequence, a + 12, 4, U32(a + 12), depth, out item);
            case 16: return Item(OspfValue.LsaChecksum, a + 16, 2, U16(a + 16), depth, out item);
            case 17: return Item(OspfValue.LsaLength, a + 18, 2, U16(a + 18), depth, out item);
        }
        return false;
    }
}
