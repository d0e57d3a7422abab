using System.Buffers.Binary;

namespace RawNet.Protocols.Loopback;

/// <summary>
/// The BSD loopback header (link types NULL and LOOP): a 4-byte address family, which DLT_NULL stores in the capturing
/// host's byte order and DLT_LOOP in network order. The family is small, so either order reads back to it.
/// </summary>
public static class LoopbackHeader
{
    /// <summary>The header's length.</summary>
    public const int Length = 4;

    /// <summary>AF_INET on every system.</summary>
    public const uint Inet = 2;

    /// <summary>AF_INET6 on Linux; the BSDs differ (<see cref="IsInet6"/>).</summary>
    public const uint LinuxInet6 = 10;

    /// <summary>AF_INET6 on NetBSD and OpenBSD (24), FreeBSD and DragonFly (28), and Darwin (30).</summary>
    public const uint BsdInet6 = 24, FreeBsdInet6 = 28, DarwinInet6 = 30;

    /// <summary>The address family of a header of at least <see cref="Length"/> bytes, whichever byte order it was written in.</summary>
    public static uint Family(ReadOnlySpan<byte> header)
    {
        uint family = BinaryPrimitives.ReadUInt32LittleEndian(header);
        return family > 0xFFFF ? BinaryPrimitives.ReverseEndianness(family) : family;
    }

    /// <summary>The <see cref="Decoding.Layer.Detail"/> of a DLT_LOOP header, whose family tshark and tcpdump read in network order only.</summary>
    public const byte NetworkOrder = 1;

    /// <summary>
    /// The address family as a DLT_LOOP header (<paramref name="networkOrder"/>) or a DLT_NULL one holds it: DLT_LOOP's in
    /// network order as it stands, DLT_NULL's in either order (<see cref="Family(ReadOnlySpan{byte})"/>).
    /// </summary>
    public static uint Family(ReadOnlySpan<byte> header, bool networkOrder) =>
        networkOrder ? BinaryPrimitives.ReadUInt32BigEndian(header) : Family(header);

    /// <summary>True for an AF_INET6 of any system (what tshark decodes as IPv6, and libpcap's <c>ip6</c> matches in a file).</summary>
    public static bool IsInet6(uint family) => family == LinuxInet6 || IsBsdInet6(family);

    /// <summary>True for the BSDs' and Darwin's AF_INET6 (what pf's log and enc name IPv6 by in tcpdump).</summary>
    public static bool IsBsdInet6(uint family) => family is BsdInet6 or FreeBsdInet6 or DarwinInet6;
}
