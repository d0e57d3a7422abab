using System.Buffers.Binary;
using System.Net;
using RawNet.Protocols.Arp;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Icmp;
using RawNet.Protocols.Icmpv6;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Udp;
using RawNet.Protocols.Vlan;

namespace RawNet.Protocols.Crafting;

/// <summary>A field <see cref="PacketBuilder"/> filled in because the spec left it unset.</summary>
/// <param name="Layer">Index of the header, 0 for the outermost (the decoder's layer index minus one).</param>
/// <param name="Kind">What the header is.</param>
/// <param name="Field">The field, from the protocol's field table.</param>
public readonly record struct FilledField(int Layer, LayerKind Kind, FieldDefinition Field)
{
    /// <summary>The field's Wireshark name, e.g. "ip.checksum".</summary>
    public string Name => Field.Name;
}

/// <summary>
/// Builds a packet from the inside out, as gopacket does: <see cref="SetPayload"/> first, then each header is
/// prepended into headroom in front of what is already built. Lengths, next-protocol numbers and checksums are filled
/// (and listed in <see cref="Filled"/>) unless a spec pins them; a pinned wrong value is kept on purpose. A TCP, UDP or
/// ICMPv6 checksum is computed when the IP header around it is prepended, over that header's pseudo-header.
/// </summary>
public sealed class PacketBuilder
{
    private const int DefaultHeadroom = 128;

    private byte[] _buffer;
    private int _start;
    private int _headers;
    private LayerKind _inner;
    private readonly List<(int Depth, LayerKind Kind, FieldDefinition Field)> _filled = [];

    // A transport checksum waiting for its IP header: the layer, its distance from the end of the buffer and its depth.
    private LayerKind _pendingKind;
    private int _pendingDistance;
    private int _pendingDepth;

    // The last address of a routing header prepended since the pending transport: the pseudo-header's destination.
    private IPAddress? _finalDestination;

    /// <summary>Creates an empty builder with <paramref name="capacity"/> bytes of room; it grows when more is needed.</summary>
    public PacketBuilder(int capacity = 256)
    {
        _buffer = new byte[Math.Max(capacity, 64)];
        Clear();
    }

    /// <summary>The bytes built so far, outermost header first (valid until the next call on this builder).</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(_start);

    /// <summary>Number of bytes built so far.</summary>
    public int Length => _buffer.Length - _start;

    /// <summary>Number of headers prepended so far.</summary>
    public int HeaderCount => _headers;

    /// <summary>Every field filled in rather than pinned, outermost header first.</summary>
    public IReadOnlyList<FilledField> Filled =>
        _filled.Select(f => new FilledField(_headers - 1 - f.Depth, f.Kind, f.Field)).OrderBy(f => f.Layer).ToArray();

    /// <summary>Copies the packet out.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <summary>Starts over with nothing built.</summary>
    public PacketBuilder Clear()
    {
        _start = _buffer.Length;
        _headers = 0;
        _inner = LayerKind.Payload;
        _filled.Clear();
        _pendingKind = LayerKind.Frame;
        _finalDestination = null;
        return this;
    }

    /// <summary>Starts over with <paramref name="payload"/> as the innermost bytes.</summary>
    public PacketBuilder SetPayload(ReadOnlySpan<byte> payload)
    {
        Clear();
        if (_buffer.Length < payload.Length + DefaultHeadroom)
            _buffer = new byte[payload.Length + DefaultHeadroom];
        _start = _buffer.Length - payload.Length;
        payload.CopyTo(_buffer.AsSpan(_start));
        return this;
    }

    /// <summary>Prepends an Ethernet header.</summary>
    public PacketBuilder Prepend(in EthernetSpec spec)
    {
        var header = Reserve(EthernetHeader.Length);
        spec.Emit(header, spec.EtherType ?? Fill(EthernetFields.Type, InnerEtherType()));
        return Done(LayerKind.Ethernet);
    }

    /// <summary>Prepends an 802.1Q tag (the header outside it must carry TPID 0x8100, which Ethernet fills).</summary>
    public PacketBuilder Prepend(in VlanSpec spec)
    {
        var tag = Reserve(VlanTag.Length);
        spec.Emit(tag, spec.EtherType ?? Fill(VlanFields.EtherType, InnerEtherType()));
        return Done(LayerKind.Vlan);
    }

    /// <summary>Prepends an ARP packet.</summary>
    public PacketBuilder Prepend(in ArpSpec spec)
    {
        spec.Emit(Reserve(ArpSpec.Length));
        return Done(LayerKind.Arp);
    }

