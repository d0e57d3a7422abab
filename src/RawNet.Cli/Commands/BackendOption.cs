using System.CommandLine;
using RawNet.Capture.Sources;

namespace RawNet.Cli.Commands;

/// <summary><c>--backend auto|afpacket|libpcap</c>, for the commands that capture and those that send whole frames.</summary>
internal static class BackendOption
{
    /// <summary>The option of <c>capture</c>.</summary>
    public static Option<string> ForCapture() => Create(
        "auto (the default: afpacket for an Ethernet or loopback interface on Linux; libpcap for \"any\", other link types and wherever AF_PACKET does not exist), afpacket (our own TPACKET_V3 ring, Linux only) or libpcap (the system's libpcap or Npcap, through SharpPcap).");

    /// <summary>The option of <c>replay</c> and <c>craft --send</c>.</summary>
    public static Option<string> ForSending() => Create(
        "auto (the default: afpacket on Linux, libpcap elsewhere), afpacket (an AF_PACKET socket, Linux only) or libpcap (pcap_sendpacket, through SharpPcap).");

    private static Option<string> Create(string description)
    {
        var option = new Option<string>("--backend")
        {
            Description = description,
            HelpName = string.Join('|', CaptureBackends.Names),
            DefaultValueFactory = _ => CaptureBackends.Auto,
        };
        option.AcceptOnlyFromAmong(CaptureBackends.Names);
        return option;
    }
}
