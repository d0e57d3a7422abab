using RawNet.Protocols.Echo;

namespace RawNet.Output.Columns.Info;

/// <summary>Echo's columns as tshark 4.0 writes them.</summary>
internal static class EchoInfo
{
    /// <summary>Echo's Info column: "Request" to port 7, else "Response"; tshark's echo never fails.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        line.Append(source.Packet[index].Detail == EchoLayerDetail.Request ? "Request" : "Response");
        return false;
    }
}
