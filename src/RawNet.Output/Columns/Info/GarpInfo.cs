using RawNet.Protocols.Decoding;
using RawNet.Protocols.Garp;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of a GARP PDU as tshark 4.0 writes them: GVRP and GMRP set both columns to their name before they read a
/// byte; a frame to another of GARP's addresses, which tshark's BPDU dissector reads no further, shows "GARP" and
/// "Unknown GARP application (0xNN)" over the LLC that carried it (<see cref="TryWriteUnknown"/>).
/// </summary>
internal static class GarpInfo
{
    /// <summary>The Protocol column of a GVRP or GMRP layer.</summary>
    public static string Protocol(LayerKind kind) => kind == LayerKind.Gmrp ? "GMRP" : "GVRP";

    /// <summary>Writes the Info text; true when the PDU was cut short (tshark's read failed).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        line.Append(Protocol(source.Packet[index].Kind));
        return source.Packet[index].Status != LayerStatus.Complete;
    }

    /// <summary>
    /// True when the LLC layer at <paramref name="index"/> carries a frame to a GARP application tshark does not decode (the
    /// decoder marks the LLC with the address's last byte, <see cref="GarpPdu.UnknownApplication"/>); that byte.
    /// </summary>
    public static bool IsUnknownApplication(in InfoSource source, int index, out byte application)
    {
        application = source.Packet[index].Detail;
        return source.Packet[index].Kind == LayerKind.Llc && GarpPdu.UnknownApplication(application);
    }

    /// <summary>Writes "Unknown GARP application (0xNN)" for such a frame; false for any other.</summary>
    public static bool TryWriteUnknown(TextLine line, in InfoSource source, int index)
    {
        if (!IsUnknownApplication(in source, index, out byte application))
            return false;
        line.Append("Unknown GARP application (0x");
        line.AppendHexDigits(application, 2, uppercase: true);
        line.Append(')');
        return true;
    }
}
