using System.Runtime.InteropServices;

namespace RawNet.Capture.Sources.AfPacket;

internal static partial class Interop
{
    /// <summary>AF_PACKET sockets: &lt;sys/socket.h&gt;, &lt;linux/if_packet.h&gt;, &lt;linux/filter.h&gt;.</summary>
    internal static unsafe partial class PacketSocket
    {
        internal const int AddressFamilyPacket = 17;                  // AF_PACKET
        internal const int SockRaw = 3;                     // SOCK_RAW
        internal const int SockCloexec = 0x80000;           // SOCK_CLOEXEC
        internal const ushort EthPAll = 0x0003;             // ETH_P_ALL (host order)

        internal const int SolSocket = 1;                   // SOL_SOCKET
        internal const int SoError = 4;                     // SO_ERROR
        internal const int SoAttachFilter = 26;             // SO_ATTACH_FILTER

        internal const int SolPacket = 263;                 // SOL_PACKET
        internal const int PacketAddMembership = 1;         // PACKET_ADD_MEMBERSHIP
        internal const int PacketRxRing = 5;                // PACKET_RX_RING
        internal const int PacketStatistics = 6;            // PACKET_STATISTICS
        internal const int PacketVersion = 10;              // PACKET_VERSION
        internal const int TPacketV3 = 2;                   // TPACKET_V3
        internal const int PacketQdiscBypass = 20;          // PACKET_QDISC_BYPASS: sends go straight to the driver
        internal const int PacketIgnoreOutgoing = 23;       // PACKET_IGNORE_OUTGOING (Linux 4.20): no copies of what leaves the interface
        internal const int PacketFanout = 18;               // PACKET_FANOUT: join a group that shares the interface's frames
        internal const int PacketFanoutHash = 0;            // PACKET_FANOUT_HASH: by the frame's (symmetric) flow hash
        internal const int PacketFanoutFlagUniqueId = 0x2000; // PACKET_FANOUT_FLAG_UNIQUEID (Linux 4.18): the kernel picks an unused group id
        internal const ushort PacketMrPromisc = 1;          // PACKET_MR_PROMISC

        internal const byte PacketOutgoing = 4;             // PACKET_OUTGOING (sll_pkttype)
        internal const ushort ArphrdEther = 1;              // ARPHRD_ETHER
        internal const ushort ArphrdLoopback = 772;         // ARPHRD_LOOPBACK

        /// <summary>struct sockaddr_ll (20 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct SockaddrLl
        {
            internal ushort Family;         // sll_family
            internal ushort Protocol;       // sll_protocol, network order
            internal int IfIndex;           // sll_ifindex
            internal ushort HaType;         // sll_hatype (ARPHRD_*)
            internal byte PacketType;       // sll_pkttype (PACKET_*)
            internal byte HaLength;         // sll_halen
            internal fixed byte Address[8]; // sll_addr
        }

        /// <summary>struct packet_mreq (16 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct PacketMreq
        {
            internal int IfIndex;           // mr_ifindex
            internal ushort Type;           // mr_type (PACKET_MR_*)
            internal ushort AddressLength;  // mr_alen
            internal fixed byte Address[8]; // mr_address
        }

        /// <summary>struct sock_fprog { unsigned short len; struct sock_filter *filter; } (16 bytes on 64-bit).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct SockFprog
        {
            internal ushort Length;
            internal void* Filter;
        }

        /// <summary>struct tpacket_stats_v3 (12 bytes); the kernel zeroes it after each read.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct TPacketStatsV3
        {
            internal uint Packets;          // tp_packets: frames that passed the filter, drops included
            internal uint Drops;            // tp_drops
            internal uint FreezeQueueCount; // tp_freeze_q_cnt
        }

        // int socket(int domain, int type, int protocol);
        [LibraryImport(Libraries.Libc, EntryPoint = "socket", SetLastError = true)]
        internal static partial int Socket(int domain, int type, int protocol);

        // int bind(int sockfd, const struct sockaddr *addr, socklen_t addrlen);
        [LibraryImport(Libraries.Libc, EntryPoint = "bind", SetLastError = true)]
        internal static partial int Bind(SafePacketSocketHandle fd, SockaddrLl* address, int addressLength);

        // int getsockname(int sockfd, struct sockaddr *addr, socklen_t *addrlen);
        [LibraryImport(Libraries.Libc, EntryPoint = "getsockname", SetLastError = true)]
        internal static partial int GetSockName(SafePacketSocketHandle fd, SockaddrLl* address, int* addressLength);

        // int setsockopt(int sockfd, int level, int optname, const void *optval, socklen_t optlen);
        [LibraryImport(Libraries.Libc, EntryPoint = "setsockopt", SetLastError = true)]
        internal static partial int SetSockOpt(SafePacketSocketHandle fd, int level, int name, void* value, int length);

        // int getsockopt(int sockfd, int level, int optname, void *optval, socklen_t *optlen);
        [LibraryImport(Libraries.Libc, EntryPoint = "getsockopt", SetLastError = true)]
        internal static partial int GetSockOpt(SafePacketSocketHandle fd, int level, int name, void* value, int* length);

        // unsigned int if_nametoindex(const char *ifname);
        [LibraryImport(Libraries.Libc, EntryPoint = "if_nametoindex", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial uint IfNameToIndex(string name);

        // int close(int fd);
        [LibraryImport(Libraries.Libc, EntryPoint = "close", SetLastError = true)]
        internal static partial int Close(nint fd);
    }
}
