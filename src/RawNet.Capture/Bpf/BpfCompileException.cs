namespace RawNet.Capture.Bpf;

/// <summary>A filter expression libpcap could not compile; <see cref="Exception.Message"/> carries pcap's own message.</summary>
public sealed class BpfCompileException : Exception
{
    /// <summary>Records the expression and pcap's message (e.g. <c>syntax error</c>).</summary>
    public BpfCompileException(string expression, string pcapMessage)
        : base($"cannot compile filter \"{expression}\": {pcapMessage}")
    {
        Expression = expression;
        PcapMessage = pcapMessage;
    }

    /// <summary>The expression that failed.</summary>
    public string Expression { get; }

    /// <summary>pcap_geterr's text after pcap_compile failed.</summary>
    public string PcapMessage { get; }
}
