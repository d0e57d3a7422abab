using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tcp;

namespace RawNet.Protocols.Fields;

/// <summary>Reads field values out of a decoded packet. Never throws: a field whose bytes were not captured is absent.</summary>
public static class FieldReader
{
    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> (0-based) of <paramref name="field"/> in layer
    /// <paramref name="layerIndex"/>; false when the layer has no such occurrence.
    /// </summary>
    public static bool TryRead(FieldDefinition field, DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame, int occurrence, out FieldValue value)
    {
        value = default;
        ref readonly Layer layer = ref packet[layerIndex];
        if (layer.Kind != field.Layer)
            return false;
        var buffer = packet.BufferOf(layer, frame);
        var header = buffer.Slice(layer.Offset, layer.HeaderLength);
        if (layer.Kind == LayerKind.Ieee80211 && !Ieee80211.Ieee80211LayerDetail.HasEnoughForFields(field, header, layer.Detail))
            return false;
        if (field.IsFixed)
        {
            if (occurrence != 0 || field.Offset + field.Size > header.Length || !HasEnoughForFields(layer))
                return false;
            ulong number = ReadMasked(field, header);
            if (!IsPresent(field.Presence, layer, header, number))
                return false;
            if (field.Presence == FieldPresence.NotQuotedByIcmpv4 && layer.Quoted && QuotedBy(packet, layerIndex) == LayerKind.Icmp)
                return false;
            value = new FieldValue(number, layer.Offset + field.Offset, field.Size);
            return true;
        }
        if (field.Computed == ComputedField.Analysis)
            return Conversations.AnalysisFieldReader.TryRead(field, packet, layerIndex, frame, occurrence, out value);
        if (field.Computed is >= ComputedField.TcpPayload and <= ComputedField.PayloadLength)
            return TryReadPayload(field.Computed, layer, buffer, occurrence, out value);
        if (Http.HttpFieldReader.Serves(field.Computed))
            return Http.HttpFieldReader.TryRead(field, header, layer.Offset, layer.Extent, layer.Detail, occurrence, out value);
        if (Ppp.PppFieldReader.Serves(field.Computed))
            return Ppp.PppFieldReader.TryRead(field.Computed, header, layer.Offset, layer.Detail, occurrence, out value);
        if (CiscoHdlc.SlarpFieldReader.Serves(field.Computed))
            return CiscoHdlc.SlarpFieldReader.TryRead(field.Computed, header, layer.Offset, occurrence, out value);
        if (Radiotap.RadiotapFieldReader.Serves(field.Computed))
            return Radiotap.RadiotapFieldReader.TryRead(field, header, layer.Offset, occurrence, out value);
        if (Ieee80211.Ieee80211FieldReader.Serves(field.Computed))
            return Ieee80211.Ieee80211FieldReader.TryRead(field, layer, buffer, occurrence, out value);
        if (Dns.DnsFieldReader.Serves(field.Computed))
            return Dns.DnsFieldReader.TryRead(field.Computed, layer, buffer, occurrence, out value);
        return TryReadComputed(field.Computed, packet, layer, header, occurrence, out value);
    }

    /// <summary>Counts the occurrences of a field in one layer.</summary>
    public static int Count(FieldDefinition field, DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame)
    {
        int n = 0;
        while (TryRead(field, packet, layerIndex, frame, n, out _))
            n++;
        return n;
    }

    /// <summary>The ICMP or ICMPv6 layer whose error message quotes the layer at <paramref name="index"/>.</summary>
    private static LayerKind QuotedBy(DecodedPacket packet, int index)
    {
        for (int i = index - 1; i > 0; i--)
        {
            if (!packet[i].Quoted && packet[i].Kind is LayerKind.Icmp or LayerKind.Icmpv6)
                return packet[i].Kind;
        }
        return LayerKind.Frame;
    }

    /// <summary>Layers whose dissector in tshark checks the whole header before adding any field.</summary>
    private static bool HasEnoughForFields(in Layer layer) => layer.Kind switch
    {
        LayerKind.Ethernet => layer.HeaderLength >= Ethernet.EthernetHeader.Length,
        LayerKind.CiscoHdlc => layer.HeaderLength >= CiscoHdlc.CiscoHdlcHeader.Length,
        LayerKind.Radiotap => layer.HeaderLength >= Radiotap.RadiotapHeader.FixedLength,
        LayerKind.Ppi => layer.HeaderLength >= Ppi.PpiHeader.FixedLength,
        LayerKind.Avs => layer.HeaderLength >= Prism.PrismHeader.AvsFixedLength,
        _ => true,
    };

