using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tzsp;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// TZSP's columns when the frame it carries writes none (nothing follows its tags, or a cut or malformed tag ended the
/// decoding): tshark's "TZSP" and the encapsulation's name ("Ethernet", "Unknown (99)"), or for an encapsulation its
/// table has no dissector for, after the tags, "UNKNOWN" and "TZSP_ENCAP = n" as its data fallback writes them; for a
/// raw IP frame of no captured byte, raw_ip's "N/A" and "Raw packet data", marked.
/// </summary>
internal static class TzspInfo
{
    /// <summary>Writes the Info text; true when the header was cut short (the text is then marked).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        if (!TzspHeader.TryRead(header, out var tzsp))
            return true;
        ushort encapsulation = tzsp.EncapsulationType;
        if (source.Packet[index].Detail == TzspHeader.EmptyRawIpDetail)
        {
            line.Append("Raw packet data");
            return true;
        }
        if (FallsToData(in source, index))
        {
            line.Append("TZSP_ENCAP = ");
            line.Append(encapsulation);
            return false;
        }
        if (TzspHeader.EncapsulationName(encapsulation) is { } name)
            line.Append(name);
        else
        {
            line.Append("Unknown (");
            line.Append(encapsulation);
            line.Append(')');
        }
        return source.Packet[index].Status != LayerStatus.Complete;
    }

    /// <summary>"UNKNOWN" where tshark's data fallback wrote it, else "TZSP".</summary>
    public static string Protocol(in InfoSource source, int index) =>
        source.Packet[index].Detail == TzspHeader.EmptyRawIpDetail ? "N/A" : FallsToData(in source, index) ? "UNKNOWN" : "TZSP";

    /// <summary>True when tshark reached the tags' end and found no dissector for the encapsulation.</summary>
    private static bool FallsToData(in InfoSource source, int index)
    {
        var header = source.Header(index);
        return TzspHeader.TryRead(header, out var tzsp) && TzspHeader.HasTags(tzsp.Type) && source.Packet[index].Status == LayerStatus.Complete
            && header.Length > TzspHeader.FixedLength && header[^1] == TzspHeader.Tag.End && !TzspHeader.HasDissector(tzsp.EncapsulationType);
    }
}
