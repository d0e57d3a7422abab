using System.Runtime.InteropServices;
using RawNet.Capture.Bpf;

namespace RawNet.Capture.LibPcap;

internal static partial class Interop
{
    internal static unsafe partial class Pcap
    {
        internal const uint NetmaskUnknown = 0xffffffff; // PCAP_NETMASK_UNKNOWN

        /// <summary>struct bpf_program { u_int bf_len; struct bpf_insn *bf_insns; };</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct BpfProgramNative
        {
            internal uint Length;
            internal BpfInstruction* Instructions;
        }

        // pcap_t *pcap_open_dead(int linktype, int snaplen);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_open_dead")]
        internal static partial SafePcapHandle OpenDead(int linkType, int snaplen);

        // int pcap_compile(pcap_t *p, struct bpf_program *fp, const char *str, int optimize, bpf_u_int32 netmask);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_compile", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Compile(SafePcapHandle p, BpfProgramNative* program, string expression, int optimize, uint netmask);

        // void pcap_freecode(struct bpf_program *fp);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_freecode")]
        internal static partial void FreeCode(BpfProgramNative* program);

        // int pcap_setfilter(pcap_t *p, struct bpf_program *fp);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_setfilter")]
        internal static partial int SetFilter(SafePcapHandle p, BpfProgramNative* program);

        // int pcap_offline_filter(const struct bpf_program *fp, const struct pcap_pkthdr *h, const u_char *pkt);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_offline_filter")]
        internal static partial int OfflineFilter(BpfProgramNative* program, PacketHeader* header, byte* packet);
    }
}
