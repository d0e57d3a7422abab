using System.Buffers.Binary;

namespace RawNet.Protocols.Tcp;

/// <summary>
/// A TCP header to build (RFC 9293); the view is <see cref="TcpHeader"/>. The checksum needs the enclosing IP header's
/// pseudo-header, so <see cref="Crafting.PacketBuilder"/> computes it when that header is prepended.
/// </summary>
public record struct TcpSpec
{
    /// <summary>A SYN from port 0 to port 0 with window 8192 and no options.</summary>
    public TcpSpec()
    {
    }

    public ushort SourcePort { get; init; }
    public ushort DestinationPort { get; init; }
    public uint SequenceNumber { get; init; }
    public uint AcknowledgmentNumber { get; init; }

    /// <summary>The 12 flag bits, reserved bits included.</summary>
    public TcpFlags Flags { get; init; } = TcpFlags.Syn;

    public ushort Window { get; init; } = 8192;
    public ushort UrgentPointer { get; init; }

    /// <summary>Data offset in 32-bit words; null fills it from the options.</summary>
    public byte? DataOffsetWords { get; init; }

    /// <summary>The checksum; null computes it over the IPv4 or IPv6 pseudo-header.</summary>
    public ushort? Checksum { get; init; }

    /// <summary>Options in wire order; the area is padded with zeros (end of option list) to a multiple of 4.</summary>
    public IReadOnlyList<TcpOptionSpec> Options { get; init; } = [];

    /// <summary>The bytes the header occupies: 20 plus the padded options.</summary>
    public readonly int HeaderLength
    {
        get
        {
            int options = 0;
            foreach (var option in Options)
                options += option.Bytes.Length;
            return TcpHeader.MinLength + (options + 3) / 4 * 4;
        }
    }

    /// <summary>Writes the header into the first <see cref="HeaderLength"/> bytes of <paramref name="header"/>, checksum pinned or 0.</summary>
    public readonly void Emit(Span<byte> header)
    {
        int length = HeaderLength;
        if (length > 60 || ((ushort)Flags & 0xF000) != 0)
            throw new ArgumentOutOfRangeException(nameof(header), "TCP options are at most 40 bytes and flags 12 bits");
        BinaryPrimitives.WriteUInt16BigEndian(header[TcpHeader.Field.SourcePort..], SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(header[TcpHeader.Field.DestinationPort..], DestinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(header[TcpHeader.Field.SequenceNumber..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(header[TcpHeader.Field.AcknowledgmentNumber..], AcknowledgmentNumber);
        int offset = (DataOffsetWords ?? length / 4) & 0x0F;
        BinaryPrimitives.WriteUInt16BigEndian(header[TcpHeader.Field.DataOffsetAndFlags..], (ushort)(offset << 12 | (ushort)Flags));
        BinaryPrimitives.WriteUInt16BigEndian(header[TcpHeader.Field.Window..], Window);
        BinaryPrimitives.WriteUInt16BigEndian(header[TcpHeader.Field.Checksum..], Checksum ?? 0);
        BinaryPrimitives.WriteUInt16BigEndian(header[TcpHeader.Field.UrgentPointer..], UrgentPointer);
        var area = header[TcpHeader.Field.Options..length];
        area.Clear();
        int at = 0;
        foreach (var option in Options)
        {
            option.Bytes.Span.CopyTo(area[at..]);
            at += option.Bytes.Length;
        }
    }
}

/// <summary>One TCP option as it goes on the wire: kind, length and value.</summary>
/// <param name="Kind">The option kind.</param>
/// <param name="Bytes">The whole option, kind byte included.</param>
public readonly record struct TcpOptionSpec(TcpOptionKind Kind, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>End of option list (kind 0).</summary>
    public static TcpOptionSpec EndOfOptionList => new(TcpOptionKind.EndOfOptionList, new byte[] { 0 });

    /// <summary>No operation (kind 1).</summary>
    public static TcpOptionSpec NoOperation => new(TcpOptionKind.NoOperation, new byte[] { 1 });

    /// <summary>Maximum segment size (kind 2).</summary>
    public static TcpOptionSpec MaximumSegmentSize(ushort mss) => new(TcpOptionKind.MaximumSegmentSize, new byte[] { 2, 4, (byte)(mss >> 8), (byte)mss });

    /// <summary>Window scale shift count (kind 3).</summary>
    public static TcpOptionSpec WindowScale(byte shift) => new(TcpOptionKind.WindowScale, new byte[] { 3, 3, shift });

    /// <summary>SACK permitted (kind 4).</summary>
    public static TcpOptionSpec SackPermitted => new(TcpOptionKind.SackPermitted, new byte[] { 4, 2 });

    /// <summary>Selective acknowledgment blocks, left and right edges (kind 5, at most 4 blocks).</summary>
    public static TcpOptionSpec Sack(params ReadOnlySpan<(uint Left, uint Right)> blocks)
    {
        if (blocks.Length is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(blocks), "a SACK option holds 1 to 4 blocks");
        var bytes = new byte[2 + 8 * blocks.Length];
        bytes[0] = 5;
        bytes[1] = (byte)bytes.Length;
        for (int i = 0; i < blocks.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2 + 8 * i), blocks[i].Left);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(6 + 8 * i), blocks[i].Right);
        }
        return new(TcpOptionKind.Sack, bytes);
    }

    /// <summary>Timestamps: value and echo reply (kind 8).</summary>
    public static TcpOptionSpec Timestamps(uint value, uint echoReply)
    {
        var bytes = new byte[10];
        bytes[0] = 8;
        bytes[1] = 10;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2), value);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(6), echoReply);
        return new(TcpOptionKind.Timestamps, bytes);
    }

    /// <summary>Any option, written as kind, length (2 + data) and data.</summary>
    public static TcpOptionSpec Raw(byte kind, ReadOnlySpan<byte> data)
    {
        if (data.Length > 38)
            throw new ArgumentOutOfRangeException(nameof(data), "a TCP option's data is at most 38 bytes");
        var bytes = new byte[2 + data.Length];
        bytes[0] = kind;
        bytes[1] = (byte)bytes.Length;
        data.CopyTo(bytes.AsSpan(2));
        return new((TcpOptionKind)kind, bytes);
    }
}
