using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Arista;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Mpls;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of a header an EtherType puts before what it carries, when nothing after it set them: MACsec ("MACSEC",
/// "MACsec frame"), NSH ("NSH", "Network Service Header"), Arista's vendor header ("AVSP" and its timestamp's kind)
/// and an MPLS label stack ("MPLS", "MPLS Label Switched Packet"). tshark writes these before it reads the rest of the
/// header, so a header cut short keeps them and adds the mark. MACsec and Arista end in an EtherType: one nobody decodes
/// shows as it does behind Ethernet (its hex in the Protocol column, its name, where Wireshark has one, in Info).
/// </summary>
internal static class ShimHeaderInfo
{
    /// <summary>Writes the Info text; true when the header (or, for MPLS, the byte after it tshark reads) was cut short.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var packet = source.Packet;
        ref readonly Layer layer = ref packet[index];
        bool cut = layer.Status != LayerStatus.Complete;
        // The "ethertype" dissector names an EtherType nobody decoded in place of the header's own text.
        if (LinkInfo.UndecodedEtherType(in source, index, out ushort type) && EtherTypeNames.Of(type) is { } name)
        {
            line.Append(name);
            return cut;
        }
        switch (layer.Kind)
        {
            case LayerKind.Macsec:
                line.Append("MACsec frame");
                return cut;
            case LayerKind.Nsh:
                // A payload the capture cut before its first byte is not read: no mark then.
                line.Append("Network Service Header");
                return cut;
            case LayerKind.Arista:
                if (TimestampKind(source.Header(index)) is { } kind)
                    line.Append(kind);
                return cut;
            default:
                line.Append("MPLS Label Switched Packet");
                AppendOamFunction(line, in source, index);
                // tshark reads the byte after the bottom of the stack to guess what follows.
                return cut || StoppedAfter(in source, index, LayerKind.Mpls);
        }
    }

    /// <summary>The Protocol column: the header's name, or the EtherType after it in hex when nothing decoded that.</summary>
    public static string Protocol(in InfoSource source, int index)
    {
        if (LinkInfo.UndecodedEtherType(in source, index, out ushort type))
            return HexNames.Of(type);
        return source.Packet[index].Kind switch
        {
            LayerKind.Macsec => "MACSEC",
            LayerKind.Nsh => "NSH",
            LayerKind.Arista => "AVSP",
            _ => "MPLS",
        };
    }

    /// <summary>
    /// The Info text of Arista's timestamp subtype for a version tshark 4.0 knows, once the subtype and version were
    /// captured; null otherwise (tshark clears the column and writes nothing for another subtype or version).
    /// </summary>
    private static string? TimestampKind(ReadOnlySpan<byte> header)
    {
        if (header.Length < AristaHeader.FixedLength || BinaryPrimitives.ReadUInt16BigEndian(header) != AristaHeader.TimestampSubType)
            return null;
        return BinaryPrimitives.ReadUInt16BigEndian(header[AristaHeader.Field.Version..]) switch
        {
            AristaHeader.Tai64 => "64bit TAI timestamp",
            AristaHeader.Utc64 => "64bit UTC timestamp",
            AristaHeader.Tai48 => "48bit TAI timestamp",
            AristaHeader.Utc48 => "48bit UTC timestamp",
            _ => null,
        };
    }

    /// <summary>After a stack whose bottom label is the OAM alert label, Y.1711's function type, read from the byte after the stack.</summary>
    private static void AppendOamFunction(TextLine line, in InfoSource source, int index)
    {
        var packet = source.Packet;
        if (!MplsLabel.TryRead(source.Header(index), out var label) || !label.BottomOfStack || label.Label != MplsLabel.OamAlert
            || index + 1 >= packet.LayerCount || source.Header(index + 1).Length == 0)
            return;
        line.Append(" (Y.1711: ");
        line.Append(source.Header(index + 1)[0] switch { 0x01 => "CV", 0x02 => "FDI", 0x03 => "BDI", 0x07 => "FDD", _ => "reserved/unknown" });
        line.Append(')');
    }

    /// <summary>True when the packet's decoding stopped, cut or malformed, right after the layer at <paramref name="index"/>, the last one.</summary>
    private static bool StoppedAfter(in InfoSource source, int index, LayerKind kind)
    {
        var packet = source.Packet;
        return index == packet.LayerCount - 1 && packet.StoppedAt == kind
            && packet.Outcome is DecodeOutcome.Truncated or DecodeOutcome.Malformed;
    }
}
