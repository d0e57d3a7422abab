using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using RawNet.Protocols.Conversations;

namespace RawNet.Protocols.Quic;

/// <summary>A connection ID's bytes (at most <see cref="QuicPacket.MaxConnectionIdLength"/>) and its length, in place.</summary>
public struct QuicCid
{
    private CidBytes _bytes;

    /// <summary>How many of the bytes are the ID (0: none known).</summary>
    public byte Length;

    /// <summary>The ID's bytes.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> Span => ((ReadOnlySpan<byte>)_bytes)[..Length];

    /// <summary>Holds <paramref name="cid"/> (at most 20 bytes).</summary>
    public void Set(ReadOnlySpan<byte> cid)
    {
        Length = (byte)cid.Length;
        cid.CopyTo(_bytes);
    }

    /// <summary>True when the ID held is <paramref name="cid"/>.</summary>
    public readonly bool Is(ReadOnlySpan<byte> cid) => ((ReadOnlySpan<byte>)_bytes)[..Length].SequenceEqual(cid);

    [InlineArray(QuicPacket.MaxConnectionIdLength)]
    private struct CidBytes
    {
        private byte _first;
    }
}

/// <summary>
/// What tshark 4.0 remembers of a QUIC datagram's connection (packet-quic.c), for the datagram's QUIC layer
/// (<see cref="LayerIndex"/>, -1 for none): whether a connection was found, which side sent the datagram, the client's
/// original DCID (whose Initial keys protect both sides' Initials) and the length of the DCID a short header carries.
/// </summary>
public struct QuicConnectionState
{
    /// <summary>The packet's QUIC layer this state belongs to; -1 when none (the walk is then stateless).</summary>
    public int LayerIndex;

    /// <summary>A connection was found for (or made by) the datagram's first packet.</summary>
    public bool Known;

    /// <summary>The server sent the datagram.</summary>
    public bool FromServer;

    /// <summary>The DCID of the client's first Initial.</summary>
    public QuicCid OriginalDcid;

    /// <summary>The length of a short header's DCID (the receiver's connection ID); 0 when not known.</summary>
    public byte ShortDcidLength;

    /// <summary>Most Initials of one datagram decrypted.</summary>
    public const int MaxDecrypted = 4;

    /// <summary>How many of the datagram's Initials were decrypted (their payload offsets in <see cref="DecryptedAt"/>).</summary>
    public byte DecryptedCount;

    /// <summary>The payload offsets (in the datagram) of the Initials decrypted; their plaintext lies at the same offsets of <see cref="Decoding.DecodedPacket.QuicPlaintext"/>.</summary>
    public DecryptedOffsets DecryptedAt;

    /// <summary>Room for <see cref="MaxDecrypted"/> offsets.</summary>
    [InlineArray(MaxDecrypted)]
    public struct DecryptedOffsets
    {
        private int _first;
    }

    /// <summary>How many CRYPTO frames of the datagram drew a note (their kinds in <see cref="Notes"/>).</summary>
    public byte NoteCount;

    /// <summary>The notes, in frame order: 1 a retransmission, 2 an overlap (<see cref="QuicCryptoStream.Accept"/>).</summary>
    public NoteList Notes;

    /// <summary>Room for <see cref="MaxDecrypted"/> notes.</summary>
    [InlineArray(MaxDecrypted)]
    public struct NoteList
    {
        private byte _first;
    }

    /// <summary>No state: the layer is walked as tshark's first look at a datagram would.</summary>
    public static QuicConnectionState None => new() { LayerIndex = -1 };
}

/// <summary>
/// tshark 4.0's QUIC state across packets, bounded: the UDP conversations its heuristic took (after which every datagram
/// of the conversation, either way, is QUIC), each with the connection of the last client Initial that matched no known
/// connection ID (the original DCID, the client's and the server's connection IDs, which side is the client). tshark
/// finds connections by connection ID over the whole capture; here a connection is found in its conversation only (a
/// migrated connection is not followed). At most <see cref="Capacity"/> conversations: a new one past the bound evicts the
/// one idle longest. Finding and learning allocate nothing (the table's arrays grow to the bound on first use).
/// </summary>
public sealed class QuicConversations
{
    /// <summary>Most QUIC conversations remembered by default.</summary>
    public const int DefaultCapacity = 4096;

    private readonly RecencyTable<ConversationKey, Conversation> _table;

    private struct Conversation
    {
        public bool HasConnection;
        public bool ClientIsA;
        public QuicCid Original, Client, Server;
        // the connection's Initial CRYPTO streams, a side each (their held bytes in _crypto's buffers)
        public QuicCryptoStream ClientCrypto, ServerCrypto;
    }

    // the buffers the CRYPTO streams hold bytes in (bounded: QuicCryptoBuffers.MaxBuffers) and the conversation Take took last
    private readonly QuicCryptoBuffers _crypto = new();
    private int _last = -1;

