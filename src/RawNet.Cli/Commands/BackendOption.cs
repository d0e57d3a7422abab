using System.CommandLine;
using RawNet.Capture.Sources;

namespace RawNet.Cli.Commands;

/// <summary><c>--backend auto|afpacket|libpcap</c>, for the commands that capture and those that send whole frames; <c>--threads N</c> for those that capture.</summary>
internal static class BackendOption
{
    /// <summary>The option of <c>capture</c>.</summary>
    public static Option<string> ForCapture() => Create(
        "auto (the default: afpacket for an Ethernet or loopback interface on Linux; libpcap for \"any\", other link types and wherever AF_PACKET does not exist), afpacket (our own TPACKET_V3 ring, Linux only) or libpcap (the system's libpcap or Npcap, through SharpPcap).");

    /// <summary>The option of <c>replay</c> and <c>craft --send</c>.</summary>
    public static Option<string> ForSending() => Create(
        "auto (the default: afpacket on Linux, libpcap elsewhere), afpacket (an AF_PACKET socket, Linux only) or libpcap (pcap_sendpacket, through SharpPcap).");

    /// <summary>The <c>--threads</c> option of <c>capture</c> and <c>ui</c>: AF_PACKET sockets in one fanout group.</summary>
    public static Option<int> Threads() => new("--threads")
    {
        Description = $"Capture with this many AF_PACKET sockets in one PACKET_FANOUT group (frames shared by flow), each with its own ring and thread, merged back into timestamp order (default 1, at most {RawNet.Capture.Sources.AfPacket.AfPacketCaptureSource.MaxFanoutSockets}).",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

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
