using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.SixLowpan;

/// <summary>
/// Reads the 6lowpan fields (<see cref="ComputedField.LowpanPattern"/> to <see cref="ComputedField.LowpanBroadcastSequence"/>)
/// from the header chain walked again (<see cref="SixLowpanLayout"/>): each one whose bytes were captured. The addresses
/// IPHC stands for and its contexts are not in the frame: their values name what to rebuild (<see cref="AddressValue"/>),
/// and <see cref="TryFormat"/> rebuilds them from the frame when shown.
/// </summary>
public static class SixLowpanFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.LowpanPattern and <= ComputedField.LowpanBroadcastSequence;

    private const int KindSource = 0, KindDestination = 1, KindContext = 2;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the 6lowpan layer over <paramref name="buffer"/>.</summary>
    public static bool TryRead(ComputedField computed, DecodedPacket packet, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        if (computed is >= ComputedField.LowpanFragment and <= ComputedField.LowpanReassembledLength)
            return TryReadReassembly(computed, packet.LowpanDatagram, layer, occurrence, out value);
        int at = layer.Offset;
        int end = Math.Min(buffer.Length, at + layer.Extent);
        if (end <= at)
            return false;
        var bytes = buffer[at..end];
        var l = SixLowpanLayout.Parse(bytes);
        if (computed == ComputedField.LowpanPattern)
            return TryReadPattern(bytes, l, at, occurrence, out value);
        if (occurrence != 0)
            return false;
        int n = bytes.Length;
        switch (computed)
        {
            case ComputedField.LowpanMeshV or ComputedField.LowpanMeshF or ComputedField.LowpanMeshHops:
                if (l.MeshAt < 0)
                    return false;
                byte flags = bytes[l.MeshAt];
                value = new FieldValue(computed switch
                {
                    ComputedField.LowpanMeshV => (ulong)((flags >> 5) & 1),
                    ComputedField.LowpanMeshF => (ulong)((flags >> 4) & 1),
                    _ => (ulong)(flags & 0x0F),
                }, at + l.MeshAt, 1);
                return true;
            case ComputedField.LowpanMeshHops8:
                return l.MeshAt >= 0 && (bytes[l.MeshAt] & 0x0F) == 0x0F && Number(bytes, at, l.MeshAt + 1, 1, out value);
            case ComputedField.LowpanMeshOriginator16 or ComputedField.LowpanMeshOriginator64
                or ComputedField.LowpanMeshDestination16 or ComputedField.LowpanMeshDestination64:
            {
                if (l.MeshAt < 0)
                    return false;
                byte mesh = bytes[l.MeshAt];
                int place = l.MeshAt + ((mesh & 0x0F) == 0x0F ? 2 : 1);
                int originatorLength = (mesh & 0x20) != 0 ? 2 : 8, destinationLength = (mesh & 0x10) != 0 ? 2 : 8;
                bool originator = computed is ComputedField.LowpanMeshOriginator16 or ComputedField.LowpanMeshOriginator64;
                int size = originator ? originatorLength : destinationLength;
                if (!originator)
                    place += originatorLength;
                bool wantsShort = computed is ComputedField.LowpanMeshOriginator16 or ComputedField.LowpanMeshDestination16;
                return (size == 2) == wantsShort && Number(bytes, at, place, size, out value);
            }
            case ComputedField.LowpanBroadcastSequence:
                return l.BroadcastAt >= 0 && Number(bytes, at, l.BroadcastAt + 1, 1, out value);
            case ComputedField.LowpanFragmentSize:
                if (l.FragmentAt < 0 || !Number(bytes, at, l.FragmentAt, 2, out value))
                    return false;
                value = value with { Number = value.Number & 0x07FF };
                return true;
            case ComputedField.LowpanFragmentTag:
                return l.FragmentAt >= 0 && Number(bytes, at, l.FragmentAt + 2, 2, out value);
            case ComputedField.LowpanFragmentOffset:
                if (l.FragmentAt < 0 || l.FragmentLength != 5 || !Number(bytes, at, l.FragmentAt + 4, 1, out value))
                    return false;
                value = value with { Number = value.Number * 8 };
                return true;
        }
        if (l.IphcAt < 0 || l.IphcAt + 2 > n)
            return false;
        ushort iphc = BinaryPrimitives.ReadUInt16BigEndian(bytes[l.IphcAt..]);
        int flagsAt = at + l.IphcAt;
        switch (computed)
        {
            case ComputedField.LowpanIphcTf:
                value = new FieldValue((ulong)((iphc >> 11) & 3), flagsAt, 2);
                return true;
            case ComputedField.LowpanIphcNh:
                value = new FieldValue((ulong)((iphc >> 10) & 1), flagsAt, 2);
                return true;
            case ComputedField.LowpanIphcHlim:
                value = new FieldValue((ulong)((iphc >> 8) & 3), flagsAt, 2);
                return true;
            case ComputedField.LowpanIphcCid:
                value = new FieldValue((ulong)((iphc >> 7) & 1), flagsAt, 2);
                return true;
            case ComputedField.LowpanIphcSac:
                value = new FieldValue((ulong)((iphc >> 6) & 1), flagsAt, 2);
                return true;
            case ComputedField.LowpanIphcSam:
                value = new FieldValue((ulong)((iphc >> 4) & 3), flagsAt, 2);
                return true;
            case ComputedField.LowpanIphcM:
                value = new FieldValue((ulong)((iphc >> 3) & 1), flagsAt, 2);
                return true;
            case ComputedField.LowpanIphcDac:
                value = new FieldValue((ulong)((iphc >> 2) & 1), flagsAt, 2);
                return true;
            case ComputedField.LowpanIphcDam:
                value = new FieldValue((ulong)(iphc & 3), flagsAt, 2);
                return true;
            case ComputedField.LowpanSourceContext:
                // added with the address it completes: not for one carried whole, nor for a stateful one (not decoded)
                if ((iphc & 0xC0) != 0 || (iphc & 0x30) == 0 || l.SourceAt < 0 || l.SourceAt + l.SourceLength > n)
                    return false;
                value = AddressValue(KindContext, layer, flagsAt);
                return true;
            case ComputedField.LowpanDestinationContext:
                if ((iphc & 0x84) != 0 || (iphc & 0x0B) == 0 || l.DestinationAt < 0 || l.DestinationAt + l.DestinationLength > n)
                    return false;
                value = AddressValue(KindContext, layer, flagsAt);
                return true;
            case ComputedField.LowpanEcn or ComputedField.LowpanDscp or ComputedField.LowpanTrafficClass or ComputedField.LowpanPadding
                or ComputedField.LowpanFlowLabel:
                return TryReadTraffic(computed, bytes, l, at, out value);
            case ComputedField.LowpanNextHeader:
                return l.NextHeaderAt >= 0 && Number(bytes, at, l.NextHeaderAt, 1, out value);
            case ComputedField.LowpanHopLimit:
                return l.HopLimitAt >= 0 && Number(bytes, at, l.HopLimitAt, 1, out value);
            case ComputedField.LowpanSource:
                if (l.SourceAt < 0 || l.SourceAt + l.SourceLength > n)
                    return false;
                value = AddressValue(KindSource, layer, at + l.SourceAt, l.SourceLength);
                return true;
            case ComputedField.LowpanDestination:
                if (l.DestinationAt < 0 || l.DestinationAt + l.DestinationLength > n)
                    return false;
                value = AddressValue(KindDestination, layer, at + l.DestinationAt, l.DestinationLength);
                return true;
            case ComputedField.LowpanNhcPattern or ComputedField.LowpanNhcUdpChecksum or ComputedField.LowpanNhcUdpPorts:
            {
                // the pattern for any NHC byte; the UDP flags only for NHC UDP
                if (l.NhcAt < 0 || l.NhcAt >= n || (computed != ComputedField.LowpanNhcPattern && l.PortsAt < 0))
                    return false;
                byte nhc = bytes[l.NhcAt];
                value = new FieldValue(computed switch
                {
                    ComputedField.LowpanNhcPattern => (ulong)(nhc >> 3),
                    ComputedField.LowpanNhcUdpChecksum => (ulong)((nhc >> 2) & 1),
                    _ => (ulong)(nhc & 3),
                }, at + l.NhcAt, 1);
                return true;
            }
            case ComputedField.LowpanUdpSource or ComputedField.LowpanUdpDestination:
                return TryReadPort(computed == ComputedField.LowpanUdpSource, bytes, l, at, out value);
            case ComputedField.LowpanUdpChecksum:
                return l.ChecksumAt >= 0 && Number(bytes, at, l.ChecksumAt, 2, out value);
            default:
                return false;
        }
    }

    /// <summary>
    /// The fields tshark's reassembly adds to the frame that completed a datagram: each fragment's frame number (under
    /// <c>6lowpan.fragment.error</c> when it conflicts, is a second tail or reaches past the end, else under
    /// <c>6lowpan.fragment</c>) and its marks, in offset order, then the count and the length.
    /// </summary>
    private static bool TryReadReassembly(ComputedField computed, Reassembly.FragmentedDatagram? datagram, in Layer layer, int occurrence, out FieldValue value)
    {
        value = default;
        if (datagram is null)
            return false;
        if (computed is ComputedField.LowpanFragmentCount or ComputedField.LowpanReassembledLength)
        {
            value = new FieldValue((ulong)(computed == ComputedField.LowpanFragmentCount ? datagram.Count : datagram.Length), layer.Offset, 0);
            return occurrence == 0;
        }
        var wanted = computed switch
        {
            ComputedField.LowpanFragmentOverlap => Reassembly.FragmentMarks.Overlap,
            ComputedField.LowpanFragmentOverlapConflicts => Reassembly.FragmentMarks.Conflict,
            ComputedField.LowpanFragmentMultipleTails => Reassembly.FragmentMarks.MultipleTails,
            ComputedField.LowpanFragmentTooLong => Reassembly.FragmentMarks.TooLong,
            _ => Reassembly.FragmentMarks.Error,
        };
        int seen = 0;
        for (int i = 0; i < datagram.Count; i++)
        {
            var marks = datagram.MarksOf(i);
            bool match = computed == ComputedField.LowpanFragment ? (marks & wanted) == 0 : (marks & wanted) != 0;
            if (!match || seen++ != occurrence)
                continue;
            bool frame = computed is ComputedField.LowpanFragment or ComputedField.LowpanFragmentError;
            value = new FieldValue(frame ? (ulong)datagram.FrameOf(i) : 1, layer.Offset, 0);
            return true;
        }
        return false;
    }

    private static bool TryReadPattern(ReadOnlySpan<byte> bytes, in SixLowpanLayout l, int at, int occurrence, out FieldValue value)
    {
        value = default;
        int n = 0;
        Span<int> places = [l.MeshAt, l.BroadcastAt, l.FragmentAt, l.IphcAt >= 0 ? l.IphcAt : l.Reached == SixLowpanEnd.Ipv6 ? l.End - 1 : -1];
        for (int i = 0; i < places.Length; i++)
        {
            int place = places[i];
            if (place < 0 || place + (i == 3 && l.IphcAt >= 0 ? 2 : 1) > bytes.Length || n++ != occurrence)
                continue;
            byte b = bytes[place];
            ulong pattern = i switch
            {
                0 => (ulong)(b >> 6),
                1 => b,
                2 => (ulong)(b >> 3),
                _ => l.IphcAt >= 0 ? (ulong)(b >> 5) : b,
            };
            value = new FieldValue(pattern, at + place, 1);
            return true;
        }
        return false;
    }

    private static bool TryReadTraffic(ComputedField computed, ReadOnlySpan<byte> bytes, in SixLowpanLayout l, int at, out FieldValue value)
    {
        value = default;
        // tshark reads item by item: ECN, DSCP and the class from the first byte, the padding and the flow label after it.
        if (l.TrafficAt < 0 || l.TrafficAt >= bytes.Length)
            return false;
        var t = bytes.Slice(l.TrafficAt, Math.Min(l.TrafficLength, bytes.Length - l.TrafficAt));
        int ecn = t[0] >> 6, dscp = t[0] & 0x3F;
        int flowAt = l.TrafficLength == 4 ? 1 : 0;
        bool hasDscp = l.TrafficLength != 3, hasFlow = l.TrafficLength != 1 && t.Length >= flowAt + 3;
        if (computed == ComputedField.LowpanPadding && (l.TrafficLength == 1 || t.Length < flowAt + 1))
            return false;
        switch (computed)
        {
            case ComputedField.LowpanEcn:
                value = new FieldValue((ulong)ecn, at + l.TrafficAt, 1);
                return true;
            case ComputedField.LowpanDscp:
                value = new FieldValue((ulong)dscp, at + l.TrafficAt, 1);
                return hasDscp;
            case ComputedField.LowpanTrafficClass:
                value = new FieldValue((ulong)(hasDscp ? dscp << 2 | ecn : ecn), at + l.TrafficAt, 1);
                return true;
            case ComputedField.LowpanPadding:
                value = new FieldValue(l.TrafficLength == 4 ? (ulong)(t[1] >> 4) : (ulong)((t[0] >> 4) & 3), at + l.TrafficAt + flowAt, 1);
                return true;
            default:
                if (!hasFlow)
                    return false;
                value = new FieldValue((ulong)((t[flowAt] & 0x0F) << 16 | t[flowAt + 1] << 8 | t[flowAt + 2]), at + l.TrafficAt + flowAt, 3);
                return true;
        }
    }

    private static bool TryReadPort(bool source, ReadOnlySpan<byte> bytes, in SixLowpanLayout l, int at, out FieldValue value)
    {
        value = default;
        int length = l.PortsMode switch { 0 => 4, 1 or 2 => 3, _ => 1 };
        if (l.PortsAt < 0 || l.PortsAt + length > bytes.Length)
            return false;
        var p = bytes[l.PortsAt..];
        int port = (l.PortsMode, source) switch
        {
            (0, true) or (1, true) => BinaryPrimitives.ReadUInt16BigEndian(p),
            (0, false) => BinaryPrimitives.ReadUInt16BigEndian(p[2..]),
            (1, false) => 0xF000 | p[2],
            (2, true) => 0xF000 | p[0],
            (2, false) => BinaryPrimitives.ReadUInt16BigEndian(p[1..]),
            (_, true) => 0xF0B0 | p[0] >> 4,
            _ => 0xF0B0 | p[0] & 0x0F,
        };
        value = new FieldValue((ulong)port, at + l.PortsAt, length);
        return true;
    }

    private static bool Number(ReadOnlySpan<byte> bytes, int at, int place, int size, out FieldValue value)
    {
        value = default;
        if (place < 0 || place + size > bytes.Length)
            return false;
        ulong number = 0;
        for (int i = 0; i < size; i++)
            number = number << 8 | bytes[place + i];
        value = new FieldValue(number, at + place, size);
        return true;
    }

    /// <summary>
    /// A value naming an address to rebuild when shown: the kind (source, destination, context) in the low byte, the MAC
    /// header's offset (<see cref="Layer.Note"/>) next, the chain's offset in the high 32 bits.
    /// </summary>
    private static FieldValue AddressValue(int kind, in Layer layer, int place, int length = 2) =>
        new((uint)kind | (ulong)layer.Note << 8 | (ulong)(uint)layer.Offset << 32, place, length);

    /// <summary>Longest text <see cref="TryFormat"/> writes: an IPv6 address.</summary>
    public const int MaxFormattedLength = 46;

    /// <summary>Writes the address a value of <see cref="AddressValue"/> names, rebuilt from <paramref name="buffer"/> (the frame).</summary>
    public static bool TryFormat(in FieldValue value, ReadOnlySpan<byte> buffer, Span<char> destination, out int written)
    {
        written = 0;
        int kind = (int)(value.Number & 0xFF), macStart = (int)((value.Number >> 8) & 0xFFFFFF), chain = (int)(value.Number >> 32);
        Span<byte> address = stackalloc byte[16];
        address.Clear();
        if (kind == KindContext)
        {
            address[0] = 0xFE;
            address[1] = 0x80;
            return FieldFormatter.TryFormatIpv6(address, destination, out written);
        }
        if ((uint)chain >= (uint)buffer.Length || (uint)macStart > (uint)chain)
            return false;
        var bytes = buffer[chain..];
        var l = SixLowpanLayout.Parse(bytes);
        bool source = kind == KindSource;
        if (l.IphcAt < 0 || (source ? l.SourceAt + l.SourceLength : l.DestinationAt + l.DestinationLength) > bytes.Length || (source ? l.SourceAt : l.DestinationAt) < 0)
            return false;
        Span<byte> sourceIid = stackalloc byte[8], destinationIid = stackalloc byte[8];
        SixLowpanDecompressor.LinkInterfaceIds(buffer, macStart, chain, l, sourceIid, destinationIid);
        SixLowpanDecompressor.WriteAddress(bytes, l, source, source ? sourceIid : destinationIid, address);
        return FieldFormatter.TryFormatIpv6(address, destination, out written);
    }
}
