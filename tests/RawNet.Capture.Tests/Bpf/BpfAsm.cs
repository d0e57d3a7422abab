using RawNet.Capture.Bpf;
using static RawNet.Capture.Bpf.BpfOpcode;

namespace RawNet.Capture.Tests.Bpf;

/// <summary>Short names for writing test programs by hand, as in tcpdump -d's listing.</summary>
internal static class BpfAsm
{
    public static BpfInstruction S(int code, uint k = 0) => BpfInstruction.Statement((ushort)code, k);

    public static BpfInstruction J(int code, uint k, byte jt, byte jf) => BpfInstruction.Jump((ushort)code, k, jt, jf);

    public static BpfInstruction RetA => S(Ret | A);

    public static BpfInstruction RetK(uint k) => S(Ret | K, k);

    public static BpfProgram Program(params BpfInstruction[] instructions) => new(instructions);
}
