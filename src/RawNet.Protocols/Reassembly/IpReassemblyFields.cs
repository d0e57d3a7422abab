using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Reassembly;

/// <summary>
/// The fields tshark's IP reassembly (<c>ip_frag_items</c>, <c>ipv6_frag_items</c>; epan/reassemble.c's
/// <c>show_fragment_tree</c>) adds to the frame that completed a datagram, on the IPv4 layer or the IPv6 fragment header:
/// the fragments item (<c>ip.fragments</c>, the datagram's bytes; <c>ipv6.fragments</c>, present), each fragment's frame
/// number in offset order (<c>*.fragment</c>, or <c>*.fragment.error</c> for one that conflicts, is a second tail or
/// reaches past the end) and its marks, the count, the length and the bytes. <c>*.reassembled_in</c> is there for
/// <c>-e</c> and filters: tshark's single pass never shows it (a fragment is only looked up once its datagram is done).
/// </summary>
public static class IpReassemblyFields
{
    // What each field is, in FieldDefinition.Offset.
    private const int Fragments = 0, Fragment = 1, Overlap = 2, Conflict = 3, MultipleTails = 4, TooLong = 5, Error = 6, Count = 7,
        ReassembledIn = 8, Length = 9, Data = 10;

    /// <summary>Characters the datagram's bytes need as hex.</summary>
    public const int MaxFormattedLength = 2 * ReassemblyLimits.MaxDatagramLength;

    /// <summary>IPv4's, in tshark's tree order.</summary>
    public static readonly FieldDefinition[] Ipv4 = Table("ip", "IPv4", LayerKind.Ipv4, FieldKind.BuiltText, "ip.reassembled_in");

    /// <summary>IPv6's (on the fragment header), in tshark's tree order.</summary>
    public static readonly FieldDefinition[] Ipv6 = Table("ipv6", "IPv6", LayerKind.Ipv6Fragment, FieldKind.Marker, "ipv6.reassembled.in");

    private static FieldDefinition[] Table(string p, string version, LayerKind layer, FieldKind fragments, string reassembledIn) =>
    [
        Item($"{p}.fragments", $"{version} Fragments", layer, fragments, Fragments),
        Item($"{p}.fragment", $"{version} Fragment", layer, FieldKind.Decimal, Fragment),
        Item($"{p}.fragment.overlap", "Fragment overlap", layer, FieldKind.Boolean, Overlap),
        Item($"{p}.fragment.overlap.conflict", "Conflicting data in fragment overlap", layer, FieldKind.Boolean, Conflict),
        Item($"{p}.fragment.multipletails", "Multiple tail fragments found", layer, FieldKind.Boolean, MultipleTails),
        Item($"{p}.fragment.toolongfragment", "Fragment too long", layer, FieldKind.Boolean, TooLong),
        Item($"{p}.fragment.error", "Defragmentation error", layer, FieldKind.Decimal, Error),
        Item($"{p}.fragment.count", "Fragment count", layer, FieldKind.Decimal, Count),
        Item(reassembledIn, $"Reassembled {version} in frame", layer, FieldKind.Decimal, ReassembledIn),
        Item($"{p}.reassembled.length", $"Reassembled {version} length", layer, FieldKind.Decimal, Length),
        Item($"{p}.reassembled.data", $"Reassembled {version} data", layer, FieldKind.BuiltText, Data),
    ];

    // The tree shows them as tshark's own lines (TreePrinter), not one line per field.
    private static FieldDefinition Item(string name, string label, LayerKind layer, FieldKind kind, int what) =>
        FieldDefinition.Item(name, label, layer, kind, ComputedField.IpReassembly, inTree: false, offset: what);

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="field"/> on layer <paramref name="layerIndex"/>.</summary>
    public static bool TryRead(FieldDefinition field, DecodedPacket packet, int layerIndex, int occurrence, out FieldValue value)
    {
        value = default;
        if (packet.IpDatagramAt(layerIndex) is not { } datagram)
            return false;
        int at = packet[layerIndex].Offset;
        int what = field.Offset;
        switch (what)
        {
            case Fragments or Data:
                // the value names the layer, whose datagram the formatter writes
                value = new FieldValue((ulong)layerIndex, at, 0);
                return occurrence == 0;
            case Count or Length:
                value = new FieldValue((ulong)(what == Count ? datagram.Count : datagram.Length), at, 0);
                return occurrence == 0;
            case ReassembledIn:
                return false;
        }
        var wanted = what switch
        {
            Overlap => FragmentMarks.Overlap,
            Conflict => FragmentMarks.Conflict,
            MultipleTails => FragmentMarks.MultipleTails,
            TooLong => FragmentMarks.TooLong,
            _ => FragmentMarks.Error,
        };
        int seen = 0;
        for (int i = 0; i < datagram.Count; i++)
        {
            var marks = datagram.MarksOf(i);
            bool match = what == Fragment ? (marks & wanted) == 0 : (marks & wanted) != 0;
            if (!match || seen++ != occurrence)
                continue;
            value = new FieldValue(what is Fragment or Error ? (ulong)datagram.FrameOf(i) : 1, at, 0);
            return true;
        }
        return false;
    }

    /// <summary>The datagram's bytes as hex (<c>ip.fragments</c>, <c>*.reassembled.data</c>), for the layer <paramref name="value"/> names.</summary>
    public static bool TryFormat(in FieldValue value, DecodedPacket? packet, Span<char> destination, out int written)
    {
        written = 0;
        return packet?.IpDatagramAt((int)value.Number) is { } datagram && Convert.TryToHexStringLower(datagram.Data, destination, out written);
    }
}
