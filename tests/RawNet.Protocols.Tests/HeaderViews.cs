using RawNet.Protocols.Icmp;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Udp;

namespace RawNet.Protocols.Tests;

/// <summary>The header views of bytes a test knows to be whole, through their checked <c>TryRead</c>.</summary>
internal static class HeaderViews
{
    public static Ipv4Header Ipv4(ReadOnlySpan<byte> bytes) => Ipv4Header.TryRead(bytes, out var header) ? header : throw Short(nameof(Ipv4Header), bytes);
    public static Ipv6Header Ipv6(ReadOnlySpan<byte> bytes) => Ipv6Header.TryRead(bytes, out var header) ? header : throw Short(nameof(Ipv6Header), bytes);
    public static TcpHeader Tcp(ReadOnlySpan<byte> bytes) => TcpHeader.TryRead(bytes, out var header) ? header : throw Short(nameof(TcpHeader), bytes);
    public static UdpHeader Udp(ReadOnlySpan<byte> bytes) => UdpHeader.TryRead(bytes, out var header) ? header : throw Short(nameof(UdpHeader), bytes);
    public static IcmpHeader Icmp(ReadOnlySpan<byte> bytes) => IcmpHeader.TryRead(bytes, out var header) ? header : throw Short(nameof(IcmpHeader), bytes);

    private static Xunit.Sdk.XunitException Short(string view, ReadOnlySpan<byte> bytes) => new($"{view}: {bytes.Length} bytes are not a whole header");
}

/// <summary>Each header view wraps bytes only when they hold everything its properties read.</summary>
public class HeaderViewTests
{
    [Fact]
    public void Every_view_refuses_every_prefix_shorter_than_what_it_reads_and_takes_the_rest()
    {
        var bytes = new byte[64];
        for (int length = 0; length <= bytes.Length; length++)
        {
            var prefix = bytes.AsSpan(0, length);
            Assert.Equal(length >= Ipv4Header.MinLength, Ipv4Header.TryRead(prefix, out _));
            Assert.Equal(length >= Ipv6Header.Length, Ipv6Header.TryRead(prefix, out _));
            Assert.Equal(length >= TcpHeader.MinLength, TcpHeader.TryRead(prefix, out _));
            Assert.Equal(length >= TcpHeader.NumbersLength, TcpHeader.TryReadNumbers(prefix, out _));
            Assert.Equal(length >= 4, TcpHeader.TryReadPorts(prefix, out _, out _));
            Assert.Equal(length >= UdpHeader.HeaderLength, UdpHeader.TryRead(prefix, out _));
            Assert.Equal(length >= IcmpHeader.CommonLength, IcmpHeader.TryRead(prefix, out _));
        }
    }

    [Fact]
    public void A_view_reads_every_property_of_the_shortest_bytes_it_takes()
    {
        var bytes = Enumerable.Range(1, 64).Select(i => (byte)i).ToArray();
        Assert.True(Ipv4Header.TryRead(bytes.AsSpan(0, Ipv4Header.MinLength), out var ip));
        Assert.Equal([17, 18, 19, 20], ip.Destination.ToArray());
        Assert.True(Ipv6Header.TryRead(bytes.AsSpan(0, Ipv6Header.Length), out var ip6));
        Assert.Equal(16, ip6.Destination.Length);
        Assert.True(TcpHeader.TryRead(bytes.AsSpan(0, TcpHeader.MinLength), out var tcp));
        Assert.Equal(0x1112, tcp.Checksum);
        Assert.Equal(0x1314, tcp.UrgentPointer);
        Assert.True(TcpHeader.TryReadNumbers(bytes.AsSpan(0, TcpHeader.NumbersLength), out var numbers));
        Assert.Equal(0x0f10, numbers.Window);
        Assert.True(TcpHeader.TryReadPorts(bytes.AsSpan(0, 4), out ushort source, out ushort destination));
        Assert.Equal((0x0102, 0x0304), (source, destination));
        Assert.True(UdpHeader.TryRead(bytes.AsSpan(0, UdpHeader.HeaderLength), out var udp));
        Assert.Equal(0x0708, udp.Checksum);
        Assert.True(IcmpHeader.TryRead(bytes.AsSpan(0, IcmpHeader.CommonLength), out var icmp));
        Assert.Equal(0x0304, icmp.Checksum);
    }
}
