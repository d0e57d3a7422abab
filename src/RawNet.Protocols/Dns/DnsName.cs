using System.Text;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Dns;

/// <summary>How reading a compressed domain name ended.</summary>
public enum DnsNameStatus : byte
{
    /// <summary>The name was read to its terminating zero label.</summary>
    Ok,
    /// <summary>A pointer would revisit bytes already read, or too many pointers were followed: shown as Wireshark's loop text.</summary>
    Loop,
    /// <summary>The name's text exceeds <see cref="DnsName.MaxTextLength"/> characters: shown as Wireshark's "too long" text.</summary>
    TooLong,
    /// <summary>An extended label (RFC 2673) other than a bit string after the first label: shown as Wireshark's "unknown extended label".</summary>
    UnknownExtendedLabel,
    /// <summary>The captured bytes ended inside the name (the message may be longer).</summary>
    Truncated,
    /// <summary>The message ended inside the name, a label type is reserved (0x80), or the name starts with an extended label (0x40): it cannot be read at all.</summary>
    Malformed,
}

/// <summary>What reading one domain name found.</summary>
/// <param name="Status">How the reading ended.</param>
/// <param name="WireLength">Bytes the name occupies where it starts (up to its zero label or through its first pointer).</param>
/// <param name="TextLength">Bytes of the expanded name (what Wireshark's dns.qry.name.len counts), before any substitution.</param>
/// <param name="Dots">Dots in the expanded name, separators and dots inside labels (dns.count.labels is this plus one).</param>
public readonly record struct DnsNameInfo(DnsNameStatus Status, int WireLength, int TextLength, int Dots)
{
    /// <summary>True when the record holding the name can go on being read (the name has a length in place).</summary>
    public bool IsReadable => Status is not (DnsNameStatus.Truncated or DnsNameStatus.Malformed);
}

/// <summary>
/// Reads compressed domain names (RFC 1035 4.1.4) the way Wireshark's DNS dissector expands them, with bounds: every
/// byte read is checked against the captured message, a pointer may point anywhere in the message but the walk stops
/// as a loop once it has looked at as many bytes as the message holds or followed <see cref="MaxPointers"/> pointers,
/// and the text stops growing past <see cref="MaxTextLength"/> characters. Never throws and never allocates.
/// </summary>
public static class DnsName
{
    /// <summary>The longest name text shown (a 255-byte wire name is 253 characters); longer ones show as "too long".</summary>
    public const int MaxTextLength = 253;

    /// <summary>Most compression pointers followed in one name; a real name needs far fewer (each label costs 2 bytes).</summary>
    public const int MaxPointers = 128;

    /// <summary>Characters enough for any name as <see cref="TryFormat"/> writes it (every byte escaped as \ooo).</summary>
    public const int MaxFormattedLength = MaxTextLength * 4 + 4;

    /// <summary>Wireshark's text for the empty (root) name.</summary>
    public const string RootText = "<Root>";

    /// <summary>Wireshark's text for a name whose pointers loop.</summary>
    public const string LoopText = "<Name contains a pointer that loops>";

    /// <summary>Wireshark's text for a name longer than <see cref="MaxTextLength"/>.</summary>
    public const string TooLongText = "<Name too long>";

    /// <summary>Wireshark's text for an extended label type it does not know.</summary>
    public const string UnknownExtendedLabelText = "<Unknown extended label>";

    /// <summary>
    /// Reads the name at <paramref name="offset"/> of <paramref name="message"/> (the captured bytes of the message, from
    /// its header on); <paramref name="reportedLength"/> is the message's length as the packet declares it.
    /// </summary>
    public static DnsNameInfo Read(ReadOnlySpan<byte> message, int reportedLength, int offset) =>
        Walk(message, reportedLength, offset, default, out _);

    /// <summary>
    /// Reads the name at <paramref name="offset"/> as <see cref="Read"/> does, its expanded bytes (at most
    /// <see cref="MaxTextLength"/> + 1) into <paramref name="text"/>: what Wireshark's get_dns_name hands NetBIOS's decoding.
    /// </summary>
    public static DnsNameInfo ReadText(ReadOnlySpan<byte> message, int reportedLength, int offset, Span<byte> text, out int textLength) =>
        Walk(message, reportedLength, offset, text, out textLength);

    /// <summary>
    /// Writes the name's text as <c>tshark -T fields</c> prints it ("&lt;Root&gt;" for the root, control bytes as
    /// \ooo, bytes that are not UTF-8 as U+FFFD, Wireshark's texts for loops and lengths); false when
    /// the name cannot be read or <paramref name="destination"/> is too short.
    /// </summary>
    public static bool TryFormat(ReadOnlySpan<byte> message, int reportedLength, int offset, Span<char> destination, out int written)
    {
        written = 0;
        Span<byte> raw = stackalloc byte[MaxTextLength + 1];
        var info = Walk(message, reportedLength, offset, raw, out int rawLength);
        string? substitute = info.Status switch
        {
            DnsNameStatus.Loop => LoopText,
            DnsNameStatus.TooLong => TooLongText,
            DnsNameStatus.UnknownExtendedLabel => UnknownExtendedLabelText,
            DnsNameStatus.Ok when info.TextLength == 0 => RootText,
            _ => null,
        };
        if (!info.IsReadable)
            return false;
        if (substitute is not null)
            return Copy(substitute, destination, out written);
        return TryWriteText(raw[..rawLength], destination, out written);
    }

