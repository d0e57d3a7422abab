namespace RawNet.Capture.LibPcap;

/// <summary>pcap_stats counters since the handle was activated (32-bit counters in libpcap; they wrap).</summary>
/// <param name="Received">Packets the kernel passed the filter (ps_recv).</param>
/// <param name="DroppedByKernel">Packets dropped for lack of buffer space (ps_drop).</param>
/// <param name="DroppedByInterface">Packets the interface or driver dropped, where known (ps_ifdrop).</param>
public readonly record struct PcapStatistics(long Received, long DroppedByKernel, long DroppedByInterface);
