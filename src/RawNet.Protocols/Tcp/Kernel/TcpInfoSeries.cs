using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace RawNet.Protocols.Tcp.Kernel;

/// <summary>
/// The samples of one sending socket, with the connection they belong to (the sender's and the receiver's address and
/// port) and its congestion control; encoded into and decoded from the data of pcapng custom blocks.
/// </summary>
/// <remarks>
/// Block data (little-endian): tag "RNTI", version (u16, 1), record length (u16), IP version (u8, 4 or 6), 3 bytes 0,
/// sender port, receiver port (u16 each), sender and receiver address (16 bytes each; IPv4 in the first 4), algorithm
/// (16 bytes, NUL-padded ASCII), record count (u32), then the records, each <see cref="RecordLength"/> bytes.
/// </remarks>
public sealed record TcpInfoSeries(IPEndPoint Sender, IPEndPoint Receiver, string CongestionControl, IReadOnlyList<TcpInfoSample> Samples)
{
    /// <summary>The Private Enterprise Number of the custom blocks: 32473, which IANA set aside for documentation and examples (RFC 5612); RawNet has none of its own.</summary>
    public const uint EnterpriseNumber = 32473;

    /// <summary>The section header's custom option value that says the file holds samples (read before the packets, so a reader knows to look).</summary>
    public const string SectionMarker = "rawnet tcp_info samples v1";

    /// <summary>Bytes of one encoded sample.</summary>
    public const int RecordLength = 104;

    /// <summary>The most samples one block carries (about 100 KB).</summary>
    public const int SamplesPerBlock = 1000;

    private const int HeaderLength = 4 + 2 + 2 + 4 + 4 + 32 + 16 + 4;
    private static ReadOnlySpan<byte> Tag => "RNTI"u8;

    /// <summary>The series in blocks of at most <see cref="SamplesPerBlock"/> samples (at least one block, even with none).</summary>
    public IEnumerable<byte[]> Encode()
    {
        int index = 0;
        do
        {
            int count = Math.Min(SamplesPerBlock, Samples.Count - index);
            var data = new byte[HeaderLength + count * RecordLength];
            WriteHeader(data, count);
            for (int i = 0; i < count; i++)
                WriteRecord(data.AsSpan(HeaderLength + i * RecordLength, RecordLength), Samples[index + i]);
            index += count;
            yield return data;
        }
        while (index < Samples.Count);
    }

