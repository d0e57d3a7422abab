namespace RawNet.Protocols.Conversations;

/// <summary>Which value of a packet's analysis a field shows (<see cref="Fields.ComputedField.Analysis"/>).</summary>
public enum AnalysisValue : byte
{
    None,
    /// <summary>frame.time_relative: since the first frame.</summary>
    FrameTimeRelative,
    /// <summary>frame.time_delta: since the previous frame.</summary>
    FrameTimeDelta,
    /// <summary>frame.time_delta_displayed: since the previous frame that was displayed (passed the display filter).</summary>
    FrameTimeDeltaDisplayed,
    /// <summary>tcp.stream, udp.stream: the conversation's number, in order of first appearance.</summary>
    Stream,
    /// <summary>tcp.time_relative, udp.time_relative: since the conversation's first frame.</summary>
    TimeRelative,
    /// <summary>tcp.time_delta, udp.time_delta: since the conversation's previous frame.</summary>
    TimeDelta,
    /// <summary>tcp.seq: relative to the sender's initial sequence number.</summary>
    TcpSeq,
    /// <summary>tcp.nxtseq: the relative sequence number after this segment.</summary>
    TcpNextSeq,
    /// <summary>tcp.ack: relative to the receiver's initial sequence number.</summary>
    TcpAck,
    /// <summary>tcp.window_size: the window scaled by the shift the handshake agreed.</summary>
    TcpWindowSize,
    /// <summary>tcp.window_size_scalefactor: the multiplier, -1 unknown, -2 no scaling.</summary>
    TcpWindowScaleFactor,
    /// <summary>tcp.analysis: the SEQ/ACK analysis has something to say about this segment.</summary>
    TcpAnalysis,
    /// <summary>tcp.analysis.flags: some analysis flag is set.</summary>
    TcpAnalysisFlags,
    /// <summary>One analysis flag, selected by the field's mask (a <see cref="Tcp.TcpAnalysisFlags"/> bit).</summary>
    TcpAnalysisFlag,
    TcpAcksFrame,
    TcpAckRtt,
    TcpInitialRtt,
    TcpBytesInFlight,
    TcpPushBytesSent,
    TcpDuplicateAckNumber,
    TcpDuplicateAckFrame,
    TcpRto,
    TcpRtoFrame,
    /// <summary>tcp.completeness: the conversation's completeness bits before this segment.</summary>
    TcpCompleteness,
    /// <summary>tcp.options.sack_le, tcp.options.sack_re: SACK edges relative to the acknowledged direction's base.</summary>
    TcpSackLeftEdge,
    TcpSackRightEdge,
    /// <summary>tcp.options.sack.dsack_le, tcp.options.sack.dsack_re: the first SACK block's edges where tshark finds a D-SACK (its expert item).</summary>
    TcpDsackLeftEdge,
    TcpDsackRightEdge,
    /// <summary>tcp.connection.*: one of the segment's connection events, selected by the field's mask (a <see cref="Tcp.TcpConnectionEvents"/> bit).</summary>
    TcpConnection,
    /// <summary>icmp.resp_to, icmp.resptime: the echo request a reply answers, and the time since it (ms, FT_DOUBLE).</summary>
    IcmpResponseTo,
    IcmpResponseTime,
    /// <summary>The packet's expert items (_ws.expert and its message, severity and group; _ws.malformed), see <see cref="Expert.ExpertFields"/>.</summary>
    Expert,
    /// <summary>tcp.segment_data: the payload bytes a reassembly holds or completes with, or a retransmission's (see <see cref="TcpReassemblyRecord"/>).</summary>
    TcpSegmentData,
    /// <summary>tcp.segments, tcp.segment, tcp.segment.count, tcp.reassembled.length, tcp.reassembled.data: the PDU this segment completes.</summary>
    TcpSegments,
    TcpSegment,
    TcpSegmentCount,
    TcpReassembledLength,
    TcpReassembledData,
}
