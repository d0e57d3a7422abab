using System.Buffers.Binary;

namespace RawNet.Protocols.Ppp;

/// <summary>PAP's codes (RFC 1334 2.2); any other value passes through untouched.</summary>
public enum PapCode : byte
{
    AuthenticateRequest = 1,
    AuthenticateAck = 2,
    AuthenticateNak = 3,
}

/// <summary>CHAP's codes (RFC 1994 4); any other value passes through untouched.</summary>
public enum ChapCode : byte
{
    Challenge = 1,
    Response = 2,
    Success = 3,
    Failure = 4,
}

/// <summary>Which value of a PAP or CHAP packet an item is (the fields of <see cref="PppAuthFields"/>).</summary>
public enum PppAuthValue : byte
{
    Code,
    Identifier,
    Length,
    /// <summary>The data's subtree (tshark's FT_NONE "pap.data", "chap.data").</summary>
    Data,
    PeerIdLength,
    PeerId,
    PasswordLength,
    Password,
    MessageLength,
    Message,
    /// <summary>The data of a code tshark does not know ("pap.stuff", "chap.stuff").</summary>
    Stuff,
    ValueSize,
    Value,
    Name,
}

/// <summary>One item tshark adds to a PAP or CHAP tree: which value, where it starts in the packet and how many bytes it covers.</summary>
public readonly record struct PppAuthItem(PppAuthValue Which, int At, int Size);

/// <summary>
/// PAP (RFC 1334, PPP protocol 0xc023) and CHAP (RFC 1994, 0xc223) packets as tshark 4.0 reads them: code, identifier
/// and length, then the code's data.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |     Code      |  Identifier   |            Length             |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// | PAP request:  Peer-ID Length, Peer-ID, Password Length, Password
/// | PAP ack, nak: Message Length, Message
/// | CHAP challenge, response: Value Size, Value, Name
/// | CHAP success, failure: Message
/// </code>
/// PAP never looks at the length field: its data runs to the end of the packet, and a length byte that points past the
/// bytes there ends the reading. CHAP bounds its data by the length (a length below 4 shows nothing more), but reads
/// only the bytes each item needs, so a length past the packet fails only where an item runs past it.
/// </summary>
public static class PppAuthPacket
{
    /// <summary>Offsets of the fields every packet has, and of the data after them.</summary>
    public static class Field
    {
        public const int Code = 0;
        public const int Identifier = 1;
        public const int Length = 2;
        public const int Data = 4;
    }

    /// <summary>Code, identifier and length.</summary>
    public const int HeaderLength = 4;

    /// <summary>The most items one packet has (a PAP request: 4 for the header and data, 4 for peer and password).</summary>
    public const int MaxItems = 8;

    /// <summary>tshark's Info shows at most this many bytes of a CHAP name, then "...".</summary>
    public const int InfoNameBytes = 20;

    /// <summary>
    /// The items tshark adds for the packet whose captured bytes are <paramref name="bytes"/> and of which
    /// <paramref name="wire"/> bytes were on the wire, in tree order, into <paramref name="items"/> (at least
    /// <see cref="MaxItems"/> long); returns how many. <paramref name="need"/> is where the first read that failed
    /// would have ended (its bytes were not captured: past <paramref name="wire"/> the packet is malformed, before it
    /// the capture cut it), or -1 when every read succeeded; <paramref name="info"/> is true when tshark got as far as
    /// appending the data's text to the Info column (<see cref="PppAuthFields"/> says what that text is).
    /// </summary>
    public static int Walk(bool chap, ReadOnlySpan<byte> bytes, int wire, Span<PppAuthItem> items, out int need, out bool info)
    {
        var walk = new Walker(bytes, items);
        info = chap ? WalkChap(ref walk, bytes) : WalkPap(ref walk, bytes);
        need = walk.Need;
        if (need >= 0)
            info = false;
        return walk.Count;
    }

