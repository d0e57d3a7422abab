using System.Buffers.Binary;

namespace RawNet.Protocols.Quic;

/// <summary>
/// Opens an Initial packet (RFC 9001 5.3): AEAD_AES_128_GCM with the side's Initial key, the nonce the IV XOR the
/// packet number, the unprotected header as associated data. GCM is done here on the stack (<see cref="Aes128"/>
/// and a bitwise GHASH) rather than with .NET's AesGcm, which throws (and allocates) on every tag that does not match:
/// hostile or damaged datagrams would make that per packet. Initials are few and short, so speed does not matter.
/// </summary>
public static class QuicPacketProtection
{
    /// <summary>The AEAD tag's length.</summary>
    public const int TagLength = 16;

    /// <summary>
    /// Decrypts <paramref name="sealedPayload"/> (ciphertext and tag) of an Initial numbered <paramref name="packetNumber"/>
    /// with header <paramref name="header"/> into <paramref name="plaintext"/> (its length less the tag), with the keys of
    /// the client's (the server's: <paramref name="server"/>) side of the connection whose first DCID is
    /// <paramref name="originalDcid"/>; false when the version has no salt or the tag does not match.
    /// </summary>
    public static bool TryOpenInitial(uint version, ReadOnlySpan<byte> originalDcid, bool server, ulong packetNumber,
        ReadOnlySpan<byte> header, ReadOnlySpan<byte> sealedPayload, Span<byte> plaintext)
    {
        if (sealedPayload.Length < TagLength)
            return false;
        Span<byte> key = stackalloc byte[16];
        Span<byte> nonce = stackalloc byte[12];
        if (!QuicHeaderProtection.TryPacketKeys(version, originalDcid, server, key, nonce))
            return false;
        for (int i = 0; i < 8; i++)
            nonce[11 - i] ^= (byte)(packetNumber >> (8 * i));
        return Aes128Gcm.TryDecrypt(key, nonce, sealedPayload[..^TagLength], sealedPayload[^TagLength..], header, plaintext);
    }
}

/// <summary>AES-128-GCM decryption with a 12-byte nonce and a 16-byte tag (NIST SP 800-38D), on the stack.</summary>
internal static class Aes128Gcm
{
    /// <summary>
    /// Decrypts <paramref name="ciphertext"/> into <paramref name="plaintext"/> and checks <paramref name="tag"/> over it and
    /// <paramref name="associated"/>; false (the plaintext then meaningless) when the tag does not match.
    /// </summary>
    public static bool TryDecrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag,
        ReadOnlySpan<byte> associated, Span<byte> plaintext)
    {
        Span<byte> w = stackalloc byte[Aes128.ScheduleLength];
        Aes128.ExpandKey(key, w);
        Span<byte> block = stackalloc byte[16];
        Span<byte> counter = stackalloc byte[16];
        // H: the hash key
        block.Clear();
        Aes128.EncryptExpanded(w, block, block);
        ulong hh = BinaryPrimitives.ReadUInt64BigEndian(block), hl = BinaryPrimitives.ReadUInt64BigEndian(block[8..]);
        ulong xh = 0, xl = 0;
        Absorb(associated, hh, hl, ref xh, ref xl);
        Absorb(ciphertext, hh, hl, ref xh, ref xl);
        xh ^= (ulong)associated.Length * 8;
        xl ^= (ulong)ciphertext.Length * 8;
        Multiply(ref xh, ref xl, hh, hl);
        // the tag is E(K, J0) XOR the hash, J0 the nonce and a counter of 1
        nonce.CopyTo(counter);
        BinaryPrimitives.WriteUInt32BigEndian(counter[12..], 1);
        Aes128.EncryptExpanded(w, counter, block);
        ulong th = BinaryPrimitives.ReadUInt64BigEndian(block) ^ xh, tl = BinaryPrimitives.ReadUInt64BigEndian(block[8..]) ^ xl;
        if (th != BinaryPrimitives.ReadUInt64BigEndian(tag) || tl != BinaryPrimitives.ReadUInt64BigEndian(tag[8..]))
            return false;
        for (int at = 0, n = 2; at < ciphertext.Length; at += 16, n++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(counter[12..], (uint)n);
            Aes128.EncryptExpanded(w, counter, block);
            int length = Math.Min(16, ciphertext.Length - at);
            for (int i = 0; i < length; i++)
                plaintext[at + i] = (byte)(ciphertext[at + i] ^ block[i]);
        }
        return true;
    }

    /// <summary>GHASH over <paramref name="data"/>, zero-padded to whole blocks.</summary>
    private static void Absorb(ReadOnlySpan<byte> data, ulong hh, ulong hl, ref ulong xh, ref ulong xl)
    {
        Span<byte> block = stackalloc byte[16];
        for (int at = 0; at < data.Length; at += 16)
        {
            block.Clear();
            data[at..Math.Min(data.Length, at + 16)].CopyTo(block);
            xh ^= BinaryPrimitives.ReadUInt64BigEndian(block);
            xl ^= BinaryPrimitives.ReadUInt64BigEndian(block[8..]);
            Multiply(ref xh, ref xl, hh, hl);
        }
    }

    /// <summary>X = X · H in GF(2^128) with GCM's bit order (the right-shift algorithm of SP 800-38D 6.3).</summary>
    private static void Multiply(ref ulong xh, ref ulong xl, ulong hh, ulong hl)
    {
        ulong zh = 0, zl = 0, vh = hh, vl = hl;
        for (int i = 0; i < 128; i++)
        {
            ulong bit = i < 64 ? xh >> (63 - i) & 1 : xl >> (127 - i) & 1;
            ulong take = 0UL - bit;
            zh ^= vh & take;
            zl ^= vl & take;
            ulong carry = 0UL - (vl & 1);
            vl = vl >> 1 | vh << 63;
            vh = vh >> 1 ^ (0xE100000000000000UL & carry);
        }
        xh = zh;
        xl = zl;
    }
}
