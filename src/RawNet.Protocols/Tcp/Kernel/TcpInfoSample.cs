using System.Buffers.Binary;

namespace RawNet.Protocols.Tcp.Kernel;

/// <summary>
/// One reading of a socket's <c>struct tcp_info</c> (getsockopt TCP_INFO, linux/tcp.h), the sending kernel's own view
/// of a connection: its congestion window and slow-start threshold (in segments), smoothed RTT and its variance, RTO,
/// the segments out and not yet acknowledged, and the rates it measured. The fields kept are those that explain
/// congestion control next to the packets.
/// </summary>
/// <param name="TimestampNanoseconds">When it was read, in nanoseconds since the Unix epoch (CLOCK_REALTIME, the clock packet timestamps use).</param>
/// <param name="State">tcpi_state: the TCP state (1 ESTABLISHED ... 7 CLOSE, as <c>ss</c> names them).</param>
/// <param name="CongestionState">tcpi_ca_state: 0 Open, 1 Disorder, 2 CWR, 3 Recovery, 4 Loss.</param>
/// <param name="SendMss">tcpi_snd_mss: the segment size the sender uses, in bytes.</param>
/// <param name="Unacked">tcpi_unacked: segments sent and not yet cumulatively acknowledged (packets_out).</param>
/// <param name="Sacked">tcpi_sacked: of those, segments the receiver has selectively acknowledged.</param>
/// <param name="Lost">tcpi_lost: of those, segments the sender considers lost.</param>
/// <param name="Retransmitting">tcpi_retrans: segments retransmitted and not yet acknowledged.</param>
/// <param name="RttMicroseconds">tcpi_rtt: the smoothed RTT (SRTT), in microseconds.</param>
/// <param name="RttVarianceMicroseconds">tcpi_rttvar: the RTT's mean deviation (RTTVAR), in microseconds.</param>
/// <param name="RtoMicroseconds">tcpi_rto: the retransmission timeout, in microseconds.</param>
/// <param name="SlowStartThreshold">tcpi_snd_ssthresh, in segments (a huge value until the first loss: "infinite").</param>
/// <param name="CongestionWindow">tcpi_snd_cwnd, in segments.</param>
/// <param name="TotalRetransmissions">tcpi_total_retrans: segments retransmitted over the connection's life.</param>
/// <param name="PacingRate">tcpi_pacing_rate, bytes per second.</param>
/// <param name="DeliveryRate">tcpi_delivery_rate, bytes per second: the most recent delivery rate sample.</param>
/// <param name="BytesAcked">tcpi_bytes_acked.</param>
/// <param name="BytesSent">tcpi_bytes_sent: bytes sent, retransmissions included.</param>
/// <param name="SendWindow">tcpi_snd_wnd: the peer's advertised receive window, scaled, in bytes.</param>
/// <param name="NotSentBytes">tcpi_notsent_bytes: bytes the application wrote that TCP has not sent yet.</param>
/// <param name="MinRttMicroseconds">tcpi_min_rtt, in microseconds.</param>
public readonly record struct TcpInfoSample(
    long TimestampNanoseconds,
    byte State,
    byte CongestionState,
    uint SendMss,
    uint Unacked,
    uint Sacked,
    uint Lost,
    uint Retransmitting,
    uint RttMicroseconds,
    uint RttVarianceMicroseconds,
    uint RtoMicroseconds,
    uint SlowStartThreshold,
    uint CongestionWindow,
    uint TotalRetransmissions,
    ulong PacingRate,
    ulong DeliveryRate,
    ulong BytesAcked,
    ulong BytesSent,
    uint SendWindow,
    uint NotSentBytes,
    uint MinRttMicroseconds)
{
    /// <summary>Offsets in <c>struct tcp_info</c> (linux/tcp.h; checked against the kernel headers by a test).</summary>
    public static class Field
    {
        public const int State = 0;
        public const int CongestionState = 1;
        public const int Rto = 8;
        public const int SendMss = 16;
        public const int Unacked = 24;
        public const int Sacked = 28;
        public const int Lost = 32;
        public const int Retransmitting = 36;
        public const int Rtt = 68;
        public const int RttVariance = 72;
        public const int SlowStartThreshold = 76;
        public const int CongestionWindow = 80;
        public const int TotalRetransmissions = 100;
        public const int PacingRate = 104;
        public const int BytesAcked = 120;
        public const int NotSentBytes = 144;
        public const int MinRtt = 148;
        public const int DeliveryRate = 160;
        public const int BytesSent = 200;
        public const int SendWindow = 228;

        /// <summary>Bytes up to and including tcpi_snd_wnd (Linux 5.19 and later return at least this many).</summary>
        public const int Length = 232;

        /// <summary>Bytes up to and including tcpi_delivery_rate (Linux 4.9): older kernels give no bytes_sent or snd_wnd.</summary>
        public const int MinimumLength = 168;
    }

    /// <summary>ssthresh while no loss has set it: TCP_INFINITE_SSTHRESH.</summary>
    public const uint InfiniteSlowStartThreshold = 0x7fffffff;

    /// <summary>
    /// Reads the fields from <paramref name="info"/> as getsockopt returned it (the host's byte order: little-endian on
    /// every platform .NET runs Linux on); false when it is shorter than Linux 4.9's struct.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> info, long timestampNanoseconds, out TcpInfoSample sample)
    {
        sample = default;
        if (info.Length < Field.MinimumLength)
            return false;
        static uint U32(ReadOnlySpan<byte> info, int at) => BinaryPrimitives.ReadUInt32LittleEndian(info[at..]);
        static ulong U64(ReadOnlySpan<byte> info, int at) => at + 8 <= info.Length ? BinaryPrimitives.ReadUInt64LittleEndian(info[at..]) : 0;
        sample = new TcpInfoSample(timestampNanoseconds, info[Field.State], info[Field.CongestionState], U32(info, Field.SendMss), U32(info, Field.Unacked),
            U32(info, Field.Sacked), U32(info, Field.Lost), U32(info, Field.Retransmitting), U32(info, Field.Rtt), U32(info, Field.RttVariance), U32(info, Field.Rto),
            U32(info, Field.SlowStartThreshold), U32(info, Field.CongestionWindow), U32(info, Field.TotalRetransmissions), U64(info, Field.PacingRate),
            U64(info, Field.DeliveryRate), U64(info, Field.BytesAcked), U64(info, Field.BytesSent),
            info.Length >= Field.SendWindow + 4 ? U32(info, Field.SendWindow) : 0, U32(info, Field.NotSentBytes), U32(info, Field.MinRtt));
        return true;
    }

    /// <summary>The congestion window in bytes (cwnd × MSS), as the graphs draw it next to bytes in flight.</summary>
    public long CongestionWindowBytes => (long)CongestionWindow * SendMss;

    /// <summary>The slow-start threshold in bytes, or null while it is still "infinite".</summary>
    public long? SlowStartThresholdBytes => SlowStartThreshold >= InfiniteSlowStartThreshold ? null : (long)SlowStartThreshold * SendMss;

    /// <summary>Unacknowledged bytes (tcpi_unacked × MSS): what a packet trace calls bytes in flight.</summary>
    public long UnackedBytes => (long)Unacked * SendMss;

    /// <summary>The kernel's own packets in flight (tcp_packets_in_flight: out − SACKed − lost + retransmitted), in segments.</summary>
    public long PacketsInFlight => (long)Unacked - Sacked - Lost + Retransmitting;

    /// <summary>The TCP state as <c>ss</c> prints it.</summary>
    public string StateName => State switch
    {
        1 => "ESTAB",
        2 => "SYN-SENT",
        3 => "SYN-RECV",
        4 => "FIN-WAIT-1",
        5 => "FIN-WAIT-2",
        6 => "TIME-WAIT",
        7 => "UNCONN",
        8 => "CLOSE-WAIT",
        9 => "LAST-ACK",
        10 => "LISTEN",
        11 => "CLOSING",
        _ => $"state {State}",
    };

    /// <summary>The congestion-control state (tcp_ca_state) by its kernel name.</summary>
    public string CongestionStateName => CongestionState switch
    {
        0 => "Open",
        1 => "Disorder",
        2 => "CWR",
        3 => "Recovery",
        4 => "Loss",
        _ => $"ca_state {CongestionState}",
    };
}
