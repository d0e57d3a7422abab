using Microsoft.Win32.SafeHandles;

namespace RawNet.Capture.LibPcap;

/// <summary>Owns a <c>pcap_t *</c>; released with <c>pcap_close</c>.</summary>
internal sealed class SafePcapHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafePcapHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Interop.Pcap.Close(handle);
        return true;
    }
}
