using Microsoft.Win32.SafeHandles;

namespace RawNet.Capture.Sources.AfPacket;

/// <summary>Owns an AF_PACKET socket's file descriptor; closing it also drops the promiscuous membership and the ring.</summary>
internal sealed class SafePacketSocketHandle : SafeHandleMinusOneIsInvalid
{
    public SafePacketSocketHandle()
        : base(ownsHandle: true)
    {
    }

    internal SafePacketSocketHandle(int fd)
        : base(ownsHandle: true) => SetHandle(fd);

    protected override bool ReleaseHandle() => Interop.PacketSocket.Close(handle) == 0;
}
