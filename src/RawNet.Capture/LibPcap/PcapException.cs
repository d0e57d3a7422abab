namespace RawNet.Capture.LibPcap;

/// <summary>A libpcap call failed; <see cref="Exception.Message"/> holds pcap_statustostr and pcap_geterr text.</summary>
public sealed class PcapException : Exception
{
    /// <summary>Records the status code libpcap returned.</summary>
    public PcapException(string message, int status)
        : base(message)
    {
        Status = status;
    }

    /// <summary>libpcap's return value (a negative PCAP_ERROR_ code).</summary>
    public int Status { get; }
}
