using System.Globalization;

namespace RawNet.Protocols.Llc;

/// <summary>
/// The organisation an IEEE OUI is assigned to, as tshark names it in an LLC SNAP header's Info text. tshark reads the
/// names from the installed Wireshark's manufacturer table (<c>manuf</c>) at run time; so does RawNet, from the same
/// file, rather than carrying a copy of Wireshark's data. Without one (no Wireshark installed, or a Wireshark that
/// compiles its table in) every OUI is unnamed. The file is read once, on the first look-up, and bounded; a look-up
/// allocates nothing.
/// </summary>
public static class OuiNames
{
    /// <summary>Where Wireshark installs its manufacturer table (Debian and most Linux, /usr/local, Homebrew, Windows).</summary>
    public static readonly IReadOnlyList<string> ManufacturerTables =
    [
        "/usr/share/wireshark/manuf",
        "/usr/local/share/wireshark/manuf",
        "/opt/homebrew/share/wireshark/manuf",
        @"C:\Program Files\Wireshark\manuf",
    ];

    /// <summary>A manufacturer table larger than this is not read (Wireshark 4.0's is about 2 MB).</summary>
    private const long MaxTableBytes = 64L << 20;

    private static readonly Lazy<(uint[] Ouis, string[] Names)> Table = new(() => Load(FindTable()));

    /// <summary>The organisation's name, or null for an OUI nobody is known to hold (or with no table installed).</summary>
    public static string? Find(uint oui)
    {
        var (ouis, names) = Table.Value;
        int at = Array.BinarySearch(ouis, oui);
        return at >= 0 ? names[at] : null;
    }

    /// <summary>The number of OUIs named.</summary>
    public static int Count => Table.Value.Ouis.Length;

    /// <summary>The manufacturer table in use: <c>RAWNET_MANUF</c> when set, else the first of <see cref="ManufacturerTables"/> that exists.</summary>
    public static string? FindTable() =>
        Environment.GetEnvironmentVariable("RAWNET_MANUF") is { Length: > 0 } chosen
            ? chosen
            : ManufacturerTables.FirstOrDefault(File.Exists);

    /// <summary>
    /// The 24-bit assignments of a manufacturer table as tshark names them: the long name, else the short one (lines
    /// are <c>XX:XX:XX TAB short [TAB... long] [# comment]</c>; longer prefixes, well-known addresses and comments are not
    /// OUIs). An unreadable or oversized file names nothing.
    /// </summary>
    public static (uint[] Ouis, string[] Names) Load(string? path)
    {
        var table = new Dictionary<uint, string>(40_000);
        try
        {
            if (path is null || new FileInfo(path).Length > MaxTableBytes)
                return ([], []);
            foreach (var line in File.ReadLines(path))
            {
                var fields = line.Split('\t');
                if (fields.Length < 2 || fields[0].Length != 8 || fields[0][2] != ':' || fields[0][5] != ':'
                    || !uint.TryParse(fields[0].Replace(":", ""), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint oui))
                    continue;
                // The long name may sit behind more than one tab ("00:80:D4<TAB>Chase<TAB><TAB>Chase Limited").
                string name = fields[1];
                for (int i = 2; i < fields.Length && !fields[i].StartsWith('#'); i++)
                {
                    if (fields[i].Trim().Length > 0)
                    {
                        name = fields[i];
                        break;
                    }
                }
                table[oui] = name.Trim();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], []);
        }
        var ouis = table.Keys.ToArray();
        var names = table.Values.ToArray();
        Array.Sort(ouis, names);
        return (ouis, names);
    }
}
