using System.Runtime.InteropServices;
using RawNet.Capture.Injection;

namespace RawNet.Capture.Lab.Link;

/// <summary>
/// Turns a veth's transmit checksum offload off through the SIOCETHTOOL ioctl (what <c>ethtool -K DEV tx off</c> does,
/// without needing ethtool). A veth normally hands frames on with their TCP and UDP checksums left for hardware that
/// does not exist (CHECKSUM_PARTIAL) and with TCP segments of up to 64 KiB (TSO); a packet socket reads both as they
/// are, and a frame re-sent from one would arrive with a wrong checksum, or be too long to send. With the offload off
/// the kernel completes every checksum, and, TSO needing it, cuts segments to the MTU before the veth.
/// </summary>
internal static unsafe partial class ChecksumOffload
{
    private const ulong SiocEthtool = 0x8946;       // SIOCETHTOOL
    private const uint EthtoolSetTxChecksum = 0x17; // ETHTOOL_STXCSUM
    private const int AddressFamilyInet = 2;        // AF_INET
    private const int SockDgram = 2;                // SOCK_DGRAM
    private const int SockCloexec = 0x80000;        // SOCK_CLOEXEC

    /// <summary>struct ethtool_value.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct EthtoolValue
    {
        internal uint Command;
        internal uint Data;
    }

    /// <summary>struct ifreq with ifr_data (40 bytes).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 40)]
    private struct IfReqData
    {
        internal fixed byte Name[16];
        internal void* Data;
    }

    // int socket(int domain, int type, int protocol);
    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static partial int Socket(int domain, int type, int protocol);

    // int ioctl(int fd, unsigned long request, ...);
    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int IoCtl(int fd, ulong request, IfReqData* request_);

    // int close(int fd);
    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>Turns transmit checksumming (and with it TSO) off on <paramref name="device"/> in namespace <paramref name="ns"/>.</summary>
    /// <exception cref="LabException">The kernel refused.</exception>
    internal static void TurnOff(string ns, string device) => NetworkNamespace.Run(ns, () =>
    {
        var fd = Socket(AddressFamilyInet, SockDgram | SockCloexec, 0);
        if (fd < 0)
            throw new LabException($"socket for ethtool in {ns} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        try
        {
            var value = new EthtoolValue { Command = EthtoolSetTxChecksum, Data = 0 };
            var request = new IfReqData { Data = &value };
            var name = System.Text.Encoding.ASCII.GetBytes(device);
            for (var i = 0; i < Math.Min(name.Length, 15); i++)
                request.Name[i] = name[i];
            if (IoCtl(fd, SiocEthtool, &request) != 0)
                throw new LabException($"turning checksum offload off on {device} in {ns} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            return 0;
        }
        finally
        {
            Close(fd);
        }
    });
}
