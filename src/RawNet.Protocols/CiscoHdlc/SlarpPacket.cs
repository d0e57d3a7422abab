using System.Buffers.Binary;

namespace RawNet.Protocols.CiscoHdlc;

/// <summary>SLARP packet types.</summary>
public enum SlarpType : uint
{
    Request = 0,
    Reply = 1,
    Keepalive = 2,
}

/// <summary>
/// A view over a SLARP packet (Cisco's Serial Line Address Resolution Protocol, carried by Cisco HDLC). A request or reply
/// names an address and mask, a keepalive two sequence numbers and a reliability word; the rest of the packet (Cisco pads
/// it, and keepalives may carry an uptime) is not part of what tshark reads.
/// <code>
/// type (4) | address (4)     | netmask (4)      |                    request, reply
/// type (4) | my sequence (4) | your sequence (4) | reliability (2)   keepalive
/// </code>
/// </summary>
public readonly ref struct SlarpPacket
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Type = 0;
        public const int Address = 4;
        public const int Netmask = 8;
        public const int MySequence = 4;
        public const int YourSequence = 8;
        public const int Reliability = 12;
        /// <summary>Where a keepalive's optional uptime (milliseconds) starts.</summary>
        public const int Uptime = 14;
    }

    /// <summary>Length of the type field, all an unknown type has.</summary>
    public const int TypeLength = 4;

    private readonly ReadOnlySpan<byte> _bytes;

    private SlarpPacket(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>True for the types whose fields tshark reads (request, reply, keepalive).</summary>
    public static bool IsKnown(SlarpType type) => type is SlarpType.Request or SlarpType.Reply or SlarpType.Keepalive;

    /// <summary>The length of the fields a packet of <paramref name="type"/> has.</summary>
    public static int LengthOf(SlarpType type) => type switch
    {
        SlarpType.Request or SlarpType.Reply => Field.Netmask + 4,
        SlarpType.Keepalive => Field.Reliability + 2,
        _ => TypeLength,
    };

    /// <summary>Wraps <paramref name="bytes"/> if they hold every field the packet's type has.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out SlarpPacket packet)
    {
        bool whole = bytes.Length >= TypeLength && bytes.Length >= LengthOf((SlarpType)BinaryPrimitives.ReadUInt32BigEndian(bytes));
        packet = whole ? new SlarpPacket(bytes) : default;
        return whole;
    }

    /// <summary>The packet type.</summary>
    public SlarpType Type => (SlarpType)BinaryPrimitives.ReadUInt32BigEndian(_bytes);

    /// <summary>A request's or reply's address.</summary>
    public ReadOnlySpan<byte> Address => _bytes.Slice(Field.Address, 4);

    /// <summary>A request's or reply's netmask.</summary>
    public ReadOnlySpan<byte> Netmask => _bytes.Slice(Field.Netmask, 4);

    /// <summary>A keepalive's own sequence number.</summary>
    public uint MySequence => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.MySequence..]);

    /// <summary>The last sequence number a keepalive's sender saw from the other end.</summary>
    public uint YourSequence => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.YourSequence..]);

    /// <summary>A keepalive's reliability word.</summary>
    public ushort Reliability => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Reliability..]);
}
