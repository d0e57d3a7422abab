using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Icmpv6;

/// <summary>
/// Reads the ICMPv6 body's fields (<see cref="ComputedField.Icmpv6"/>): occurrence n of a field is the n-th item of its
/// value in <see cref="Icmpv6Body"/>'s walk over the message's captured bytes.
/// </summary>
public static class Icmpv6FieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Icmpv6;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> in the ICMPv6 layer at <paramref name="index"/>.</summary>
    public static bool TryRead(FieldDefinition field, DecodedPacket packet, int index, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> buffer,
        int occurrence, out FieldValue value)
    {
        value = default;
        if (!Icmpv6Fields.TryGetValue(field, out var which))
            return false;
        ref readonly Layer layer = ref packet[index];
        var sink = new FindSink(which, occurrence);
        Walk(packet, index, frame, buffer, ref sink);
        if (!sink.Found)
            return false;
        value = ValueOf(sink.Item, layer.Offset, layer.Extent);
        return true;
    }

    /// <summary>The value of <paramref name="item"/> of a message at <paramref name="layerOffset"/> in its buffer.</summary>
    public static FieldValue ValueOf(in Icmpv6Item item, int layerOffset, int reported)
    {
        // A domain name is expanded when shown, from the message's bytes (see Dns.DnsFieldReader.TryFormatName).
        ulong number = item.Which == Icmpv6Value.OptionDnssl ? Dns.DnsFieldReader.NameValue(layerOffset, reported, Dns.DnsFieldReader.NamePart.Whole) : item.Number;
        return new FieldValue(number, layerOffset + item.Offset, item.Length);
    }

    /// <summary>Walks the body of the ICMPv6 layer at <paramref name="index"/> (see <see cref="Icmpv6Body.Walk"/>).</summary>
    public static void Walk<TSink>(DecodedPacket packet, int index, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> buffer, ref TSink sink)
        where TSink : struct, IIcmpv6ItemSink
    {
        ref readonly Layer layer = ref packet[index];
        int start = Math.Min(layer.Offset, buffer.Length);
        var message = buffer[start..Math.Min(buffer.Length, layer.Offset + layer.Extent)];
        bool teredo = message.Length > 0 && message[0] == (byte)Icmpv6Type.EchoRequest && Tunnels.TeredoHeader.IsConnectivityTest(packet, index, frame);
        Icmpv6Body.Walk(message, layer.Extent, ChecksumStatusOf(layer), teredo, ref sink);
    }

    /// <summary>tshark's checksum status: 1 good, 0 bad, 2 unverified (a quote inside an ICMP error, a cut or fragmented message).</summary>
    public static byte ChecksumStatusOf(in Layer layer) => layer.Checksum switch
    {
        ChecksumStatus.Good => 1,
        ChecksumStatus.Bad => 0,
        _ => 2,
    };

    /// <summary>Keeps the n-th item of one value (of any, for null) and stops the walk there.</summary>
    internal struct FindSink(Icmpv6Value? which, int occurrence) : IIcmpv6ItemSink
    {
        private int _left = occurrence;

        public bool Found;
        public Icmpv6Item Item;

        public bool Add(in Icmpv6Item item)
        {
            if (which is { } wanted && item.Which != wanted || _left-- > 0)
                return true;
            Item = item;
            Found = true;
            return false;
        }
    }
}
