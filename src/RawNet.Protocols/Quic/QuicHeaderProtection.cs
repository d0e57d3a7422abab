using System.Security.Cryptography;

namespace RawNet.Protocols.Quic;

/// <summary>
/// The Initial packets' header protection (RFC 9001 5.2 and 5.4): the client's header protection key is derived from
/// the DCID of its first Initial with HKDF-SHA256 and the version's salt, and the mask is AES-128 of the 16-byte sample
/// that starts 4 bytes after the packet number's offset. tshark 4.0 removes it for a connection's client Initials to show
/// the reserved bits, the packet number length and the packet number. Everything lives on the stack: nothing is
/// allocated, and no key is kept between calls (Initial packets are few).
/// </summary>
public static class QuicHeaderProtection
{
    /// <summary>The sample's length and its distance past the packet number's offset.</summary>
    public const int SampleLength = 16, SampleOffset = 4;

    /// <summary>The salt tshark 4.0 derives a version's Initial secrets with; empty when it has none.</summary>
    private static ReadOnlySpan<byte> SaltOf(uint version)
    {
        if ((version >> 8) == 0xff0000)
        {
            int draft = (byte)version;
            // drafts past 34 get v2's salt in tshark 4.0 (with v1's label)
            return draft <= 22 ? SaltDraft22 : draft <= 28 ? SaltDraft23 : draft <= 32 ? SaltDraft29 : draft <= 34 ? SaltV1 : SaltV2;
        }
        return version switch
        {
            1 => SaltV1,
            QuicPacket.Version2 => SaltV2,
            0xfaceb001 => SaltDraft22,
            0xfaceb002 or 0xfaceb00e => SaltDraft23,
            0x51303530 => SaltQ050,
            0x54303530 => SaltT050,
            _ when (version & 0x0F0F0F0F) == 0x0a0a0a0a => SaltDraft29,
            _ => [],
        };
    }

    private static ReadOnlySpan<byte> SaltDraft22 => [0x7f, 0xbc, 0xdb, 0x0e, 0x7c, 0x66, 0xbb, 0xe9, 0x19, 0x3a, 0x96, 0xcd, 0x21, 0x51, 0x9e, 0xbd, 0x7a, 0x02, 0x64, 0x4a];
    private static ReadOnlySpan<byte> SaltDraft23 => [0xc3, 0xee, 0xf7, 0x12, 0xc7, 0x2e, 0xbb, 0x5a, 0x11, 0xa7, 0xd2, 0x43, 0x2b, 0xb4, 0x63, 0x65, 0xbe, 0xf9, 0xf5, 0x02];
    private static ReadOnlySpan<byte> SaltDraft29 => [0xaf, 0xbf, 0xec, 0x28, 0x99, 0x93, 0xd2, 0x4c, 0x9e, 0x97, 0x86, 0xf1, 0x9c, 0x61, 0x11, 0xe0, 0x43, 0x90, 0xa8, 0x99];
    private static ReadOnlySpan<byte> SaltV1 => [0x38, 0x76, 0x2c, 0xf7, 0xf5, 0x59, 0x34, 0xb3, 0x4d, 0x17, 0x9a, 0xe6, 0xa4, 0xc8, 0x0c, 0xad, 0xcc, 0xbb, 0x7f, 0x0a];
    private static ReadOnlySpan<byte> SaltV2 => [0x0d, 0xed, 0xe3, 0xde, 0xf7, 0x00, 0xa6, 0xdb, 0x81, 0x93, 0x81, 0xbe, 0x6e, 0x26, 0x9d, 0xcb, 0xf9, 0xbd, 0x2e, 0xd9];
    private static ReadOnlySpan<byte> SaltQ050 => [0x50, 0x45, 0x74, 0xef, 0xd0, 0x66, 0xfe, 0x2f, 0x9d, 0x94, 0x5c, 0xfc, 0xdb, 0xd3, 0xa7, 0xf0, 0xd3, 0xb5, 0x6b, 0x45];
    private static ReadOnlySpan<byte> SaltT050 => [0x7f, 0xf5, 0x79, 0xe5, 0xac, 0xd0, 0x72, 0x91, 0x55, 0x80, 0x30, 0x4c, 0x43, 0xa2, 0x36, 0x7c, 0x60, 0x48, 0x83, 0x10];

    /// <summary>
    /// Writes the 5-byte mask of a client Initial (a server's: <paramref name="server"/>) whose connection's first DCID is
    /// <paramref name="dcid"/> for <paramref name="sample"/>; false for a version without a salt.
    /// </summary>
    public static bool TryMask(uint version, ReadOnlySpan<byte> dcid, ReadOnlySpan<byte> sample, Span<byte> mask, bool server = false)
    {
        Span<byte> secret = stackalloc byte[32];
        if (sample.Length < SampleLength || !TryInitialSecret(version, dcid, server, secret))
            return false;
        Span<byte> key = stackalloc byte[16];
        ExpandLabel(secret, version == QuicPacket.Version2 ? "quicv2 hp"u8 : "quic hp"u8, key);
        Span<byte> block = stackalloc byte[16];
        Aes128.EncryptBlock(key, sample[..SampleLength], block);
        block[..5].CopyTo(mask);
        return true;
    }

