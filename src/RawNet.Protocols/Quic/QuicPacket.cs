using System.Buffers.Binary;

namespace RawNet.Protocols.Quic;

/// <summary>
/// QUIC packets (RFC 9000, 8999; drafts 11 to 34; RFC 9369's v2) as tshark 4.0's quic reads their headers:
/// <code>
///  long header:  |1|F|T T|X X X X| version (4) | DCIL | DCID | SCIL | SCID | type-specific ...
///    Initial:    ... | token length (varint) | token | length (varint) | packet number (1-4, protected) | payload
///    0-RTT, Handshake: ... | length (varint) | packet number | payload
///    Retry:      ... | retry token | integrity tag (16)
///    version 0 (Version Negotiation): ... | supported version (4) ...
///  short header: |0|F|S|R R|K|P P| DCID (length known only to the connection) | packet number | payload
/// </code>
/// Several packets may share a datagram (coalesced), each long one ending where its length field says.
/// </summary>
public static class QuicPacket
{
    /// <summary>The shortest datagram tshark's heuristic looks at: flags, a draft-10 connection ID of 8 and the version.</summary>
    public const int HeuristicMinimum = 13;

    /// <summary>The longest connection ID tshark accepts (QUIC_MAX_CID_LENGTH).</summary>
    public const int MaxConnectionIdLength = 20;

    /// <summary>The long header bit of the first byte.</summary>
    public const byte LongHeaderBit = 0x80;

    /// <summary>Long packet types as tshark's v1 names number them (v2 packets are mapped onto these).</summary>
    public const int Initial = 0, ZeroRtt = 1, Handshake = 2, Retry = 3;

    /// <summary>QUIC v2's version number (RFC 9369), whose long packet types are numbered differently.</summary>
    public const uint Version2 = 0x6b3343cf;

    /// <summary>
    /// Whether tshark 4.0's UDP heuristic (dissect_quic_heur) takes a payload: 13 bytes or more captured, a long header
    /// of a version it knows (a draft from 11 on, v1, v2, Facebook's mvfst, Google's Q050/T050/T051, a GREASE version),
    /// a DCID length of at most 20 with the SCID length byte after it captured, that length at most 20. Reads at most 7
    /// bytes and the first byte turns most datagrams away.
    /// </summary>
    public static bool IsTaken(ReadOnlySpan<byte> captured)
    {
        if (captured.Length < HeuristicMinimum || (captured[0] & LongHeaderBit) == 0)
            return false;
        if (!IsKnownVersion(BinaryPrimitives.ReadUInt32BigEndian(captured[1..])))
            return false;
        int dcil = captured[5];
        if (dcil > MaxConnectionIdLength || 6 + dcil >= captured.Length)
            return false;
        return captured[6 + dcil] <= MaxConnectionIdLength;
    }

    /// <summary>The versions tshark 4.0's quic_draft_version gives a draft number of 11 or more.</summary>
    public static bool IsKnownVersion(uint version) =>
        (version >> 8) == 0xff0000 ? (byte)version >= 11
        : version is 1 or Version2 or 0xfaceb001 or 0xfaceb002 or 0xfaceb00e or 0x51303530 or 0x54303530 or 0x54303531
          || (version & 0x0F0F0F0F) == 0x0a0a0a0a;

    /// <summary>The long packet type of a first byte and version, in v1's numbering.</summary>
    public static int LongTypeOf(byte first, uint version)
    {
        int bits = (first & 0x30) >> 4;
        return version == Version2 ? (bits + 3) & 3 : bits;
    }

    /// <summary>tshark's name for a long packet type (Info column and tree).</summary>
    public static string LongTypeName(int type) => type switch
    {
        Initial => "Initial",
        ZeroRtt => "0-RTT",
        Handshake => "Handshake",
        _ => "Retry",
    };

    /// <summary>
    /// Reads a QUIC variable-length integer at <paramref name="offset"/>: its size in <paramref name="size"/> (1, 2, 4 or
    /// 8, from the first byte's top bits, even when not all captured); false when the bytes were not all captured.
    /// </summary>
    public static bool TryReadVarint(ReadOnlySpan<byte> bytes, int offset, out ulong value, out int size)
    {
        value = 0;
        size = offset >= 0 && offset < bytes.Length ? 1 << (bytes[offset] >> 6) : 1;
        if (offset < 0 || (long)offset + size > bytes.Length)
            return false;
        value = (ulong)(bytes[offset] & 0x3F);
        for (int i = 1; i < size; i++)
            value = value << 8 | bytes[offset + i];
        return true;
    }
}
