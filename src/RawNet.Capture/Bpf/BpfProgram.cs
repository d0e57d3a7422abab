using RawNet.Capture.LibPcap;
using RawNet.Protocols;

namespace RawNet.Capture.Bpf;

/// <summary>A validated classic BPF program: instructions in managed memory, runnable by <see cref="BpfInterpreter"/>, by libpcap, or attachable to a socket.</summary>
public sealed class BpfProgram
{
    private readonly BpfInstruction[] _instructions;

    private BpfProgram(BpfInstruction[] instructions, string? expression)
    {
        _instructions = instructions;
        Expression = expression;
    }

    /// <summary>Copies and validates <paramref name="instructions"/>; throws <see cref="ArgumentException"/> naming the bad instruction.</summary>
    public BpfProgram(ReadOnlySpan<BpfInstruction> instructions)
        : this(instructions.ToArray(), null)
    {
        if (!BpfInterpreter.TryValidate(_instructions, out var error))
            throw new ArgumentException("invalid BPF program: " + error, nameof(instructions));
    }

    /// <summary>Copies and validates <paramref name="instructions"/>; false with a reason when they are not a valid program.</summary>
    public static bool TryCreate(ReadOnlySpan<BpfInstruction> instructions, out BpfProgram? program, out string? error)
    {
        if (!BpfInterpreter.TryValidate(instructions, out error))
        {
            program = null;
            return false;
        }
        program = new BpfProgram(instructions.ToArray(), null);
        return true;
    }

    /// <summary>
    /// Compiles a tcpdump filter expression with libpcap for frames of <paramref name="linkType"/> and copies the instructions out.
    /// Throws <see cref="BpfCompileException"/> with pcap's message for a bad expression, <see cref="LibPcapUnavailableException"/> without libpcap.
    /// </summary>
    public static BpfProgram Compile(string expression, LinkType linkType, int snaplen = 262144, bool optimize = true)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var instructions = PcapFilterCompiler.Compile(expression, linkType, snaplen, optimize);
        if (!BpfInterpreter.TryValidate(instructions, out var error))
            throw new BpfCompileException(expression, "libpcap produced a program outside classic BPF: " + error);
        return new BpfProgram(instructions, expression);
    }

    /// <summary>The filter expression this program was compiled from, or null for hand-written programs.</summary>
    public string? Expression { get; }

    /// <summary>The instructions, in the layout of <c>struct bpf_insn</c>.</summary>
    public ReadOnlySpan<BpfInstruction> Instructions => _instructions;

    /// <summary>The bytes to keep of a frame of <paramref name="wireLength"/> bytes whose captured bytes are <paramref name="packet"/>; 0 rejects it.</summary>
    public uint Run(ReadOnlySpan<byte> packet, int wireLength) => BpfInterpreter.Run(_instructions, packet, (uint)wireLength);

    /// <summary>Whether the program accepts the frame (a non-zero result).</summary>
    public bool Matches(ReadOnlySpan<byte> packet, int wireLength) => Run(packet, wireLength) != 0;

    /// <summary>Whether the program accepts an uncut frame.</summary>
    public bool Matches(ReadOnlySpan<byte> packet) => Run(packet, packet.Length) != 0;

    /// <summary>One instruction a line, in <c>tcpdump -dd</c> form.</summary>
    public override string ToString() => string.Join(Environment.NewLine, _instructions);
}
