using System.Buffers.Binary;

namespace RawNet.Protocols.Ospf;

/// <summary>Which value of an OSPF packet an item of <see cref="OspfWalk"/> (and a field of <see cref="OspfFields"/>) shows.</summary>
public enum OspfValue : byte
{
    Version, MessageType, IsHello, IsDbDescription, IsLsRequest, IsLsUpdate, IsLsAck, PacketLength, SourceRouter, AreaId,
    Checksum, AuthType, AuthNone, AuthSimple, AuthKeyId, AuthCryptLength, AuthCryptSequence, AuthCryptData, AuthUnknown,
    InstanceId, Reserved,
    NetworkMask, InterfaceId, HelloInterval, V2Options, V2OptionDn, V2OptionO, V2OptionDc, V2OptionL, V2OptionN, V2OptionMc,
    V2OptionE, V2OptionMt, V2OptionP, V3Options, RouterPriority, DeadInterval, DesignatedRouter, BackupDesignatedRouter, ActiveNeighbor,
    InterfaceMtu, DbdFlags, DbdR, DbdI, DbdM, DbdMs, DdSequence,
    LsRequestType, LinkStateId, AdvertisingRouter, LsaCount,
    LsaAge, LsaDoNotAge, LsaType, LsaRouter, LsaNetwork, LsaSummary, LsaAsbr, LsaAsext, LsaMember, LsaNssa, LsaAttr, LsaOpaque,
    LsaId, LsaSequence, LsaChecksum, LsaLength,
    V3LsaDoNotAge, V3LsaType, V3LsaU, V3LsaS12, V3LsaFunctionCode, V3LsaRouter, V3LsaNetwork, V3LsaInterPrefix,
    V3LsaInterRouter, V3LsaAsext, V3LsaNssa, V3LsaLink, V3LsaIntraPrefix, V3LsaMember,
    RouterFlags, RouterFlagH, RouterFlagN, RouterFlagW, RouterFlagV, RouterFlagE, RouterFlagB, LinkCount, LinkId, LinkData, LinkType,
    MetricCount, Metric0, TosMetric, NetworkLsaMask, AttachedRouter, SummaryMask, Tos, Metric, ExternalMask, ExternalType,
    ForwardingAddress, ExternalRouteTag,
    V3RouterFlags, V3RouterFlagW, V3RouterFlagV, V3RouterFlagE, V3RouterFlagB, V3InterfaceType, V3InterfaceId,
    V3NeighborInterfaceId, V3NeighborRouterId, V3AttachedRouter,
    LlsChecksum, LlsLength, TlvType, TlvLength, LlsOptions, LlsOptionRs, LlsOptionLr, LlsSequence, LlsAuthData,
}

/// <summary>One item tshark adds to an OSPF tree: what it shows, where (from the packet's start), its number and how deep it lies.</summary>
public readonly record struct OspfItem(OspfValue Value, int Offset, int Length, ulong Number, int Depth);

/// <summary>
/// The OSPF common header (RFC 2328 A.3.1, RFC 5340 A.3.1): version, type, packet length, router ID, area ID, checksum,
/// then for version 2 the authentication type and 8 bytes of authentication data, for version 3 the instance ID and a
/// reserved byte.
/// <code>
///  0                   1                   2                   3
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |   Version #   |     Type      |         Packet length         |
/// |                          Router ID                            |
/// |                           Area ID                             |
/// |           Checksum            |  AuType (v2) / Instance ID (v3)|
/// |                  Authentication (v2 only, 8 bytes)            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </summary>
public readonly ref struct OspfHeader
{
    /// <summary>Byte offsets of the header's fields.</summary>
    public static class Field
    {
        public const int Version = 0;
        public const int Type = 1;
        public const int PacketLength = 2;
        public const int RouterId = 4;
        public const int AreaId = 8;
        public const int Checksum = 12;
        public const int AuthType = 14;
        public const int InstanceId = 14;
        public const int AuthData = 16;
    }

    public const int V2Length = 24, V3Length = 16;
    public const byte TypeHello = 1, TypeDbDescription = 2, TypeLsRequest = 3, TypeLsUpdate = 4, TypeLsAck = 5;
    public const ushort AuthNone = 0, AuthSimple = 1, AuthCrypt = 2;

    /// <summary>The bytes tshark reads before it adds anything: version, type and packet length.</summary>
    public const int FirstReads = 4;

    private readonly ReadOnlySpan<byte> _bytes;

    private OspfHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if the version, type and packet length were captured.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out OspfHeader header)
    {
        bool ok = bytes.Length >= FirstReads;
        header = ok ? new OspfHeader(bytes) : default;
        return ok;
    }

    public byte Version => _bytes[Field.Version];
    public byte Type => _bytes[Field.Type];
    public ushort PacketLength => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.PacketLength..]);

    /// <summary>The least length tshark 4.0 accepts for a v2 LSA of <paramref name="type"/> (its "Invalid LSA length" check).</summary>
    public static int LeastLsaLength(byte type) => type switch
    {
        1 => 24, 2 or 3 or 4 => 28, 5 or 7 => 36, _ => 20,
    };

    /// <summary>The header's length as tshark takes it by version (14 for an unknown one).</summary>
    public static int LengthOf(byte version) => version switch { 2 => V2Length, 3 => V3Length, _ => 14 };

    /// <summary>tshark's Info text for a message type (null for an unknown one: "Unknown (N)").</summary>
    public static string? InfoOf(byte type) => type switch
    {
        TypeHello => "Hello Packet",
        TypeDbDescription => "DB Description",
        TypeLsRequest => "LS Request",
        TypeLsUpdate => "LS Update",
        TypeLsAck => "LS Acknowledge",
        _ => null,
    };
}
