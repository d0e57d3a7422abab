using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using RawNet.Capture.LibPcap;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Ethernet;
using PacketSocket = RawNet.Capture.Sources.AfPacket.Interop.PacketSocket;

namespace RawNet.Capture.Injection;

/// <summary>
/// Sends one whole frame, Ethernet header included, through an AF_PACKET SOCK_RAW socket bound to an interface: the
/// kernel adds nothing (no checksum, no padding), so what the wire carries is byte for byte what was built.
/// </summary>
public static unsafe partial class LinkSender
{
    private const ulong SiocGifMtu = 0x8921;        // SIOCGIFMTU
    private const ulong SiocGifHwAddr = 0x8927;     // SIOCGIFHWADDR

    /// <summary>struct ifreq (40 bytes): the name, then a union (an int for the MTU, a sockaddr for the hardware address).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 40)]
    private struct IfReq
    {
        internal fixed byte Name[16];
        internal ushort Family;
        internal fixed byte Data[22];
    }

    // ssize_t send(int sockfd, const void *buf, size_t len, int flags);
    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    private static partial nint SendBytes(SafePacketSocketHandle fd, byte* buffer, nuint length, int flags);

    // int ioctl(int fd, unsigned long request, ...);
    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int IoCtl(SafePacketSocketHandle fd, ulong request, IfReq* request_);

    /// <summary>
    /// The default frame to <paramref name="to"/>: Ethernet from <paramref name="device"/>'s MAC to
    /// <paramref name="destinationMac"/> (or the neighbour table's entry for <paramref name="to"/>), then IP, UDP or TCP
    /// and the payload, every length and checksum filled by RawNet. Call inside the namespace the frame leaves from;
    /// <paramref name="netns"/> names it for <c>ip neigh</c>.
    /// </summary>
    public static byte[] BuildFrame(string device, IPEndPoint to, IPEndPoint? from, byte[] payload, HeaderOptions headers, PhysicalAddress? destinationMac, string? netns)
    {
        using var socket = Open(device, out _);
        var source = new PhysicalAddress(HardwareAddress(socket, device));
        var destination = destinationMac ?? Neighbour(device, to.Address, netns)
            ?? throw new SendFailure($"no neighbour entry for {to.Address} on {device}: ping it once, or give --dst-mac");
        var sourceAddress = from?.Address ?? HeaderOptions.SourceFor(to.Address);
        var builder = new PacketBuilder(payload.Length + 128).SetPayload(payload);
        headers.PrependTransport(builder, (ushort)(from?.Port is > 0 ? from.Port : 40000), (ushort)to.Port, zeroChecksum: false);
        headers.PrependIp(builder, sourceAddress, to.Address);
        builder.Prepend(new EthernetSpec { Source = source, Destination = destination });
        return builder.ToArray();
    }

    /// <summary>
    /// Sends <paramref name="frame"/> out of <paramref name="device"/> as it is, through <paramref name="backend"/>
    /// (<see cref="CaptureBackends.ForSending(string)"/> picks for auto: AF_PACKET on Linux, pcap_sendpacket elsewhere).
    /// </summary>
    public static SendOutcome Send(string device, byte[] frame, string backend = CaptureBackends.Auto)
    {
        backend = CaptureBackends.ForSending(backend);
        if (CaptureBackends.Unavailable(backend) is { } unavailable)
            throw new SendFailure(unavailable);
        return backend == CaptureBackends.LibPcap ? SendWithLibPcap(device, frame) : SendOnSocket(device, frame);
    }

    private static SendOutcome SendWithLibPcap(string device, byte[] frame)
    {
        try
        {
            using var sender = PcapFrameSender.Open(device);
            return sender.Send(frame) switch
            {
                PcapFrameSender.Outcome.Sent => new SendOutcome([$"link: {device} (libpcap): sent one {frame.Length}-byte frame exactly as built with pcap_sendpacket; libpcap and the kernel add nothing"], frame),
                PcapFrameSender.Outcome.TooLong => throw new SendFailure($"message too long: the {frame.Length}-byte frame does not fit {device}'s MTU (plus 14 of Ethernet header)"),
                _ => throw new SendFailure($"{device}'s queue is full (ENOBUFS): try again"),
            };
        }
        catch (LibPcapUnavailableException e)
        {
            throw new SendFailure(e.Message);
        }
        catch (PcapException e)
        {
            throw e.Status switch
            {
                LibPcapCaptureSource.PermissionDeniedStatus => SendFailure.NoPrivilege("link"),
                LibPcapCaptureSource.NoSuchDeviceStatus => new SendFailure($"{device}: No such interface (see rawnet interfaces, or ip link in the namespace)"),
                _ => new SendFailure($"link send on {device} failed: {e.Message}"),
            };
        }
    }

