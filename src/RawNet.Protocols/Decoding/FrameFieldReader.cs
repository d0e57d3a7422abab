using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Decoding;

/// <summary>The frame's own fields (<c>frame.number</c>, <c>frame.time_epoch</c>, <c>frame.len</c>, <c>frame.cap_len</c>, <c>frame.protocols</c>, and what the file says: <c>frame.interface_*</c>, <c>frame.packet_flags*</c>...): from the record as wiretap reads it (<see cref="DecodedPacket.WiretapFrame"/>), not its bytes.</summary>
internal static class FrameFieldReader
{
    /// <summary>Reads one of the frame's fields; <paramref name="mask"/> picks a part of epb_flags, <paramref name="frame"/> is the record's bytes (a direction pseudo-header).</summary>
    public static bool TryRead(ComputedField computed, ulong mask, DecodedPacket packet, ReadOnlySpan<byte> frame, int occurrence, out FieldValue value)
    {
        value = default;
        // the chain is written from the layers when shown (ProtocolChain): tshark has it for every frame
        if (computed == ComputedField.FrameProtocols)
            return FieldValues.Single(occurrence, 0, 0, 0, out value);
        ulong? number = computed switch
        {
            ComputedField.FrameSectionNumber or ComputedField.FrameInterfaceId or ComputedField.FrameInterfaceName or ComputedField.FrameInterfaceDescription
                or ComputedField.FramePacketFlags or ComputedField.FramePointToPointDirection => FromFile(computed, mask, packet.WiretapFrame, frame),
            ComputedField.FrameNumber => (ulong)packet.FrameNumber,
            ComputedField.FrameTimeEpoch => (ulong)packet.WiretapFrame.TimestampNanoseconds,
            ComputedField.FrameLength => (ulong)packet.WiretapFrame.OriginalLength,
            ComputedField.FrameCapturedLength => (ulong)packet.WiretapFrame.CapturedLength,
            ComputedField.FrameTime => (ulong)packet.WiretapFrame.TimestampNanoseconds,
            ComputedField.FrameOffsetShift or ComputedField.FrameMarked or ComputedField.FrameIgnored => 0,
            ComputedField.FrameEncapsulationType => WiretapEncapsulation(packet.WiretapFrame.LinkType) is int encap and > 0 ? (ulong)encap : null,
            _ => null,
        };
        return number is { } n && FieldValues.Single(occurrence, n, 0, 0, out value);
    }

    /// <summary>What the capture file says of the frame beyond its record, where it says it (custom blocks' fields never: RawNet shows packets only).</summary>
    private static ulong? FromFile(ComputedField computed, ulong mask, in FrameMetadata metadata, ReadOnlySpan<byte> frame) => computed switch
    {
        ComputedField.FrameSectionNumber => metadata.SectionNumber > 0 ? (ulong)metadata.SectionNumber : null,
        ComputedField.FrameInterfaceId => metadata.Interface is { } known ? (ulong)known.Id : null,
        // the text is written from the record when shown (TryFormatInterface); the length says how much room it needs
        ComputedField.FrameInterfaceName => metadata.Interface is { } named ? (ulong)named.Name.Length : null,
        ComputedField.FrameInterfaceDescription => metadata.Interface?.Description is { } described ? (ulong)described.Length : null,
        ComputedField.FramePacketFlags => metadata.PacketFlags is { } flags ? (flags & mask) >> System.Numerics.BitOperations.TrailingZeroCount(mask | 0x8000_0000UL) : null,
        ComputedField.FramePointToPointDirection => PointToPointDirection(metadata, frame) is int direction ? (ulong)direction : null,
        _ => null,
    };

    /// <summary>
    /// tshark's pinfo->p2p_dir (0 sent, 1 received), or null where it stays unknown: a link type's direction pseudo-header
    /// (as wiretap reads it from a pcap record) wins over epb_flags' direction (1 inbound, 2 outbound).
    /// </summary>
    private static int? PointToPointDirection(in FrameMetadata metadata, ReadOnlySpan<byte> frame)
    {
        switch ((int)metadata.LinkType)
        {
            case (int)LinkType.PppWithDirection when frame.Length >= 1:
            case 139 when frame.Length >= 4: // MTP2 with its 4-byte pseudo-header: a "sent" byte first
                return frame[0] != 0 ? 0 : 1;
            case 177 when frame.Length >= 16: // Linux LAPD: the cooked header's packet type, 3 and 4 (outgoing) sent
                return System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(frame) is 3 or 4 ? 0 : 1;
            case 201 when frame.Length >= 4: // Bluetooth H4 with a 4-byte direction: bit 0 set is received
                return (frame[3] & 1) != 0 ? 1 : 0;
            case 268: // SDLC: wiretap fills no pseudo-header from pcap, so "sent" reads false
                return 1;
        }
        return (metadata.PacketFlags & 0b11) switch
        {
            1 => 1,
            2 => 0,
            _ => null,
        };
    }