    /// <summary>
    /// Writes the Initial packet protection key (16 bytes) and IV (12) of the client's (the server's:
    /// <paramref name="server"/>) side of a connection whose first DCID is <paramref name="dcid"/>; false for a version
    /// without a salt.
    /// </summary>
    public static bool TryPacketKeys(uint version, ReadOnlySpan<byte> dcid, bool server, Span<byte> key, Span<byte> iv)
    {
        Span<byte> secret = stackalloc byte[32];
        if (!TryInitialSecret(version, dcid, server, secret))
            return false;
        bool v2 = version == QuicPacket.Version2;
        ExpandLabel(secret, v2 ? "quicv2 key"u8 : "quic key"u8, key[..16]);
        ExpandLabel(secret, v2 ? "quicv2 iv"u8 : "quic iv"u8, iv[..12]);
        return true;
    }

    /// <summary>One side's Initial secret (RFC 9001 5.2): HKDF-Extract of the DCID with the version's salt, then its label.</summary>
    private static bool TryInitialSecret(uint version, ReadOnlySpan<byte> dcid, bool server, Span<byte> secret)
    {
        var salt = SaltOf(version);
        if (salt.IsEmpty)
            return false;
        Span<byte> initial = stackalloc byte[32];
        HKDF.Extract(HashAlgorithmName.SHA256, dcid, salt, initial);
        ExpandLabel(initial, server ? "server in"u8 : "client in"u8, secret);
        return true;
    }

    /// <summary>TLS 1.3's HKDF-Expand-Label with an empty context.</summary>
    private static void ExpandLabel(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> label, Span<byte> output)
    {
        Span<byte> info = stackalloc byte[2 + 1 + 6 + label.Length + 1];
        info[0] = (byte)(output.Length >> 8);
        info[1] = (byte)output.Length;
        info[2] = (byte)(6 + label.Length);
        "tls13 "u8.CopyTo(info[3..]);
        label.CopyTo(info[9..]);
        info[^1] = 0;
        HKDF.Expand(HashAlgorithmName.SHA256, secret, output, info);
    }
}

/// <summary>AES-128 encryption of one block (FIPS 197), on the stack: the header protection mask needs nothing more.</summary>
internal static class Aes128
{
    private static ReadOnlySpan<byte> Sbox =>
    [
        0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76,
        0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0,
        0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
        0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75,
        0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84,
        0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf,
        0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8,
        0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2,
        0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
        0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb,
        0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79,
        0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08,
        0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a,
        0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e,
        0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf,
        0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16,
    ];

    private static byte Double(byte b) => (byte)(b << 1 ^ ((b & 0x80) != 0 ? 0x1b : 0));

    /// <summary>The length of an expanded key (<see cref="ExpandKey"/>).</summary>
    public const int ScheduleLength = 176;

    /// <summary>Encrypts <paramref name="input"/> (16 bytes) with the 16-byte <paramref name="key"/> into <paramref name="output"/>.</summary>
    public static void EncryptBlock(ReadOnlySpan<byte> key, ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<byte> w = stackalloc byte[ScheduleLength];
        ExpandKey(key, w);
        EncryptExpanded(w, input, output);
    }

    /// <summary>Writes the round keys of the 16-byte <paramref name="key"/> to <paramref name="w"/> (<see cref="ScheduleLength"/> bytes).</summary>
    public static void ExpandKey(ReadOnlySpan<byte> key, Span<byte> w)
    {
        var sbox = Sbox;
        key[..16].CopyTo(w);
        byte rcon = 1;
        for (int i = 16; i < 176; i += 4)
        {
            byte a = w[i - 4], b = w[i - 3], c = w[i - 2], d = w[i - 1];
            if (i % 16 == 0)
            {
                (a, b, c, d) = ((byte)(sbox[b] ^ rcon), sbox[c], sbox[d], sbox[a]);
                rcon = Double(rcon);
            }
            w[i] = (byte)(w[i - 16] ^ a);
            w[i + 1] = (byte)(w[i - 15] ^ b);
            w[i + 2] = (byte)(w[i - 14] ^ c);
            w[i + 3] = (byte)(w[i - 13] ^ d);
        }
    }

    /// <summary>Encrypts <paramref name="input"/> (16 bytes) with the round keys <paramref name="w"/> into <paramref name="output"/>.</summary>
    public static void EncryptExpanded(ReadOnlySpan<byte> w, ReadOnlySpan<byte> input, Span<byte> output)
    {
        var sbox = Sbox;
        Span<byte> s = stackalloc byte[16];
        Span<byte> t = stackalloc byte[16];
        for (int i = 0; i < 16; i++)
            s[i] = (byte)(input[i] ^ w[i]);
        for (int round = 1; round <= 10; round++)
        {
            // SubBytes and ShiftRows (column-major state: byte r + 4c)
            for (int c = 0; c < 4; c++)
            {
                for (int r = 0; r < 4; r++)
                    t[r + 4 * c] = sbox[s[r + 4 * ((c + r) & 3)]];
            }
            if (round < 10)
            {
                for (int c = 0; c < 4; c++)
                {
                    byte a0 = t[4 * c], a1 = t[4 * c + 1], a2 = t[4 * c + 2], a3 = t[4 * c + 3];
                    byte all = (byte)(a0 ^ a1 ^ a2 ^ a3);
                    t[4 * c] ^= (byte)(all ^ Double((byte)(a0 ^ a1)));
                    t[4 * c + 1] ^= (byte)(all ^ Double((byte)(a1 ^ a2)));
                    t[4 * c + 2] ^= (byte)(all ^ Double((byte)(a2 ^ a3)));
                    t[4 * c + 3] ^= (byte)(all ^ Double((byte)(a3 ^ a0)));
                }
            }
            for (int i = 0; i < 16; i++)
                s[i] = (byte)(t[i] ^ w[16 * round + i]);
        }
        s.CopyTo(output);
    }
}