    /// <summary>Prepends an IPv4 header, then computes a pending TCP/UDP checksum over its pseudo-header.</summary>
    public PacketBuilder Prepend(in Ipv4Spec spec)
    {
        int headerLength = spec.HeaderLength;
        var header = Reserve(headerLength);
        if (spec.HeaderLengthWords is null)
            Fill(Ipv4Fields.HeaderLength);
        ushort total = spec.TotalLength ?? Fill(Ipv4Fields.TotalLength, ClampLength(Length));
        var protocol = spec.Protocol ?? Fill(Ipv4Fields.Protocol, InnerProtocol(IpProtocol.Ipv6HopByHop));
        if (spec.Checksum is null)
            Fill(Ipv4Fields.Checksum);
        spec.Emit(header, total, protocol);
        Span<byte> source = stackalloc byte[4];
        Span<byte> destination = stackalloc byte[4];
        IpAddressBytes.Write(spec.Source, source);
        IpAddressBytes.Write(spec.Destination, destination);
        // A pinned total length also sets the pseudo-header's length, as receivers (and scapy) derive it from the IP header.
        int? upperLength = spec.TotalLength is { } pinned ? Math.Max(pinned - 4 * (spec.HeaderLengthWords ?? headerLength / 4), 0) : null;
        CompletePending(source, destination, upperLength);
        return Done(LayerKind.Ipv4);
    }

    /// <summary>Prepends a fixed IPv6 header, then computes a pending TCP/UDP/ICMPv6 checksum over its pseudo-header.</summary>
    public PacketBuilder Prepend(in Ipv6Spec spec)
    {
        var header = Reserve(Ipv6Header.Length);
        ushort payload = spec.PayloadLength ?? Fill(Ipv6Fields.PayloadLength, ClampLength(Length - Ipv6Header.Length));
        var next = spec.NextHeader ?? Fill(Ipv6Fields.NextHeader, InnerProtocol(IpProtocol.Ipv6NoNextHeader));
        spec.Emit(header, payload, next);
        Span<byte> source = stackalloc byte[16];
        Span<byte> destination = stackalloc byte[16];
        IpAddressBytes.Write(spec.Source, source);
        IpAddressBytes.Write(_finalDestination ?? spec.Destination, destination);
        CompletePending(source, destination, null);
        return Done(LayerKind.Ipv6);
    }

    /// <summary>Prepends a hop-by-hop options header.</summary>
    public PacketBuilder Prepend(in Ipv6HopByHopSpec spec)
    {
        var header = Reserve(spec.HeaderLength);
        spec.Emit(header, spec.NextHeader ?? Fill(Ipv6Fields.HopByHop[0], InnerProtocol(IpProtocol.Ipv6NoNextHeader)));
        Fill(Ipv6Fields.HopByHop[1]);
        return Done(LayerKind.Ipv6HopByHop);
    }

    /// <summary>Prepends a destination options header.</summary>
    public PacketBuilder Prepend(in Ipv6DestinationOptionsSpec spec)
    {
        var header = Reserve(spec.HeaderLength);
        spec.Emit(header, spec.NextHeader ?? Fill(Ipv6Fields.DestinationOptions[0], InnerProtocol(IpProtocol.Ipv6NoNextHeader)));
        Fill(Ipv6Fields.DestinationOptions[1]);
        return Done(LayerKind.Ipv6DestinationOptions);
    }

    /// <summary>Prepends a routing header; while segments are left its last address is the pseudo-header's destination (RFC 8200 section 8.1).</summary>
    public PacketBuilder Prepend(in Ipv6RoutingSpec spec)
    {
        var header = Reserve(spec.HeaderLength);
        spec.Emit(header, spec.NextHeader ?? Fill(Ipv6Fields.Routing[0], InnerProtocol(IpProtocol.Ipv6NoNextHeader)));
        Fill(Ipv6Fields.Routing[1]);
        if (spec.SegmentsLeft is null)
            Fill(Ipv6Fields.Routing[3]);
        // Headers are prepended inside out, so the first routing header seen is the innermost: with (unusual) several,
        // its address is the one the decoder and tshark take, having walked through the outer ones.
        if (header[Ipv6ExtensionHeader.Field.SegmentsLeft] > 0 && spec.Addresses.Count > 0)
            _finalDestination ??= spec.Addresses[^1];
        return Done(LayerKind.Ipv6Routing);
    }

    /// <summary>Prepends a fragment header.</summary>
    public PacketBuilder Prepend(in Ipv6FragmentSpec spec)
    {
        var header = Reserve(Ipv6ExtensionHeader.FragmentHeaderLength);
        spec.Emit(header, spec.NextHeader ?? Fill(Ipv6Fields.Fragment[0], InnerProtocol(IpProtocol.Ipv6NoNextHeader)));
        return Done(LayerKind.Ipv6Fragment);
    }

    /// <summary>Prepends a TCP header; its checksum is computed when the IP header is prepended.</summary>
    public PacketBuilder Prepend(in TcpSpec spec)
    {
        spec.Emit(Reserve(spec.HeaderLength));
        if (spec.DataOffsetWords is null)
            Fill(TcpFields.HeaderLength);
        if (spec.Checksum is null)
            Pend(LayerKind.Tcp);
        return Done(LayerKind.Tcp);
    }

    /// <summary>Prepends a UDP header; its checksum is computed when the IP header is prepended.</summary>
    public PacketBuilder Prepend(in UdpSpec spec)
    {
        var header = Reserve(UdpHeader.HeaderLength);
        spec.Emit(header, spec.Length ?? Fill(UdpFields.Length, ClampLength(Length)));
        if (spec.Checksum is null)
            Pend(LayerKind.Udp);
        return Done(LayerKind.Udp);
    }

