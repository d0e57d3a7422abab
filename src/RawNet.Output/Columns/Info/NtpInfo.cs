using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ntp;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// NTP's Info column as tshark 4.0 writes it: "NTP Version 4, client" (the version and mode of the first byte), for a
/// private (mode 7) message followed by ", Request" or ", Response" and the request code's name.
/// </summary>
internal static class NtpInfo
{
    /// <summary>Writes the Info text; true when tshark stopped short in the message (a mark follows).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var message = source.Header(index);
        bool stopped = source.Packet[index].Status != LayerStatus.Complete;
        if (message.IsEmpty)
            return true;
        byte flags = message[0];
        line.Append(NtpMessage.VersionName(NtpMessage.VersionOf(flags)));
        line.Append(", ");
        line.Append(NtpMessage.ModeName(NtpMessage.ModeOf(flags)));
        if (NtpMessage.ModeOf(flags) == NtpMessage.ModePrivate && message.Length >= 4)
        {
            line.Append((flags & 0x80) != 0 ? ", Response, " : ", Request, ");
            line.Append(NtpMessage.PrivateRequestName(message[3]));
        }
        return stopped;
    }
}
