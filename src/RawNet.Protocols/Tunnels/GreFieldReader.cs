using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tunnels;

/// <summary>
/// GRE's fields past the fixed ones, as tshark 4.0 adds them: the checksum and offset when C or R is set, the key (split
/// into payload length and call ID in the enhanced header), the sequence and acknowledgment numbers, then one
/// <c>gre.routing</c> per Source Route Entry walked by <see cref="GreHeader.RouteWalker"/> with its head's fields and its
/// routing information, each only where its bytes were captured.
/// </summary>
public static class GreFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) =>
        computed is ComputedField.Gre or ComputedField.GreChecksum or ComputedField.GreKey or ComputedField.GreSequenceNumber;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the header's captured bytes <paramref name="header"/>.</summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> header, int layerOffset, ChecksumStatus checksum, int occurrence, out FieldValue value)
    {
        value = default;
        if (header.Length < GreHeader.MinLength)
            return false;
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(header);
        ushort protocol = BinaryPrimitives.ReadUInt16BigEndian(header[GreHeader.Field.Protocol..]);
        bool enhanced = GreHeader.IsEnhanced(flags, protocol);
        bool checksumWord = (flags & (GreHeader.ChecksumPresent | GreHeader.RoutingPresent)) != 0;
        bool key = (flags & GreHeader.KeyPresent) != 0;
        int keyAt = GreHeader.KeyOffset(flags);
        (bool present, int at, int size, ulong number) = field.Computed switch
        {
            ComputedField.GreChecksum => (checksumWord, GreHeader.Field.Optional, 2, 0UL),
            ComputedField.GreKey => (key && !enhanced, keyAt, 4, 0UL),
            ComputedField.GreSequenceNumber => ((flags & GreHeader.SequencePresent) != 0, GreHeader.SequenceOffset(flags), 4, 0UL),
            _ => field.Name switch
            {
                "gre.flags.ack" => (enhanced, 0, 2, (flags & GreHeader.AcknowledgmentPresent) != 0 ? 1UL : 0UL),
                "gre.flags.reserved" => (true, 0, 2, (ulong)((flags & (enhanced ? GreHeader.EnhancedReservedMask : GreHeader.ReservedMask)) >> 3)),
                // tshark's checksum status: 0 bad, 1 good, 2 not verified (R without C, a packet cut or fragmented)
                "gre.checksum.status" => (checksumWord, GreHeader.Field.Optional, 2, checksum switch { ChecksumStatus.Bad => 0UL, ChecksumStatus.Good => 1UL, _ => 2UL }),
                "gre.offset" => (checksumWord, GreHeader.Field.Optional + 2, 2, 0UL),
                "gre.key.payload_length" => (key && enhanced, keyAt, 2, 0UL),
                "gre.key.call_id" => (key && enhanced, keyAt + 2, 2, 0UL),
                "gre.ack_number" => (GreHeader.HasAcknowledgment(flags, protocol), GreHeader.AcknowledgmentOffset(flags), 4, 0UL),
                _ => (false, 0, 0, 0UL),
            },
        };
        if (present)
        {
            if (at + size > header.Length)
                return false;
            if (field.Name is not ("gre.flags.ack" or "gre.flags.reserved" or "gre.checksum.status"))
                number = size == 2 ? BinaryPrimitives.ReadUInt16BigEndian(header[at..]) : BinaryPrimitives.ReadUInt32BigEndian(header[at..]);
            return FieldValues.Single(occurrence, number, layerOffset + at, size, out value);
        }
        return field.Computed == ComputedField.Gre && (flags & GreHeader.RoutingPresent) != 0
            && TryReadRouting(field.Name, header, GreHeader.RoutingOffset(flags, protocol), layerOffset, occurrence, out value);
    }

    /// <summary>The n-th Source Route Entry's field, each only where tshark's read of it fit in the captured bytes.</summary>
    private static bool TryReadRouting(string name, ReadOnlySpan<byte> header, int start, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (start > header.Length)
            return false;
        var walker = new GreHeader.RouteWalker(header, start);
        int seen = 0;
        while (walker.MoveNext(out var sre))
        {
            int information = Math.Min(sre.Length, Math.Max(0, header.Length - sre.Information));
            (bool present, ulong number, int at, int size) = name switch
            {
                // tshark's item spans the entry as its length says, cut to what was captured.
                "gre.routing" => (true, 0UL, sre.At, Math.Min(GreHeader.SreHeaderLength + sre.Length, header.Length - sre.At)),
                "gre.routing.address_family" => (sre.HeadBytes >= 2, sre.Family, sre.At, 2),
                "gre.routing.sre_offset" => (sre.HeadBytes >= 3, sre.SreOffset, sre.At + 2, 1),
                "gre.routing.src_length" => (sre.HeadBytes >= 4, sre.Length, sre.At + 3, 1),
                "gre.routing.information" => (sre.HeadBytes >= 4 && !sre.IsNull && information == sre.Length, 0UL, sre.Information, sre.Length),
                _ => (false, 0UL, 0, 0),
            };
            if (!present)
                continue;
            if (seen++ == occurrence)
            {
                value = new FieldValue(number, layerOffset + at, size);
                return true;
            }
        }
        return false;
    }
}
