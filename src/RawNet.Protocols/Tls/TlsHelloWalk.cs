using System.Buffers.Binary;

namespace RawNet.Protocols.Tls;

/// <summary>What one step of a <see cref="TlsHelloWalk"/> found.</summary>
public enum TlsHelloItem : byte
{
    Version,
    Random,
    SessionIdLength,
    SessionId,
    CipherSuitesLength,
    CipherSuite,
    CompressionMethodsLength,
    ExtensionsLength,
    ExtensionType,
    ExtensionLength,
    ServerName,
}

/// <summary>
/// Walks a Client Hello's or Server Hello's body (after the message's four-byte header) in the order tshark 4.0 adds its
/// fields: version, random, session ID (length, then the ID when it has one), the cipher suites (a Client Hello's length
/// and list, a Server Hello's one), a Client Hello's compression methods' length, the extensions' length, then per
/// extension its type and length, and a server_name extension's host name. Each item only once its bytes are there;
/// bounded by the body.
/// </summary>
public ref struct TlsHelloWalk
{
    private const ushort ServerNameExtension = 0;

    private readonly ReadOnlySpan<byte> _body;
    private readonly bool _client;
    private int _at;
    private int _step;
    private int _listEnd;
    private int _extensionEnd;

    /// <summary>A walk over <paramref name="body"/>, a Client Hello's when <paramref name="client"/>, else a Server Hello's.</summary>
    public TlsHelloWalk(ReadOnlySpan<byte> body, bool client)
    {
        _body = body;
        _client = client;
    }

    /// <summary>What the current step found.</summary>
    public TlsHelloItem Item { get; private set; }

    /// <summary>Where the current item's bytes start in the body.</summary>
    public int Offset { get; private set; }

    /// <summary>How many bytes the current item takes.</summary>
    public int Length { get; private set; }

    /// <summary>The current item's number (a length, a version, a cipher suite, an extension type).</summary>
    public uint Value { get; private set; }

    /// <summary>
    /// True once the walk stopped at a session ID or an extension that runs past the hello (tshark's read fails there:
    /// a malformed packet, and nothing of that item shows).
    /// </summary>
    public bool Malformed { get; private set; }

    /// <summary>True when walking <paramref name="body"/> to its end stops at an item that runs past it.</summary>
    public static bool IsMalformed(ReadOnlySpan<byte> body, bool client)
    {
        var walk = new TlsHelloWalk(body, client);
        while (walk.MoveNext())
        {
        }
        return walk.Malformed;
    }

    /// <summary>Steps to the next item; false at the end of the body or of what it holds.</summary>
    public bool MoveNext()
    {
        while (true)
        {
            switch (_step)
            {
                case 0:
                    _step = 1;
                    return Number(TlsHelloItem.Version, 2);
                case 1:
                    _step = 2;
                    return Bytes(TlsHelloItem.Random, 32);
                case 2:
                    _step = 3;
                    if (!Number(TlsHelloItem.SessionIdLength, 1))
                        return false;
                    _listEnd = _at + (int)Value;
                    return true;
                case 3:
                    _step = 4;
                    if (_listEnd > _body.Length)
                    {
                        Malformed = true;
                        return false;
                    }
                    if (_listEnd > _at)
                        return Bytes(TlsHelloItem.SessionId, _listEnd - _at);
                    continue;
                case 4:
                    if (!_client)
                    {
                        _step = 7;
                        if (!Number(TlsHelloItem.CipherSuite, 2))
                            return false;
                        // the compression method
                        _at++;
                        return true;
                    }
                    _step = 5;
                    if (!Number(TlsHelloItem.CipherSuitesLength, 2))
                        return false;
                    _listEnd = _at + (int)Value;
                    return true;
                case 5:
                    if (_at + 2 <= _listEnd)
                        return Number(TlsHelloItem.CipherSuite, 2);
                    _at = _listEnd;
                    _step = 6;
                    continue;
                case 6:
                    _step = 7;
                    if (!Number(TlsHelloItem.CompressionMethodsLength, 1))
                        return false;
                    _at += (int)Value;
                    return true;
                case 7:
                    _step = 8;
                    if (!Number(TlsHelloItem.ExtensionsLength, 2))
                        return false;
                    _listEnd = Math.Min(_body.Length, _at + (int)Value);
                    return true;
                case 8:
                    if (_at + 4 > _listEnd)
                        return false;
                    if (_at + 4 + BinaryPrimitives.ReadUInt16BigEndian(_body[(_at + 2)..]) > _body.Length)
                    {
                        Malformed = true;
                        return false;
                    }
                    Number(TlsHelloItem.ExtensionType, 2);
                    _step = 9;
                    return true;
                case 9:
                    {
                        ushort type = (ushort)Value;
                        Number(TlsHelloItem.ExtensionLength, 2);
                        _extensionEnd = _at + (int)Value;
                        _step = type == ServerNameExtension && _client ? 10 : 11;
                        return true;
                    }
                case 10:
                    {
                        // server_name_list: its length (2), then a name's type (1), length (2) and the name
                        _step = 11;
                        int name = _at + 5;
                        if (name > Math.Min(_extensionEnd, _body.Length))
                            continue;
                        int length = BinaryPrimitives.ReadUInt16BigEndian(_body[(_at + 3)..]);
                        if (name + length > Math.Min(_extensionEnd, _body.Length))
                            continue;
                        Item = TlsHelloItem.ServerName;
                        Offset = name;
                        Length = length;
                        Value = 0;
                        return true;
                    }
                default:
                    _at = _extensionEnd;
                    _step = 8;
                    continue;
            }
        }
    }

    /// <summary>A one- or two-byte number at the walk's position.</summary>
    private bool Number(TlsHelloItem item, int size) =>
        _at + size <= _body.Length && Bytes(item, size, size == 1 ? _body[_at] : BinaryPrimitives.ReadUInt16BigEndian(_body[_at..]));

    /// <summary><paramref name="size"/> bytes at the walk's position, if the body holds them.</summary>
    private bool Bytes(TlsHelloItem item, int size, uint value = 0)
    {
        if (_at + size > _body.Length)
            return false;
        Item = item;
        Offset = _at;
        Length = size;
        Value = value;
        _at += size;
        return true;
    }
}
