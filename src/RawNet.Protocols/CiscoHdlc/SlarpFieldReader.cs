using System.Buffers.Binary;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.CiscoHdlc.SlarpPacket.Field;

namespace RawNet.Protocols.CiscoHdlc;

/// <summary>
/// Reads the SLARP fields (<see cref="ComputedField.SlarpType"/> to <see cref="ComputedField.SlarpReliability"/>) as tshark
/// adds them: for a known type nothing until the type and the two words after it are there (tshark reads all three
/// before it adds any), then a keepalive's reliability as far as captured.
/// </summary>
public static class SlarpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.SlarpType and <= ComputedField.SlarpReliability;

    /// <summary>Reads <paramref name="computed"/> from the packet's captured bytes <paramref name="header"/>, which start at <paramref name="layerOffset"/> in their buffer.</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (occurrence != 0 || header.Length < SlarpPacket.TypeLength)
            return false;
        var type = (SlarpType)BinaryPrimitives.ReadUInt32BigEndian(header);
        bool addressed = type is SlarpType.Request or SlarpType.Reply;
        // tshark reads the type and the two words after it before it adds any of them.
        if (type is SlarpType.Request or SlarpType.Reply or SlarpType.Keepalive && header.Length < F.YourSequence + 4)
            return false;
        (bool present, int at, int size) = computed switch
        {
            ComputedField.SlarpType => (true, F.Type, 4),
            ComputedField.SlarpAddress => (addressed, F.Address, 4),
            ComputedField.SlarpNetmask => (addressed, F.Netmask, 4),
            ComputedField.SlarpMySequence => (type == SlarpType.Keepalive, F.MySequence, 4),
            ComputedField.SlarpYourSequence => (type == SlarpType.Keepalive, F.YourSequence, 4),
            _ => (type == SlarpType.Keepalive, F.Reliability, 2),
        };
        if (!present || header.Length < at + size)
            return false;
        ulong number = size == 2 ? BinaryPrimitives.ReadUInt16BigEndian(header[at..]) : BinaryPrimitives.ReadUInt32BigEndian(header[at..]);
        value = new FieldValue(number, layerOffset + at, size);
        return true;
    }
}
