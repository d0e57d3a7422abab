using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Filters;

/// <summary>Suggests the known field or protocol name closest to a mistyped one.</summary>
internal static class FilterHint
{
    private static readonly string[] Candidates =
        FieldCatalog.Names.Concat(Enum.GetValues<LayerKind>().Select(FieldCatalog.ProtocolName)).Append(FieldCatalog.MulticastDnsName).Append(FieldCatalog.SsdpName).Append(FieldCatalog.LinkLocalNameResolutionName).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToArray();

    /// <summary>The closest name by edit distance when it is close enough to be a typo, else null.</summary>
    public static string? Closest(string name)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        int allowed = Math.Max(1, Math.Min(3, name.Length / 3));
        foreach (var candidate in Candidates)
        {
            int distance = Distance(name.ToLowerInvariant(), candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Levenshtein distance, with a swap of neighbours counted as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
