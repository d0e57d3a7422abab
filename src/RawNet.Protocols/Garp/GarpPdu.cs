using System.Buffers.Binary;

namespace RawNet.Protocols.Garp;

/// <summary>The GARP application a PDU belongs to, told by the frame's destination address (tshark's only test).</summary>
public enum GarpApplication : byte
{
    /// <summary>Not a GARP address: a spanning tree BPDU.</summary>
    None,
    /// <summary>GVRP, 01-80-C2-00-00-21 (and the provider bridges' 01-80-C2-00-00-0D).</summary>
    Gvrp,
    /// <summary>GMRP, 01-80-C2-00-00-20.</summary>
    Gmrp,
    /// <summary>Another of GARP's addresses, 01-80-C2-00-00-22 to 2F: tshark writes its columns and reads nothing.</summary>
    Unknown,
}

/// <summary>What an item of a GARP PDU is, in tshark's tree order.</summary>
public enum GarpItem : byte
{
    /// <summary>A message's attribute type.</summary>
    Type,
    /// <summary>An attribute's length (the first byte of an attribute that is not an end mark).</summary>
    Length,
    /// <summary>An attribute's event.</summary>
    Event,
    /// <summary>An attribute's value: GVRP's VID (2 bytes), GMRP's group MAC (6) or service requirement (1).</summary>
    Value,
    /// <summary>An end mark: of a message's attribute list, or of the PDU.</summary>
    EndMark,
}

/// <summary>How tshark's walk of a GARP PDU ended.</summary>
public enum GarpEnd : byte
{
    /// <summary>An end mark after a message, or no bytes left in the PDU.</summary>
    Complete,
    /// <summary>The rest from <see cref="GarpWalk.DataOffset"/> is handed to tshark's data dissector.</summary>
    Data,
    /// <summary>A read ran past the captured bytes (within the PDU's length).</summary>
    Truncated,
    /// <summary>A read ran past the PDU's length.</summary>
    Malformed,
}

/// <summary>
/// A GARP PDU (IEEE 802.1D clause 12) on LLC SAP 0x42, which tshark 4.0 hands to GVRP or GMRP by the destination address
/// (packet-stp.c) and reads as packet-gvrp.c and packet-gmrp.c do.
/// <code>
///  0  Protocol ID (16, 0x0001)
///  2  Message: Attribute Type (8), then attributes until an end mark (0):
///       Length (8) | Event (8) | Value (Length - 2 bytes; none for Leave All)
///     ... messages until an end mark (0)
/// </code>
/// tshark reads the protocol ID first (a PDU shorter shows no field); a protocol ID other than 1 hands the rest to data.
/// Then, while bytes of the PDU's length remain, a message's type (0 ends the PDU after a message; before any message
/// the rest from it is data), an unknown type hands the rest after it to data, and its attributes: a length of 0 ends
/// the message after an attribute (before any, the rest from it is data), else the length and the event; Leave All must
/// have length 2, the other five events GVRP's 4 (a 2-byte VID) or GMRP's 8 or 3 (either size for either type: Group
/// Membership reads a 6-byte MAC, Service Requirement one byte), anything else hands the rest after the event to data.
/// </summary>
public static class GarpPdu
{
    /// <summary>The only protocol ID tshark reads further.</summary>
    public const ushort ProtocolId = 0x0001;

    /// <summary>An end mark, where a type or an attribute's length would be.</summary>
    public const byte EndMark = 0x00;

    /// <summary>GVRP's only attribute type (VID); GMRP's two.</summary>
    public const byte GvrpVid = 0x01, GmrpGroupMembership = 0x01, GmrpServiceRequirement = 0x02;

    /// <summary>The events: Leave All, then the five that carry a value.</summary>
    public const byte EventLeaveAll = 0, EventJoinEmpty = 1, EventJoinIn = 2, EventLeaveEmpty = 3, EventLeaveIn = 4, EventEmpty = 5;

    /// <summary>The lengths tshark accepts: Leave All's, GVRP's VID, GMRP's group MAC and service requirement.</summary>
    public const int LeaveAllLength = 2, GvrpValueLength = 4, GmrpGroupLength = 8, GmrpServiceLength = 3;

    /// <summary>The size of the protocol ID.</summary>
    public const int HeaderLength = 2;

