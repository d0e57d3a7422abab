using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tls;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// TLS's columns as tshark 4.0 writes them (no decryption): the Protocol column is the session's version ("TLSv1.2",
/// "TLSv1.3"), or the record's while the session's is not known (a Client Hello's "TLSv1"), or "SSL" when no record got
/// that far; Info lists what each record holds, in order, comma separated: handshake message names ("Client Hello",
/// "Encrypted Handshake Message"), "Change Cipher Spec", "Alert (Level: Fatal, Description: Handshake Failure)" or
/// "Encrypted Alert", "Application Data", "Continuation Data", "Ignored Unknown Record", over every TLS layer of the segment.
/// </summary>
internal static class TlsInfo
{
    /// <summary>Writes the Info text of the TLS layers that end at <paramref name="index"/>; true when the last one's reading failed.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var packet = source.Packet;
        int first = index;
        while (first > 1 && packet[first - 1].Kind == LayerKind.Tls)
            first--;
        int start = line.Length;
        if (packet[index].Extent == 0 && first == index)
        {
            line.Append(HeldStartText);
            return false;
        }
        ushort session = 0;
        for (int i = first; i <= index; i++)
        {
            ref readonly Layer layer = ref packet[i];
            var walk = Walk(in source, i, session);
            bool firstMessage = false;
            while (walk.MoveNext())
            {
                string? text = walk.Item switch
                {
                    TlsItem.Handshake when walk.Fragment => firstMessage ? "[" + (TlsNames.HandshakeType(walk.Type) ?? "Encrypted Handshake Message") + " Fragment]" : null,
                    TlsItem.Handshake => TlsNames.HandshakeType(walk.Type) ?? "Encrypted Handshake Message",
                    TlsItem.EncryptedHandshake => "Encrypted Handshake Message",
                    TlsItem.ChangeCipherSpec => "Change Cipher Spec",
                    TlsItem.EncryptedAlert => "Encrypted Alert",
                    TlsItem.ApplicationData => "Application Data",
                    TlsItem.Continuation => "Continuation Data",
                    TlsItem.IgnoredUnknown => "Ignored Unknown Record",
                    _ => null,
                };
                firstMessage = walk.Item == TlsItem.Record;
                if (walk.Item == TlsItem.Alert)
                {
                    Separate(line, start);
                    line.Append("Alert (Level: ");
                    line.Append(TlsNames.AlertLevel(walk.Type));
                    line.Append(", Description: ");
                    line.Append(TlsNames.AlertDescription((byte)walk.Value));
                    line.Append(')');
                }
                else if (text is not null)
                {
                    Separate(line, start);
                    line.Append(text);
                }
            }
            session = walk.Session;
        }
        return packet[index].Status != LayerStatus.Complete;
    }

    /// <summary>The Info text of a segment whose first record TLS asked more segments for (its layer is empty).</summary>
    public const string HeldStartText = "[TCP segment of a reassembled PDU]";

    /// <summary>The Protocol column of the TLS layers that end at <paramref name="index"/>.</summary>
    public static string Protocol(in InfoSource source, int index)
    {
        var packet = source.Packet;
        if (packet[index].Extent == 0 && (index < 2 || packet[index - 1].Kind != LayerKind.Tls))
            return "TCP";
        int first = index;
        while (first > 1 && packet[first - 1].Kind == LayerKind.Tls)
            first--;
        ushort session = 0, column = 0;
        for (int i = first; i <= index; i++)
        {
            var walk = Walk(in source, i, session);
            while (walk.MoveNext())
            {
            }
            session = walk.Session;
            if (walk.ColumnVersion != 0)
                column = walk.ColumnVersion;
        }
        return (session != 0 ? TlsNames.ShortVersion(session) : column != 0 ? TlsNames.ShortVersion(column) : null) ?? "SSL";
    }

    private static TlsRecordWalk Walk(in InfoSource source, int index, ushort carried)
    {
        ref readonly Layer layer = ref source.Packet[index];
        return TlsLayerDetail.Walk(in layer, source.Packet.BufferOf(layer, source.Frame), carried);
    }

    private static void Separate(TextLine line, int start)
    {
        if (line.Length > start)
            line.Append(", ");
    }
}
