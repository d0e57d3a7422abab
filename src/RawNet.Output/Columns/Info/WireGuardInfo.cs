using RawNet.Protocols.Decoding;
using RawNet.Protocols.WireGuard;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// WireGuard's Info column as tshark 4.0's wg writes it: the type's name ("Keepalive" for an empty data message), then
/// ", sender=0x1A2B3C4D", ", receiver=0x...", ", counter=N" as each is read, and a data message's ", datalen=N" (the
/// captured bytes after the counter, less the tag).
/// </summary>
internal static class WireGuardInfo
{
    /// <summary>Writes the Info text; true when wg's reads ran past the captured bytes (a mark follows).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var message = source.Header(index);
        ref readonly Layer layer = ref source.Packet[index];
        if (message.Length < WireGuardMessage.HeaderLength)
            return true;
        var type = (WireGuardType)message[0];
        line.Append(WireGuardMessage.Name(type, layer.Extent));
        Append(line, message, type, WireGuardValue.Sender, ", sender=0x");
        Append(line, message, type, WireGuardValue.Receiver, ", receiver=0x");
        if (WireGuardMessage.Shows(type, WireGuardValue.Counter, message.Length))
        {
            line.Append(", counter=");
            line.Append(WireGuardMessage.ReadNumber(message[8..], 8));
            int packet = message.Length - 16;
            if (packet > WireGuardMessage.TagLength)
            {
                line.Append(", datalen=");
                line.Append((long)(packet - WireGuardMessage.TagLength));
            }
        }
        return layer.Status != LayerStatus.Complete;
    }

    private static void Append(TextLine line, ReadOnlySpan<byte> message, WireGuardType type, WireGuardValue value, string label)
    {
        if (!WireGuardMessage.Shows(type, value, message.Length))
            return;
        var (at, _) = WireGuardMessage.Place(type, value, message.Length);
        line.Append(label);
        line.AppendHexDigits(WireGuardMessage.ReadNumber(message[at..], 4), 8, uppercase: true);
    }
}
