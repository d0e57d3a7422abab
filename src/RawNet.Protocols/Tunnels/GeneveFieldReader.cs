using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tunnels;

/// <summary>
/// Reads Geneve's computed fields (<see cref="ComputedField.Geneve"/>) as tshark 4.0 adds them: the version's mark, the
/// options' length, the options' bytes once all of them were captured, then per option walked by
/// <see cref="GeneveHeader.OptionWalker"/> (only an option captured whole: tshark adds its item over all of it first) its
/// class, type, flags, length and data (GCP's three named options read as tshark reads them), and the walk's mark for an
/// option that runs past the options.
/// </summary>
public static class GeneveFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Geneve;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the header's captured bytes <paramref name="header"/>.</summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (!GeneveFields.TryGetValue(field, out var which) || header.Length < 1)
            return false;
        int optionsLength = GeneveHeader.OptionsLength(header[0]);
        switch (which)
        {
            // Both from the first byte, read before anything else.
            case GeneveValue.VersionUnknown:
                return GeneveHeader.Version(header[0]) != GeneveHeader.KnownVersion && FieldValues.Single(occurrence, 1, layerOffset, 1, out value);
            case GeneveValue.OptionsLength:
                return FieldValues.Single(occurrence, (ulong)optionsLength, layerOffset, 1, out value);
            case not GeneveValue.VersionUnknown when header.Length < GeneveHeader.FixedLength:
                return false;
            // tshark adds the options' item over all of them before it walks them: options not all captured show nothing.
            case not GeneveValue.VersionUnknown when header.Length < GeneveHeader.FixedLength + optionsLength:
                return false;
            case GeneveValue.Options:
                return optionsLength > 0 && FieldValues.Single(occurrence, 0, layerOffset + GeneveHeader.Field.Options, optionsLength, out value);
            case GeneveValue.OptionLengthInvalid:
            {
                var walker = new GeneveHeader.OptionWalker(header);
                while (walker.MoveNext(out _, out _))
                {
                }
                return walker.InvalidAt >= 0 && FieldValues.Single(occurrence, 1, layerOffset + walker.InvalidAt + 3, 1, out value);
            }
        }
        // The per-option fields: the n-th option that has this field, captured whole.
        var options = new GeneveHeader.OptionWalker(header);
        int seen = 0;
        while (options.MoveNext(out int at, out int length))
        {
            if (at + length > header.Length)
                return false;
            if (!TryReadOption(which, header, at, length, layerOffset, out value))
                continue;
            if (seen++ == occurrence)
                return true;
        }
        value = default;
        return false;
    }

    private static bool TryReadOption(GeneveValue which, ReadOnlySpan<byte> header, int at, int length, int layerOffset, out FieldValue value)
    {
        value = default;
        var option = header.Slice(at, length);
        int key = GeneveHeader.OptionKey(option);
        int data = at + GeneveHeader.OptionHeaderLength, dataLength = length - GeneveHeader.OptionHeaderLength;
        // GCP's network ID is read from four bytes past the option's header whatever its length (within what was captured here).
        bool gcpWord = key == GeneveHeader.GcpVirtualNetworkId && data + 4 <= header.Length;
        uint word = gcpWord ? BinaryPrimitives.ReadUInt32BigEndian(header[data..]) : 0;
        (bool present, ulong number, int offset, int size) = which switch
        {
            GeneveValue.Option => (true, 0UL, at, length),
            GeneveValue.OptionClass => (true, BinaryPrimitives.ReadUInt16BigEndian(option), at, 2),
            GeneveValue.OptionType => (true, option[2], at + 2, 1),
            GeneveValue.OptionCritical => (true, (ulong)(option[2] >> 7), at + 2, 1),
            GeneveValue.OptionFlags => (true, (ulong)(option[3] >> 5), at + 3, 1),
            GeneveValue.OptionFlagsReserved => (true, (option[3] & 0xE0) != 0 ? 1UL : 0UL, at + 3, 1),
            GeneveValue.OptionLength => (true, (ulong)length, at + 3, 1),
            GeneveValue.GcpVirtualNetworkId => (gcpWord, word >> 4, data, 4),
            GeneveValue.GcpDirection => (gcpWord, word & 1, data, 4),
            GeneveValue.GcpReserved => (gcpWord, (word & 0xE) != 0 ? 1UL : 0UL, data, 4),
            GeneveValue.GcpEndpoint => (key == GeneveHeader.GcpEndpointId, 0UL, data, dataLength),
            GeneveValue.GcpProfile => (key == GeneveHeader.GcpProfileId && dataLength is > 0 and <= 8, ReadNumber(header.Slice(data, Math.Min(dataLength, 8))), data, dataLength),
            GeneveValue.UnknownData => (key is not (GeneveHeader.GcpVirtualNetworkId or GeneveHeader.GcpEndpointId or GeneveHeader.GcpProfileId), 0UL, data, dataLength),
            _ => (false, 0UL, 0, 0),
        };
        if (!present)
            return false;
        value = new FieldValue(number, layerOffset + offset, size);
        return true;
    }

    private static ulong ReadNumber(ReadOnlySpan<byte> bytes)
    {
        ulong number = 0;
        foreach (byte b in bytes)
            number = number << 8 | b;
        return number;
    }
}
