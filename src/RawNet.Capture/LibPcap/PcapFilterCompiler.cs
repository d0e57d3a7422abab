using System.Runtime.InteropServices;
using RawNet.Capture.Bpf;
using RawNet.Protocols;

namespace RawNet.Capture.LibPcap;

/// <summary>
/// pcap_compile through SharpPcap, copying the instructions out so nothing native outlives the call: the kernel
/// (AF_PACKET's SO_ATTACH_FILTER), libpcap's pcap_setfilter and our own interpreter all take the copy.
/// </summary>
/// <remarks>
/// SharpPcap compiles for a link type on <c>pcap_open_dead(linktype, 65536)</c>, a snapshot length it does not let us
/// choose, and libpcap writes that length into every accepting <c>ret</c>. A filter program's only returns are "keep
/// snaplen bytes" and "drop" (<c>ret #0</c>), so the accepting ones are set back to the length asked for: what
/// <c>tcpdump -dd</c> prints for the same expression.
/// </remarks>
internal static unsafe class PcapFilterCompiler
{
    /// <summary>The snapshot length SharpPcap compiles with (its internal <c>Pcap.MAX_PACKET_SIZE</c>).</summary>
    private const uint SharpPcapSnapLength = 65536;

    private const ushort ReturnConstant = BpfOpcode.Ret | BpfOpcode.K;

    /// <summary>PCAP_NETMASK_UNKNOWN: <c>ip broadcast</c> is then refused, as tcpdump refuses it on a file.</summary>
    private const uint NetmaskUnknown = 0xffffffff;

    /// <summary>struct bpf_program { u_int bf_len; struct bpf_insn *bf_insns; }, which SharpPcap's handle points to.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct NativeProgram
    {
        internal uint Length;
        internal BpfInstruction* Instructions;
    }

    internal static BpfInstruction[] Compile(string expression, LinkType linkType, int snaplen, bool optimize)
    {
        PcapLibrary.EnsureAvailable();
        using var program = CompileNative(expression, linkType, optimize);
        var native = (NativeProgram*)program.DangerousGetHandle();
        var instructions = new ReadOnlySpan<BpfInstruction>(native->Instructions, (int)native->Length).ToArray();
        for (int i = 0; i < instructions.Length; i++)
        {
            if (instructions[i] is { Code: ReturnConstant, K: SharpPcapSnapLength })
                instructions[i] = BpfInstruction.Statement(ReturnConstant, (uint)snaplen);
        }
        return instructions;
    }

    /// <summary>SharpPcap's compiled program, for callers that run it in libpcap itself (<see cref="SharpPcap.LibPcap.BpfProgram.Matches(nint, nint)"/>).</summary>
    /// <exception cref="BpfCompileException">pcap_compile refused the expression; its message is pcap's.</exception>
    internal static SharpPcap.LibPcap.BpfProgram CompileNative(string expression, LinkType linkType, bool optimize)
    {
        PcapLibrary.EnsureAvailable();
        try
        {
            return SharpPcap.LibPcap.BpfProgram.Create(
                (PacketDotNet.LinkLayers)PcapLinkTypes.ToDlt(linkType), expression, optimize ? 1 : 0, NetmaskUnknown);
        }
        catch (SharpPcap.PcapException e)
        {
            throw new BpfCompileException(expression, e.Message);
        }
    }
}
