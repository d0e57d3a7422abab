using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Wol;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// Wake-on-LAN's Info column as tshark 4.0 writes it (names not resolved): "MagicPacket for 00:0d:56:dc:9e:35", then
/// ", password 192.168.1.1" (4 bytes) or ", password 01:23:45:67:89:ab" (6 bytes). A cut magic packet threw before
/// wol set any column (<see cref="FailedBeforeColumns"/>).
/// </summary>
internal static class WolInfo
{
    /// <summary>True for a magic packet tshark stopped reading before it set its columns.</summary>
    public static bool FailedBeforeColumns(in Layer layer) => layer.Kind == LayerKind.Wol && layer.Status != LayerStatus.Complete;

    /// <summary>Writes the Info text; false, as a magic packet that gets here was read whole.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var packet = source.Header(index);
        if (packet.Length < WolPacket.Length)
            return true;
        Span<char> text = stackalloc char[24];
        line.Append("MagicPacket for ");
        if (FieldFormatter.TryFormatMac(packet.Slice(WolPacket.Field.FirstMac, WolPacket.MacLength), text, out int written))
            line.Append(text[..written]);
        int password = WolPacket.PasswordLength(packet.Length);
        if (password > 0 && WolFieldReader.TryFormatPasswordText(packet.Slice(WolPacket.Field.Password, password), text, out written))
        {
            line.Append(", password ");
            line.Append(text[..written]);
        }
        return false;
    }
}
