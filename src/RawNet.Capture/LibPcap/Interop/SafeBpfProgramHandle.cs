using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace RawNet.Capture.LibPcap;

/// <summary>
/// Owns a <c>struct bpf_program</c> that pcap_compile filled: the struct lives in native memory allocated here,
/// its instructions belong to libpcap and are released with <c>pcap_freecode</c>.
/// </summary>
internal sealed unsafe class SafeBpfProgramHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private SafeBpfProgramHandle()
        : base(ownsHandle: true)
    {
        SetHandle((nint)NativeMemory.AllocZeroed((nuint)sizeof(Interop.Pcap.BpfProgramNative)));
    }

    /// <summary>A zeroed struct for pcap_compile to fill.</summary>
    internal static SafeBpfProgramHandle Allocate() => new();

    /// <summary>The struct; valid while this handle is alive.</summary>
    internal Interop.Pcap.BpfProgramNative* Program => (Interop.Pcap.BpfProgramNative*)handle;

    /// <summary>Set once pcap_compile succeeded, so that only filled programs go to pcap_freecode.</summary>
    internal bool Compiled { get; set; }

    protected override bool ReleaseHandle()
    {
        if (Compiled)
            Interop.Pcap.FreeCode(Program);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
