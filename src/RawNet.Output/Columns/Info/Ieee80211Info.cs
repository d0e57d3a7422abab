using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ieee80211;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The Info text of an 802.11 frame whose body nothing decoded (management, control, null and encrypted data, fragments),
/// in tshark's words: the type and subtype's name; for management and data frames ", SN=, FN=" once the header up to
/// its HT control is there; the eight flag letters of the frame control ("opmPRMFT", bit 7 first, a dot for a clear
/// bit) with a "C" when the frame ends in an FCS; a beacon's or probe response's interval and the first SSID element
/// of a management body; a Block Ack action's dialog token. An unencrypted frame with a body and More Fragments set
/// shows as a fragment (tshark's reassembly of later fragments, which needs the earlier ones, is not followed).
/// </summary>
internal static class Ieee80211Info
{
    /// <summary>What tshark writes for a frame with More Fragments set (it shows the body as data).</summary>
    public const string FragmentText = "Fragmented IEEE 802.11 frame";

    /// <summary>The most SSID bytes tshark shows in hex before it writes an ellipsis.</summary>
    private const int MaxHexSsid = 36;

    private const int ManagementCategoryBlockAck = 3;

    /// <summary>Writes the Info text; true when the frame ran out of bytes.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        var buffer = source.Packet.BufferOf(layer, source.Frame);
        // The frame's reported end, short of an FCS; what was captured of it.
        bool fcs = (layer.Detail & Ieee80211LayerDetail.FcsAtEnd) != 0;
        int reported = Math.Max(layer.HeaderLength, layer.Extent) - (fcs ? Ieee80211Header.FcsLength : 0);
        var bytes = buffer[Math.Min(layer.Offset, buffer.Length)..Math.Min(buffer.Length, layer.Offset + Math.Max(0, reported))];
        if (!Ieee80211Header.TryRead(bytes, out var header))
            return true;
        if (header.Version != 0)
        {
            line.Append("Unknown protocol version: ");
            line.Append(header.Version);
            return false;
        }
        int begin = line.Length;
        line.Append(TypeSubtypeName((int)header.Type << 4 | header.Subtype) ?? "Unrecognized (Reserved frame)");
        bool sequenced = header.Type is Ieee80211FrameType.Management or Ieee80211FrameType.Data;
        int need = sequenced ? header.LengthBeforeHtControl : header.Length;
        if (bytes.Length < need)
            return true;
        if (sequenced)
        {
            ushort control = header.SequenceControl;
            line.Append(", SN=");
            line.Append(control >> 4);
            line.Append(", FN=");
            line.Append(control & 0xF);
        }
        if (header.Type == Ieee80211FrameType.Control && WriteControlBody(line, header, bytes, reported - header.Length))
            return true;
        AppendFlags(line, header.Flags, fcs);
        if (bytes.Length < header.Length)
            return true;
        int bodyLength = reported - header.Length;
        if (header.HasMoreFragments && !header.IsProtected && header.Type != Ieee80211FrameType.Control && bodyLength > 0)
        {
            line.Truncate(begin);
            line.Append(FragmentText);
            return false;
        }
        if (header.Type != Ieee80211FrameType.Management)
            return false;
        return WriteManagementBody(line, header.Subtype, bytes[header.Length..], bodyLength);
    }

    /// <summary>The Block Ack (Request)'s body tshark reads before it writes the flags; true when it is short.</summary>
    private static bool WriteControlBody(TextLine line, Ieee80211Header header, ReadOnlySpan<byte> bytes, int bodyLength)
    {
        int need = header.Subtype switch
        {
            8 => 4,                     // BAR: control and starting sequence control
            9 => BlockAckLength(bytes, header.Length),
            _ => 0,
        };
        return Math.Min(bodyLength, bytes.Length - header.Length) < need;
    }

    /// <summary>A Block Ack's body by its type: control, starting sequence and a bitmap of 128 bytes (basic) or 8 (compressed).</summary>
    private static int BlockAckLength(ReadOnlySpan<byte> bytes, int at)
    {
        if (bytes.Length < at + 2)
            return 2;
        int type = (bytes[at] >> 1) & 0x0F;
        return type switch
        {
            0 => 4 + 128,
            2 => 4 + 8,
            _ => 2,
        };
    }

    private static void AppendFlags(TextLine line, byte flags, bool fcs)
    {
        line.Append(", Flags=");
        const string letters = "opmPRMFT";
        for (int bit = 0; bit < 8; bit++)
            line.Append((flags & (0x80 >> bit)) != 0 ? letters[bit] : '.');
        if (fcs)
            line.Append('C');
    }

    /// <summary>
    /// A management body: the fixed fields before the elements (a beacon's or probe response's interval shows), then the
    /// elements, of which the first SSID shows; true when the body ran out of bytes.
    /// </summary>
    private static bool WriteManagementBody(TextLine line, int subtype, ReadOnlySpan<byte> body, int bodyLength)
    {
        int fixedLength = subtype switch
        {
            0 => 4,             // association request: capability, listen interval
            1 or 3 => 6,        // (re)association response: capability, status, association ID
            2 => 10,            // reassociation request: capability, listen interval, current AP
            4 => 0,             // probe request
            5 or 8 => 12,       // probe response, beacon: timestamp, beacon interval, capability
            10 or 12 => 2,      // disassociation, deauthentication: reason
            11 => 6,            // authentication: algorithm, sequence, status
            13 or 14 => -1,     // action: by category
            _ => -2,            // no fixed fields or elements RawNet reads
        };
        if (fixedLength == -2)
            return false;
        if (fixedLength == -1)
            return WriteAction(line, body, bodyLength);
        if (subtype is 5 or 8 && Math.Min(body.Length, bodyLength) >= 10)
        {
            line.Append(", BI=");
            line.Append(BinaryPrimitives.ReadUInt16LittleEndian(body[8..]));
        }
        if (Math.Min(body.Length, bodyLength) < fixedLength)
            return true;
        return WriteElements(line, body[fixedLength..], bodyLength - fixedLength);
    }

    /// <summary>An action frame: a Block Ack request's or response's dialog token; true when its fixed fields are short.</summary>
    private static bool WriteAction(TextLine line, ReadOnlySpan<byte> body, int bodyLength)
    {
        int captured = Math.Min(body.Length, bodyLength);
        if (captured < 2)
            return captured < 1 || body[0] == ManagementCategoryBlockAck;
        if (body[0] != ManagementCategoryBlockAck || body[1] > 1)
            return false;
        if (captured < 3)
            return true;
        line.Append(", Dialog Token=");
        line.Append(body[2]);
        // ADDBA request: parameters, timeout, starting sequence; response: status, parameters, timeout.
        return captured < 3 + 6;
    }

    /// <summary>The elements of a management body: the first SSID shows; true when an element runs past the body.</summary>
    private static bool WriteElements(TextLine line, ReadOnlySpan<byte> elements, int reported)
    {
        bool ssidShown = false;
        int at = 0;
        while (at < reported)
        {
            if (reported - at < 2 || elements.Length - at < 2)
                return true;
            int id = elements[at], length = elements[at + 1];
            if (length > reported - at - 2)
            {
                // tshark notes an element longer than the body and stops; an SSID's it reads anyway, and fails.
                if (id == 0)
                    line.Append(ContainedItemMark);
                return false;
            }
            if (elements.Length - at - 2 < length)
                return true;
            if (id == 0 && !ssidShown)
            {
                AppendSsid(line, elements.Slice(at + 2, length));
                ssidShown = true;
            }
            at += 2 + length;
        }
        return false;
    }

    /// <summary>What tshark appends when an element's length runs past the frame's reported end.</summary>
    public const string ContainedItemMark = "[Malformed Packet: length of contained item exceeds length of containing item]";

    /// <summary>An SSID: "Wildcard (Broadcast)" when empty, quoted when it is printable UTF-8, else hex.</summary>
    private static void AppendSsid(TextLine line, ReadOnlySpan<byte> ssid)
    {
        line.Append(", SSID=");
        if (ssid.IsEmpty)
        {
            line.Append("Wildcard (Broadcast)");
            return;
        }
        if (IsPrintableUtf8(ssid))
        {
            line.Append('"');
            var room = line.Extend(ssid.Length);
            int written = Encoding.UTF8.GetChars(ssid, room);
            line.Truncate(line.Length - (ssid.Length - written));
            line.Append('"');
            return;
        }
        line.AppendHexBytes(ssid[..Math.Min(ssid.Length, MaxHexSsid)]);
        if (ssid.Length > MaxHexSsid)
            line.Append('…');
    }

    /// <summary>True when every character is valid UTF-8 and printable (GLib's sense: no control, format, unassigned or surrogate code point).</summary>
    private static bool IsPrintableUtf8(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes, out var rune, out int consumed) != System.Buffers.OperationStatus.Done)
                return false;
            var category = System.Text.Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate)
                return false;
            bytes = bytes[consumed..];
        }
        return true;
    }

    /// <summary>tshark's name of a type and subtype (type &lt;&lt; 4 | subtype); null for a reserved one.</summary>
    public static string? TypeSubtypeName(int typeSubtype) => typeSubtype switch
    {
        0x00 => "Association Request",
        0x01 => "Association Response",
        0x02 => "Reassociation Request",
        0x03 => "Reassociation Response",
        0x04 => "Probe Request",
        0x05 => "Probe Response",
        0x06 => "Measurement Pilot",
        0x08 => "Beacon frame",
        0x09 => "ATIM",
        0x0A => "Disassociate",
        0x0B => "Authentication",
        0x0C => "Deauthentication",
        0x0D => "Action",
        0x0E => "Action No Ack",
        0x0F => "Aruba Management",
        0x12 => "Trigger",
        0x14 => "Beamforming Report Poll",
        0x15 => "VHT/HE NDP Announcement",
        0x17 => "Control Wrapper",
        0x18 => "802.11 Block Ack Req",
        0x19 => "802.11 Block Ack",
        0x1A => "Power-Save poll",
        0x1B => "Request-to-send",
        0x1C => "Clear-to-send",
        0x1D => "Acknowledgement",
        0x1E => "CF-End (Control-frame)",
        0x1F => "CF-End + CF-Ack (Control-frame)",
        0x20 => "Data",
        0x21 => "Data + CF-Ack",
        0x22 => "Data + CF-Poll",
        0x23 => "Data + CF-Ack + CF-Poll",
        0x24 => "Null function (No data)",
        0x25 => "Acknowledgement (No data)",
        0x26 => "CF-Poll (No data)",
        0x27 => "CF-Ack/Poll (No data)",
        0x28 => "QoS Data",
        0x29 => "QoS Data + CF-Acknowledgment",
        0x2A => "QoS Data + CF-Poll",
        0x2B => "QoS Data + CF-Ack + CF-Poll",
        0x2C => "QoS Null function (No data)",
        0x2E => "QoS CF-Poll (No Data)",
        0x2F => "QoS CF-Ack + CF-Poll (No data)",
        0x30 => "DMG Beacon",
        0x31 => "S1G Beacon",
        _ => null,
    };
}
