using System.Globalization;
using RawNet.Protocols;

namespace RawNet.Capture.Sources;

/// <summary>What the kernel says about an interface in <c>/sys/class/net/NAME</c>; readable without privileges.</summary>
public static class NetworkInterfaces
{
    private const string SysClassNet = "/sys/class/net";
    private const int IffUp = 0x1;
    private const string ArphrdLoopback = "772";

    /// <summary>Whether the kernel has an interface called <paramref name="name"/>.</summary>
    public static bool Exists(string name) =>
        name.Length > 0 && name.IndexOfAny(['/', '\0']) < 0 && name is not ("." or "..") && Directory.Exists(Path.Combine(SysClassNet, name));

    /// <summary>
    /// Whether a capture on <paramref name="name"/> delivers Ethernet frames (an Ethernet or loopback link), the links
    /// the AF_PACKET back end frames; true when the kernel does not say, so that back end gives its own error.
    /// </summary>
    public static bool IsEthernetOrLoopback(string name) => !TryGetLinkType(name, out var linkType) || linkType == LinkType.Ethernet;

    /// <summary>Whether the interface is administratively up (IFF_UP in its flags).</summary>
    public static bool IsUp(string name) =>
        ReadAttribute(name, "flags") is { } flags && flags.StartsWith("0x", StringComparison.Ordinal)
        && int.TryParse(flags.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int value) && (value & IffUp) != 0;

    /// <summary>Every interface the kernel has, by name in ordinal order.</summary>
    public static IReadOnlyList<string> Names()
    {
        try
        {
            return Directory.GetDirectories(SysClassNet).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>
    /// The interface to capture on when none is named: the one the default route leaves by, else the first one up that is
    /// not loopback, else <c>lo</c>.
    /// </summary>
    public static string DefaultInterface()
    {
        try
        {
            // /proc/net/route: Iface, Destination (hex), Gateway, ...; the default route has destination 00000000.
            foreach (var line in File.ReadLines("/proc/net/route").Skip(1))
            {
                var fields = line.Split('\t', StringSplitOptions.TrimEntries);
                if (fields.Length > 2 && fields[1] == "00000000" && Exists(fields[0]))
                    return fields[0];
            }
        }
        catch (IOException)
        {
        }
        foreach (var name in Names())
        {
            if (IsUp(name) && ReadAttribute(name, "type") != ArphrdLoopback)
                return name;
        }
        return "lo";
    }

    /// <summary>
    /// The interface an <c>-i</c> argument stands for: the argument itself when an interface has that name (or it is
    /// not a number), else the interface with that number in <paramref name="listedNames"/>, the list
    /// <c>rawnet interfaces</c> numbers from 1, as <c>tcpdump -i 2</c> does. Null with a one-line
    /// <paramref name="error"/> for a number outside the list.
    /// </summary>
    /// <remarks><paramref name="listedNames"/> is only asked for when the argument is a number.</remarks>
    public static string? Resolve(string argument, Func<IReadOnlyList<string>> listedNames, out string? error)
    {
        error = null;
        if (argument.Length == 0 || !argument.All(char.IsAsciiDigit) || Exists(argument))
            return argument;
        var names = listedNames();
        if (int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1 && number <= names.Count)
            return names[number - 1];
        error = names.Count == 0
            ? $"{argument}: No such interface number (rawnet interfaces lists none)"
            : $"{argument}: No such interface number (rawnet interfaces lists 1 to {names.Count})";
        return null;
    }

    /// <summary>The interface's index (if_nametoindex).</summary>
    public static bool TryGetIndex(string name, out int index)
    {
        index = 0;
        return Exists(name) && int.TryParse(ReadAttribute(name, "ifindex"), out index);
    }

    /// <summary>The name of the interface with index <paramref name="index"/> on this host (if_indextoname), or null.</summary>
    public static string? NameOf(int index)
    {
        foreach (var name in Names())
        {
            if (TryGetIndex(name, out int found) && found == index)
                return name;
        }
        return null;
    }

    /// <summary>
    /// The link type a capture on the interface delivers, from its ARPHRD_ type as libpcap maps it: Ethernet and
    /// loopback give Ethernet, ARPHRD_NONE (tun) raw IP, 802.11 monitor interfaces radiotap, anything else Linux
    /// cooked; the "any" pseudo-interface is cooked too.
    /// </summary>
    public static bool TryGetLinkType(string name, out LinkType linkType)
    {
        linkType = LinkType.LinuxSll;
        if (name == "any")
            return true;
        if (!Exists(name) || !int.TryParse(ReadAttribute(name, "type"), out int arphrd))
            return false;
        linkType = arphrd switch
        {
            1 or 772 => LinkType.Ethernet,       // ARPHRD_ETHER, ARPHRD_LOOPBACK
            65534 => LinkType.Raw,               // ARPHRD_NONE
            801 => LinkType.Ieee80211,           // ARPHRD_IEEE80211
            803 => LinkType.Ieee80211Radiotap,   // ARPHRD_IEEE80211_RADIOTAP
            _ => LinkType.LinuxSll,
        };
        return true;
    }

    private static string? ReadAttribute(string name, string attribute)
    {
        try
        {
            return File.ReadAllText(Path.Combine(SysClassNet, name, attribute)).Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