    private static ulong ReadMasked(FieldDefinition field, ReadOnlySpan<byte> header)
    {
        var bytes = header.Slice(field.Offset, field.Size);
        ulong raw = field.LittleEndian ? ReadLittleEndian(bytes) : field.Size switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            4 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
            8 => BinaryPrimitives.ReadUInt64BigEndian(bytes),
            _ => 0, // addresses: shown from their bytes, not as a number
        };
        if (field.Mask == 0)
            return raw;
        raw &= field.Mask;
        return field.Kind == FieldKind.Boolean ? (raw != 0 ? 1UL : 0UL) : raw >> field.Shift;
    }

    private static ulong ReadLittleEndian(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        1 => bytes[0],
        2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        8 => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        _ => 0,
    };

    private static bool IsPresent(FieldPresence presence, in Layer layer, ReadOnlySpan<byte> header, ulong number) => presence switch
    {
        FieldPresence.Always => true,
        FieldPresence.NotQuotedByIcmpv4 => true, // decided with the whole packet in view, in TryRead
        FieldPresence.TcpHeaderLengthValid => header.Length > TcpHeader.Field.DataOffsetAndFlags && header[TcpHeader.Field.DataOffsetAndFlags] >> 4 >= 5,
        FieldPresence.ArpEthernetIpv4 => Arp.ArpPacket.TryRead(header, out var arp) && arp.IsEthernetIpv4,
        FieldPresence.IcmpEcho => header.Length >= 1 && Icmp.IcmpHeader.IsEcho(header[Icmp.IcmpHeader.Field.Type]),
        FieldPresence.Icmpv6Echo => header.Length >= 1 && Icmpv6.Icmpv6Message.IsEcho(header[0]),
        FieldPresence.EtherTypeIsType => number >= Ethernet.EthernetHeader.MinEtherType,
        FieldPresence.EtherTypeIsLength => number < Ethernet.EthernetHeader.MinEtherType,
        FieldPresence.SllMacAddress => header.Length >= 6 && BinaryPrimitives.ReadUInt16BigEndian(header[LinuxCooked.LinuxCookedHeader.SllField.AddressLength..]) == 6,
        FieldPresence.Sll2MacAddress => header.Length >= 12 && header[LinuxCooked.LinuxCookedHeader.Sll2Field.AddressLength] == 6,
        FieldPresence.AvsMagic => Prism.PrismHeader.IsKnownAvsVersion(header),
        // A PS-Poll's field is an association ID when its top two bits are set (tshark reads it by its value then).
        FieldPresence.Ieee80211Duration => Ieee80211.Ieee80211Header.TryRead(header, out var wlan) && (!wlan.IsPsPoll || (BinaryPrimitives.ReadUInt16LittleEndian(header[Ieee80211.Ieee80211Header.Field.Duration..]) & 0xC000) != 0xC000),
        FieldPresence.IcmpFragmentationNeeded => header.Length >= 2 && Icmp.IcmpHeader.IsFragmentationNeeded(header[Icmp.IcmpHeader.Field.Type], header[Icmp.IcmpHeader.Field.Code]),
        FieldPresence.DnsFlags or FieldPresence.DnsNameServerFlags or FieldPresence.DnsResponse or FieldPresence.DnsNameServerResponse
            or FieldPresence.DnsAuthenticated or FieldPresence.LlmnrFlags or FieldPresence.DnsNotUpdate or FieldPresence.DnsUpdate
            => Dns.DnsFieldReader.IsPresent(presence, layer, header),
        _ => false,
    };

    private static bool TryReadComputed(ComputedField computed, DecodedPacket packet, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        int o = layer.Offset;
        switch (computed)
        {
            case ComputedField.FrameNumber:
                return Single(occurrence, (ulong)packet.FrameNumber, 0, 0, out value);
            case ComputedField.FrameTimeEpoch:
                return Single(occurrence, (ulong)packet.Metadata.TimestampNanoseconds, 0, 0, out value);
            case ComputedField.FrameLength:
                return Single(occurrence, (ulong)packet.Metadata.OriginalLength, 0, 0, out value);
            case ComputedField.FrameCapturedLength:
                return Single(occurrence, (ulong)packet.Metadata.CapturedLength, 0, 0, out value);
            case ComputedField.EthernetAddresses:
                return HasEnoughForFields(layer) && Pair(occurrence, header, 0, 6, 6, o, out value);
            case ComputedField.Ipv4Addresses:
                return Pair(occurrence, header, 12, 16, 4, o, out value);
            case ComputedField.Ipv6Addresses:
                return Pair(occurrence, header, 8, 24, 16, o, out value);
            case ComputedField.Ports:
                if (!Pair(occurrence, header, 0, 2, 2, o, out value))
                    return false;
                value = value with { Number = BinaryPrimitives.ReadUInt16BigEndian(header[(value.Offset - o)..]) };
                return true;
            case ComputedField.Ipv4HeaderLength:
                return header.Length >= 1 && Single(occurrence, (ulong)((header[0] & 0x0F) * 4), o, 1, out value);
            case ComputedField.Ipv4TotalLength:
            {
                if (header.Length < Ipv4.Ipv4Header.Field.TotalLength + 2)
                    return false;
                ulong total = BinaryPrimitives.ReadUInt16BigEndian(header[Ipv4.Ipv4Header.Field.TotalLength..]);
                return Single(occurrence, total == 0 ? (ulong)layer.Extent : total, o + Ipv4.Ipv4Header.Field.TotalLength, 2, out value);
            }
            case ComputedField.TcpHeaderLength:
                return header.Length > TcpHeader.Field.DataOffsetAndFlags
                    && Single(occurrence, (ulong)((header[TcpHeader.Field.DataOffsetAndFlags] >> 4) * 4), o + TcpHeader.Field.DataOffsetAndFlags, 1, out value);
            case ComputedField.TcpSegmentLength:
            {
                // tshark takes it from the IP payload length and the data offset, even when options were cut short.
                if (header.Length <= TcpHeader.Field.DataOffsetAndFlags || layer.Quoted)
                    return false;
                int headerLength = (header[TcpHeader.Field.DataOffsetAndFlags] >> 4) * 4;
                if (headerLength > layer.Extent)
                    return false;
                return Single(occurrence, (ulong)(layer.Extent - headerLength), 0, 0, out value);
            }
            case ComputedField.ExtensionHeaderLengthBytes:
                return header.Length >= 2 && Single(occurrence, (ulong)((header[1] + 1) * 8), o + 1, 1, out value);
            case ComputedField.GreChecksum:
            case ComputedField.GreKey:
            case ComputedField.GreSequenceNumber:
            {
                if (header.Length < Tunnels.GreHeader.MinLength)
                    return false;
                ushort flags = BinaryPrimitives.ReadUInt16BigEndian(header);
                (ushort bit, int at, int size) = computed switch
                {
                    ComputedField.GreChecksum => (Tunnels.GreHeader.ChecksumPresent, Tunnels.GreHeader.Field.Optional, 2),
                    ComputedField.GreKey => (Tunnels.GreHeader.KeyPresent, Tunnels.GreHeader.KeyOffset(flags), 4),
                    _ => (Tunnels.GreHeader.SequencePresent, Tunnels.GreHeader.SequenceOffset(flags), 4),
                };
                if ((flags & bit) == 0 || at + size > header.Length)
                    return false;
                ulong number = size == 2 ? BinaryPrimitives.ReadUInt16BigEndian(header[at..]) : BinaryPrimitives.ReadUInt32BigEndian(header[at..]);
                return Single(occurrence, number, o + at, size, out value);
            }
            case ComputedField.NullFamily:
            {
                if (header.Length < Loopback.LoopbackHeader.Length)
                    return false;
                return Single(occurrence, Loopback.LoopbackHeader.Family(header), o, Loopback.LoopbackHeader.Length, out value);
            }
            case ComputedField.TcpOptionKind:
            case ComputedField.TcpOptionLength:
            case ComputedField.TcpMaximumSegmentSize:
            case ComputedField.TcpWindowScaleShift:
            case ComputedField.TcpWindowScaleMultiplier:
            case ComputedField.TcpTimestampValue:
            case ComputedField.TcpTimestampEchoReply:
                return TryReadTcpOption(computed, header, o, occurrence, out value);
            default:
                return false;
        }
    }

    /// <summary>
    /// A layer's payload as tshark adds it: the captured bytes after the header (TCP's only when its data offset is valid,
    /// UDP's up to the datagram's length), and absent when the capture kept none of them.
    /// </summary>
    private static bool TryReadPayload(ComputedField computed, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        if (occurrence != 0)
            return false;
        var header = buffer.Slice(layer.Offset, layer.HeaderLength);
        int start = layer.Offset;
        int end = (int)Math.Min(buffer.Length, (long)layer.Offset + layer.Extent);
        switch (computed)
        {
            case ComputedField.TcpPayload:
            {
                if (header.Length <= TcpHeader.Field.DataOffsetAndFlags)
                    return false;
                int headerLength = (header[TcpHeader.Field.DataOffsetAndFlags] >> 4) * 4;
                if (headerLength < TcpHeader.MinLength || headerLength > header.Length)
                    return false;
                start += headerLength;
                break;
            }
            case ComputedField.UdpPayload:
            {
                if (header.Length < Udp.UdpHeader.HeaderLength)
                    return false;
                int length = BinaryPrimitives.ReadUInt16BigEndian(header[Udp.UdpHeader.Field.Length..]);
                if (length >= Udp.UdpHeader.HeaderLength)
                    end = Math.Min(end, layer.Offset + length);
                start += Udp.UdpHeader.HeaderLength;
                break;
            }
            default:
                end = layer.Offset + layer.HeaderLength;
                break;
        }
        if (end <= start)
            return false;
        value = computed == ComputedField.PayloadLength ? new FieldValue((ulong)(end - start), 0, 0) : new FieldValue(0, start, end - start);
        return true;
    }

    private static bool TryReadTcpOption(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (header.Length <= TcpHeader.MinLength)
            return false;
        var options = header[TcpHeader.MinLength..];
        int baseOffset = layerOffset + TcpHeader.MinLength;
        var reader = new TcpOptionReader(options);
        int seen = 0;
        while (reader.TryNext(out var option))
        {
            var bytes = options.Slice(option.Offset, option.Length);
            bool match;
            ulong number = 0;
            int at = option.Offset, size = option.Length;
            switch (computed)
            {
                case ComputedField.TcpOptionKind:
                    match = true;
                    number = (ulong)option.Kind;
                    size = 1;
                    break;
                case ComputedField.TcpOptionLength:
                    match = bytes.Length >= 2 && option.Kind is not (TcpOptionKind.EndOfOptionList or TcpOptionKind.NoOperation);
                    number = match ? bytes[1] : 0UL;
                    at++;
                    size = 1;
                    break;
                case ComputedField.TcpMaximumSegmentSize:
                    match = option is { Kind: TcpOptionKind.MaximumSegmentSize, Length: 4, Complete: true };
                    number = match ? BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]) : 0UL;
                    at += 2;
                    size = 2;
                    break;
                case ComputedField.TcpWindowScaleShift:
                case ComputedField.TcpWindowScaleMultiplier:
                    match = option is { Kind: TcpOptionKind.WindowScale, Length: 3, Complete: true };
                    number = match ? bytes[2] : 0UL;
                    if (computed == ComputedField.TcpWindowScaleMultiplier)
                        number = 1UL << (int)Math.Min(number, 14);
                    at += 2;
                    size = 1;
                    break;
                case ComputedField.TcpTimestampValue:
                case ComputedField.TcpTimestampEchoReply:
                    match = option is { Kind: TcpOptionKind.Timestamps, Length: 10, Complete: true };
                    at += computed == ComputedField.TcpTimestampValue ? 2 : 6;
                    number = match ? BinaryPrimitives.ReadUInt32BigEndian(options[at..]) : 0;
                    size = 4;
                    break;
                default:
                    return false;
            }
            if (!match)
                continue;
            if (seen++ == occurrence)
            {
                value = new FieldValue(number, baseOffset + at, size);
                return true;
            }
        }
        return false;
    }

    private static bool Single(int occurrence, ulong number, int offset, int length, out FieldValue value)
    {
        value = occurrence == 0 ? new FieldValue(number, offset, length) : default;
        return occurrence == 0;
    }

    private static bool Pair(int occurrence, ReadOnlySpan<byte> header, int first, int second, int size, int layerOffset, out FieldValue value)
    {
        value = default;
        int at = occurrence switch { 0 => first, 1 => second, _ => -1 };
        if (at < 0 || at + size > header.Length)
            return false;
        value = new FieldValue(0, layerOffset + at, size);
        return true;
    }
}
