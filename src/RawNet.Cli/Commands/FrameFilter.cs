using System.Buffers.Binary;
using RawNet.Capture.Bpf;
using RawNet.Protocols;
using RawNet.Protocols.Loopback;

namespace RawNet.Cli.Commands;

/// <summary>
/// A capture filter in tcpdump syntax applied to frames that are already captured (<c>read -f</c>): libpcap compiles it
/// once per link type, and our BPF interpreter runs it on every frame, as the kernel would have.
/// </summary>
public sealed class FrameFilter(string expression)
{
    private readonly Dictionary<LinkType, BpfProgram> _programs = [];
    private LinkType _lastLinkType;
    private BpfProgram? _last;
    private byte[] _loopbackCopy = [];

    /// <summary>The expression, as given.</summary>
    public string Expression { get; } = expression;

    /// <summary>Whether the filter accepts the frame.</summary>
    /// <exception cref="BpfCompileException">The expression does not compile for the frame's link type.</exception>
    public bool Matches(in FrameMetadata metadata, ReadOnlySpan<byte> data)
    {
        if (_last is null || metadata.LinkType != _lastLinkType)
        {
            if (!_programs.TryGetValue(metadata.LinkType, out _last))
            {
                _last = BpfProgram.Compile(Expression, metadata.LinkType);
                _programs.Add(metadata.LinkType, _last);
            }
            _lastLinkType = metadata.LinkType;
        }
        if (metadata.LinkType is LinkType.Null or LinkType.Loop && data.Length >= 4)
            return MatchesLoopback(data, metadata.LinkType, metadata.OriginalLength);
        return _last.Matches(data, metadata.OriginalLength);
    }

    /// <summary>
    /// BSD loopback headers as libpcap shows them to a filter on a file: the address family in this host's byte order
    /// (DLT_NULL stores the capturing host's order; DLT_LOOP network order), and any BSD's AF_INET6 (24, 28 or 30)
    /// matched by <c>ip6</c>, which libpcap arranges when it compiles for a file rather than for a live handle.
    /// </summary>
    private bool MatchesLoopback(ReadOnlySpan<byte> data, LinkType linkType, int wireLength)
    {
        uint family = LoopbackHeader.Family(data);
        if (LoopbackHeader.IsInet6(family))
            family = LoopbackHeader.LinuxInet6;
        if (_loopbackCopy.Length < data.Length)
            _loopbackCopy = new byte[Math.Max(data.Length, 2048)];
        var copy = _loopbackCopy.AsSpan(0, data.Length);
        data.CopyTo(copy);
        if (linkType == LinkType.Loop)
            BinaryPrimitives.WriteUInt32BigEndian(copy, family);
        else
            BitConverter.TryWriteBytes(copy, family);
        return _last!.Matches(copy, wireLength);
    }
}
