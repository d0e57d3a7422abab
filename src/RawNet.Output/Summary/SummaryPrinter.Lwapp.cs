using System.Buffers.Binary;
using RawNet.Protocols.Capwap;

namespace RawNet.Output.Summary;

// tcpdump's LWAPP printers (print-lwapp.c: lwapp_control_print, lwapp_data_print), on UDP ports 12223 and 12222.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// tcpdump's LWAPP line, chosen by port alone (12223 on either side first, with an AP identity when it is the
    /// destination, then 12222):
    /// "LWAPPv0, Data frame, Flags [none], length N" with N the UDP payload's length; with -v the radio ID, fragment ID and
    /// the header's length, then the AP identity and the control messages (8-byte headers with a session ID), or the
    /// data's first bytes in hex. <paramref name="bytes"/> is the captured UDP payload.
    /// </summary>
    private void AppendLwapp(ReadOnlySpan<byte> bytes, int length, bool control, bool apIdentity)
    {
        var line = _line;
        string printer = control ? " [|lwapp_control]" : " [|lwapp_data]";
        int start = apIdentity ? LwappHeader.ApIdentityLength : 0;
        if (bytes.Length < start + LwappHeader.Length)
        {
            line.Append(printer);
            return;
        }
        byte flags = bytes[start];
        if (flags >> 6 != 0)
        {
            line.Append("LWAPP version ");
            line.Append(flags >> 6);
            line.Append(" packet not supported");
            return;
        }
        if (!_verbose)
        {
            AppendLwappFrame(flags);
            AppendLwappFlags(flags);
            line.Append(", length ");
            line.Append(length);
            return;
        }
        int declared = BinaryPrimitives.ReadUInt16BigEndian(bytes[(start + 2)..]);
        AppendLwappFrame(flags);
        // The data printer pads its numbers to two columns.
        line.Append(control ? "Radio-id " : "Radio-id  ");
        line.Append((flags & 0x38) >> 3);
        line.Append(", ");
        AppendLwappFlags(flags);
        if (!control && declared < LwappHeader.Length)
        {
            line.Append(", length ");
            line.Append(declared);
            line.Append(" < transport header length");
            return;
        }
        line.Append(control ? ", Frag-id " : ", Frag-id  ");
        line.Append(bytes[start + 1]);
        line.Append(", length ");
        line.Append(declared);
        if (!control)
        {
            AppendUnknownData(bytes, LwappHeader.Length, declared - LwappHeader.Length, "\n\t");
            return;
        }
        if (apIdentity)
        {
            line.Append("\n\tAP identity: ");
            line.AppendMac(bytes[..LwappHeader.ApIdentityLength]);
        }
        AppendLwappMessages(bytes, start + LwappHeader.Length, declared);
    }

    /// <summary>
    /// The control messages: each an 8-byte header (type, sequence number, length, session ID) and its bytes, until the
    /// declared length is used up; a message longer than what is left ends the walk. Each takes at least 8 bytes of a
    /// 16-bit length: at most 8192 of them.
    /// </summary>
    private void AppendLwappMessages(ReadOnlySpan<byte> bytes, int at, int left)
    {
        var line = _line;
        while (left != 0)
        {
            if (bytes.Length - at < 8)
            {
                line.Append(" [|lwapp_control]");
                return;
            }
            int messageLength = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            if (left < 8 || left < 8 + messageLength)
            {
                line.Append("\n\t  Msg goes past end of PDU");
                return;
            }
            byte type = bytes[at];
            line.Append("\n\t  Msg type: ");
            line.Append(LwappMessageName(type));
            line.Append(" (");
            line.Append(type);
            line.Append("), Seqnum: ");
            line.Append(bytes[at + 1]);
            line.Append(", Msg len: ");
            line.Append(messageLength);
            line.Append(", Session: 0x");
            line.AppendHexDigits(BinaryPrimitives.ReadUInt32BigEndian(bytes[(at + 4)..]), 8, uppercase: false);
            // tcpdump checks the message's length from the message header's start.
            if (bytes.Length - at < messageLength)
            {
                line.Append(" [|lwapp_control]");
                return;
            }
            at += 8 + messageLength;
            left -= 8 + messageLength;
        }
    }

    /// <summary>"LWAPPv0, Control frame, " or "LWAPPv0, Data frame, ".</summary>
    private void AppendLwappFrame(byte flags)
    {
        _line.Append("LWAPPv0, ");
        _line.Append((flags & LwappHeader.ControlFlag) != 0 ? "Control" : "Data");
        _line.Append(" frame, ");
    }

    /// <summary>bittok2str over the low three flag bits, "none" when clear.</summary>
    private void AppendLwappFlags(byte flags)
    {
        var line = _line;
        line.Append("Flags [");
        if ((flags & 0x07) == 0)
            line.Append("none");
        bool first = true;
        foreach (var (bit, name) in LwappFlagNames)
        {
            if ((flags & bit) == 0)
                continue;
            if (!first)
                line.Append(", ");
            line.Append(name);
            first = false;
        }
        line.Append(']');
    }

    private static readonly (byte Bit, string Name)[] LwappFlagNames = [(0x01, "Last Fragment Bit"), (0x02, "Fragment Bit"), (0x04, "Control Bit")];

    /// <summary>tcpdump's names of LWAPP control message types, "Unknown" for others.</summary>
    private static string LwappMessageName(byte type) => type switch
    {
        1 => "Discovery req",
        2 => "Discovery resp",
        3 => "Join req",
        4 => "Join resp",
        5 => "Join ack",
        6 => "Join confirm",
        10 => "Configure req",
        11 => "Configure resp",
        12 => "Update req",
        13 => "Update resp",
        14 => "WTP event req",
        15 => "WTP event resp",
        16 => "Change state event req",
        17 => "Change state event resp",
        22 => "Echo req",
        23 => "Echo resp",
        24 => "Image data req",
        25 => "Image data resp",
        26 => "Channel status req",
        27 => "Channel status resp",
        30 => "Key update req",
        31 => "Key update resp",
        32 => "Primary discovery req",
        33 => "Primary discovery resp",
        34 => "Data transfer req",
        35 => "Data transfer resp",
        36 => "Clear config ind",
        37 => "Wlan config req",
        38 => "Wlan config resp",
        39 => "Mobile config req",
        40 => "Mobile config resp",
        _ => "Unknown",
    };
}
