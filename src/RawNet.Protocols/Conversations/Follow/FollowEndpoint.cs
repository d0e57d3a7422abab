using System.Buffers.Binary;

namespace RawNet.Protocols.Conversations.Follow;

/// <summary>The protocol whose stream is followed: TCP's byte stream or UDP's datagrams.</summary>
public enum FollowProtocol : byte
{
    Tcp,
    Udp,
}

/// <summary>
/// Which end of a followed stream sent a chunk: tshark's "Node 0" (the sender of the first packet followed, its client) and
/// "Node 1" (the other end, its server).
/// </summary>
public enum FollowNode : byte
{
    Client = 0,
    Server = 1,
}

/// <summary>One end of a followed stream: an IPv4 or IPv6 address and a port, or none before a packet named it.</summary>
public readonly struct FollowEndpoint : IEquatable<FollowEndpoint>
{
    private readonly UInt128 _address;

    private FollowEndpoint(UInt128 address, byte family, ushort port)
    {
        _address = address;
        Family = family;
        Port = port;
    }

    /// <summary>4 or 6; 0 when no packet has named this end yet.</summary>
    public byte Family { get; }

    /// <summary>The TCP or UDP port.</summary>
    public ushort Port { get; }

    /// <summary>True before any packet named this end (tshark then prints an empty address and port 0).</summary>
    public bool IsNone => Family == 0;

    /// <summary>The end with <paramref name="address"/> (4 or 16 bytes) and <paramref name="port"/>.</summary>
    public static FollowEndpoint Of(ReadOnlySpan<byte> address, ushort port) => address.Length == 4
        ? new FollowEndpoint(BinaryPrimitives.ReadUInt32BigEndian(address), 4, port)
        : new FollowEndpoint(BinaryPrimitives.ReadUInt128BigEndian(address), 6, port);

    /// <summary>Writes the address's bytes (4, 16, or none) into <paramref name="destination"/> and returns how many.</summary>
    public int WriteAddress(Span<byte> destination)
    {
        switch (Family)
        {
            case 4:
                BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)_address);
                return 4;
            case 6:
                BinaryPrimitives.WriteUInt128BigEndian(destination, _address);
                return 16;
            default:
                return 0;
        }
    }

    /// <inheritdoc />
    public bool Equals(FollowEndpoint other) => _address == other._address && Family == other.Family && Port == other.Port;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FollowEndpoint other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_address, Family, Port);
}

/// <summary>
/// The two ends of a followed stream as tshark names them. <see cref="Final"/> is false while the client's port is 0:
/// tshark then takes the sender of each new packet as its client, until one comes from a port other than 0.
/// </summary>
/// <param name="Client">Node 0.</param>
/// <param name="Server">Node 1.</param>
/// <param name="Final">True when no later packet can change them.</param>
public readonly record struct FollowEndpoints(FollowEndpoint Client, FollowEndpoint Server, bool Final);
