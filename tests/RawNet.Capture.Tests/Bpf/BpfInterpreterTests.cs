using RawNet.Capture.Bpf;
using static RawNet.Capture.Bpf.BpfOpcode;
using static RawNet.Capture.Tests.Bpf.BpfAsm;

namespace RawNet.Capture.Tests.Bpf;

public sealed class BpfInterpreterTests
{
    private static readonly byte[] Packet = [0x45, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a];

    [Fact]
    public void Ret_returns_k_or_the_accumulator()
    {
        Assert.Equal(0x40000u, Program(RetK(0x40000)).Run(Packet, Packet.Length));
        Assert.Equal(7u, Program(S(Ld | Imm, 7), RetA).Run(Packet, Packet.Length));
        Assert.Equal(0u, Program(RetK(0)).Run(Packet, Packet.Length));
    }

    [Theory]
    [InlineData(Ld | W | Abs, 0u, 0x45020304u)]
    [InlineData(Ld | W | Abs, 6u, 0x0708090au)]
    [InlineData(Ld | H | Abs, 8u, 0x090au)]
    [InlineData(Ld | B | Abs, 9u, 0x0au)]
    public void Absolute_loads_are_big_endian(int code, uint offset, uint expected) =>
        Assert.Equal(expected, Program(S(code, offset), RetA).Run(Packet, Packet.Length));

    [Theory]
    [InlineData(Ld | W | Abs, 7u)]
    [InlineData(Ld | H | Abs, 9u)]
    [InlineData(Ld | B | Abs, 10u)]
    [InlineData(Ld | W | Abs, 0xffffffffu)]
    [InlineData(Ld | H | Abs, 0xfffffffeu)]
    [InlineData(Ldx | Msh | B, 10u)]
    public void A_load_past_the_captured_bytes_rejects_the_packet(int code, uint offset) =>
        Assert.Equal(0u, Program(S(code, offset), RetK(99)).Run(Packet, 1500));

    [Theory]
    [InlineData(Ld | W | Ind, 2u, 4u, 0x0708090au)]
    [InlineData(Ld | H | Ind, 1u, 1u, 0x0304u)]
    [InlineData(Ld | B | Ind, 4u, 5u, 0x0au)]
    public void Indirect_loads_add_x_to_k(int code, uint x, uint k, uint expected) =>
        Assert.Equal(expected, Program(S(Ldx | Imm, x), S(code, k), RetA).Run(Packet, Packet.Length));

    [Theory]
    [InlineData(Ld | W | Ind, 4u, 3u)]
    [InlineData(Ld | H | Ind, 9u, 0u)]
    [InlineData(Ld | B | Ind, 5u, 5u)]
    [InlineData(Ld | B | Ind, 0xffffffffu, 2u)] // X + k wraps to 1 in 32 bits, but libpcap checks the parts
    [InlineData(Ld | W | Ind, 2u, 0xffffffffu)]
    public void Indirect_loads_past_the_captured_bytes_reject(int code, uint x, uint k) =>
        Assert.Equal(0u, Program(S(Ldx | Imm, x), S(code, k), RetK(99)).Run(Packet, Packet.Length));

    [Fact]
    public void Msh_loads_four_times_the_low_nibble_into_x()
    {
        // ldxb 4*([0]&0xf); txa; ret a: the IPv4 header length of 0x45 is 20.
        Assert.Equal(20u, Program(S(Ldx | Msh | B, 0), S(Misc | Txa), RetA).Run(Packet, Packet.Length));
    }

    [Fact]
    public void Len_loads_the_wire_length_not_the_captured_length()
    {
        Assert.Equal(1514u, Program(S(Ld | W | Len), RetA).Run(Packet, 1514));
        Assert.Equal(1514u, Program(S(Ldx | W | Len), S(Misc | Txa), RetA).Run(Packet, 1514));
    }

    [Fact]
    public void Scratch_memory_keeps_values_and_starts_at_zero()
    {
        var program = Program(
            S(Ld | Imm, 7), S(St, 3),
            S(Ldx | Imm, 9), S(Stx, 15),
            S(Ld | Mem, 15), S(Ldx | Mem, 3), // A = 9, X = 7
            S(Alu | Mul | X),                 // 63
            S(Ldx | Mem, 0),                  // never written: 0
            S(Alu | Add | X),
            RetA);
        Assert.Equal(63u, program.Run(Packet, Packet.Length));
    }

    [Theory]
    [InlineData(Add, 10u, 3u, 13u)]
    [InlineData(Add, 0xffffffffu, 2u, 1u)]
    [InlineData(Sub, 3u, 10u, 0xfffffff9u)]
    [InlineData(Mul, 0x10000u, 0x10001u, 0x10000u)]
    [InlineData(Div, 100u, 7u, 14u)]
    [InlineData(Mod, 100u, 7u, 2u)]
    [InlineData(And, 0xf0f0u, 0x0ff0u, 0x00f0u)]
    [InlineData(Or, 0xf000u, 0x000fu, 0xf00fu)]
    [InlineData(Xor, 0xffu, 0x0fu, 0xf0u)]
    [InlineData(Lsh, 1u, 31u, 0x80000000u)]
    [InlineData(Rsh, 0x80000000u, 31u, 1u)]
    public void Alu_operations_with_k_and_with_x_agree(int op, uint a, uint operand, uint expected)
    {
        Assert.Equal(expected, Program(S(Ld | Imm, a), S(Alu | op | K, operand), RetA).Run(Packet, Packet.Length));
        Assert.Equal(expected, Program(S(Ld | Imm, a), S(Ldx | Imm, operand), S(Alu | op | X), RetA).Run(Packet, Packet.Length));
    }

