using System.Buffers.Binary;

namespace RawNet.Protocols.Symantec;

/// <summary>
/// A view over the header the Axent Raptor / Symantec Enterprise Firewall writes before each packet
/// (LINKTYPE_SYMANTEC_FIREWALL, 99), in two layouts told apart only by where the EtherType is:
/// <code>
/// v2 (SEF, SGS v2), 44 bytes:  interface IPv4 (4) | 0 (2) | EtherType (2) | 0 (36)
/// v3 (SGS v3),      56 bytes:  interface IPv4 (4) | 0 (6) | EtherType (2) | 0 (44)
/// </code>
/// tshark 4.0 reads both EtherType words first (12 bytes) and takes the frame only when exactly one of them is zero;
/// tcpdump 4.99 knows the v2 layout only.
/// </summary>
public readonly ref struct SymantecHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Interface = 0;
        public const int EtherTypeV2 = 6;
        public const int EtherTypeV3 = 10;
    }

    /// <summary>Bytes read to tell the layouts apart.</summary>
    public const int VersionLength = 12;

    /// <summary>Length of the v2 header.</summary>
    public const int V2Length = 44;

    /// <summary>Length of the v3 header.</summary>
    public const int V3Length = 56;

    /// <summary>Which layout the first <see cref="VersionLength"/> bytes of <paramref name="bytes"/> say: 2, 3, or 0 for neither (both words zero, or both not).</summary>
    public static int Version(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < VersionLength)
            return 0;
        bool v2 = BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.EtherTypeV2..]) != 0;
        bool v3 = BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.EtherTypeV3..]) != 0;
        return v2 == v3 ? 0 : v2 ? 2 : 3;
    }

    /// <summary>The header's length for a <see cref="Version"/> of 2 or 3.</summary>
    public static int LengthOf(int version) => version == 3 ? V3Length : V2Length;

    /// <summary>The EtherType of a header of <see cref="Version"/> 2 or 3 (its first <see cref="VersionLength"/> bytes).</summary>
    public static ushort EtherType(ReadOnlySpan<byte> bytes) =>
        BinaryPrimitives.ReadUInt16BigEndian(bytes[(Version(bytes) == 3 ? Field.EtherTypeV3 : Field.EtherTypeV2)..]);

    /// <summary>The protocol item's heading in tshark's tree.</summary>
    public static string TreeName(ReadOnlySpan<byte> bytes) => Version(bytes) == 3 ? "Symantec SGSv3" : "Symantec firewall";

    /// <summary>The Info text tshark's dissector writes.</summary>
    public static string InfoText(ReadOnlySpan<byte> bytes) => Version(bytes) == 3 ? "Symantec SGS v3" : "Symantec Enterprise Firewall";
}