    private static SendOutcome SendOnSocket(string device, byte[] frame)
    {
        using var socket = Open(device, out int index);
        nint n;
        fixed (byte* p = frame)
            n = SendBytes(socket, p, (nuint)frame.Length, 0);
        if (n < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            const int EMSGSIZE = 90, ENETDOWN = 100, ENXIO = 6;
            throw errno switch
            {
                EMSGSIZE => new SendFailure($"message too long: the {frame.Length}-byte frame does not fit {device}'s MTU of {Mtu(socket, device)} bytes (plus 14 of Ethernet header)"),
                ENETDOWN or ENXIO => new SendFailure($"{device} is down (ip link set {device} up)"),
                _ => new SendFailure($"link send on {device} failed: {Marshal.GetPInvokeErrorMessage(errno)}"),
            };
        }
        return new SendOutcome([$"link: {device} (ifindex {index}): sent one {n}-byte frame exactly as built; the kernel adds nothing"], frame);
    }

    private static SafePacketSocketHandle Open(string device, out int index)
    {
        // Protocol 0: the socket sends but receives nothing.
        int fd = PacketSocket.Socket(PacketSocket.AddressFamilyPacket, PacketSocket.SockRaw | PacketSocket.SockCloexec, 0);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw errno is 1 or 13 ? SendFailure.NoPrivilege("link") : new SendFailure($"socket(AF_PACKET) failed: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        var socket = new SafePacketSocketHandle(fd);
        index = (int)PacketSocket.IfNameToIndex(device);
        var address = new PacketSocket.SockaddrLl { Family = PacketSocket.AddressFamilyPacket, IfIndex = index };
        if (index == 0 || PacketSocket.Bind(socket, &address, sizeof(PacketSocket.SockaddrLl)) != 0)
        {
            socket.Dispose();
            throw new SendFailure($"{device}: No such interface (see rawnet interfaces, or ip link in the namespace)");
        }
        return socket;
    }

    private static IfReq Request(SafePacketSocketHandle socket, string device, ulong request)
    {
        var ifr = new IfReq();
        var name = System.Text.Encoding.ASCII.GetBytes(device);
        for (int i = 0; i < Math.Min(name.Length, 15); i++)
            ifr.Name[i] = name[i];
        if (IoCtl(socket, request, &ifr) != 0)
            throw new SendFailure($"{device}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        return ifr;
    }

    private static byte[] HardwareAddress(SafePacketSocketHandle socket, string device)
    {
        var ifr = Request(socket, device, SiocGifHwAddr);
        var mac = new byte[6];
        for (int i = 0; i < 6; i++)
            mac[i] = ifr.Data[i];
        return mac;
    }

    private static int Mtu(SafePacketSocketHandle socket, string device)
    {
        var ifr = Request(socket, device, SiocGifMtu);
        // The int sits where the sockaddr's family starts.
        return ifr.Family | ifr.Data[0] << 16 | ifr.Data[1] << 24;
    }

    /// <summary>The link-layer address <c>ip neigh</c> knows for <paramref name="address"/> on <paramref name="device"/>, or null.</summary>
    private static PhysicalAddress? Neighbour(string device, IPAddress address, string? netns)
    {
        var psi = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (netns is not null)
        {
            psi.ArgumentList.Add("-n");
            psi.ArgumentList.Add(netns);
        }
        foreach (var a in (string[])["neigh", "show", address.ToString(), "dev", device])
            psi.ArgumentList.Add(a);
        using var ip = Process.Start(psi);
        if (ip is null)
            return null;
        string text = ip.StandardOutput.ReadToEnd();
        ip.WaitForExit(5000);
        var words = text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        int at = Array.IndexOf(words, "lladdr");
        return at >= 0 && at + 1 < words.Length && words[^1] != "FAILED" ? PhysicalAddress.Parse(words[at + 1].Replace(':', '-').ToUpperInvariant()) : null;
    }
}
