using RawNet.Capture.Bpf;
using static RawNet.Capture.Bpf.BpfOpcode;
using static RawNet.Capture.Tests.Bpf.BpfAsm;

namespace RawNet.Capture.Tests.Bpf;

public sealed class BpfValidationTests
{
    public static TheoryData<string, BpfInstruction[], string> BadPrograms() => new()
    {
        { "empty", [], "empty program" },
        { "no RET at the end", [S(Ld | Imm, 1)], "not a RET" },
        { "falls off the end after a jump", [J(Jmp | Jeq | K, 0, 0, 1), RetK(1), S(Ld | Imm, 0)], "not a RET" },
        { "jt out of range", [J(Jmp | Jeq | K, 0, 1, 0), RetK(1)], "past the end" },
        { "jf out of range", [J(Jmp | Jgt | X, 0, 0, 200), RetK(1)], "past the end" },
        { "ja out of range", [S(Jmp | Ja, 1), RetK(1)], "past the end" },
        { "ja backwards (k wraps)", [RetK(0), S(Jmp | Ja, 0xfffffffe), RetK(1)], "past the end" },
        { "unknown class bits", [S(0xffff), RetK(1)], "unknown opcode" },
        { "ret x", [S(Ret | X), RetK(1)], "unknown opcode" },
        { "halfword immediate load", [S(Ld | H | Imm, 1), RetK(1)], "unknown opcode" },
        { "unknown alu op", [S(Alu | 0xb0 | K, 1), RetK(1)], "unknown opcode" },
        { "unknown jump op", [J(Jmp | 0x50 | K, 1, 0, 0), RetK(1)], "unknown opcode" },
        { "ld M[16]", [S(Ld | Mem, 16), RetK(1)], "scratch memory index 16" },
        { "ldx M[16]", [S(Ldx | Mem, 16), RetK(1)], "scratch memory index 16" },
        { "st M[16]", [S(St, 16), RetK(1)], "scratch memory index 16" },
        { "stx M[4294967295]", [S(Stx, uint.MaxValue), RetK(1)], "scratch memory index" },
        { "div by constant 0", [S(Alu | Div | K, 0), RetK(1)], "division by the constant 0" },
        { "mod by constant 0", [S(Alu | Mod | K, 0), RetK(1)], "division by the constant 0" },
        { "lsh by constant 32", [S(Alu | Lsh | K, 32), RetK(1)], "shift by 32" },
    };

    [Theory]
    [MemberData(nameof(BadPrograms))]
    public void Bad_programs_are_rejected_with_a_reason(string name, BpfInstruction[] instructions, string reason)
    {
        Assert.False(BpfInterpreter.TryValidate(instructions, out var error), name);
        Assert.Contains(reason, error);
        Assert.False(BpfProgram.TryCreate(instructions, out var program, out _));
        Assert.Null(program);
        var thrown = Assert.Throws<ArgumentException>(() => new BpfProgram(instructions));
        Assert.Contains(reason, thrown.Message);
    }

    [Fact]
    public void Good_programs_pass()
    {
        BpfInstruction[] instructions =
        [
            S(Ld | Mem, 15), S(St, 0), S(Alu | Div | K, 1), S(Alu | Rsh | K, 31),
            J(Jmp | Jeq | K, 0, 0, 1), S(Jmp | Ja, 0), RetA,
        ];
        Assert.True(BpfInterpreter.TryValidate(instructions, out var error), error);
        Assert.True(BpfProgram.TryCreate(instructions, out var program, out _));
        Assert.Equal(instructions, program!.Instructions.ToArray());
        Assert.Null(program.Expression);
    }

    [Fact]
    public void A_program_copies_its_instructions()
    {
        BpfInstruction[] instructions = [RetK(1)];
        var program = new BpfProgram(instructions);
        instructions[0] = S(Ld | Imm, 0);
        Assert.Equal(1u, program.Run([], 0));
    }

    [Fact]
    public void The_instruction_layout_is_struct_bpf_insn()
    {
        Assert.Equal(8, System.Runtime.CompilerServices.Unsafe.SizeOf<BpfInstruction>());
        Assert.Equal(8, System.Runtime.InteropServices.Marshal.SizeOf<BpfInstruction>());
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes<BpfInstruction>([new BpfInstruction(0x1234, 0x56, 0x78, 0x9abcdef0)]);
        Assert.Equal(new byte[] { 0x34, 0x12, 0x56, 0x78, 0xf0, 0xde, 0xbc, 0x9a }, bytes.ToArray());
    }
}