    [Fact]
    public void Neg_is_twos_complement() =>
        Assert.Equal(0xfffffffbu, Program(S(Ld | Imm, 5), S(Alu | Neg), RetA).Run(Packet, Packet.Length));

    [Theory]
    [InlineData(Div)]
    [InlineData(Mod)]
    public void Division_by_a_zero_x_rejects_the_packet(int op) =>
        Assert.Equal(0u, Program(S(Ld | Imm, 100), S(Ldx | Imm, 0), S(Alu | op | X), RetK(0xffff)).Run(Packet, Packet.Length));

    [Theory]
    [InlineData(Lsh, 32u)]
    [InlineData(Rsh, 32u)]
    [InlineData(Lsh, 0xffffffffu)]
    public void Shifting_by_x_of_32_or_more_gives_zero(int op, uint x) =>
        Assert.Equal(0u, Program(S(Ld | Imm, 0xffffffff), S(Ldx | Imm, x), S(Alu | op | X), RetA).Run(Packet, Packet.Length));

    [Fact]
    public void Tax_and_txa_copy_between_registers() =>
        Assert.Equal(42u, Program(S(Ld | Imm, 42), S(Misc | Tax), S(Ld | Imm, 0), S(Misc | Txa), RetA).Run(Packet, Packet.Length));

    [Fact]
    public void Ja_skips_k_instructions() =>
        Assert.Equal(2u, Program(S(Jmp | Ja, 1), RetK(1), RetK(2)).Run(Packet, Packet.Length));

    [Theory]
    [InlineData(Jeq, 5u, 5u, true)]
    [InlineData(Jeq, 5u, 6u, false)]
    [InlineData(Jgt, 6u, 5u, true)]
    [InlineData(Jgt, 5u, 5u, false)]
    [InlineData(Jge, 5u, 5u, true)]
    [InlineData(Jge, 4u, 5u, false)]
    [InlineData(Jset, 0x12u, 0x02u, true)]
    [InlineData(Jset, 0x12u, 0x01u, false)]
    [InlineData(Jgt, 0xffffffffu, 1u, true)] // comparisons are unsigned
    public void Conditional_jumps_with_k_and_with_x_take_the_right_branch(int op, uint a, uint operand, bool taken)
    {
        var expected = taken ? 1u : 2u;
        // jt skips one instruction to "ret #1" at index 3; jf skips two... laid out as: jmp; ret #3; ret #1; ret #2
        var withK = Program(S(Ld | Imm, a), J(Jmp | op | K, operand, 1, 2), RetK(3), RetK(1), RetK(2));
        var withX = Program(S(Ld | Imm, a), S(Ldx | Imm, operand), J(Jmp | op | X, 0, 1, 2), RetK(3), RetK(1), RetK(2));
        Assert.Equal(expected, withK.Run(Packet, Packet.Length));
        Assert.Equal(expected, withX.Run(Packet, Packet.Length));
    }

    [Fact]
    public void An_empty_packet_can_still_be_judged_by_length()
    {
        var program = Program(S(Ld | W | Len), J(Jmp | Jgt | K, 100, 0, 1), RetK(0x40000), RetK(0));
        Assert.Equal(0x40000u, program.Run([], 200));
        Assert.Equal(0u, program.Run([], 50));
        Assert.Equal(0u, Program(S(Ld | B | Abs, 0), RetK(1)).Run([], 200));
    }

    [Fact]
    public void Running_allocates_nothing()
    {
        // tcp port 80 on Ethernet: IND loads, MSH, several jumps.
        var program = Program(
            S(Ld | H | Abs, 12), J(Jmp | Jeq | K, 0x0800, 0, 8),
            S(Ld | B | Abs, 23), J(Jmp | Jeq | K, 6, 0, 6),
            S(Ld | H | Abs, 20), J(Jmp | Jset | K, 0x1fff, 4, 0),
            S(Ldx | Msh | B, 14), S(Ld | H | Ind, 16), J(Jmp | Jeq | K, 80, 0, 1),
            RetK(0x40000), RetK(0));
        var frame = new byte[64];
        frame[12] = 0x08;
        frame[14] = 0x45;
        frame[23] = 6;
        frame[36] = 0;
        frame[37] = 80;
        // Warm-up as long as the measured run: the JIT's work (on-stack replacement of the loop among it) is done on this
        // thread and once allocated 16 KB inside a measured run that followed a single warm-up call.
        uint sum = 0;
        for (var i = 0; i < 10_000; i++)
            sum += program.Run(frame, frame.Length);
        Assert.Equal(10_000u * 0x40000u, sum);
        var before = GC.GetAllocatedBytesForCurrentThread();
        sum = 0;
        for (var i = 0; i < 10_000; i++)
            sum += program.Run(frame, frame.Length);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(10_000u * 0x40000u, sum);
    }
}
