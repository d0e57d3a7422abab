using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using RawNet.Capture.Lab;

namespace RawNet.Cli.Commands;

/// <summary>
/// The hidden <c>--lab-network NS_A,NS_B,IF_A,IF_B,IPV4_PREFIX,IPV6_PREFIX</c> of <c>rawnet layers</c> and
/// <c>rawnet ui</c>: a lab of other names than <c>rawnet lab</c>'s, so tests run the experiments in namespaces of their own.
/// </summary>
public static class LayersLabSpec
{
    /// <summary>The option.</summary>
    public static Option<string?> Create() => new("--lab-network")
    {
        Hidden = true,
        Description = "A lab of other names: NS_A,NS_B,IF_A,IF_B,IPV4_PREFIX,IPV6_PREFIX (e.g. rawnet-a,rawnet-b,rn-a,rn-b,198.18.0,2001:db8:).",
        HelpName = "SPEC",
    };

    /// <summary>The lab <paramref name="spec"/> names, or false with the one-line reason (after "--lab-network: ").</summary>
    public static bool TryParse(string spec, out TestNetwork? network, out string error)
    {
        network = null;
        var parts = spec.Split(',');
        if (parts.Length != 6 || parts.Any(p => p.Length == 0))
        {
            error = "--lab-network: expected NS_A,NS_B,IF_A,IF_B,IPV4_PREFIX,IPV6_PREFIX";
            return false;
        }
        var lab = new TestNetwork(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], 0);
        if (!IPAddress.TryParse(lab.Ipv4(1), out var v4) || v4.AddressFamily != AddressFamily.InterNetwork
            || !IPAddress.TryParse(lab.Ipv6(1), out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
        {
            error = $"--lab-network: {parts[4]} and {parts[5]} do not make addresses ({lab.Ipv4(1)}, {lab.Ipv6(1)})";
            return false;
        }
        network = lab;
        error = "";
        return true;
    }
}
