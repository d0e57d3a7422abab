using RawNet.Protocols.Dns;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Nbns;

/// <summary>
/// NetBIOS names as tshark 4.0's NBNS shows them: the domain name at a place in the message (compression pointers
/// bounded as <see cref="DnsName"/> bounds them) is undone from its first-level encoding (RFC 1001 14.1: each byte as two
/// letters 'A' to 'P'), its first 15 bytes written with unprintable ones as &lt;xx&gt; and trailing spaces dropped, then its
/// 16th byte as &lt;xx&gt; and any scope ID after it ("WORKGROUP&lt;1d&gt;", "HOST&lt;20&gt;.example.com"); a name that
/// is not first-level encoded or not 16 bytes long is one of tshark's "Illegal NetBIOS name" texts. Never allocates.
/// </summary>
public static class NbnsName
{
    /// <summary>Bytes of a NetBIOS name (the 16th is its type).</summary>
    public const int NetbiosLength = 16;

    /// <summary>Characters enough for any name with its description.</summary>
    public const int MaxFormattedLength = 15 * 4 + 4 + DnsName.MaxFormattedLength + 64;

    private const string FirstNotLetter = "Illegal NetBIOS name (1st character not between A and Z in first-level encoding)";
    private const string SecondNotLetter = "Illegal NetBIOS name (2nd character not between A and Z in first-level encoding)";
    private const string OddLength = "Illegal NetBIOS name (odd number of bytes)";

    /// <summary>
    /// Writes the name at <paramref name="offset"/> of <paramref name="message"/> (captured bytes; the datagram declares
    /// <paramref name="reported"/>); with <paramref name="describe"/>, " (its type's description)" after it, as tshark's
    /// nbns.name of an NB record. <paramref name="nameType"/> is its 16th byte, -1 for an illegal name. False when the name
    /// cannot be read or does not fit.
    /// </summary>
    public static bool TryFormat(ReadOnlySpan<byte> message, int reported, int offset, bool describe, Span<char> destination, out int written, out int nameType)
    {
        written = 0;
        nameType = -1;
        Span<byte> text = stackalloc byte[DnsName.MaxTextLength + 1];
        var info = DnsName.ReadText(message, reported, offset, text, out int textLength);
        if (!info.IsReadable)
            return false;
        // tshark decodes the text get_dns_name gave it: its own texts for odd names start with '<', which is no letter.
        if (info.Status != DnsNameStatus.Ok || info.TextLength == 0)
            textLength = 0;
        var raw = text[..Math.Min(textLength, info.TextLength)];
        int end = raw.IndexOf((byte)0);
        if (end >= 0)
            raw = raw[..end];
        Span<byte> name = stackalloc byte[NetbiosLength];
        int count = 0, at = 0;
        string? error = null;
        while (true)
        {
            if (at >= raw.Length || raw[at] == '.')
                break;
            int high = raw[at++] - 'A';
            if (high is < 0 or > 25)
            {
                error = FirstNotLetter;
                break;
            }
            if (at >= raw.Length || raw[at] == '.')
            {
                error = OddLength;
                break;
            }
            int low = raw[at++] - 'A';
            if (low is < 0 or > 25)
            {
                error = SecondNotLetter;
                break;
            }
            if (count < NetbiosLength)
                name[count++] = (byte)((high << 4) | low);
        }
        // an empty text (the root, or one of tshark's own texts) fails at its first character
        if (error is null && textLength == 0)
            error = FirstNotLetter;
        if (error is not null)
            return Append(error, destination, ref written) && (!describe || Describe(-1, destination, ref written));
        if (count != NetbiosLength)
        {
            return Append("Illegal NetBIOS name (", destination, ref written) && AppendNumber(count, destination, ref written)
                && Append(" bytes long)", destination, ref written) && (!describe || Describe(-1, destination, ref written));
        }
        nameType = name[15];
        if (!TryWriteNetbios(name, destination[written..], out int n))
            return false;
        written += n;
        if (!AppendType(nameType, destination, ref written))
            return false;
        if (at < raw.Length)
        {
            if (!FieldText.TryWriteFormatText(raw[at..], destination[written..], out int scope))
                return false;
            written += scope;
        }
        return !describe || Describe(nameType, destination, ref written);
    }

    /// <summary>
    /// Writes the first 15 bytes of a NetBIOS name as tshark's process_netbios_name does: printable ASCII as is, other
    /// bytes as &lt;xx&gt;, at most <paramref name="room"/> - 1 characters (the size of tshark's buffer, which cuts a
    /// &lt;xx&gt; anywhere), then the trailing spaces dropped (looking back at most 15 characters).
    /// </summary>
    public static bool TryWriteNetbios(ReadOnlySpan<byte> name, Span<char> destination, out int written, int room = int.MaxValue)
    {
        written = 0;
        Span<char> hex = stackalloc char[4];
        for (int i = 0; i < NetbiosLength - 1 && i < name.Length; i++)
        {
            byte b = name[i];
            int n = 0;
            if (b is >= (byte)' ' and <= (byte)'~')
                hex[n++] = (char)b;
            else if (!AppendType(b, hex, ref n))
                return false;
            for (int k = 0; k < n; k++)
            {
                if (--room <= 0)
                    break;
                if (written >= destination.Length)
                    return false;
                destination[written++] = hex[k];
            }
        }
        for (int i = 0; i < NetbiosLength - 1 && written - i > 0; i++)
        {
            if (destination[written - 1 - i] != ' ')
            {
                written -= i;
                return true;
            }
        }
        return true;
    }

    /// <summary>Writes " (description)" of a name type.</summary>
    public static bool Describe(int nameType, Span<char> destination, ref int written) =>
        Append(" (", destination, ref written) && Append(NbnsHeader.NameTypeDescription(nameType), destination, ref written)
        && Append(")", destination, ref written);

    /// <summary>Writes a byte as &lt;xx&gt; in lowercase hex.</summary>
    public static bool AppendType(int value, Span<char> destination, ref int written)
    {
        if (destination.Length - written < 4)
            return false;
        destination[written++] = '<';
        destination[written++] = DigitText.HexDigit(value >> 4 & 0xF);
        destination[written++] = DigitText.HexDigit(value & 0xF);
        destination[written++] = '>';
        return true;
    }

    private static bool Append(string text, Span<char> destination, ref int written)
    {
        if (!text.TryCopyTo(destination[written..]))
            return false;
        written += text.Length;
        return true;
    }

    private static bool AppendNumber(int value, Span<char> destination, ref int written)
    {
        if (!value.TryFormat(destination[written..], out int n, default, System.Globalization.CultureInfo.InvariantCulture))
            return false;
        written += n;
        return true;
    }
}