    /// <summary>Creates a table of at most <paramref name="capacity"/> conversations.</summary>
    public QuicConversations(int capacity = DefaultCapacity) =>
        _table = new RecencyTable<ConversationKey, Conversation>(capacity, 16, Evicting);

    private void Evicting(int index) => ResetCrypto(ref _table[index]);

    /// <summary>The buffers the CRYPTO streams hold bytes in.</summary>
    public QuicCryptoBuffers CryptoBuffers => _crypto;

    /// <summary>The Initial CRYPTO stream of one side (<paramref name="fromServer"/>) of the connection <see cref="Take"/> found last.</summary>
    public ref QuicCryptoStream LastCrypto(bool fromServer)
    {
        ref var c = ref _table[_last];
        return ref fromServer ? ref c.ServerCrypto : ref c.ClientCrypto;
    }

    private void ResetCrypto(ref Conversation c)
    {
        c.ClientCrypto.Reset(_crypto);
        c.ServerCrypto.Reset(_crypto);
    }

    /// <summary>The most conversations held at once.</summary>
    public int Capacity => _table.Capacity;

    /// <summary>Conversations held now.</summary>
    public int Count => _table.Count;

    /// <summary>Conversations forgotten to stay within <see cref="Capacity"/>.</summary>
    public long Evicted => _table.Evicted;

    /// <summary>True when the conversation of <paramref name="key"/> was taken as QUIC (and is still remembered).</summary>
    public bool IsQuic(in ConversationKey key) => _table.Count > 0 && _table.Find(key) >= 0;

    /// <summary>
    /// Takes the datagram <paramref name="datagram"/> (captured bytes; <paramref name="fromA"/>: sent by the key's first
    /// end) of conversation <paramref name="key"/> as QUIC: the conversation is remembered, its connection found by the
    /// first packet's DCID or made by a client Initial that matches none, and what the datagram's walk needs is written
    /// to <paramref name="state"/>.
    /// </summary>
    public void Take(in ConversationKey key, bool fromA, ReadOnlySpan<byte> datagram, ref QuicConnectionState state)
    {
        int index = _table.FindOrAdd(key, out _);
        _last = index;
        ref var c = ref _table[index];
        state.Known = false;
        state.FromServer = false;
        state.ShortDcidLength = 0;
        state.DecryptedCount = 0;
        state.NoteCount = 0;
        if (datagram.IsEmpty)
            return;
        bool fromServer = c.HasConnection && fromA != c.ClientIsA;
        if ((datagram[0] & QuicPacket.LongHeaderBit) == 0)
        {
            if (!c.HasConnection)
                return;
            ref var cid = ref fromServer ? ref c.Client : ref c.Server;
            if (datagram.Length < 1 + cid.Length || !cid.Is(datagram.Slice(1, cid.Length)))
                return;
            state.ShortDcidLength = cid.Length;
            Found(ref c, fromServer, ref state);
            return;
        }
        if (!TryLongHeader(datagram, out uint version, out var dcid, out var scid) || version == 0)
            return;
        int type = QuicPacket.LongTypeOf(datagram[0], version);
        if (c.HasConnection && (fromServer ? c.Client.Is(dcid) : c.Original.Is(dcid) || (c.Server.Length > 0 && c.Server.Is(dcid))))
        {
            if (fromServer && c.Server.Length == 0 && type is QuicPacket.Initial or QuicPacket.Handshake)
                c.Server.Set(scid);
            Found(ref c, fromServer, ref state);
            return;
        }
        if (type != QuicPacket.Initial)
            return;
        // a client's first Initial: a new connection, its sender the client
        c.HasConnection = true;
        c.ClientIsA = fromA;
        c.Original.Set(dcid);
        c.Client.Set(scid);
        c.Server.Length = 0;
        ResetCrypto(ref c);
        Found(ref c, false, ref state);
    }

    private static void Found(ref Conversation c, bool fromServer, ref QuicConnectionState state)
    {
        state.Known = true;
        state.FromServer = fromServer;
        state.OriginalDcid = c.Original;
    }

    /// <summary>A long header's version and connection IDs, when captured and of at most 20 bytes each.</summary>
    private static bool TryLongHeader(ReadOnlySpan<byte> m, out uint version, out ReadOnlySpan<byte> dcid, out ReadOnlySpan<byte> scid)
    {
        version = 0;
        dcid = scid = default;
        if (m.Length < 6)
            return false;
        version = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(m[1..]);
        int dcil = m[5];
        if (dcil > QuicPacket.MaxConnectionIdLength || m.Length < 7 + dcil)
            return false;
        int scil = m[6 + dcil];
        if (scil > QuicPacket.MaxConnectionIdLength || m.Length < 7 + dcil + scil)
            return false;
        dcid = m.Slice(6, dcil);
        scid = m.Slice(7 + dcil, scil);
        return true;
    }
}
