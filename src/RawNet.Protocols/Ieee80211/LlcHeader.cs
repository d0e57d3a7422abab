using System.Buffers.Binary;

namespace RawNet.Protocols.Ieee80211;

/// <summary>
/// A view over an IEEE 802.2 LLC header and, when both SAPs are SNAP's (0xAA) and the control field is an unnumbered
/// one, its SNAP extension (RFC 1042): an OUI and a protocol ID, which for OUI 00-00-00 (and 00-00-F8) is an EtherType.
/// <code>
/// +--------+--------+---------+------------------+------------------+
/// |  DSAP  |  SSAP  | control |   OUI (3) SNAP   |  type (2) SNAP   |
/// +--------+--------+---------+------------------+------------------+
/// </code>
/// </summary>
public readonly ref struct LlcHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Dsap = 0;
        public const int Ssap = 1;
        public const int Control = 2;
        public const int Oui = 3;
        public const int Type = 6;
    }

    /// <summary>Length of the LLC header with an unnumbered (one-byte) control field.</summary>
    public const int Length = 3;

    /// <summary>Length of LLC and SNAP together.</summary>
    public const int SnapLength = 8;

    /// <summary>The SAP of SNAP.</summary>
    public const byte SnapSap = 0xAA;

    /// <summary>The OUIs whose protocol ID is an EtherType: RFC 1042's and 802.1H's bridge tunnel.</summary>
    public const uint EncapsulatedEthernet = 0x000000, BridgeTunnel = 0x0000F8;

    private readonly ReadOnlySpan<byte> _bytes;

    private LlcHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds DSAP, SSAP and the first control byte.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out LlcHeader header)
    {
        header = bytes.Length >= Length ? new LlcHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>True for an unnumbered control field (one byte); information and supervisory ones take two.</summary>
    public bool IsUnnumbered => (_bytes[Field.Control] & 0x03) == 0x03;

    /// <summary>True when a SNAP header follows.</summary>
    public bool IsSnap => _bytes[Field.Dsap] == SnapSap && _bytes[Field.Ssap] == SnapSap && IsUnnumbered;

    /// <summary>The header's length: 3, 4 with a two-byte control field, 8 with SNAP.</summary>
    public int HeaderLength => IsSnap ? SnapLength : IsUnnumbered ? Length : Length + 1;

    /// <summary>The SNAP OUI (valid with <see cref="IsSnap"/> and eight bytes present).</summary>
    public uint Oui => (uint)(_bytes[Field.Oui] << 16 | _bytes[Field.Oui + 1] << 8 | _bytes[Field.Oui + 2]);

    /// <summary>The SNAP protocol ID (valid with <see cref="IsSnap"/> and eight bytes present).</summary>
    public ushort ProtocolId => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Type..]);

    /// <summary>True when the protocol ID is an EtherType.</summary>
    public bool CarriesEtherType => Oui is EncapsulatedEthernet or BridgeTunnel;
}