    /// <summary>
    /// The application tshark's BPDU dissector hands a frame to by its destination address: GARP's are 01-80-C2-00-00-0D and
    /// 01-80-C2-00-00-2X; any other is <see cref="GarpApplication.None"/>.
    /// </summary>
    public static GarpApplication ApplicationOf(ReadOnlySpan<byte> destination)
    {
        if (destination.Length < 6 || !destination[..5].SequenceEqual(GroupPrefix))
            return GarpApplication.None;
        return destination[5] switch
        {
            0x20 => GarpApplication.Gmrp,
            0x21 or 0x0D => GarpApplication.Gvrp,
            var last when UnknownApplication(last) => GarpApplication.Unknown,
            _ => GarpApplication.None,
        };
    }

    /// <summary>
    /// True for the last byte of a GARP address tshark decodes no application for (0x22 to 0x2F): the decoder leaves it in
    /// the <see cref="Decoding.Layer.Detail"/> of the LLC that carried the frame, for the columns.
    /// </summary>
    public static bool UnknownApplication(byte last) => last is >= 0x22 and <= 0x2F;

    private static ReadOnlySpan<byte> GroupPrefix => [0x01, 0x80, 0xC2, 0x00, 0x00];

    /// <summary>
    /// Walks the whole PDU (<paramref name="bytes"/> captured, <paramref name="reported"/> long) and says how tshark's reading
    /// ends and where: the end of the read that failed, or where data starts.
    /// </summary>
    public static GarpEnd ReadAll(ReadOnlySpan<byte> bytes, int reported, bool gmrp, out int end)
    {
        var walk = new GarpWalk(bytes, reported, gmrp);
        while (walk.MoveNext())
        {
        }
        end = walk.End switch { GarpEnd.Data => walk.DataOffset, GarpEnd.Complete => bytes.Length, _ => walk.FailedReadEnd };
        return walk.End;
    }
}

