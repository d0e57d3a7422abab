namespace RawNet.Protocols.Decoding;

/// <summary>How much of one layer was present and sane.</summary>
public enum LayerStatus : byte
{
    /// <summary>The whole header was captured and its fields are consistent.</summary>
    Complete,
    /// <summary>The capture ended inside this header (snaplen or a short record); only the fields that fit are shown.</summary>
    Truncated,
    /// <summary>The header is present but a length or version field is impossible; decoding stopped here.</summary>
    Malformed,
}
