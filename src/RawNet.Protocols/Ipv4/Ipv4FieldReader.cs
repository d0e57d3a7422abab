using System.Buffers.Binary;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ipv4;

/// <summary>IPv4's fields that are not a header field as it stands: <c>ip.addr</c>, <c>ip.hdr_len</c> in bytes, <c>ip.len</c>.</summary>
internal static class Ipv4FieldReader
{
    /// <summary>tshark's PROTO_CHECKSUM_E_UNVERIFIED.</summary>
    private const ulong ChecksumUnverified = 2;

    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int extent, int occurrence, out FieldValue value)
    {
        value = default;
        switch (computed)
        {
            case ComputedField.Ipv4Addresses:
                // The source, then each destination ip.dst has.
                if (occurrence == 0)
                    return FieldValues.Pair(0, header, Ipv4Header.Field.Source, Ipv4Header.Field.Destination, 4, layerOffset, out value);
                return TryReadDestination(header, layerOffset, occurrence - 1, out value);
            case ComputedField.Ipv4Destination:
                return TryReadDestination(header, layerOffset, occurrence, out value);
            case ComputedField.Ipv4ChecksumStatus:
                return header.Length >= Ipv4Header.Field.Checksum + 2
                    && FieldValues.Single(occurrence, ChecksumUnverified, layerOffset + Ipv4Header.Field.Checksum, 2, out value);
            case ComputedField.Ipv4HeaderLength:
                // Not for a bogus version, after which tshark adds nothing.
                return header.Length >= 1 && header[Ipv4Header.Field.VersionAndHeaderLength] >> 4 == 4
                    && FieldValues.Single(occurrence, (ulong)((header[Ipv4Header.Field.VersionAndHeaderLength] & 0x0F) * 4), layerOffset, 1, out value);
            case ComputedField.Ipv4TotalLength:
            {
                if (header.Length < Ipv4Header.Field.TotalLength + 2)
                    return false;
                // A total length of 0 (TCP segmentation offload) shows the length the packet really had.
                ulong total = BinaryPrimitives.ReadUInt16BigEndian(header[Ipv4Header.Field.TotalLength..]);
                return FieldValues.Single(occurrence, total == 0 ? (ulong)extent : total, layerOffset + Ipv4Header.Field.TotalLength, 2, out value);
            }
            default:
                return false;
        }
    }

    /// <summary>
    /// ip.dst as tshark adds it: the header's destination field, unless a source route names the final destination,
    /// which its option then adds (as it does every source route's last slot); none when finding it reads past the capture.
    /// </summary>
    private static bool TryReadDestination(ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (header.Length < Ipv4Header.Field.Destination + 4)
            return false;
        int final = Ipv4Header.FinalDestinationOffset(header);
        if (final == Ipv4Header.NoRouteFound)
            return false;
        if (final == Ipv4Header.Field.Destination)
        {
            if (occurrence == 0)
                return FieldValues.Single(0, 0, layerOffset + Ipv4Header.Field.Destination, 4, out value);
            occurrence--;
        }
        return Ipv4OptionFieldReader.TryReadRouteDestination(header, layerOffset, occurrence, out value);
    }
}
