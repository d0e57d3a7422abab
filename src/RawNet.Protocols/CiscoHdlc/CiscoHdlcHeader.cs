using System.Buffers.Binary;

namespace RawNet.Protocols.CiscoHdlc;

/// <summary>
/// A view over the Cisco HDLC header (LINKTYPE_C_HDLC; RFC 1547 4.3.1): an address, a control byte and an EtherType, or
/// a Cisco protocol number such as SLARP.
/// <code>
/// +-----------+-----------+-------------------------------+
/// | address   | control   |  protocol (2)                 |
/// | 0x0f/0x8f | 0x00      |                               |
/// +-----------+-----------+-------------------------------+
/// </code>
/// </summary>
public readonly ref struct CiscoHdlcHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Address = 0;
        public const int Control = 1;
        public const int Protocol = 2;
    }

    /// <summary>Length of the header.</summary>
    public const int Length = 4;

    /// <summary>The unicast address.</summary>
    public const byte UnicastAddress = 0x0F;

    /// <summary>The multicast (broadcast) address.</summary>
    public const byte MulticastAddress = 0x8F;

    /// <summary>The protocol number of SLARP, Cisco's serial line address resolution and keepalive.</summary>
    public const ushort SlarpProtocol = 0x8035;

    private readonly ReadOnlySpan<byte> _bytes;

    private CiscoHdlcHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds a whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out CiscoHdlcHeader header)
    {
        header = bytes.Length >= Length ? new CiscoHdlcHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>True for the two addresses Cisco HDLC uses: what tells it from PPP on the PPP link types, as tshark tells them.</summary>
    public static bool IsAddress(byte first) => first is UnicastAddress or MulticastAddress;

    /// <summary>The address byte.</summary>
    public byte Address => _bytes[Field.Address];

    /// <summary>The control byte.</summary>
    public byte Control => _bytes[Field.Control];

    /// <summary>The protocol of what follows: an EtherType or <see cref="SlarpProtocol"/>.</summary>
    public ushort Protocol => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Protocol..]);
}