    /// <summary>
    /// How many bytes the layer spans when every read succeeded: the rest of the packet for PAP and for a CHAP length
    /// below 4, else CHAP's declared length, at most the rest.
    /// </summary>
    public static int Extent(bool chap, ReadOnlySpan<byte> bytes, int wire)
    {
        if (!chap || bytes.Length < HeaderLength)
            return wire;
        int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.Length..]);
        return length < HeaderLength ? wire : Math.Min(length, wire);
    }

    private static bool WalkPap(ref Walker walk, ReadOnlySpan<byte> b)
    {
        if (!walk.Add(PppAuthValue.Code, Field.Code, 1) || !walk.Add(PppAuthValue.Identifier, Field.Identifier, 1)
            || !walk.Add(PppAuthValue.Length, Field.Length, 2))
        {
            return false;
        }
        // The data item covers the rest of what was captured, and needs a byte of it.
        if (!walk.Add(PppAuthValue.Data, Field.Data, Math.Max(1, b.Length - Field.Data)))
            return false;
        switch ((PapCode)b[Field.Code])
        {
            case PapCode.AuthenticateRequest:
            {
                int at = Field.Data;
                if (!walk.Add(PppAuthValue.PeerIdLength, at, 1) || !walk.Add(PppAuthValue.PeerId, at + 1, b[at]))
                    return false;
                at += 1 + b[at];
                return walk.Add(PppAuthValue.PasswordLength, at, 1) && walk.Add(PppAuthValue.Password, at + 1, b[at]);
            }
            case PapCode.AuthenticateAck or PapCode.AuthenticateNak:
                return walk.Add(PppAuthValue.MessageLength, Field.Data, 1) && walk.Add(PppAuthValue.Message, Field.Data + 1, b[Field.Data]);
            default:
                walk.Add(PppAuthValue.Stuff, Field.Data, b.Length - Field.Data);
                return false;
        }
    }

    private static bool WalkChap(ref Walker walk, ReadOnlySpan<byte> b)
    {
        if (!walk.Add(PppAuthValue.Code, Field.Code, 1) || !walk.Add(PppAuthValue.Identifier, Field.Identifier, 1)
            || !walk.Add(PppAuthValue.Length, Field.Length, 2))
        {
            return false;
        }
        int data = BinaryPrimitives.ReadUInt16BigEndian(b[Field.Length..]) - HeaderLength;
        if (data < 0)
            return false;
        switch ((ChapCode)b[Field.Code])
        {
            case ChapCode.Challenge or ChapCode.Response:
            {
                if (data == 0)
                    return false;
                // The data item is only a subtree: tshark does not check that its bytes are there.
                walk.AddUnchecked(PppAuthValue.Data, Field.Data, data);
                if (!walk.Add(PppAuthValue.ValueSize, Field.Data, 1))
                    return false;
                int valueSize = b[Field.Data];
                int rest = data - 1;
                // A value size past the data is shown as invalid, and ends the reading.
                if (valueSize > rest || rest == 0)
                    return false;
                if (!walk.Add(PppAuthValue.Value, Field.Data + 1, valueSize))
                    return false;
                rest -= valueSize;
                return rest <= 0 || walk.Add(PppAuthValue.Name, Field.Data + 1 + valueSize, rest);
            }
            case ChapCode.Success or ChapCode.Failure:
                return data == 0 || walk.Add(PppAuthValue.Message, Field.Data, data);
            default:
                if (data > 0)
                    walk.Add(PppAuthValue.Stuff, Field.Data, data);
                return false;
        }
    }

    /// <summary>Adds items while their bytes were captured; the first that were not ends the walk.</summary>
    private ref struct Walker(ReadOnlySpan<byte> bytes, Span<PppAuthItem> items)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private readonly Span<PppAuthItem> _items = items;

        public int Count { get; private set; }

        public int Need { get; private set; } = -1;

        public bool Add(PppAuthValue which, int at, int size)
        {
            if (at + size > _bytes.Length)
            {
                Need = at + size;
                return false;
            }
            AddUnchecked(which, at, size);
            return true;
        }

        public void AddUnchecked(PppAuthValue which, int at, int size)
        {
            if (Count < _items.Length)
                _items[Count++] = new PppAuthItem(which, at, size);
        }
    }
}
