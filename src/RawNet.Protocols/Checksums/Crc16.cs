namespace RawNet.Protocols.Checksums;

/// <summary>
/// The CRC-16 of ITU-T X.25 (CRC-CCITT reflected, polynomial 0x8408, initial value and final XOR 0xFFFF), as Wireshark's
/// crc16_ccitt computes it; the value is what a DOCSIS HCS or an HDLC FCS holds read least significant byte first.
/// <see cref="Xmodem"/> is the same polynomial unreflected, from 0 with no final XOR (Wireshark's crc16_r3_ccitt): GFP's HECs.
/// </summary>
public static class Crc16
{
    private static readonly ushort[] Table = BuildTable();
    private static readonly ushort[] MsbFirstTable = BuildMsbFirstTable();

    private static ushort[] BuildMsbFirstTable()
    {
        var table = new ushort[256];
        for (int n = 0; n < 256; n++)
        {
            int c = n << 8;
            for (int k = 0; k < 8; k++)
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
            table[n] = (ushort)c;
        }
        return table;
    }

    /// <summary>The CRC-16/XMODEM of <paramref name="bytes"/> (polynomial 0x1021 most significant bit first, initial value 0, no final XOR), read big-endian.</summary>
    public static ushort Xmodem(ReadOnlySpan<byte> bytes)
    {
        var table = MsbFirstTable;
        int crc = 0;
        foreach (byte b in bytes)
            crc = (table[((crc >> 8) ^ b) & 0xFF] ^ (crc << 8)) & 0xFFFF;
        return (ushort)crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int n = 0; n < 256; n++)
        {
            int c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0x8408 ^ (c >> 1) : c >> 1;
            table[n] = (ushort)c;
        }
        return table;
    }

    /// <summary>The X.25 CRC-16 of <paramref name="bytes"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> bytes) => (ushort)(Run(0xFFFF, bytes) ^ 0xFFFF);

    /// <summary>
    /// The same polynomial with initial value 0 and no final XOR (CRC-16/KERMIT): IEEE 802.15.4's FCS, stored least
    /// significant byte first.
    /// </summary>
    public static ushort ComputeKermit(ReadOnlySpan<byte> bytes) => (ushort)Run(0, bytes);

    private static int Run(int crc, ReadOnlySpan<byte> bytes)
    {
        var table = Table;
        foreach (byte b in bytes)
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }
}
