using System.Runtime.InteropServices;

namespace RawNet.Capture.Sources.AfPacket;

internal static partial class Interop
{
    /// <summary>The TPACKET_V3 receive ring: &lt;linux/if_packet.h&gt; and mmap(2).</summary>
    internal static unsafe partial class PacketRing
    {
        internal const uint TpStatusKernel = 0;             // TP_STATUS_KERNEL
        internal const uint TpStatusUser = 1;               // TP_STATUS_USER
        internal const uint TpStatusVlanValid = 0x10;       // TP_STATUS_VLAN_VALID
        internal const uint TpStatusVlanTpidValid = 0x40;   // TP_STATUS_VLAN_TPID_VALID

        internal const int ProtRead = 1;                    // PROT_READ
        internal const int ProtWrite = 2;                   // PROT_WRITE
        internal const int MapShared = 1;                   // MAP_SHARED
        internal static readonly nint MapFailed = -1;       // MAP_FAILED

        /// <summary>TPACKET_ALIGN(sizeof(struct tpacket3_hdr)): where the sockaddr_ll after each packet header starts.</summary>
        internal const int SockaddrOffset = 48;

        /// <summary>struct tpacket_req3 (28 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct TPacketReq3
        {
            internal uint BlockSize;        // tp_block_size
            internal uint BlockCount;       // tp_block_nr
            internal uint FrameSize;        // tp_frame_size
            internal uint FrameCount;       // tp_frame_nr
            internal uint RetireTimeoutMs;  // tp_retire_blk_tov
            internal uint SizeofPriv;       // tp_sizeof_priv
            internal uint FeatureRequest;   // tp_feature_req_word
        }

        /// <summary>struct tpacket_block_desc with its tpacket_hdr_v1 (48 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct TPacketBlockDesc
        {
            internal uint Version;
            internal uint OffsetToPriv;
            internal uint BlockStatus;          // block_status: TP_STATUS_KERNEL or TP_STATUS_USER
            internal uint PacketCount;          // num_pkts
            internal uint OffsetToFirstPacket;  // offset_to_first_pkt
            internal uint BlockLength;          // blk_len
            internal ulong SequenceNumber;      // seq_num
            internal ulong FirstPacketTime;     // ts_first_pkt
            internal ulong LastPacketTime;      // ts_last_pkt
        }

        /// <summary>struct tpacket3_hdr (48 bytes), followed at <see cref="SockaddrOffset"/> by a struct sockaddr_ll.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct TPacket3Hdr
        {
            internal uint NextOffset;       // tp_next_offset (0 on the block's last packet)
            internal uint Seconds;          // tp_sec
            internal uint Nanoseconds;      // tp_nsec
            internal uint SnapLength;       // tp_snaplen
            internal uint Length;           // tp_len
            internal uint Status;           // tp_status
            internal ushort MacOffset;      // tp_mac
            internal ushort NetOffset;      // tp_net
            internal uint RxHash;           // hv1.tp_rxhash
            internal uint VlanTci;          // hv1.tp_vlan_tci
            internal ushort VlanTpid;       // hv1.tp_vlan_tpid
            internal ushort Padding;
            internal ulong Padding2;        // tp_padding[8]
        }

        // void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
        [LibraryImport(Libraries.Libc, EntryPoint = "mmap", SetLastError = true)]
        internal static partial nint Mmap(nint address, nuint length, int protection, int flags, SafePacketSocketHandle fd, long offset);

        // int munmap(void *addr, size_t length);
        [LibraryImport(Libraries.Libc, EntryPoint = "munmap", SetLastError = true)]
        internal static partial int Munmap(nint address, nuint length);
    }
}