    /// <summary>Prepends an ICMPv4 header and computes its checksum over the message at once.</summary>
    public PacketBuilder Prepend(in IcmpSpec spec)
    {
        var header = Reserve(IcmpHeader.HeaderLength);
        spec.Emit(header);
        if (spec.Checksum is null)
        {
            BinaryPrimitives.WriteUInt16BigEndian(header[IcmpHeader.Field.Checksum..], InternetChecksum.Compute(Bytes));
            Fill(IcmpFields.Checksum);
        }
        return Done(LayerKind.Icmp);
    }

    /// <summary>Prepends an ICMPv6 header; its checksum is computed when the IPv6 header is prepended.</summary>
    public PacketBuilder Prepend(in Icmpv6Spec spec)
    {
        spec.Emit(Reserve(IcmpHeader.HeaderLength));
        if (spec.Checksum is null)
            Pend(LayerKind.Icmpv6);
        return Done(LayerKind.Icmpv6);
    }

    private Span<byte> Reserve(int length)
    {
        if (_start < length)
        {
            // Grow at the front: everything is addressed by its distance from the end, which stays the same.
            var bigger = new byte[Math.Max(_buffer.Length * 2, Length + length + DefaultHeadroom)];
            int start = bigger.Length - Length;
            Bytes.CopyTo(bigger.AsSpan(start));
            _buffer = bigger;
            _start = start;
        }
        _start -= length;
        return _buffer.AsSpan(_start, length);
    }

    private PacketBuilder Done(LayerKind kind)
    {
        _inner = kind;
        _headers++;
        return this;
    }

    private void Fill(FieldDefinition field) => _filled.Add((_headers, field.Layer, field));

    private T Fill<T>(FieldDefinition field, T value)
    {
        Fill(field);
        return value;
    }

    private void Pend(LayerKind kind)
    {
        _pendingKind = kind;
        _pendingDistance = Length;
        _pendingDepth = _headers;
        _finalDestination = null;
    }

    private void CompletePending(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, int? upperLength)
    {
        var kind = _pendingKind;
        if (kind == LayerKind.Frame)
            return;
        _pendingKind = LayerKind.Frame;
        _finalDestination = null;
        var message = _buffer.AsSpan(_buffer.Length - _pendingDistance);
        var (protocol, checksumOffset, field) = kind switch
        {
            LayerKind.Tcp => (IpProtocol.Tcp, TcpHeader.Field.Checksum, TcpFields.Checksum),
            LayerKind.Udp => (IpProtocol.Udp, UdpHeader.Field.Checksum, UdpFields.Checksum),
            _ => (IpProtocol.Icmpv6, IcmpHeader.Field.Checksum, Icmpv6Fields.Checksum),
        };
        ulong pseudo = source.Length == 4
            ? InternetChecksum.PseudoHeaderIpv4(source, destination, protocol, upperLength ?? message.Length)
            : InternetChecksum.PseudoHeaderIpv6(source, destination, protocol, message.Length);
        ulong sum = InternetChecksum.Add(pseudo, message);
        ushort checksum = InternetChecksum.Finish(sum);
        // UDP's computed 0 goes out as 0xFFFF over both IP versions (0 means "none" over IPv4, and is illegal over IPv6).
        if (kind == LayerKind.Udp)
            checksum = InternetChecksum.ForUdp(checksum);
        BinaryPrimitives.WriteUInt16BigEndian(message[checksumOffset..], checksum);
        _filled.Add((_pendingDepth, kind, field));
    }

    private static ushort ClampLength(int length) => (ushort)Math.Min(length, ushort.MaxValue);

    private EtherType InnerEtherType() => _inner switch
    {
        LayerKind.Ipv4 => EtherType.Ipv4,
        LayerKind.Ipv6 => EtherType.Ipv6,
        LayerKind.Arp => EtherType.Arp,
        LayerKind.Vlan => EtherType.Vlan,
        // scapy's Ether default (the loopback "configuration testing" type) over data RawNet does not know.
        _ => (EtherType)0x9000,
    };

    private IpProtocol InnerProtocol(IpProtocol overData) => _inner switch
    {
        LayerKind.Tcp => IpProtocol.Tcp,
        LayerKind.Udp => IpProtocol.Udp,
        LayerKind.Icmp => IpProtocol.Icmp,
        LayerKind.Icmpv6 => IpProtocol.Icmpv6,
        LayerKind.Ipv4 => IpProtocol.IpInIp,
        LayerKind.Ipv6 => IpProtocol.Ipv6,
        LayerKind.Ipv6HopByHop => IpProtocol.Ipv6HopByHop,
        LayerKind.Ipv6Routing => IpProtocol.Ipv6Routing,
        LayerKind.Ipv6Fragment => IpProtocol.Ipv6Fragment,
        LayerKind.Ipv6DestinationOptions => IpProtocol.Ipv6DestinationOptions,
        _ => overData,
    };
}