    /// <summary>
    /// dns.qry.name.len and dns.count.labels as Wireshark 4.0 counts them: over the text shown (its own texts for odd
    /// names), the bytes and the dots plus one, both 0 for a text of one character.
    /// </summary>
    public static (int Length, int Labels) Measure(in DnsNameInfo info)
    {
        var (length, labels) = info.Status switch
        {
            DnsNameStatus.Loop => (LoopText.Length, 1),
            DnsNameStatus.TooLong => (TooLongText.Length, 1),
            DnsNameStatus.UnknownExtendedLabel => (UnknownExtendedLabelText.Length, 1),
            _ when info.TextLength == 0 => (RootText.Length, 1),
            _ => (info.TextLength, info.Dots + 1),
        };
        return length > 1 ? (length, labels) : (0, 0);
    }

    /// <summary>Writes name bytes as tshark prints a name (<see cref="FieldText.TryWriteFormatText"/>).</summary>
    public static bool TryWriteText(ReadOnlySpan<byte> text, Span<char> destination, out int written) =>
        FieldText.TryWriteFormatText(text, destination, out written);

    private static bool Copy(string text, Span<char> destination, out int written)
    {
        written = 0;
        if (text.Length > destination.Length)
            return false;
        text.AsSpan().CopyTo(destination);
        written = text.Length;
        return true;
    }

    /// <summary>
    /// The one walk over a name. <paramref name="text"/> (when not empty) receives the expanded bytes, at most
    /// <see cref="MaxTextLength"/> + 1 of them.
    /// </summary>
    private static DnsNameInfo Walk(ReadOnlySpan<byte> message, int reportedLength, int offset, Span<byte> text, out int textLength)
    {
        textLength = 0;
        int start = offset;
        int wireLength = -1;      // set at the first pointer
        int processed = 0;        // bytes looked at, as Wireshark counts them for its loop test
        int pointers = 0;
        int length = 0, dots = 0;
        int reported = Math.Max(reportedLength, message.Length);
        while (true)
        {
            if ((uint)offset >= (uint)message.Length)
                return Stop(offset, reported);
            int component = message[offset++];
            if (component == 0)
                break;
            processed++;
            switch (component & 0xC0)
            {
                case 0x00:
                    if (length > 0)
                    {
                        Append(text, ref textLength, (byte)'.');
                        length++;
                        dots++;
                    }
                    // Wireshark reads a label byte by byte: the first byte missing decides (past the message or only the capture).
                    if (offset + component > message.Length)
                        return Stop(message.Length, reported);
                    for (int i = 0; i < component; i++)
                    {
                        byte b = message[offset + i];
                        Append(text, ref textLength, b);
                        if (b == '.')
                            dots++; // Wireshark counts the dots of the text, a dot inside a label too
                    }
                    length += component;
                    offset += component;
                    processed += component;
                    break;
                case 0x40:
                {
                    // Extended labels (RFC 2673), as tshark 4.0 reads them (checked with it): none may be a name's first
                    // byte; a bit string later is stepped over and adds no text; any other type ends the name, whose length
                    // in place is then what was read so far (even after a pointer, as Wireshark computes it).
                    if (length == 0 && wireLength < 0)
                        return new DnsNameInfo(DnsNameStatus.Malformed, 0, length, dots);
                    if ((component & 0x3F) != 0x01)
                    {
                        int read = offset - start;
                        return read < 1
                            ? new DnsNameInfo(DnsNameStatus.Malformed, 0, length, dots)
                            : new DnsNameInfo(DnsNameStatus.UnknownExtendedLabel, read, length, dots);
                    }
                    if (offset >= message.Length)
                        return Stop(offset, reported);
                    int bytes = (message[offset++] - 1) / 8 + 1; // as Wireshark counts: a count of 0 takes 1 byte
                    if (offset + bytes > message.Length)
                        return Stop(message.Length, reported);
                    offset += bytes;
                    break;
                }
                case 0x80:
                    return new DnsNameInfo(DnsNameStatus.Malformed, 0, length, dots);
                default:
                {
                    if (offset >= message.Length)
                        return Stop(offset, reported);
                    int target = ((component & 0x3F) << 8) | message[offset++];
                    processed++;
                    if (wireLength < 0)
                        wireLength = offset - start;
                    if (processed >= reported || ++pointers > MaxPointers)
                        return new DnsNameInfo(DnsNameStatus.Loop, wireLength, length, dots);
                    offset = target;
                    break;
                }
            }
        }
        if (wireLength < 0)
            wireLength = offset - start;
        var status = length > MaxTextLength ? DnsNameStatus.TooLong : DnsNameStatus.Ok;
        return new DnsNameInfo(status, wireLength, length, dots);
    }

    /// <summary>The walk met the end of the captured bytes at <paramref name="needed"/>: cut by the capture, or past the message's end.</summary>
    private static DnsNameInfo Stop(int needed, int reported) =>
        new(needed < reported ? DnsNameStatus.Truncated : DnsNameStatus.Malformed, 0, 0, 0);

    private static void Append(Span<byte> text, ref int textLength, byte b)
    {
        if (textLength < text.Length)
            text[textLength++] = b;
    }
}
