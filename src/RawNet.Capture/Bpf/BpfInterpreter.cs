using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using static RawNet.Capture.Bpf.BpfOpcode;

namespace RawNet.Capture.Bpf;

/// <summary>
/// Classic BPF, as libpcap's <c>bpf_filter_with_aux_data</c> runs it without Linux extensions:
/// a load outside the captured bytes or a division by zero rejects the packet (returns 0), LEN loads the wire length.
/// Programs are checked once by <see cref="TryValidate"/>; <see cref="Run"/> trusts that check and never throws.
/// </summary>
public static class BpfInterpreter
{
    /// <summary>
    /// Checks a program the way <c>bpf_validate</c> does, but stricter: only opcodes <see cref="Run"/> knows,
    /// forward jumps inside the program, scratch indexes below 16, no constant division by zero or shift by 32 or more,
    /// and a RET as the last instruction.
    /// </summary>
    public static bool TryValidate(ReadOnlySpan<BpfInstruction> program, out string? error)
    {
        if (program.IsEmpty)
        {
            error = "empty program";
            return false;
        }
        for (var i = 0; i < program.Length; i++)
        {
            var insn = program[i];
            error = CheckInstruction(insn, i, program.Length);
            if (error is not null)
            {
                error = $"instruction {i} {insn}: {error}";
                return false;
            }
        }
        if (ClassOf(program[^1].Code) != Ret)
        {
            error = $"the last instruction {program[^1]} is not a RET";
            return false;
        }
        error = null;
        return true;
    }

    private static string? CheckInstruction(BpfInstruction insn, int index, int length)
    {
        long next = index + 1;
        switch (insn.Code)
        {
            case Ld | W | Abs or Ld | H | Abs or Ld | B | Abs:
            case Ld | W | Ind or Ld | H | Ind or Ld | B | Ind:
            case Ld | W | Len or Ldx | W | Len:
            case Ldx | Msh | B:
            case Ld | Imm or Ldx | Imm:
            case Alu | Add | K or Alu | Sub | K or Alu | Mul | K:
            case Alu | And | K or Alu | Or | K or Alu | Xor | K:
            case Alu | Add | X or Alu | Sub | X or Alu | Mul | X or Alu | Div | X or Alu | Mod | X:
            case Alu | And | X or Alu | Or | X or Alu | Xor | X or Alu | Lsh | X or Alu | Rsh | X:
            case Alu | Neg:
            case Ret | K or Ret | A:
            case Misc | Tax or Misc | Txa:
                return null;
            case Ld | Mem or Ldx | Mem or St or Stx:
                return insn.K < MemoryWords ? null : $"scratch memory index {insn.K} is not below {MemoryWords}";
            case Alu | Div | K or Alu | Mod | K:
                return insn.K != 0 ? null : "division by the constant 0";
            case Alu | Lsh | K or Alu | Rsh | K:
                return insn.K < 32 ? null : $"shift by {insn.K}";
            case Jmp | Ja:
                return next + insn.K < length ? null : $"jump to {next + insn.K} is past the end ({length} instructions)";
            case Jmp | Jeq | K or Jmp | Jgt | K or Jmp | Jge | K or Jmp | Jset | K:
            case Jmp | Jeq | X or Jmp | Jgt | X or Jmp | Jge | X or Jmp | Jset | X:
                return next + Math.Max(insn.JumpTrue, insn.JumpFalse) < length
                    ? null
                    : $"jump to {next + Math.Max(insn.JumpTrue, insn.JumpFalse)} is past the end ({length} instructions)";
            default:
                return "unknown opcode";
        }
    }