    private void WriteHeader(Span<byte> data, int count)
    {
        Tag.CopyTo(data);
        BinaryPrimitives.WriteUInt16LittleEndian(data[4..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(data[6..], RecordLength);
        data[8] = Sender.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? (byte)6 : (byte)4;
        BinaryPrimitives.WriteUInt16LittleEndian(data[12..], (ushort)Sender.Port);
        BinaryPrimitives.WriteUInt16LittleEndian(data[14..], (ushort)Receiver.Port);
        Sender.Address.GetAddressBytes().CopyTo(data[16..]);
        Receiver.Address.GetAddressBytes().CopyTo(data[32..]);
        var name = Encoding.ASCII.GetBytes(CongestionControl);
        name.AsSpan(0, Math.Min(name.Length, 16)).CopyTo(data[48..]);
        BinaryPrimitives.WriteUInt32LittleEndian(data[64..], (uint)count);
    }

    private static void WriteRecord(Span<byte> r, in TcpInfoSample s)
    {
        BinaryPrimitives.WriteInt64LittleEndian(r, s.TimestampNanoseconds);
        r[8] = s.State;
        r[9] = s.CongestionState;
        uint[] words = [s.SendMss, s.Unacked, s.Sacked, s.Lost, s.Retransmitting, s.RttMicroseconds, s.RttVarianceMicroseconds, s.RtoMicroseconds,
            s.SlowStartThreshold, s.CongestionWindow, s.TotalRetransmissions, s.SendWindow, s.NotSentBytes, s.MinRttMicroseconds];
        for (int i = 0; i < words.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(r[(12 + 4 * i)..], words[i]);
        ulong[] longs = [s.PacingRate, s.DeliveryRate, s.BytesAcked, s.BytesSent];
        for (int i = 0; i < longs.Length; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(r[(68 + 8 * i)..], longs[i]);
    }

    /// <summary>
    /// Decodes one block's data into its connection and samples; false, with the reason, when it is not a block of
    /// this format or is damaged (a record length or count that does not fit the data).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, out TcpInfoSeries series, out string error)
    {
        series = null!;
        error = "";
        if (data.Length < HeaderLength || !data[..4].SequenceEqual(Tag))
        {
            error = "not a rawnet tcp_info block";
            return false;
        }
        int version = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
        int recordLength = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]);
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(data[64..]);
        if (version != 1 || recordLength < RecordLength || data[8] is not (4 or 6))
        {
            error = $"tcp_info block version {version}, record length {recordLength}, IP version {data[8]}: not one this reader knows";
            return false;
        }
        if (count > (uint)((data.Length - HeaderLength) / recordLength))
        {
            error = $"tcp_info block says {count} samples of {recordLength} bytes, but holds {data.Length - HeaderLength} bytes";
            return false;
        }
        int addressLength = data[8] == 4 ? 4 : 16;
        var sender = new IPEndPoint(new IPAddress(data.Slice(16, addressLength)), BinaryPrimitives.ReadUInt16LittleEndian(data[12..]));
        var receiver = new IPEndPoint(new IPAddress(data.Slice(32, addressLength)), BinaryPrimitives.ReadUInt16LittleEndian(data[14..]));
        var name = Encoding.ASCII.GetString(data.Slice(48, 16)).TrimEnd('\0');
        var samples = new TcpInfoSample[count];
        for (int i = 0; i < count; i++)
            samples[i] = ReadRecord(data.Slice(HeaderLength + i * recordLength, RecordLength));
        series = new TcpInfoSeries(sender, receiver, name, samples);
        return true;
    }

    private static TcpInfoSample ReadRecord(ReadOnlySpan<byte> r)
    {
        Span<uint> w = stackalloc uint[14];
        for (int i = 0; i < w.Length; i++)
            w[i] = BinaryPrimitives.ReadUInt32LittleEndian(r[(12 + 4 * i)..]);
        Span<ulong> l = stackalloc ulong[4];
        for (int i = 0; i < l.Length; i++)
            l[i] = BinaryPrimitives.ReadUInt64LittleEndian(r[(68 + 8 * i)..]);
        return new TcpInfoSample(BinaryPrimitives.ReadInt64LittleEndian(r), r[8], r[9], w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10],
            l[0], l[1], l[2], l[3], w[11], w[12], w[13]);
    }

    /// <summary>Joins the blocks of the same connection, in order, into one series per connection.</summary>
    public static IReadOnlyList<TcpInfoSeries> Merge(IEnumerable<TcpInfoSeries> parts) =>
        [.. parts.GroupBy(p => (p.Sender, p.Receiver))
            .Select(g => g.First() with { Samples = [.. g.SelectMany(p => p.Samples).OrderBy(s => s.TimestampNanoseconds)] })];

    /// <summary>"198.18.0.1:43113" or "[2001:db8::1]:43113", as the graphs and tables name endpoints.</summary>
    public static string EndpointText(IPEndPoint endpoint) =>
        endpoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{endpoint.Address}]:{endpoint.Port}" : $"{endpoint.Address}:{endpoint.Port}";

    /// <summary>The index of the sample nearest <paramref name="timestampNanoseconds"/> (samples in time order), or -1 when there are none.</summary>
    public int Nearest(long timestampNanoseconds)
    {
        if (Samples.Count == 0)
            return -1;
        int lo = 0, hi = Samples.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (Samples[mid].TimestampNanoseconds < timestampNanoseconds)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo > 0 && Math.Abs(Samples[lo - 1].TimestampNanoseconds - timestampNanoseconds) <= Math.Abs(Samples[lo].TimestampNanoseconds - timestampNanoseconds))
            lo--;
        return lo;
    }
}