/// <summary>
/// tshark's walk of a GARP PDU after its protocol ID, one item at a time in tree order (<see cref="Item"/>, <see cref="Offset"/>,
/// <see cref="Size"/>), each item only once its bytes were captured. It ends (<see cref="MoveNext"/> false) with
/// <see cref="End"/>; every step consumes at least one byte, so the walk is bounded by the PDU's length.
/// </summary>
public ref struct GarpWalk
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported;
    private readonly bool _gmrp;
    private int _offset;
    private int _messages;
    private int _attributes;
    private byte _type;
    private byte _length;
    private State _state;

    /// <summary>What the next read is; <see cref="State.DataAfter"/>: the item just read is the last, the rest is data.</summary>
    private enum State : byte { Start, MessageType, AttributeLength, Event, Value, DataAfter, Done }

    /// <summary>A walk of <paramref name="bytes"/> (captured) of a PDU <paramref name="reported"/> bytes long; GMRP's rules when <paramref name="gmrp"/>.</summary>
    public GarpWalk(ReadOnlySpan<byte> bytes, int reported, bool gmrp)
    {
        _bytes = bytes;
        _reported = Math.Max(reported, 0);
        _gmrp = gmrp;
    }

    /// <summary>The current item.</summary>
    public GarpItem Item { get; private set; }

    /// <summary>The current item's offset in the PDU, and its size.</summary>
    public int Offset { get; private set; }

    /// <inheritdoc cref="Offset"/>
    public int Size { get; private set; }

    /// <summary>The current item's value (a byte, or GVRP's VID; a MAC value is read from its bytes).</summary>
    public int Value { get; private set; }

    /// <summary>The current attribute's message type (GMRP's value depends on it).</summary>
    public byte MessageType => _type;

    /// <summary>How the walk ended, once <see cref="MoveNext"/> returned false.</summary>
    public GarpEnd End { get; private set; }

    /// <summary>Where data starts when <see cref="End"/> is <see cref="GarpEnd.Data"/>.</summary>
    public int DataOffset { get; private set; }

    /// <summary>The end of the read that failed when <see cref="End"/> is truncated or malformed.</summary>
    public int FailedReadEnd { get; private set; }

    /// <summary>The next item; false when the walk ended (<see cref="End"/>).</summary>
    public bool MoveNext()
    {
        switch (_state)
        {
            case State.Start:
                if (!Read(0, GarpPdu.HeaderLength))
                    return false;
                if (BinaryPrimitives.ReadUInt16BigEndian(_bytes) != GarpPdu.ProtocolId)
                    return Data(GarpPdu.HeaderLength);
                _offset = GarpPdu.HeaderLength;
                _state = State.MessageType;
                return MoveNext();
            case State.MessageType:
            {
                if (!NextByte(out byte type))
                    return false;
                if (type == GarpPdu.EndMark)
                    return _messages > 0 ? Yield(GarpItem.EndMark, 1, type, State.Done) : Data(_offset);
                _type = type;
                _attributes = 0;
                bool known = _gmrp ? type is GarpPdu.GmrpGroupMembership or GarpPdu.GmrpServiceRequirement : type == GarpPdu.GvrpVid;
                return Yield(GarpItem.Type, 1, type, known ? State.AttributeLength : State.DataAfter);
            }
            case State.AttributeLength:
            {
                if (!NextByte(out byte length))
                    return false;
                if (length == GarpPdu.EndMark)
                {
                    if (_attributes == 0)
                        return Data(_offset);
                    _messages++;
                    return Yield(GarpItem.EndMark, 1, length, State.MessageType);
                }
                _length = length;
                return Yield(GarpItem.Length, 1, length, State.Event);
            }
            case State.Event:
            {
                if (!Read(_offset, 1))
                    return false;
                byte ev = _bytes[_offset];
                _attributes++;
                State next;
                if (ev == GarpPdu.EventLeaveAll)
                    next = _length == GarpPdu.LeaveAllLength ? State.AttributeLength : State.DataAfter;
                else if (ev <= GarpPdu.EventEmpty)
                    next = ValueFits() ? State.Value : State.DataAfter;
                else
                    next = State.DataAfter;
                return Yield(GarpItem.Event, 1, ev, next);
            }
            case State.Value:
            {
                int size = !_gmrp ? 2 : _type == GarpPdu.GmrpGroupMembership ? 6 : 1;
                if (!Read(_offset, size))
                    return false;
                int value = size == 2 ? BinaryPrimitives.ReadUInt16BigEndian(_bytes[_offset..]) : _bytes[_offset];
                return Yield(GarpItem.Value, size, value, State.AttributeLength);
            }
            default:
                return false;
        }
    }

    /// <summary>Whether the attribute's length is one tshark accepts for a value-carrying event.</summary>
    private readonly bool ValueFits() => _gmrp ? _length is GarpPdu.GmrpGroupLength or GarpPdu.GmrpServiceLength : _length == GarpPdu.GvrpValueLength;

    /// <summary>
    /// tshark's loop test on the bytes left in the PDU and its read of the next one (a type or an attribute's length): false
    /// when the PDU ended there, complete, or the read failed.
    /// </summary>
    private bool NextByte(out byte value)
    {
        value = 0;
        if (_offset >= _reported)
            return Finish();
        if (!Read(_offset, 1))
            return false;
        value = _bytes[_offset];
        return true;
    }

    /// <summary>Whether <paramref name="size"/> bytes at <paramref name="at"/> were captured; if not, the walk ends as tshark's exception.</summary>
    private bool Read(int at, int size)
    {
        if (at + size <= _bytes.Length && at + size <= _reported)
            return true;
        End = at + size > _reported ? GarpEnd.Malformed : GarpEnd.Truncated;
        FailedReadEnd = at + size;
        _state = State.Done;
        return false;
    }

    /// <summary>Shows an item and moves on to <paramref name="next"/>: the PDU's end mark ends it (<see cref="State.Done"/>).</summary>
    private bool Yield(GarpItem item, int size, int value, State next)
    {
        Item = item;
        Offset = _offset;
        Size = size;
        Value = value;
        _offset += size;
        _state = next == State.DataAfter ? State.Done : next;
        if (next == State.DataAfter)
        {
            End = GarpEnd.Data;
            DataOffset = _offset;
        }
        else if (next == State.Done)
            End = GarpEnd.Complete;
        return true;
    }

    private bool Data(int at)
    {
        End = GarpEnd.Data;
        DataOffset = at;
        _state = State.Done;
        return false;
    }

    private bool Finish()
    {
        End = GarpEnd.Complete;
        _state = State.Done;
        return false;
    }
}
