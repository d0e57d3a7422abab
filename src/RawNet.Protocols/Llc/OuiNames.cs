using System.Globalization;

namespace RawNet.Protocols.Llc;

/// <summary>
/// The organisation an IEEE OUI is assigned to, as tshark names it in an LLC SNAP header's Info text: every 24-bit
/// assignment of the IEEE registry as Wireshark's manufacturer table spells it (OuiNames.tsv, written by
/// tests/oracle/make-oui-names.py). The table is read once, on the first look-up; a look-up allocates nothing.
/// </summary>
public static class OuiNames
{
    private static readonly Lazy<(uint[] Ouis, string[] Names)> Table = new(Load);

    /// <summary>The organisation's name, or null for an OUI nobody is known to hold.</summary>
    public static string? Find(uint oui)
    {
        var (ouis, names) = Table.Value;
        int at = Array.BinarySearch(ouis, oui);
        return at >= 0 ? names[at] : null;
    }

    /// <summary>The number of OUIs the table names.</summary>
    public static int Count => Table.Value.Ouis.Length;

    private static (uint[], string[]) Load()
    {
        using var stream = typeof(OuiNames).Assembly.GetManifestResourceStream("RawNet.Protocols.Llc.OuiNames.tsv")
            ?? throw new InvalidOperationException("the OUI name table is not embedded in RawNet.Protocols");
        using var reader = new StreamReader(stream);
        var ouis = new List<uint>(40_000);
        var names = new List<string>(40_000);
        while (reader.ReadLine() is { } line)
        {
            int tab = line.IndexOf('\t');
            if (tab != 6 || !uint.TryParse(line.AsSpan(0, tab), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint oui))
                continue;
            ouis.Add(oui);
            names.Add(line[(tab + 1)..]);
        }
        var ouiArray = ouis.ToArray();
        var nameArray = names.ToArray();
        // The file is written in order; sorting keeps a hand-edited one searchable.
        Array.Sort(ouiArray, nameArray);
        return (ouiArray, nameArray);
    }
}
