using System.Runtime.InteropServices;

namespace RawNet.Capture.Bpf;

/// <summary>One classic BPF instruction, laid out exactly like <c>struct bpf_insn</c> (8 bytes) so programs can be copied to and from libpcap and the kernel.</summary>
/// <param name="Code">Opcode: class, size, mode, operation and source bits (see <see cref="BpfOpcode"/>).</param>
/// <param name="JumpTrue">Instructions to skip when a conditional jump is taken.</param>
/// <param name="JumpFalse">Instructions to skip when a conditional jump is not taken.</param>
/// <param name="K">The generic operand: offset, constant, scratch index or jump distance.</param>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct BpfInstruction(ushort Code, byte JumpTrue, byte JumpFalse, uint K)
{
    /// <summary>An instruction without jump offsets.</summary>
    public static BpfInstruction Statement(ushort code, uint k) => new(code, 0, 0, k);

    /// <summary>A conditional jump.</summary>
    public static BpfInstruction Jump(ushort code, uint k, byte jumpTrue, byte jumpFalse) => new(code, jumpTrue, jumpFalse, k);

    /// <summary>The <c>tcpdump -dd</c> form: <c>{ 0x28, 0, 0, 0x0000000c }</c>.</summary>
    public override string ToString() => $"{{ 0x{Code:x2}, {JumpTrue}, {JumpFalse}, 0x{K:x8} }}";
}
