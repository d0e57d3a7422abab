namespace RawNet.Protocols.Ax25;

/// <summary>
/// A view over the KISS byte a TNC puts before each frame (LINKTYPE_AX25_KISS, 202), as tshark 4.0's ax25_kiss reads it:
/// the command in the low nibble, the port in the high one, then the command's parameter: one byte for TX delay,
/// persistence, slot time, TX tail and full duplex, every byte left for set hardware, two for a data frame with
/// acknowledgement (of which tshark shows the first). A data frame (0) and a data frame with acknowledgement (12) carry
/// an AX.25 frame after that.
/// <code>
/// +------+-----+-----------------+---------------
/// | port | cmd | parameter (0-n) | AX.25 frame (data)
/// +------+-----+-----------------+---------------
/// </code>
/// </summary>
public readonly ref struct Ax25KissHeader
{
    /// <summary>KISS commands.</summary>
    public const byte DataFrame = 0, TxDelay = 1, Persistence = 2, SlotTime = 3, TxTail = 4, FullDuplex = 5, SetHardware = 6,
        DataFrameAck = 12, PollMode = 14, Return = 15;

    /// <summary>Offset of the parameter.</summary>
    public const int ParameterOffset = 1;

    private readonly ReadOnlySpan<byte> _bytes;

    private Ax25KissHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds the command byte and every byte of the parameter it names.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out Ax25KissHeader header)
    {
        bool whole = bytes.Length >= 1 && bytes.Length >= LengthOf(bytes[0], bytes.Length);
        header = whole ? new Ax25KissHeader(bytes) : default;
        return whole;
    }

    /// <summary>The command (the byte's low nibble).</summary>
    public byte Command => (byte)(_bytes[0] & 0x0F);

    /// <summary>The port (the byte's high nibble).</summary>
    public int Port => _bytes[0] >> 4;

    /// <summary>The header's length: the command byte and the parameter.</summary>
    public int Length => LengthOf(_bytes[0], _bytes.Length);

    /// <summary>True for the commands followed by an AX.25 frame.</summary>
    public bool CarriesFrame => Command is DataFrame or DataFrameAck;

    /// <summary>Bytes of a header whose first byte is <paramref name="first"/>, in a frame of <paramref name="captured"/> bytes.</summary>
    public static int LengthOf(byte first, int captured) => 1 + ParameterLength(first & 0x0F, captured);

    /// <summary>Bytes of the parameter of <paramref name="command"/>: set hardware takes every captured byte after it.</summary>
    public static int ParameterLength(int command, int captured) => command switch
    {
        TxDelay or Persistence or SlotTime or TxTail or FullDuplex => 1,
        SetHardware => Math.Max(0, captured - 1),
        DataFrameAck => 2,
        _ => 0,
    };

    /// <summary>True for a command whose parameter tshark reads before it adds any field (all that have one but set hardware).</summary>
    public static bool ReadsParameterFirst(int command) => command is TxDelay or Persistence or SlotTime or TxTail or FullDuplex or DataFrameAck;

    /// <summary>tshark's name of a command, null for one it calls "Unknown (n)".</summary>
    public static string? CommandName(int command) => command switch
    {
        DataFrame => "Data frame",
        TxDelay => "Tx delay",
        Persistence => "Persistence",
        SlotTime => "Slot time",
        TxTail => "Tx tail",
        FullDuplex => "Full duplex",
        SetHardware => "Set hardware",
        DataFrameAck => "Data frame ack",
        PollMode => "Poll mode",
        Return => "Return",
        _ => null,
    };
}
