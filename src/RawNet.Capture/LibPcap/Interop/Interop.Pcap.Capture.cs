using System.Runtime.InteropServices;

namespace RawNet.Capture.LibPcap;

internal static partial class Interop
{
    internal static unsafe partial class Pcap
    {
        internal const int Error = -1;          // PCAP_ERROR
        internal const int ErrorBreak = -2;     // PCAP_ERROR_BREAK

        /// <summary>struct pcap_pkthdr { struct timeval ts; bpf_u_int32 caplen; bpf_u_int32 len; }; timeval is two C longs.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct PacketHeader
        {
            internal nint Seconds;
            internal nint Microseconds;
            internal uint CapturedLength;
            internal uint Length;
        }

        /// <summary>struct pcap_stat { u_int ps_recv; u_int ps_drop; u_int ps_ifdrop; }; (Linux layout, no Windows fields).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct Stat
        {
            internal uint Received;
            internal uint Dropped;
            internal uint InterfaceDropped;
        }

        // const char *pcap_lib_version(void);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_lib_version")]
        internal static partial byte* LibVersion();

        // pcap_t *pcap_create(const char *source, char *errbuf);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_create", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial SafePcapHandle Create(string source, byte* errorBuffer);

        // void pcap_close(pcap_t *p);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_close")]
        internal static partial void Close(nint p);

        // int pcap_set_snaplen(pcap_t *p, int snaplen);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_set_snaplen")]
        internal static partial int SetSnaplen(SafePcapHandle p, int snaplen);

        // int pcap_set_promisc(pcap_t *p, int promisc);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_set_promisc")]
        internal static partial int SetPromisc(SafePcapHandle p, int promisc);

        // int pcap_set_buffer_size(pcap_t *p, int buffer_size);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_set_buffer_size")]
        internal static partial int SetBufferSize(SafePcapHandle p, int bufferSize);

        // int pcap_set_immediate_mode(pcap_t *p, int immediate_mode);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_set_immediate_mode")]
        internal static partial int SetImmediateMode(SafePcapHandle p, int immediateMode);

        // int pcap_set_timeout(pcap_t *p, int to_ms);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_set_timeout")]
        internal static partial int SetTimeout(SafePcapHandle p, int timeoutMilliseconds);

        // int pcap_activate(pcap_t *p);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_activate")]
        internal static partial int Activate(SafePcapHandle p);

        // const char *pcap_statustostr(int error);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_statustostr")]
        internal static partial byte* StatusToStr(int error);

        // char *pcap_geterr(pcap_t *p);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_geterr")]
        internal static partial byte* GetErr(SafePcapHandle p);

        // int pcap_datalink(pcap_t *p);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_datalink")]
        internal static partial int Datalink(SafePcapHandle p);

        // int pcap_next_ex(pcap_t *p, struct pcap_pkthdr **pkt_header, const u_char **pkt_data);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_next_ex")]
        internal static partial int NextEx(SafePcapHandle p, PacketHeader** header, byte** data);

        // int pcap_stats(pcap_t *p, struct pcap_stat *ps);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_stats")]
        internal static partial int Stats(SafePcapHandle p, Stat* stats);

        // void pcap_breakloop(pcap_t *p);
        [LibraryImport(Libraries.LibPcap, EntryPoint = "pcap_breakloop")]
        internal static partial void BreakLoop(SafePcapHandle p);

        /// <summary>A NUL-terminated string libpcap owns (never freed here), or null.</summary>
        internal static string? PtrToString(byte* text) => text is null ? null : Marshal.PtrToStringUTF8((nint)text);
    }
}
