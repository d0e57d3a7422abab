using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Text;

namespace RawNet.Capture.Lab;

/// <summary>
/// Two network namespaces joined by a veth pair, driven through <c>ip</c> (iproute2): what <c>rawnet lab</c> builds
/// (rawnet-a and rawnet-b, 198.18.0.0/24 and 2001:db8::/64), and, with other names, what tests build for themselves.
/// IPv6 duplicate address detection is off so the v6 addresses work at once, and each end has a permanent neighbour
/// entry (IPv4 and IPv6) for its peer, so link-layer sends find the peer's MAC without ARP.
/// </summary>
/// <param name="NamespaceA">The first namespace (addresses .1 / ::1).</param>
/// <param name="NamespaceB">The second namespace (addresses .2 / ::2).</param>
/// <param name="InterfaceA">The veth end inside <paramref name="NamespaceA"/>.</param>
/// <param name="InterfaceB">The veth end inside <paramref name="NamespaceB"/>.</param>
/// <param name="Ipv4Prefix">The first three octets of the /24, e.g. "198.18.0".</param>
/// <param name="Ipv6Prefix">The /64 prefix up to "::", e.g. "2001:db8:".</param>
/// <param name="Mtu">The veth pair's MTU.</param>
/// <param name="LinkNamespace">
/// Null for one veth pair between the ends. Otherwise a third namespace between them, holding the lab link: each end's
/// veth is paired with one in it (<see cref="LinkInterfaceA"/>, <see cref="LinkInterfaceB"/>, no addresses, no IPv6),
/// and <see cref="Link.LinkForwarder"/> bridges frames between those two; the ends stay on one Ethernet segment.
/// </param>
public sealed record TestNetwork(string NamespaceA, string NamespaceB, string InterfaceA, string InterfaceB, string Ipv4Prefix, string Ipv6Prefix, int Mtu,
    string? LinkNamespace = null)
{
    private static readonly TimeSpan IpTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The lab <c>rawnet lab</c> manages.</summary>
    public static TestNetwork Default { get; } = new("rawnet-a", "rawnet-b", "rn-a", "rn-b", "198.18.0", "2001:db8:", Link.LinkSettings.DefaultMtu, "rawnet-link");

    /// <summary>The link namespace's veth end paired with <see cref="InterfaceA"/>.</summary>
    public string LinkInterfaceA => InterfaceA + "-l";

    /// <summary>The link namespace's veth end paired with <see cref="InterfaceB"/>.</summary>
    public string LinkInterfaceB => InterfaceB + "-l";

    /// <summary>Where every lab keeps its run directory.</summary>
    public const string RunRoot = "/run/rawnet";

    /// <summary>Where the lab link's forwarder keeps its pid file, settings and counters (only with a <see cref="LinkNamespace"/>).</summary>
    public string RunDirectory => Path.Combine(RunRoot, LinkNamespace ?? NamespaceA);

    /// <summary>The IPv4 address of end <paramref name="host"/> (1 for A, 2 for B).</summary>
    public string Ipv4(int host) => $"{Ipv4Prefix}.{host}";

    /// <summary>The IPv6 address of end <paramref name="host"/> (1 for A, 2 for B).</summary>
    public string Ipv6(int host) => $"{Ipv6Prefix}:{host}";

    /// <summary>Whether every namespace of the lab exists (both ends, and the link namespace when there is one).</summary>
    public bool Exists => Namespaces.All(ns => File.Exists(Injection.NetworkNamespace.PathOf(ns)));

    /// <summary>Whether any of the lab's namespaces exists.</summary>
    public bool AnyExists => Namespaces.Any(ns => File.Exists(Injection.NetworkNamespace.PathOf(ns)));

    private IEnumerable<string> Namespaces => LinkNamespace is null ? [NamespaceA, NamespaceB] : [NamespaceA, LinkNamespace, NamespaceB];

    /// <summary>Builds the lab; returns false (changing nothing) when it is already up. Throws <see cref="LabException"/> on failure, after removing what it built.</summary>
    public bool Up()
    {
        if (Exists)
            return false;
        if (AnyExists)
            throw new LabException($"only some of {string.Join(", ", Namespaces)} exist: run rawnet lab down first");
        try
        {
            foreach (var (ns, _) in Ends)
            {
                Ip("netns", "add", ns);
                // Before the veth exists, so the new interface inherits "default": no DAD, no router solicitations.
                Ip("-n", ns, "link", "set", "lo", "up");
                Sysctl(ns, "net.ipv6.conf.default.accept_dad", "0");
                Sysctl(ns, "net.ipv6.conf.all.accept_dad", "0");
                Sysctl(ns, "net.ipv6.conf.default.router_solicitations", "0");
                // The MLD report of the solicited-node group is repeated at random within this many ms (default 1000):
                // with 1 the ends fall quiet as soon as they are up, before the forwarder starts, so no frame of their
                // own takes a turn of the link's dice (a seed then decides the fate of the same frames every time).
                if (LinkNamespace is not null)
                    Sysctl(ns, "net.ipv6.conf.default.mldv2_unsolicited_report_interval", "1");
            }
            if (LinkNamespace is null)
                Ip("link", "add", InterfaceA, "netns", NamespaceA, "mtu", Mtu.ToString(), "type", "veth",
                    "peer", "name", InterfaceB, "netns", NamespaceB, "mtu", Mtu.ToString());
            else
                BuildLinkNamespace(LinkNamespace);
            int host = 1;
            foreach (var (ns, device) in Ends)
            {
                if (LinkNamespace is not null)
                {
                    // No link-local address: no MLD or neighbour discovery of its own crossing the link and taking its dice.
                    Ip("-n", ns, "link", "set", device, "addrgenmode", "none");
                    Link.ChecksumOffload.TurnOff(ns, device);
                }
                Ip("-n", ns, "addr", "add", $"{Ipv4(host)}/24", "dev", device);
                Ip("-n", ns, "addr", "add", $"{Ipv6(host)}/64", "dev", device, "nodad");
                Ip("-n", ns, "link", "set", device, "up");
                host++;
            }
            // Each end knows its peer's MAC for good, so link-layer sends need no --dst-mac and no ARP or ping first.
            PhysicalAddress[] macs = [HardwareAddress(1), HardwareAddress(2)];
            host = 1;
            foreach (var (ns, device) in Ends)
            {
                int peer = 3 - host;
                string mac = string.Join(':', macs[peer - 1].GetAddressBytes().Select(b => b.ToString("x2")));
                Ip("-n", ns, "neigh", "replace", Ipv4(peer), "lladdr", mac, "dev", device, "nud", "permanent");
                Ip("-n", ns, "neigh", "replace", Ipv6(peer), "lladdr", mac, "dev", device, "nud", "permanent");
                host++;
            }
            return true;
        }
        catch
        {
            Down();
            throw;
        }
    }

    /// <summary>The middle namespace: no IPv6 (nothing of its own on the link), two veth ends paired with the ends' interfaces, up.</summary>
    private void BuildLinkNamespace(string link)
    {
        Ip("netns", "add", link);
        Ip("-n", link, "link", "set", "lo", "up");
        Sysctl(link, "net.ipv6.conf.default.disable_ipv6", "1");
        Sysctl(link, "net.ipv6.conf.all.disable_ipv6", "1");
        foreach (var (ns, device, middle) in new[] { (NamespaceA, InterfaceA, LinkInterfaceA), (NamespaceB, InterfaceB, LinkInterfaceB) })
        {
            Ip("link", "add", device, "netns", ns, "mtu", Mtu.ToString(), "type", "veth",
                "peer", "name", middle, "netns", link, "mtu", Mtu.ToString());
            Ip("-n", link, "link", "set", middle, "up");
        }
    }

    /// <summary>Sets the MTU of every veth end of the lab (both ends, and the link namespace's two).</summary>
    public void SetMtu(int mtu)
    {
        foreach (var (ns, device) in Ends)
            Ip("-n", ns, "link", "set", device, "mtu", mtu.ToString());
        if (LinkNamespace is not null)
        {
            Ip("-n", LinkNamespace, "link", "set", LinkInterfaceA, "mtu", mtu.ToString());
            Ip("-n", LinkNamespace, "link", "set", LinkInterfaceB, "mtu", mtu.ToString());
        }
    }

    /// <summary>Deletes the lab's namespaces (and so the veth pairs); returns false when none existed.</summary>
    public bool Down()
    {
        bool any = false;
        foreach (var ns in Namespaces)
        {
            if (!File.Exists(Injection.NetworkNamespace.PathOf(ns)))
                continue;
            Ip("netns", "del", ns);
            any = true;
        }
        return any;
    }

    /// <summary>Each namespace's interfaces with state, MTU and addresses, as <c>ip -br</c> shows them, then its neighbour entries; null when the lab is down.</summary>
    public string? Status()
    {
        if (!Exists)
            return null;
        var text = new StringBuilder();
        foreach (var ns in Namespaces)
        {
            text.Append("namespace ").Append(ns).Append('\n');
            var links = Ip("-n", ns, "-o", "link", "show").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var addresses = Ip("-n", ns, "-br", "addr", "show").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in addresses)
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                string name = words[0].Split('@')[0];
                string mtu = links.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Where(w => w.Length > 1 && w[1].TrimEnd(':').Split('@')[0] == name)
                    .Select(w => w.SkipWhile(x => x != "mtu").Skip(1).FirstOrDefault() ?? "?")
                    .FirstOrDefault() ?? "?";
                text.Append($"  {name,-6} {words.ElementAtOrDefault(1) ?? "?",-8} mtu {mtu,-6} {string.Join(' ', words.Skip(2))}".TrimEnd()).Append('\n');
            }
            foreach (var line in Ip("-n", ns, "neigh", "show").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                text.Append("  neighbour ").Append(line.Trim()).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The MAC address of end <paramref name="host"/>'s veth interface (1 for A, 2 for B), as <c>ip link</c> shows it.</summary>
    public PhysicalAddress HardwareAddress(int host)
    {
        var (ns, device) = host == 1 ? (NamespaceA, InterfaceA) : (NamespaceB, InterfaceB);
        var words = Ip("-n", ns, "-o", "link", "show", "dev", device).Split((char[])[' ', '\\', '\n'], StringSplitOptions.RemoveEmptyEntries);
        int at = Array.IndexOf(words, "link/ether");
        if (at < 0 || at + 1 >= words.Length || !PhysicalAddress.TryParse(words[at + 1].Replace(':', '-').ToUpperInvariant(), out var mac))
            throw new LabException($"{device} in {ns} has no Ethernet address");
        return mac;
    }

    private IEnumerable<(string Namespace, string Interface)> Ends => [(NamespaceA, InterfaceA), (NamespaceB, InterfaceB)];

    private static void Sysctl(string ns, string key, string value) =>
        Ip("netns", "exec", ns, "sh", "-c", $"echo {value} > /proc/sys/{key.Replace('.', '/')}");

    private static string Ip(params string[] args)
    {
        var psi = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        Process ip;
        try
        {
            ip = Process.Start(psi) ?? throw new LabException("cannot start ip");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new LabException("the ip command is missing (apt-get install iproute2)");
        }
        using (ip)
        {
            var stderr = ip.StandardError.ReadToEndAsync();
            string stdout = ip.StandardOutput.ReadToEnd();
            if (!ip.WaitForExit(IpTimeout))
            {
                ip.Kill();
                throw new LabException($"ip {string.Join(' ', args)} did not finish within {IpTimeout.TotalSeconds:0} s");
            }
            if (ip.ExitCode != 0)
                throw new LabException($"ip {string.Join(' ', args)} failed: {stderr.Result.Trim()}");
            return stdout;
        }
    }
}
