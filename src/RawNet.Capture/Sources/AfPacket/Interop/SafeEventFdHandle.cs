using Microsoft.Win32.SafeHandles;

namespace RawNet.Capture.Sources.AfPacket;

/// <summary>Owns the eventfd that wakes a poll waiting in <see cref="AfPacketCaptureSource.TryNext"/>.</summary>
internal sealed class SafeEventFdHandle : SafeHandleMinusOneIsInvalid
{
    internal SafeEventFdHandle(int fd)
        : base(ownsHandle: true) => SetHandle(fd);

    protected override bool ReleaseHandle() => Interop.PacketSocket.Close(handle) == 0;
}
