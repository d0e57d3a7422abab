using System.Buffers.Binary;

namespace RawNet.Protocols.Juniper;

/// <summary>
/// The TLVs a Juniper (Contrail) vRouter writes before each Ethernet frame it captures (LINKTYPE_JUNIPER_VN, 184), as
/// tshark 4.0 reads them (dissect_juniper_vn): no "MGC" header, a type and a length byte, then the value, until type
/// 255, whose length is skipped too; the Ethernet frame follows. tshark first adds a 20-byte subtree (a shorter frame
/// ends there), and reads the host address and the flags as 4 bytes whatever the length says.
/// <code>
/// | type (1) | length (1) | value ... |  ...  | 255 | length | skipped ... | Ethernet frame
/// </code>
/// </summary>
public static class JuniperVirtualNetwork
{
    /// <summary>The bytes tshark's subtree spans before any TLV is read.</summary>
    public const int MinLength = 20;

    /// <summary>Length of a TLV's type and length.</summary>
    public const int TlvHeaderLength = 2;

    /// <summary>Most TLVs walked in one header (a vRouter writes four).</summary>
    public const int MaxTlvs = 64;

    /// <summary>The TLV types tshark reads.</summary>
    public static class Types
    {
        public const byte HostIp = 1;
        public const byte Flags = 2;
        public const byte SourceNetwork = 3;
        public const byte DestinationNetwork = 4;
        public const byte Last = 255;
    }

    /// <summary>The flag bits tshark names.</summary>
    public static class FlagBits
    {
        public const uint Alert = 0x00000002;
        public const uint Drop = 0x00000004;
        public const uint Deny = 0x00000008;
        public const uint Log = 0x00000010;
        public const uint Pass = 0x00000020;
        public const uint Reject = 0x00000040;
        public const uint Mirror = 0x00000080;
        public const uint Direction = 0x40000000;
    }
}

/// <summary>How a walk over Juniper VN TLVs ended.</summary>
public enum JuniperVnEnd : byte
{
    /// <summary>Still walking.</summary>
    Walking,
    /// <summary>Type 255: the Ethernet frame starts at <see cref="JuniperVnWalk.Next"/>.</summary>
    Last,
    /// <summary>A type tshark has no case for: its "Incorrect format" warning, and nothing after it.</summary>
    IncorrectFormat,
    /// <summary>A read past the captured bytes (<see cref="JuniperVnWalk.Needed"/>): tshark's exception.</summary>
    Cut,
    /// <summary>More TLVs than <see cref="JuniperVirtualNetwork.MaxTlvs"/>.</summary>
    TooMany,
}

/// <summary>
/// A bounded walk over the TLVs of a Juniper VN header (<see cref="JuniperVirtualNetwork"/>) in the captured bytes, as
/// tshark reads them: each step moves on by at least the 2-byte type and length, and at most
/// <see cref="JuniperVirtualNetwork.MaxTlvs"/> steps are taken.
/// </summary>
public ref struct JuniperVnWalk
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _count;

    /// <summary>Walks the TLVs of <paramref name="bytes"/> (the captured frame).</summary>
    public JuniperVnWalk(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _count = 0;
        Next = 0;
        End = JuniperVnEnd.Walking;
    }

    /// <summary>Offset of the current TLV's type.</summary>
    public int Offset { get; private set; }

    /// <summary>The current TLV's type.</summary>
    public byte Type { get; private set; }

    /// <summary>The current TLV's length byte.</summary>
    public int Length { get; private set; }

    /// <summary>Offset of the current TLV's value.</summary>
    public readonly int ValueOffset => Offset + JuniperVirtualNetwork.TlvHeaderLength;

    /// <summary>Where the next TLV (after type 255: the Ethernet frame) starts.</summary>
    public int Next { get; private set; }

    /// <summary>How the walk ended, once <see cref="MoveNext"/> returned false.</summary>
    public JuniperVnEnd End { get; private set; }

    /// <summary>Where the bytes a cut walk needed end.</summary>
    public int Needed { get; private set; }

    /// <summary>The current host address or flags TLV's 4 bytes, big-endian.</summary>
    public readonly uint Number => BinaryPrimitives.ReadUInt32BigEndian(_bytes[ValueOffset..]);

    /// <summary>
    /// Moves to the next TLV tshark shows a field for (host address, flags, source or destination network); false at type
    /// 255, an unknown type or a read past the captured bytes (see <see cref="End"/>).
    /// </summary>
    public bool MoveNext()
    {
        if (End != JuniperVnEnd.Walking)
            return false;
        if (_count++ == JuniperVirtualNetwork.MaxTlvs)
            return Stop(JuniperVnEnd.TooMany, Next);
        int at = Next;
        if (_bytes.Length - at < JuniperVirtualNetwork.TlvHeaderLength)
            return Stop(JuniperVnEnd.Cut, at + JuniperVirtualNetwork.TlvHeaderLength);
        byte type = _bytes[at];
        int length = _bytes[at + 1];
        Offset = at;
        Type = type;
        Length = length;
        Next = at + JuniperVirtualNetwork.TlvHeaderLength + length;
        switch (type)
        {
            case JuniperVirtualNetwork.Types.Last:
                return Stop(JuniperVnEnd.Last, 0);
            case JuniperVirtualNetwork.Types.HostIp or JuniperVirtualNetwork.Types.Flags:
                // tshark reads 4 bytes whatever the length says.
                if (_bytes.Length < ValueOffset + 4)
                    return Stop(JuniperVnEnd.Cut, ValueOffset + 4);
                return true;
            case JuniperVirtualNetwork.Types.SourceNetwork or JuniperVirtualNetwork.Types.DestinationNetwork:
                if (_bytes.Length < ValueOffset + length)
                    return Stop(JuniperVnEnd.Cut, ValueOffset + length);
                return true;
            default:
                return Stop(JuniperVnEnd.IncorrectFormat, 0);
        }
    }

    private bool Stop(JuniperVnEnd end, int needed)
    {
        End = end;
        Needed = needed;
        return false;
    }
}
