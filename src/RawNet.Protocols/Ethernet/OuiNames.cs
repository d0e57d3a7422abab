namespace RawNet.Protocols.Ethernet;

/// <summary>
/// The vendor names tshark shows as <c>eth.*.oui_resolved</c>: the 24-bit prefixes of Wireshark's own <c>manuf</c> file,
/// read once, when a field first asks, from where Wireshark installs it. Without the file no name is known and the
/// fields are absent, as tshark leaves them out for a prefix its file does not name.
/// </summary>
public static class OuiNames
{
    /// <summary>Where Wireshark's packages put the file (Debian's first).</summary>
    private static readonly string[] Paths = ["/usr/share/wireshark/manuf", "/usr/local/share/wireshark/manuf"];

    /// <summary>Bounds on what is read: the file (about 2.3 MB in 4.0), the prefixes kept, a name's length.</summary>
    private const long MaxFileBytes = 16 << 20;
    private const int MaxEntries = 1 << 17;
    private const int MaxNameLength = 256;

    private static Dictionary<int, string>? table;

    /// <summary>The name tshark gives the 24-bit <paramref name="oui"/>, or null when its file names none.</summary>
    public static string? Find(uint oui) => Table.TryGetValue((int)(oui & 0xFFFFFF), out var name) ? name : null;

    /// <summary>Writes <paramref name="oui"/>'s name; false when none is known or it does not fit.</summary>
    public static bool TryFormat(uint oui, Span<char> destination, out int written)
    {
        written = 0;
        if (Find(oui) is not { } name || !name.TryCopyTo(destination))
            return false;
        written = name.Length;
        return true;
    }

    private static Dictionary<int, string> Table => Volatile.Read(ref table) ?? Load();

    private static Dictionary<int, string> Load()
    {
        var loaded = new Dictionary<int, string>();
        foreach (var path in Paths)
        {
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists || info.Length > MaxFileBytes)
                    continue;
                foreach (var line in File.ReadLines(path))
                {
                    if (loaded.Count >= MaxEntries)
                        break;
                    if (TryParse(line, out int oui, out string? name))
                        loaded.TryAdd(oui, name);
                }
                break;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        Interlocked.CompareExchange(ref table, loaded, null);
        return table!;
    }

    /// <summary>
    /// One line of the file: "00:1B:21", a tab, a short name, and a tab and the long name tshark prefers; a '#' starts a
    /// comment. Prefixes with a mask ("/28", "/36") name blocks inside a 24-bit one and are not what the field shows.
    /// </summary>
    internal static bool TryParse(string line, out int oui, out string name)
    {
        oui = 0;
        name = "";
        int hash = line.IndexOf('#');
        var text = (hash >= 0 ? line.AsSpan(0, hash) : line.AsSpan()).TrimEnd("\r\n");
        if (text.Length < 10 || text[8] != '\t' || text[2] != ':' || text[5] != ':')
            return false;
        for (int i = 0; i < 8; i++)
        {
            if (i is 2 or 5)
                continue;
            int digit = HexValue(text[i]);
            if (digit < 0)
                return false;
            oui = oui << 4 | digit;
        }
        var names = text[9..];
        int tab = names.IndexOf('\t');
        var chosen = tab >= 0 && tab + 1 < names.Length ? names[(tab + 1)..] : tab >= 0 ? names[..tab] : names;
        int end = chosen.IndexOf('\t');
        if (end >= 0)
            chosen = chosen[..end];
        if (chosen.IsEmpty)
            return false;
        name = chosen[..Math.Min(chosen.Length, MaxNameLength)].ToString();
        return true;
    }

    /// <summary><see cref="TryParse"/> for tests of the file's format.</summary>
    public static bool TryParseForTest(string line, out int oui, out string name) => TryParse(line, out oui, out name);

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
