using System.Buffers.Binary;
using RawNet.Files;
using RawNet.Protocols;

namespace RawNet.Capture.LibPcap;

/// <summary>
/// Reads libpcap's <c>struct pcap_pkthdr { struct timeval ts; bpf_u_int32 caplen; bpf_u_int32 len; }</c> where
/// pcap_next_ex left it, without SharpPcap's <c>PcapHeader</c> (two objects a frame). <c>timeval</c> is two 32-bit
/// fields on Windows (and any 32-bit process); on 64-bit Linux and macOS a 64-bit <c>tv_sec</c> and a
/// <c>tv_usec</c> whose low 32 bits (little-endian) are the microseconds, padded to 16 bytes.
/// </summary>
internal static unsafe class PcapPacketHeader
{
    private static readonly bool s_narrowTimeval = OperatingSystem.IsWindows() || IntPtr.Size == 4;

    private static readonly int s_capturedLengthOffset = s_narrowTimeval ? 8 : 16;

    /// <summary>The frame's metadata (nanosecond timestamp, lengths) for <paramref name="linkType"/>.</summary>
    internal static FrameMetadata Read(nint header, LinkType linkType)
    {
        var bytes = new ReadOnlySpan<byte>((void*)header, s_capturedLengthOffset + 8);
        long seconds = s_narrowTimeval ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : BinaryPrimitives.ReadInt64LittleEndian(bytes);
        long microseconds = BinaryPrimitives.ReadInt32LittleEndian(bytes[(s_narrowTimeval ? 4 : 8)..]);
        int captured = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[s_capturedLengthOffset..]);
        int wire = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(s_capturedLengthOffset + 4)..]);
        return new FrameMetadata(seconds * 1_000_000_000L + microseconds * 1_000L, captured, wire, linkType);
    }
}
