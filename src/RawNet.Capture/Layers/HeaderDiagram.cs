using System.Net;
using System.Text;

namespace RawNet.Capture.Layers;

/// <summary>
/// The header diagrams of the RFCs (791, 8200, 9293, 768), 32 bits to a row, each box filled with this packet's value:
/// <c>|Version=4|  IHL=5  |</c>. A name that does not fit its box leaves just the value.
/// </summary>
public static class HeaderDiagram
{
    private enum Kind : byte
    {
        Decimal,
        Hex,
        Ipv4,
        Ipv6,
        TcpFlags,
        Ipv4Flags,
    }

    private sealed record Box(string Name, int Bits, Kind Kind = Kind.Decimal);

    private static readonly Box[] Ipv4 =
    [
        new("Ver", 4), new("IHL", 4), new("DSCP/ECN", 8, Kind.Hex), new("Total Length", 16),
        new("Identification", 16, Kind.Hex), new("Flags", 3, Kind.Ipv4Flags), new("Fragment Offset", 13),
        new("TTL", 8), new("Protocol", 8), new("Header Checksum", 16, Kind.Hex),
        new("Source Address", 32, Kind.Ipv4),
        new("Destination Address", 32, Kind.Ipv4),
    ];

    private static readonly Box[] Ipv6 =
    [
        new("Ver", 4), new("Traffic Class", 8, Kind.Hex), new("Flow Label", 20, Kind.Hex),
        new("Payload Length", 16), new("Next Header", 8), new("Hop Limit", 8),
        new("Source Address", 128, Kind.Ipv6),
        new("Destination Address", 128, Kind.Ipv6),
    ];

    private static readonly Box[] Tcp =
    [
        new("Source Port", 16), new("Destination Port", 16),
        new("Sequence Number", 32),
        new("Acknowledgment Number", 32),
        new("DOff", 4), new("Rsrvd", 4), new("Flags", 8, Kind.TcpFlags), new("Window", 16),
        new("Checksum", 16, Kind.Hex), new("Urgent Pointer", 16),
    ];

    private static readonly Box[] Udp =
    [
        new("Source Port", 16), new("Destination Port", 16),
        new("Length", 16), new("Checksum", 16, Kind.Hex),
    ];

    /// <summary>The bit ruler above every diagram.</summary>
    public static readonly IReadOnlyList<string> Ruler =
    [
        " 0                   1                   2                   3",
        " 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1",
    ];

    private const string Separator = "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+";

    /// <summary>
    /// The diagram of the header named <paramref name="layer"/> ("ip", "ipv6", "tcp", "udp") at the start of
    /// <paramref name="header"/>, ruler included; options (IPv4, TCP) as one box; null for other layers or a short header.
    /// </summary>
    public static IReadOnlyList<string>? Draw(string layer, ReadOnlySpan<byte> header)
    {
        var (boxes, fixedLength) = layer switch
        {
            "ip" => (Ipv4, 20),
            "ipv6" => (Ipv6, 40),
            "tcp" => (Tcp, 20),
            "udp" => (Udp, 8),
            _ => (null, 0),
        };
        if (boxes is null || header.Length < fixedLength)
            return null;
        int length = layer switch
        {
            "ip" => (header[0] & 0x0F) * 4,
            "tcp" => (header[12] >> 4) * 4,
            _ => fixedLength,
        };
        length = Math.Clamp(length, fixedLength, header.Length);
        var lines = new List<string>(Ruler) { Separator };
        var row = new StringBuilder("|");
        int bit = 0;
        foreach (var box in boxes)
        {
            string value = Value(box, header, bit);
            if (box.Bits > 32)
            {
                lines.AddRange(TallBox($"{box.Name} = {value}", box.Bits / 32));
                bit += box.Bits;
                continue;
            }
            row.Append(Fill(box.Name, value, box.Bits * 2 - 1)).Append('|');
            bit += box.Bits;
            if (bit % 32 == 0)
            {
                lines.Add(row.ToString());
                lines.Add(Separator);
                row.Clear().Append('|');
            }
        }
        if (length > fixedLength)
            lines.AddRange(TallBox($"Options = {Convert.ToHexStringLower(header[fixedLength..length])}", (length - fixedLength) / 4));
        return lines;
    }

    /// <summary>A box as wide as a row and <paramref name="rows"/> rows tall, its text on the first row (cut to fit).</summary>
    private static IEnumerable<string> TallBox(string text, int rows)
    {
        for (int r = 0; r < rows; r++)
        {
            yield return "|" + Fill(r == 0 ? text : "", "", 63) + "|";
            yield return r == rows - 1 ? Separator : "+" + new string(' ', 63) + "+";
        }
    }

    /// <summary>"Name=value" centred in <paramref name="width"/>, or the value alone, cut at the right when even that is too long.</summary>
    private static string Fill(string name, string value, int width)
    {
        string text = value.Length == 0 ? name : name + "=" + value;
        if (text.Length > width)
            text = value.Length > 0 ? value : name;
        if (text.Length > width)
            text = text[..(width - 1)] + "~";
        int left = (width - text.Length) / 2;
        return new string(' ', left) + text + new string(' ', width - text.Length - left);
    }

    private static string Value(Box box, ReadOnlySpan<byte> header, int bit)
    {
        switch (box.Kind)
        {
            case Kind.Ipv4:
                return new IPAddress(header.Slice(bit / 8, 4)).ToString();
            case Kind.Ipv6:
                return new IPAddress(header.Slice(bit / 8, 16)).ToString();
        }
        ulong value = 0;
        for (int i = 0; i < box.Bits; i++)
        {
            int at = bit + i;
            value = value << 1 | (uint)(header[at / 8] >> (7 - at % 8) & 1);
        }
        return box.Kind switch
        {
            Kind.Hex => "0x" + value.ToString(box.Bits > 8 ? "x4" : "x2"),
            Kind.TcpFlags => FlagLetters((int)value),
            // Reserved, don't fragment, more fragments.
            Kind.Ipv4Flags => value == 0 ? "-" : string.Join(',', new[] { (4UL, "R"), (2UL, "DF"), (1UL, "MF") }.Where(f => (value & f.Item1) != 0).Select(f => f.Item2)),
            _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static string FlagLetters(int flags)
    {
        const string Letters = "CEUAPRSF";
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++)
            text.Append((flags >> (7 - i) & 1) != 0 ? Letters[i] : '.');
        return text.ToString();
    }
}
