namespace RawNet.Protocols.Decoding;

/// <summary>The result of decoding one packet.</summary>
public enum DecodeOutcome : byte
{
    /// <summary>Every layer RawNet knows was decoded to the end of the data.</summary>
    Ok,
    /// <summary>The capture ended inside a header; the layers that fit are kept.</summary>
    Truncated,
    /// <summary>A header had impossible values; the layers before it are kept.</summary>
    Malformed,
    /// <summary>The link type or an inner protocol is one RawNet does not decode; the rest is payload.</summary>
    Unsupported,
}
