using System.Buffers.Binary;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// UDP payloads no port decodes are tried by tshark 4.0's heuristic dissectors; WireGuard's, on by default, reads the
/// 4-byte message type and reserved bytes first, so a payload of at least 4 bytes of which the capture kept 1 to 3 is
/// "[Packet size limited during capture]" in Info (and one of fewer than 4 bytes is not).
/// </summary>
public sealed class UdpHeuristicOracleTests
{
    [Fact]
    public void PayloadsCutInsideWireGuardsFirstFourBytesAreMarkedAsInTshark()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rawnet-udp-heuristic-{Environment.ProcessId}.pcap");
        using (var file = File.Create(path))
        {
            file.Write(Convert.FromHexString("d4c3b2a1020004000000000000000000ffff000001000000"));
            int frame = 0;
            foreach (int reported in new[] { 1, 2, 3, 4, 5, 16, 148 })
            {
                // cut inside the first 4 bytes, whatever they are, and whole (not a WireGuard type: RawNet does not
                // recognise WireGuard's messages, nor what the heuristics make of a payload cut further in)
                foreach (int captured in Enumerable.Range(0, Math.Min(reported, 3) + 1).Append(reported).Distinct())
                {
                    var bytes = Frame(reported, captured == reported ? (byte)9 : (byte)(frame % 5));
                    var header = new byte[16];
                    BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), frame++);
                    BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), 42 + captured);
                    BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), bytes.Length);
                    file.Write(header);
                    file.Write(bytes.AsSpan(0, 42 + captured));
                }
            }
        }
        try
        {
            TsharkComparison.AssertSameFields(path, ["frame.number", "frame.cap_len", "udp.length", "_ws.col.Protocol", "_ws.col.Info"], 2);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Ethernet, IPv4 and UDP from port 40000 to 40001 with a payload of <paramref name="length"/> bytes starting with <paramref name="first"/> (WireGuard's message types among them).</summary>
    private static byte[] Frame(int length, byte first)
    {
        var frame = new byte[42 + length];
        Convert.FromHexString("0200000000020200000000010800450000000001000040110000c6120001c6120002").CopyTo(frame, 0);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), (ushort)(28 + length));
        uint sum = 0;
        for (int i = 14; i < 34; i += 2)
            sum += BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(i));
        sum = (sum & 0xFFFF) + (sum >> 16);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(24), (ushort)~(sum + (sum >> 16)));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(34), 40000);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(36), 40001);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(38), (ushort)(8 + length));
        frame[42] = first;
        return frame;
    }
}
