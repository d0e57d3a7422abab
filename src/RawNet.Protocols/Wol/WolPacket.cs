namespace RawNet.Protocols.Wol;

/// <summary>What tshark 4.0's wol dissector makes of a payload (EtherType 0x0842, or its UDP heuristic).</summary>
public enum WolVerdict : byte
{
    /// <summary>Not a magic packet: tshark's wol returns 0 and the payload goes on (data, or the next heuristic).</summary>
    Refused,
    /// <summary>A magic packet, with every byte wol reads captured.</summary>
    Claimed,
    /// <summary>A read past the captured bytes threw before wol could refuse or finish: "wol" in the chain, size limited, no field.</summary>
    CutShort,
}

/// <summary>
/// A Wake-on-LAN magic packet as tshark 4.0's wol reads it:
/// <code>
///  0      6                                  102        106/108
///  +------+----------------------------------+----------+
///  | 0xff | target MAC, 16 times             | password |  (none, 4 bytes shown as IPv4, or 6 shown as a MAC)
///  | x 6  |                                  |          |
///  +------+----------------------------------+----------+
/// </code>
/// wol refuses a payload under 102 bytes (its reported length), one whose first 6 bytes are not all 0xff, and one whose
/// MAC is not repeated 16 times; 106 or 107 bytes carry a 4-byte password, 108 or more a 6-byte one (bytes after it are
/// ignored). The sync stream and the first MAC are read with reads that throw past the captured bytes; the repeats with
/// a compare that fails there (a refusal), the password with a read that throws.
/// </summary>
public static class WolPacket
{
    /// <summary>Offsets in the magic packet.</summary>
    public static class Field
    {
        public const int Sync = 0;
        public const int FirstMac = 6;
        public const int Password = 102;
    }

    /// <summary>Bytes of the sync stream and of one MAC.</summary>
    public const int SyncLength = 6, MacLength = 6;

    /// <summary>How often the target MAC is repeated.</summary>
    public const int Repeats = 16;

    /// <summary>The length of a magic packet without password, and with a 4- or a 6-byte one.</summary>
    public const int Length = 102, LengthWithIpv4Password = 106, LengthWithMacPassword = 108;

    /// <summary>
    /// Judges a payload as tshark's wol does: <paramref name="captured"/> is what the capture kept of it (from its first
    /// byte), <paramref name="reported"/> its length on the wire; <paramref name="length"/> is the magic packet's length
    /// (102, 106 or 108) when claimed, else 0.
    /// </summary>
    public static WolVerdict Judge(ReadOnlySpan<byte> captured, int reported, out int length)
    {
        length = 0;
        if (reported < Length)
            return WolVerdict.Refused;
        if (captured.Length < SyncLength)
            return WolVerdict.CutShort;
        if (captured[..SyncLength].IndexOfAnyExcept((byte)0xff) >= 0)
            return WolVerdict.Refused;
        if (captured.Length < Field.FirstMac + MacLength)
            return WolVerdict.CutShort;
        var mac = captured.Slice(Field.FirstMac, MacLength);
        for (int at = Field.FirstMac + MacLength; at < Length; at += MacLength)
        {
            if (at + MacLength > captured.Length || !captured.Slice(at, MacLength).SequenceEqual(mac))
                return WolVerdict.Refused;
        }
        int claimed = reported >= LengthWithMacPassword ? LengthWithMacPassword : reported >= LengthWithIpv4Password ? LengthWithIpv4Password : Length;
        if (captured.Length < claimed)
            return WolVerdict.CutShort;
        length = claimed;
        return WolVerdict.Claimed;
    }

    /// <summary>The password's length in a claimed magic packet of <paramref name="length"/> bytes: 0, 4 or 6.</summary>
    public static int PasswordLength(int length) => length - Length;
}
