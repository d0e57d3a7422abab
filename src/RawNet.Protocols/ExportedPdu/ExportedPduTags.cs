namespace RawNet.Protocols.ExportedPdu;

/// <summary>The exported PDU tags tshark 4.0 reads (epan/exported_pdu.h) and how far each tag's items read.</summary>
public static class ExportedPduTags
{
    public const ushort EndOfOptions = 0;
    public const ushort DissectorName = 12;
    public const ushort HeuristicDissectorName = 13;
    public const ushort DissectorTableName = 14;
    public const ushort Ipv4Source = 20;
    public const ushort Ipv4Destination = 21;
    public const ushort Ipv6Source = 22;
    public const ushort Ipv6Destination = 23;
    public const ushort PortType = 24;
    public const ushort SourcePort = 25;
    public const ushort DestinationPort = 26;
    public const ushort Ss7Opc = 28;
    public const ushort Ss7Dpc = 29;
    public const ushort OriginalFrameNumber = 30;
    public const ushort DvbCiEvent = 31;
    public const ushort DissectorTableValue = 32;
    public const ushort ColumnProtocol = 33;
    public const ushort TcpInfoData = 34;
    public const ushort P2pDirection = 35;

    /// <summary>
    /// How many bytes from the value's start the tag's items read: its length for a string or unknown tag, the field's
    /// size for a number or address (whatever the length says), 7 for the SS7 point codes (code, type, NI), none for the
    /// end tag and user data.
    /// </summary>
    public static int ItemReach(ushort tag, int length) => tag switch
    {
        EndOfOptions => 0,
        Ipv4Source or Ipv4Destination => 4,
        Ipv6Source or Ipv6Destination => 16,
        PortType or SourcePort or DestinationPort or OriginalFrameNumber or DissectorTableValue or P2pDirection => 4,
        Ss7Opc or Ss7Dpc => 7,
        DvbCiEvent => 1,
        TcpInfoData => Math.Max(length, 2),
        _ => length,
    };

    /// <summary>True for a tag tshark 4.0 knows (the others, the column information string and user data tags of later versions too, are shown as unknown tag values).</summary>
    public static bool IsKnown(ushort tag) => tag is EndOfOptions or (>= DissectorName and <= DissectorTableName)
        or (>= Ipv4Source and <= DestinationPort) or (>= Ss7Opc and <= P2pDirection);

    /// <summary>
    /// Whether tshark 4.0 maps an exported port type to one of its own: NONE, SCTP, TCP, UDP, DCCP, IPX, DDP, IDP, USB,
    /// I2C, IBQP, BLUETOOTH. The others (NCP 6, FC EXCHG 7, SBCCS 9, TIPC 11, TDMOP 16, 17 and up) fail its assertion.
    /// </summary>
    public static bool MapsPortType(uint type) => type is <= 5 or 8 or 10 or (>= 12 and <= 15);
}
