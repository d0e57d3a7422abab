using System.Runtime.InteropServices;

namespace RawNet.Capture.Sources.AfPacket;

/// <summary>Owns the mmap'ed TPACKET_V3 ring; released with munmap.</summary>
internal sealed class SafeRingMappingHandle : SafeHandle
{
    internal SafeRingMappingHandle(nint address, nuint length)
        : base(Interop.PacketRing.MapFailed, ownsHandle: true)
    {
        SetHandle(address);
        Length = length;
    }

    /// <summary>Bytes mapped.</summary>
    internal nuint Length { get; }

    public override bool IsInvalid => handle == Interop.PacketRing.MapFailed || handle == 0;

    protected override bool ReleaseHandle() => Interop.PacketRing.Munmap(handle, Length) == 0;
}
