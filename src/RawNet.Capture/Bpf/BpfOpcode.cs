namespace RawNet.Capture.Bpf;

/// <summary>
/// Classic BPF opcode bits as in <c>pcap/bpf.h</c>: an opcode is class | size | mode for loads,
/// class | operation | source for ALU and jumps, class | return value for RET, class | operation for MISC.
/// </summary>
public static class BpfOpcode
{
    // Classes (low 3 bits).
    public const ushort Ld = 0x00;
    public const ushort Ldx = 0x01;
    public const ushort St = 0x02;
    public const ushort Stx = 0x03;
    public const ushort Alu = 0x04;
    public const ushort Jmp = 0x05;
    public const ushort Ret = 0x06;
    public const ushort Misc = 0x07;

    // Load sizes.
    public const ushort W = 0x00;
    public const ushort H = 0x08;
    public const ushort B = 0x10;

    // Load modes.
    public const ushort Imm = 0x00;
    public const ushort Abs = 0x20;
    public const ushort Ind = 0x40;
    public const ushort Mem = 0x60;
    public const ushort Len = 0x80;
    public const ushort Msh = 0xa0;

    // ALU operations.
    public const ushort Add = 0x00;
    public const ushort Sub = 0x10;
    public const ushort Mul = 0x20;
    public const ushort Div = 0x30;
    public const ushort Or = 0x40;
    public const ushort And = 0x50;
    public const ushort Lsh = 0x60;
    public const ushort Rsh = 0x70;
    public const ushort Neg = 0x80;
    public const ushort Mod = 0x90;
    public const ushort Xor = 0xa0;

    // Jump operations.
    public const ushort Ja = 0x00;
    public const ushort Jeq = 0x10;
    public const ushort Jgt = 0x20;
    public const ushort Jge = 0x30;
    public const ushort Jset = 0x40;

    // Operand source for ALU and jumps: the constant k or the index register X.
    public const ushort K = 0x00;
    public const ushort X = 0x08;

    // Return value source: k or the accumulator A.
    public const ushort A = 0x10;

    // MISC operations.
    public const ushort Tax = 0x00;
    public const ushort Txa = 0x80;

    /// <summary>Number of 32-bit scratch memory words (<c>BPF_MEMWORDS</c>).</summary>
    public const int MemoryWords = 16;

    /// <summary>The class bits of <paramref name="code"/>.</summary>
    public static ushort ClassOf(ushort code) => (ushort)(code & 0x07);
}
