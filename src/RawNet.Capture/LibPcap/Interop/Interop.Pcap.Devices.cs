using System.Runtime.InteropServices;

namespace RawNet.Capture.LibPcap;

internal static partial class Interop
{
    internal static unsafe partial class Pcap
    {
        internal const int ErrorBufferSize = 256; // PCAP_ERRBUF_SIZE

        internal const uint IfLoopback = 0x1;  // PCAP_IF_LOOPBACK
        internal const uint IfUp = 0x2;        // PCAP_IF_UP
        internal const uint IfRunning = 0x4;   // PCAP_IF_RUNNING
        internal const uint IfWireless = 0x8;  // PCAP_IF_WIRELESS

        /// <summary>struct pcap_if { struct pcap_if *next; char *name; char *description; struct pcap_addr *addresses; bpf_u_int32 flags; };</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct PcapIf
        {
            internal PcapIf* Next;
            internal byte* Name;
            internal byte* Description;
            internal PcapAddr* Addresses;
            internal uint Flags;
        }

        /// <summary>struct pcap_addr { struct pcap_addr *next; struct sockaddr *addr, *netmask, *broadaddr, *dstaddr; };</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct PcapAddr
        {
            internal PcapAddr* Next;
            internal byte* Addr;
            internal byte* Netmask;
            internal byte* BroadAddr;
            internal byte* DstAddr;
        }

        // int pcap_findalldevs(pcap_if_t **alldevsp, char *errbuf);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_findalldevs")]
        internal static partial int FindAllDevs(PcapIf** allDevs, byte* errorBuffer);

        // void pcap_freealldevs(pcap_if_t *alldevs);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_freealldevs")]
        internal static partial void FreeAllDevs(PcapIf* allDevs);
    }
}
