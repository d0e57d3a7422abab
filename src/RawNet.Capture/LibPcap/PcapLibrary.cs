using RawNet.Capture.Bpf;

namespace RawNet.Capture.LibPcap;

/// <summary>The system's libpcap: whether it is there, its version, and its own BPF interpreter (an oracle for ours).</summary>
public static unsafe class PcapLibrary
{
    /// <summary>Whether libpcap loaded; false on a machine without the <c>libpcap0.8</c> package.</summary>
    public static bool IsAvailable => LibPcapLoader.Default.IsAvailable;

    /// <summary>pcap_lib_version's text, e.g. <c>libpcap version 1.10.3 (with TPACKET_V3)</c>.</summary>
    public static string Version
    {
        get
        {
            EnsureAvailable();
            return Interop.Pcap.PtrToString(Interop.Pcap.LibVersion()) ?? "";
        }
    }

    /// <summary>Runs <paramref name="program"/> with libpcap's <c>pcap_offline_filter</c>: the bytes to keep, 0 to reject.</summary>
    public static uint OfflineFilter(BpfProgram program, ReadOnlySpan<byte> packet, int wireLength)
    {
        ArgumentNullException.ThrowIfNull(program);
        EnsureAvailable();
        var header = new Interop.Pcap.PacketHeader { CapturedLength = (uint)packet.Length, Length = (uint)wireLength };
        fixed (BpfInstruction* instructions = program.Instructions)
        fixed (byte* data = packet)
        {
            var native = new Interop.Pcap.BpfProgramNative { Length = (uint)program.Instructions.Length, Instructions = instructions };
            return (uint)Interop.Pcap.OfflineFilter(&native, &header, data);
        }
    }

    /// <summary>Throws <see cref="LibPcapUnavailableException"/> unless libpcap loaded; every entry point calls it before its first import.</summary>
    internal static void EnsureAvailable() => LibPcapLoader.Default.EnsureAvailable();

    /// <summary>"status text: pcap_geterr text" for a failed call on <paramref name="pcap"/>.</summary>
    internal static string Describe(SafePcapHandle pcap, int status, string call)
    {
        var statusText = Interop.Pcap.PtrToString(Interop.Pcap.StatusToStr(status));
        var detail = Interop.Pcap.PtrToString(Interop.Pcap.GetErr(pcap));
        return string.IsNullOrEmpty(detail) ? $"{call}: {statusText}" : $"{call}: {statusText}: {detail}";
    }
}
