using RawNet.Protocols.Decoding;

namespace RawNet.Output.Columns.Info;

/// <summary>DTP's Info column as tshark 4.0 writes it: "Dynamic Trunk Protocol", set before anything is read.</summary>
internal static class DtpInfo
{
    /// <summary>Writes the Info text; true when tshark stopped short in the PDU (a mark follows).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        line.Append("Dynamic Trunk Protocol");
        return source.Packet[index].Status != LayerStatus.Complete;
    }
}
