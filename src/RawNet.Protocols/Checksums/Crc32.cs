namespace RawNet.Protocols.Checksums;

/// <summary>
/// The CRC-32 of IEEE 802.3 (reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF), as zlib and
/// Wireshark's crc32_ccitt compute it; the value is what an Ethernet FCS holds read least significant byte first.
/// <see cref="Mpeg2"/> is the same polynomial unreflected with no final XOR (Wireshark's crc32_mpeg2): GFP's payload FCS is its complement.
/// </summary>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();
    private static readonly uint[] MsbFirstTable = BuildMsbFirstTable();

    private static uint[] BuildMsbFirstTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n << 24;
            for (int k = 0; k < 8; k++)
                c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>The CRC-32/MPEG-2 of <paramref name="bytes"/> (polynomial 0x04C11DB7 most significant bit first, initial value 0xFFFFFFFF, no final XOR), read big-endian.</summary>
    public static uint Mpeg2(ReadOnlySpan<byte> bytes)
    {
        var table = MsbFirstTable;
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
            crc = table[(crc >> 24) ^ b] ^ (crc << 8);
        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>The CRC-32 of <paramref name="bytes"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> bytes)
    {
        var table = Table;
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFF;
    }
}