    /// <summary>Writes frame.interface_name or frame.interface_description of <paramref name="packet"/>'s record.</summary>
    public static bool TryFormatInterface(ComputedField computed, DecodedPacket? packet, Span<char> destination, out int written)
    {
        written = 0;
        var known = packet?.WiretapFrame.Interface;
        var text = computed == ComputedField.FrameInterfaceName ? known?.Name : known?.Description;
        if (text is null || !text.TryCopyTo(destination))
            return false;
        written = text.Length;
        return true;
    }

    /// <summary>
    /// Wiretap's WTAP_ENCAP number for a file's link type, as tshark 4.0 maps it (several DLTs share one); 0 for one it
    /// does not read, where the field is left out. Taken from tshark over a one-packet file of each link type.
    /// </summary>
    public static int WiretapEncapsulation(LinkType linkType) => (int)linkType switch
    {
        0 => 15, 1 => 1, 3 => 148, 6 => 2, 7 => 8, 9 or 50 => 4, 10 => 6, 11 or 100 => 10, 12 or 14 or 101 => 7,
        16 or 18 or 19 or 106 => 11, 51 => 139, 104 => 28, 105 => 20, 107 => 26, 108 => 174, 109 => 38, 113 => 25,
        117 => 39, 119 => 21, 122 => 18, 123 => 13, 127 => 23, 128 => 37, 129 => 9, 130 => 81, 131 => 82, 133 => 87,
        135 => 68, 136 => 151, 137 => 67, 138 => 62, 143 => 33, 163 => 24, 167 => 76, 170 => 178, 171 => 179,
        178 => 83, 179 => 84, 180 => 85, 181 => 86, 183 => 91, 192 => 97, 195 => 104, 197 => 98, 202 => 147,
        204 => 19, 226 => 124, 228 => 129, 229 => 130, 230 => 127, 239 => 141, 240 => 135, 241 => 136, 242 => 180,
        252 => 155, 258 => 171, 274 => 198, 276 => 210, 279 => 204, 280 => 205, 169 => 66, 215 => 113, 273 => 199, 283 => 206,
        99 => 61, 13 => 38, 112 => 28, 32 => 69, 184 => 181, 200 => 197,
        259 => 172,
        _ => 0,
    };

    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// Writes <c>frame.time</c> as tshark does: local time, "Mon dd, yyyy hh:mm:ss.nnnnnnnnn", then the zone's
    /// abbreviation ("UTC", or the name the system's zone data gives); with <paramref name="inUtc"/>, UTC whatever the zone
    /// (a field tshark registers as ABSOLUTE_TIME_UTC).
    /// </summary>
    public static bool TryFormatTime(long nanoseconds, Span<char> destination, out int written, bool inUtc = false)
    {
        written = 0;
        long seconds = Math.DivRem(nanoseconds, 1_000_000_000L, out long fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += 1_000_000_000L;
        }
        if (seconds < -62135596800L || seconds > 253402300799L - 86400)
            return false;
        var utc = DateTime.UnixEpoch.AddSeconds(seconds);
        var zone = inUtc ? TimeZoneInfo.Utc : TimeZoneInfo.Local;
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        string abbreviation = zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime ? "UTC"
            : zone.IsDaylightSavingTime(local) ? zone.DaylightName : zone.StandardName;
        if (destination.Length < 32 + abbreviation.Length)
            return false;
        MonthNames[local.Month - 1].CopyTo(destination);
        int at = 3;
        destination[at++] = ' ';
        destination[at++] = local.Day < 10 ? ' ' : (char)('0' + local.Day / 10);
        destination[at++] = (char)('0' + local.Day % 10);
        destination[at++] = ',';
        destination[at++] = ' ';
        at += DigitText.WriteDecimal((ulong)local.Year, destination[at..]);
        destination[at++] = ' ';
        at = WriteTwo(local.Hour, destination, at);
        destination[at++] = ':';
        at = WriteTwo(local.Minute, destination, at);
        destination[at++] = ':';
        at = WriteTwo(local.Second, destination, at);
        destination[at++] = '.';
        for (long unit = 100_000_000L; unit > 0; unit /= 10)
            destination[at++] = (char)('0' + fraction / unit % 10);
        destination[at++] = ' ';
        abbreviation.CopyTo(destination[at..]);
        written = at + abbreviation.Length;
        return true;
    }

    private static int WriteTwo(int number, Span<char> destination, int at)
    {
        destination[at] = (char)('0' + number / 10);
        destination[at + 1] = (char)('0' + number % 10);
        return at + 2;
    }
}
