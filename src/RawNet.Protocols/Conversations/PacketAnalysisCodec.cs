using RawNet.Protocols.Tcp;

namespace RawNet.Protocols.Conversations;

/// <summary>
/// Writes a packet's transport analysis (<see cref="PacketAnalysis.Transports"/>) as a few bytes and reads it back, for
/// whoever keeps the analysis of every packet to show any one of them later (the terminal UI): variable-length numbers,
/// only the values a record shows, typically 15 to 30 bytes a TCP segment, with the echo pairing and ARP duplicate the
/// Info column shows. Frame times are not written: they follow from the frames' timestamps.
/// </summary>
public static class PacketAnalysisCodec
{
    /// <summary>The most bytes one packet's record takes.</summary>
    public const int MaxLength = 1 + 3 * 10 + PacketAnalysis.MaxTransports * 128;

    // The first byte: the transport records' count, and whether the packet-level values follow.
    private const byte CountMask = 0x3F, HasEchoRequest = 0x40, HasArpDuplicate = 0x80;

    [Flags]
    private enum Parts : byte
    {
        Stream = 1,
        Times = 2,
        Tcp = 4,
        Ack = 8,
        NextSeq = 16,
        WindowSize = 32,
        ScaleFactor = 64,
        SackBase = 128,
    }

    /// <summary>
    /// Writes <paramref name="analysis"/>'s transport records, of frame number <paramref name="frame"/> (frames it names
    /// are written as distances from it), into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes);
    /// returns the length.
    /// </summary>
    public static int Encode(PacketAnalysis analysis, uint frame, Span<byte> destination)
    {
        int at = 0;
        var transports = analysis.Transports;
        destination[at++] = (byte)(transports.Length | (analysis.EchoRequestFrame != 0 ? HasEchoRequest : 0)
            | (analysis.ArpDuplicateAddress != 0 ? HasArpDuplicate : 0));
        if (analysis.EchoRequestFrame != 0)
        {
            WriteSigned(destination, ref at, (long)frame - analysis.EchoRequestFrame);
            WriteSigned(destination, ref at, analysis.EchoResponseTime);
        }
        if (analysis.ArpDuplicateAddress != 0)
            Write(destination, ref at, analysis.ArpDuplicateAddress);
        foreach (ref readonly var t in transports)
        {
            ref readonly var tcp = ref t.Tcp;
            var parts = (t.HasStream ? Parts.Stream : 0) | (t.HasTimes ? Parts.Times : 0) | (t.HasTcp ? Parts.Tcp : 0)
                | (tcp.HasAck ? Parts.Ack : 0) | (tcp.HasNextSeq ? Parts.NextSeq : 0) | (tcp.HasWindowSize ? Parts.WindowSize : 0)
                | (tcp.HasScaleFactor ? Parts.ScaleFactor : 0) | (t.HasTcp && tcp.SackBase != 0 ? Parts.SackBase : 0);
            destination[at++] = (byte)t.LayerIndex;
            destination[at++] = (byte)parts;
            if (t.HasStream)
                Write(destination, ref at, t.Stream);
            if (t.HasTimes)
            {
                WriteSigned(destination, ref at, t.TimeRelative);
                WriteSigned(destination, ref at, t.TimeDelta);
            }
            if (!t.HasTcp)
                continue;
            Write(destination, ref at, tcp.Seq);
            // The acknowledgement and window are kept even where the field is not shown (a header cut short): the Info
            // column prints them as read.
            Write(destination, ref at, tcp.Ack);
            if (tcp.HasNextSeq)
                Write(destination, ref at, tcp.NextSeq - tcp.Seq);
            Write(destination, ref at, tcp.WindowSize);
            if (tcp.HasScaleFactor)
                WriteSigned(destination, ref at, tcp.ScaleFactor);
            if (tcp.SackBase != 0)
                Write(destination, ref at, tcp.SackBase);
            Write(destination, ref at, (ulong)tcp.Items);
            if ((tcp.Items & TcpAnalysisItems.Analysis) == 0)
                continue;
            Write(destination, ref at, (ulong)tcp.Flags);
            if ((tcp.Items & TcpAnalysisItems.AcksFrame) != 0)
                WriteSigned(destination, ref at, (long)frame - tcp.AcksFrame);
            if ((tcp.Items & TcpAnalysisItems.AckRtt) != 0)
                WriteSigned(destination, ref at, tcp.AckRtt);
            if ((tcp.Items & TcpAnalysisItems.InitialRtt) != 0)
                WriteSigned(destination, ref at, tcp.InitialRtt);
            if ((tcp.Items & TcpAnalysisItems.BytesInFlight) != 0)
                Write(destination, ref at, tcp.BytesInFlight);
            if ((tcp.Items & TcpAnalysisItems.PushBytesSent) != 0)
                Write(destination, ref at, tcp.PushBytesSent);
            if ((tcp.Items & TcpAnalysisItems.DuplicateAck) != 0)
            {
                Write(destination, ref at, tcp.DuplicateAckNumber);
                WriteSigned(destination, ref at, (long)frame - tcp.DuplicateAckFrame);
            }
            if ((tcp.Items & TcpAnalysisItems.Rto) != 0)
            {
                WriteSigned(destination, ref at, tcp.Rto);
                WriteSigned(destination, ref at, (long)frame - tcp.RtoFrame);
            }
        }
        return at;
    }

