using RawNet.Capture.Bpf;
using RawNet.Protocols;

namespace RawNet.Capture.LibPcap;

/// <summary>pcap_compile on a pcap_open_dead handle, copying the instructions out so nothing native outlives the call.</summary>
internal static unsafe class PcapFilterCompiler
{
    // pcap_compile kept global parser state before libpcap 1.8; one compile at a time is cheap insurance.
    private static readonly Lock s_compileLock = new();

    internal static BpfInstruction[] Compile(string expression, LinkType linkType, int snaplen, bool optimize)
    {
        PcapLibrary.EnsureAvailable();
        using var dead = Interop.Pcap.OpenDead(PcapLinkTypes.ToDlt(linkType), snaplen);
        if (dead.IsInvalid)
            throw new PcapException($"pcap_open_dead({linkType}, {snaplen}) failed", Interop.Pcap.Error);
        using var program = SafeBpfProgramHandle.Allocate();
        int status;
        lock (s_compileLock)
            status = Interop.Pcap.Compile(dead, program.Program, expression, optimize ? 1 : 0, Interop.Pcap.NetmaskUnknown);
        if (status != 0)
            throw new BpfCompileException(expression, Interop.Pcap.PtrToString(Interop.Pcap.GetErr(dead)) ?? "pcap_compile failed");
        program.Compiled = true;
        return new ReadOnlySpan<BpfInstruction>(program.Program->Instructions, (int)program.Program->Length).ToArray();
    }
}
