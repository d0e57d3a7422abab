namespace RawNet.Protocols;

/// <summary>How much an analysis finding matters, in Wireshark's expert-information levels.</summary>
public enum ExpertSeverity : byte
{
    /// <summary>Normal workflow worth a mention (a window update).</summary>
    Chat,
    /// <summary>Unusual but legitimate (a retransmission, a duplicate ACK, a keep-alive).</summary>
    Note,
    /// <summary>Probably a problem (a lost segment, a zero window, out of order).</summary>
    Warning,
    /// <summary>A serious problem (a malformed packet).</summary>
    Error,
}