    /// <summary>
    /// Runs a program that passed <see cref="TryValidate"/> over <paramref name="packet"/> (the captured bytes) of a frame
    /// that was <paramref name="wireLength"/> bytes long, and returns the number of bytes to accept (0 rejects).
    /// </summary>
    /// <remarks>Allocates nothing. An unvalidated program may throw <see cref="IndexOutOfRangeException"/> but never reads outside its spans.</remarks>
    public static uint Run(ReadOnlySpan<BpfInstruction> program, ReadOnlySpan<byte> packet, uint wireLength)
    {
        uint a = 0, x = 0;
        var mem = new Scratch();
        var buflen = (uint)packet.Length;
        var pc = 0;
        while (true)
        {
            ref readonly var insn = ref program[pc++];
            var k = insn.K;
            switch (insn.Code)
            {
                case Ret | K:
                    return k;
                case Ret | A:
                    return a;

                case Ld | W | Abs:
                    if (k > buflen || buflen - k < 4)
                        return 0;
                    a = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice((int)k));
                    continue;
                case Ld | H | Abs:
                    if (k > buflen || buflen - k < 2)
                        return 0;
                    a = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice((int)k));
                    continue;
                case Ld | B | Abs:
                    if (k >= buflen)
                        return 0;
                    a = packet[(int)k];
                    continue;
                case Ld | W | Ind:
                    // The sum X + k may wrap in 32 bits; libpcap checks each part against the buffer first.
                    if (k > buflen || x > buflen - k || buflen - (x + k) < 4)
                        return 0;
                    a = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice((int)(x + k)));
                    continue;
                case Ld | H | Ind:
                    if (k > buflen || x > buflen - k || buflen - (x + k) < 2)
                        return 0;
                    a = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice((int)(x + k)));
                    continue;
                case Ld | B | Ind:
                    if (k >= buflen || x >= buflen - k)
                        return 0;
                    a = packet[(int)(x + k)];
                    continue;
                case Ld | W | Len:
                    a = wireLength;
                    continue;
                case Ldx | W | Len:
                    x = wireLength;
                    continue;
                case Ldx | Msh | B:
                    if (k >= buflen)
                        return 0;
                    x = (uint)(packet[(int)k] & 0xf) << 2;
                    continue;
                case Ld | Imm:
                    a = k;
                    continue;
                case Ldx | Imm:
                    x = k;
                    continue;
                case Ld | Mem:
                    a = mem[(int)k];
                    continue;
                case Ldx | Mem:
                    x = mem[(int)k];
                    continue;
                case St:
                    mem[(int)k] = a;
                    continue;
                case Stx:
                    mem[(int)k] = x;
                    continue;

                case Jmp | Ja:
                    pc += (int)k;
                    continue;
                case Jmp | Jgt | K:
                    pc += a > k ? insn.JumpTrue : insn.JumpFalse;
                    continue;
                case Jmp | Jge | K:
                    pc += a >= k ? insn.JumpTrue : insn.JumpFalse;
                    continue;
                case Jmp | Jeq | K:
                    pc += a == k ? insn.JumpTrue : insn.JumpFalse;
                    continue;
                case Jmp | Jset | K:
                    pc += (a & k) != 0 ? insn.JumpTrue : insn.JumpFalse;
                    continue;
                case Jmp | Jgt | X:
                    pc += a > x ? insn.JumpTrue : insn.JumpFalse;
                    continue;
                case Jmp | Jge | X:
                    pc += a >= x ? insn.JumpTrue : insn.JumpFalse;
                    continue;
                case Jmp | Jeq | X:
                    pc += a == x ? insn.JumpTrue : insn.JumpFalse;
                    continue;
                case Jmp | Jset | X:
                    pc += (a & x) != 0 ? insn.JumpTrue : insn.JumpFalse;
                    continue;

                case Alu | Add | X: a += x; continue;
                case Alu | Sub | X: a -= x; continue;
                case Alu | Mul | X: a *= x; continue;
                case Alu | Div | X:
                    if (x == 0)
                        return 0;
                    a /= x;
                    continue;
                case Alu | Mod | X:
                    if (x == 0)
                        return 0;
                    a %= x;
                    continue;
                case Alu | And | X: a &= x; continue;
                case Alu | Or | X: a |= x; continue;
                case Alu | Xor | X: a ^= x; continue;
                case Alu | Lsh | X: a = x < 32 ? a << (int)x : 0; continue;
                case Alu | Rsh | X: a = x < 32 ? a >> (int)x : 0; continue;
                case Alu | Add | K: a += k; continue;
                case Alu | Sub | K: a -= k; continue;
                case Alu | Mul | K: a *= k; continue;
                case Alu | Div | K: a /= k; continue;
                case Alu | Mod | K: a %= k; continue;
                case Alu | And | K: a &= k; continue;
                case Alu | Or | K: a |= k; continue;
                case Alu | Xor | K: a ^= k; continue;
                case Alu | Lsh | K: a <<= (int)k; continue;
                case Alu | Rsh | K: a >>= (int)k; continue;
                case Alu | Neg: a = 0u - a; continue;

                case Misc | Tax: x = a; continue;
                case Misc | Txa: a = x; continue;

                default:
                    // Unreachable for validated programs; libpcap aborts here.
                    return 0;
            }
        }
    }

    [InlineArray(MemoryWords)]
    private struct Scratch
    {
        private uint _word;
    }
}