    /// <summary>
    /// Reads a record written by <see cref="Encode"/> for frame number <paramref name="frame"/> into
    /// <paramref name="analysis"/>'s transport records (its frame times are left as they are); returns the bytes read.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> source, uint frame, PacketAnalysis analysis)
    {
        int at = 0;
        byte first = source[at++];
        int count = first & CountMask;
        if ((first & HasEchoRequest) != 0)
        {
            analysis.EchoRequestFrame = (uint)((long)frame - ReadSigned(source, ref at));
            analysis.EchoResponseTime = ReadSigned(source, ref at);
        }
        if ((first & HasArpDuplicate) != 0)
            analysis.ArpDuplicateAddress = (uint)Read(source, ref at);
        for (int i = 0; i < count; i++)
        {
            int layerIndex = source[at++];
            var parts = (Parts)source[at++];
            if (!analysis.TryAdd(layerIndex, out int slot))
                throw new InvalidDataException("More transport records than a packet holds.");
            ref var t = ref analysis.Edit(slot);
            ref var tcp = ref t.Tcp;
            t.HasStream = (parts & Parts.Stream) != 0;
            t.HasTimes = (parts & Parts.Times) != 0;
            t.HasTcp = (parts & Parts.Tcp) != 0;
            if (t.HasStream)
                t.Stream = (uint)Read(source, ref at);
            if (t.HasTimes)
            {
                t.TimeRelative = ReadSigned(source, ref at);
                t.TimeDelta = ReadSigned(source, ref at);
            }
            if (!t.HasTcp)
                continue;
            tcp.HasAck = (parts & Parts.Ack) != 0;
            tcp.HasNextSeq = (parts & Parts.NextSeq) != 0;
            tcp.HasWindowSize = (parts & Parts.WindowSize) != 0;
            tcp.HasScaleFactor = (parts & Parts.ScaleFactor) != 0;
            tcp.Seq = (uint)Read(source, ref at);
            tcp.Ack = (uint)Read(source, ref at);
            if (tcp.HasNextSeq)
                tcp.NextSeq = tcp.Seq + (uint)Read(source, ref at);
            tcp.WindowSize = (uint)Read(source, ref at);
            if (tcp.HasScaleFactor)
                tcp.ScaleFactor = (int)ReadSigned(source, ref at);
            tcp.SackBase = (parts & Parts.SackBase) != 0 ? (uint)Read(source, ref at) : 0;
            tcp.Items = (TcpAnalysisItems)Read(source, ref at);
            if ((tcp.Items & TcpAnalysisItems.Analysis) == 0)
                continue;
            tcp.Flags = (TcpAnalysisFlags)Read(source, ref at);
            if ((tcp.Items & TcpAnalysisItems.AcksFrame) != 0)
                tcp.AcksFrame = (uint)((long)frame - ReadSigned(source, ref at));
            if ((tcp.Items & TcpAnalysisItems.AckRtt) != 0)
                tcp.AckRtt = ReadSigned(source, ref at);
            if ((tcp.Items & TcpAnalysisItems.InitialRtt) != 0)
                tcp.InitialRtt = ReadSigned(source, ref at);
            if ((tcp.Items & TcpAnalysisItems.BytesInFlight) != 0)
                tcp.BytesInFlight = (uint)Read(source, ref at);
            if ((tcp.Items & TcpAnalysisItems.PushBytesSent) != 0)
                tcp.PushBytesSent = (uint)Read(source, ref at);
            if ((tcp.Items & TcpAnalysisItems.DuplicateAck) != 0)
            {
                tcp.DuplicateAckNumber = (uint)Read(source, ref at);
                tcp.DuplicateAckFrame = (uint)((long)frame - ReadSigned(source, ref at));
            }
            if ((tcp.Items & TcpAnalysisItems.Rto) != 0)
            {
                tcp.Rto = ReadSigned(source, ref at);
                tcp.RtoFrame = (uint)((long)frame - ReadSigned(source, ref at));
            }
        }
        return at;
    }

    private static void Write(Span<byte> destination, ref int at, ulong value)
    {
        while (value >= 0x80)
        {
            destination[at++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[at++] = (byte)value;
    }

    private static void WriteSigned(Span<byte> destination, ref int at, long value) => Write(destination, ref at, (ulong)((value << 1) ^ (value >> 63)));

    private static ulong Read(ReadOnlySpan<byte> source, ref int at)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = source[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80 || shift >= 63)
                return value;
        }
    }

    private static long ReadSigned(ReadOnlySpan<byte> source, ref int at)
    {
        ulong zigzag = Read(source, ref at);
        return (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
    }
}
