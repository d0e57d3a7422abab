using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.SixLowpan;

/// <summary>
/// 6LoWPAN's field table (Wireshark "6lowpan", tshark 4.0) in its tree's order: each header's pattern, the mesh and
/// broadcast headers, the fragment header, IPHC's flags, contexts and inline fields, the addresses it stands for, and
/// NHC UDP's. Their places move with the dispatches, so <see cref="SixLowpanFieldReader"/> reads every one.
/// </summary>
public static class SixLowpanFields
{
    private const LayerKind L = LayerKind.SixLowpan;

    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Derived("6lowpan.pattern", "Pattern", L, FieldKind.Hex, ComputedField.LowpanPattern, hexDigits: 2),
        FieldDefinition.Derived("6lowpan.mesh.v", "V", L, FieldKind.Boolean, ComputedField.LowpanMeshV),
        FieldDefinition.Derived("6lowpan.mesh.f", "D", L, FieldKind.Boolean, ComputedField.LowpanMeshF),
        FieldDefinition.Derived("6lowpan.mesh.hops", "Hops left", L, FieldKind.Decimal, ComputedField.LowpanMeshHops),
        FieldDefinition.Derived("6lowpan.mesh.hops8", "Deep Hops left (Flags.Hops left == 15)", L, FieldKind.Decimal, ComputedField.LowpanMeshHops8),
        FieldDefinition.Derived("6lowpan.mesh.orig16", "Originator", L, FieldKind.Hex, ComputedField.LowpanMeshOriginator16, hexDigits: 4),
        FieldDefinition.Derived("6lowpan.mesh.orig64", "Originator", L, FieldKind.Hex, ComputedField.LowpanMeshOriginator64, hexDigits: 16),
        FieldDefinition.Derived("6lowpan.mesh.dest16", "Destination", L, FieldKind.Hex, ComputedField.LowpanMeshDestination16, hexDigits: 4),
        FieldDefinition.Derived("6lowpan.mesh.dest64", "Destination", L, FieldKind.Hex, ComputedField.LowpanMeshDestination64, hexDigits: 16),
        FieldDefinition.Derived("6lowpan.bcast.seqnum", "Sequence number", L, FieldKind.Decimal, ComputedField.LowpanBroadcastSequence),
        FieldDefinition.Derived("6lowpan.frag.size", "Datagram size", L, FieldKind.Decimal, ComputedField.LowpanFragmentSize),
        FieldDefinition.Derived("6lowpan.frag.tag", "Datagram tag", L, FieldKind.Hex, ComputedField.LowpanFragmentTag, hexDigits: 4),
        FieldDefinition.Derived("6lowpan.frag.offset", "Datagram offset", L, FieldKind.Decimal, ComputedField.LowpanFragmentOffset),
        FieldDefinition.Derived("6lowpan.fragment", "Message fragment", L, FieldKind.Decimal, ComputedField.LowpanFragment),
        FieldDefinition.Derived("6lowpan.fragment.overlap", "Message fragment overlap", L, FieldKind.Boolean, ComputedField.LowpanFragmentOverlap),
        FieldDefinition.Derived("6lowpan.fragment.overlap.conflicts", "Message fragment overlapping with conflicting data", L, FieldKind.Boolean,
            ComputedField.LowpanFragmentOverlapConflicts),
        FieldDefinition.Derived("6lowpan.fragment.multiple_tails", "Message has multiple tail fragments", L, FieldKind.Boolean,
            ComputedField.LowpanFragmentMultipleTails),
        FieldDefinition.Derived("6lowpan.fragment.too_long_fragment", "Message fragment too long", L, FieldKind.Boolean, ComputedField.LowpanFragmentTooLong),
        FieldDefinition.Derived("6lowpan.fragment.error", "Message defragmentation error", L, FieldKind.Decimal, ComputedField.LowpanFragmentError),
        FieldDefinition.Derived("6lowpan.fragment.count", "Message fragment count", L, FieldKind.Decimal, ComputedField.LowpanFragmentCount),
        FieldDefinition.Derived("6lowpan.reassembled.length", "Reassembled 6LoWPAN length", L, FieldKind.Decimal, ComputedField.LowpanReassembledLength),
        FieldDefinition.Derived("6lowpan.iphc.tf", "Traffic class and flow label", L, FieldKind.Hex, ComputedField.LowpanIphcTf, hexDigits: 4),
        FieldDefinition.Derived("6lowpan.iphc.nh", "Next header", L, FieldKind.Boolean, ComputedField.LowpanIphcNh),
        FieldDefinition.Derived("6lowpan.iphc.hlim", "Hop limit", L, FieldKind.Hex, ComputedField.LowpanIphcHlim, hexDigits: 4),
        FieldDefinition.Derived("6lowpan.iphc.cid", "Context identifier extension", L, FieldKind.Boolean, ComputedField.LowpanIphcCid),
        FieldDefinition.Derived("6lowpan.iphc.sac", "Source address compression", L, FieldKind.Boolean, ComputedField.LowpanIphcSac),
        FieldDefinition.Derived("6lowpan.iphc.sam", "Source address mode", L, FieldKind.Hex, ComputedField.LowpanIphcSam, hexDigits: 4),
        FieldDefinition.Derived("6lowpan.iphc.m", "Multicast address compression", L, FieldKind.Boolean, ComputedField.LowpanIphcM),
        FieldDefinition.Derived("6lowpan.iphc.dac", "Destination address compression", L, FieldKind.Boolean, ComputedField.LowpanIphcDac),
        FieldDefinition.Derived("6lowpan.iphc.dam", "Destination address mode", L, FieldKind.Hex, ComputedField.LowpanIphcDam, hexDigits: 4),
        FieldDefinition.Derived("6lowpan.iphc.sctx.prefix", "Source context", L, FieldKind.BuiltText, ComputedField.LowpanSourceContext),
        FieldDefinition.Derived("6lowpan.iphc.dctx.prefix", "Destination context", L, FieldKind.BuiltText, ComputedField.LowpanDestinationContext),
        FieldDefinition.Derived("6lowpan.ecn", "ECN", L, FieldKind.Decimal, ComputedField.LowpanEcn),
        FieldDefinition.Derived("6lowpan.dscp", "DSCP", L, FieldKind.Decimal, ComputedField.LowpanDscp),
        FieldDefinition.Derived("6lowpan.class", "Traffic class", L, FieldKind.Hex, ComputedField.LowpanTrafficClass, hexDigits: 2),
        FieldDefinition.Derived("6lowpan.padding", "Padding", L, FieldKind.Hex, ComputedField.LowpanPadding, hexDigits: 2),
        FieldDefinition.Derived("6lowpan.flow", "Flow label", L, FieldKind.Hex, ComputedField.LowpanFlowLabel, hexDigits: 6),
        FieldDefinition.Derived("6lowpan.next", "Next header", L, FieldKind.Hex, ComputedField.LowpanNextHeader, hexDigits: 2),
        FieldDefinition.Derived("6lowpan.hops", "Hop limit", L, FieldKind.Decimal, ComputedField.LowpanHopLimit),
        FieldDefinition.Derived("6lowpan.src", "Source", L, FieldKind.BuiltText, ComputedField.LowpanSource),
        FieldDefinition.Derived("6lowpan.dst", "Destination", L, FieldKind.BuiltText, ComputedField.LowpanDestination),
        FieldDefinition.Derived("6lowpan.nhc.pattern", "Pattern", L, FieldKind.Hex, ComputedField.LowpanNhcPattern, hexDigits: 2),
        FieldDefinition.Derived("6lowpan.nhc.udp.checksum", "Checksum", L, FieldKind.Boolean, ComputedField.LowpanNhcUdpChecksum),
        FieldDefinition.Derived("6lowpan.nhc.udp.ports", "Ports", L, FieldKind.Decimal, ComputedField.LowpanNhcUdpPorts),
        FieldDefinition.Derived("6lowpan.udp.src", "Source port", L, FieldKind.Decimal, ComputedField.LowpanUdpSource),
        FieldDefinition.Derived("6lowpan.udp.dst", "Destination port", L, FieldKind.Decimal, ComputedField.LowpanUdpDestination),
        FieldDefinition.Derived("6lowpan.udp.checksum", "UDP checksum", L, FieldKind.Hex, ComputedField.LowpanUdpChecksum, hexDigits: 4),
    ];
}
