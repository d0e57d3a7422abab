using System.Buffers.Binary;

namespace RawNet.Protocols.L2tp;

/// <summary>
/// What tshark 4.0's default "Detect" learns of L2TPv3 sessions from control messages, for the data messages after them:
/// per conversation a tunnel, made by the first SCCRQ and naming its sender the first end (over IP the conversation is
/// the address pair; over UDP tshark's is the SCCRQ sender's address and port with the other address, any port there); per tunnel, sessions in the order first learnt, each with both ends' session ID, cookie length and
/// L2-specific sublayer, and the pseudowire type. ICRQ and OCRQ teach the first end's settings, ICRP and OCRP the
/// second's (and with their Remote Session ID the first end's ID); a message's settings join the first session sharing
/// either ID, as tshark's lookup does. Bounded: past <see cref="MaxTunnels"/> or <see cref="MaxSessions"/> nothing more
/// is learnt. Allocates only when made.
/// </summary>
public sealed class L2tpv3Sessions
{
    /// <summary>Most tunnels (conversations that saw an SCCRQ) remembered.</summary>
    public const int MaxTunnels = 64;

    /// <summary>Most sessions remembered, all tunnels together.</summary>
    public const int MaxSessions = 1024;

    /// <summary>tshark's "not learnt" for a cookie length and a sublayer.</summary>
    public const int Unknown = -1;

    private const int AddressSize = 16;

    private readonly byte[] _addresses = new byte[MaxTunnels * 2 * AddressSize];
    private readonly byte[] _addressLengths = new byte[MaxTunnels];
    private readonly bool[] _overIp = new bool[MaxTunnels];
    private readonly ushort[] _ports = new ushort[MaxTunnels];
    private int _tunnels;

    private readonly Session[] _sessions = new Session[MaxSessions];
    private int _sessionCount;

    /// <summary>One end's settings, or a whole session's as one control message teaches them.</summary>
    public struct Session
    {
        public int Tunnel;
        public uint FirstId, SecondId;
        public int FirstCookie, SecondCookie;
        public int FirstSublayer, SecondSublayer;
        public ushort PseudowireType;

        /// <summary>Nothing learnt yet (tshark's freshly made session).</summary>
        public static Session Empty => new()
        {
            FirstCookie = Unknown, SecondCookie = Unknown, FirstSublayer = Unknown, SecondSublayer = Unknown,
        };
    }

    /// <summary>
    /// The tunnel of the conversation of a packet from <paramref name="source"/> to <paramref name="destination"/> (UDP
    /// ports, 0 over IP); -1 when none. tshark finds a UDP conversation by the first end's address and port on the side
    /// they are on, whatever the other side's port.
    /// </summary>
    public int FindTunnel(bool overIp, ReadOnlySpan<byte> source, ushort sourcePort, ReadOnlySpan<byte> destination, ushort destinationPort)
    {
        for (int i = 0; i < _tunnels; i++)
        {
            if (_overIp[i] != overIp || _addressLengths[i] != source.Length)
                continue;
            var first = Address(i, 0);
            var second = Address(i, 1);
            if ((first.SequenceEqual(source) && _ports[i] == sourcePort && second.SequenceEqual(destination))
                || (first.SequenceEqual(destination) && _ports[i] == destinationPort && second.SequenceEqual(source)))
                return i;
        }
        return -1;
    }

    /// <summary>Makes the conversation's tunnel from its SCCRQ (<paramref name="source"/> the first end); -1 when the table is full.</summary>
    public int AddTunnel(bool overIp, ReadOnlySpan<byte> source, ushort sourcePort, ReadOnlySpan<byte> destination)
    {
        if (_tunnels == MaxTunnels || source.Length > AddressSize || source.Length != destination.Length)
            return -1;
        int index = _tunnels++;
        _overIp[index] = overIp;
        _addressLengths[index] = (byte)source.Length;
        _ports[index] = sourcePort;
        source.CopyTo(_addresses.AsSpan(index * 2 * AddressSize));
        destination.CopyTo(_addresses.AsSpan(index * 2 * AddressSize + AddressSize));
        return index;
    }

    /// <summary>True when <paramref name="destination"/> is the tunnel's first end (its SCCRQ's sender).</summary>
    public bool IsFirstEnd(int tunnel, ReadOnlySpan<byte> destination) => Address(tunnel, 0).SequenceEqual(destination);

    /// <summary>tshark's lookup: the first session of the tunnel whose first end's ID is <paramref name="firstId"/> or whose second's is <paramref name="secondId"/>.</summary>
    public int Find(int tunnel, uint firstId, uint secondId)
    {
        for (int i = 0; i < _sessionCount; i++)
        {
            ref readonly Session session = ref _sessions[i];
            if (session.Tunnel == tunnel && (session.FirstId == firstId || session.SecondId == secondId))
                return i;
        }
        return -1;
    }

    /// <summary>The session at <paramref name="index"/> (from <see cref="Find"/>).</summary>
    public ref readonly Session this[int index] => ref _sessions[index];

    /// <summary>Joins what one control message taught (<paramref name="learnt"/>) to its tunnel's sessions, as tshark's update does.</summary>
    public void Update(int tunnel, in Session learnt)
    {
        if (learnt.FirstId == 0 && learnt.SecondId == 0)
            return;
        int index = Find(tunnel, learnt.FirstId, learnt.SecondId);
        if (index < 0)
        {
            if (_sessionCount == MaxSessions)
                return;
            index = _sessionCount++;
            _sessions[index] = Session.Empty;
            _sessions[index].Tunnel = tunnel;
        }
        ref Session existing = ref _sessions[index];
        if (learnt.FirstId != 0)
            existing.FirstId = learnt.FirstId;
        if (learnt.SecondId != 0)
            existing.SecondId = learnt.SecondId;
        if (learnt.FirstCookie != Unknown)
            existing.FirstCookie = learnt.FirstCookie;
        if (learnt.SecondCookie != Unknown)
            existing.SecondCookie = learnt.SecondCookie;
        if (learnt.FirstSublayer != Unknown)
            existing.FirstSublayer = learnt.FirstSublayer;
        if (learnt.SecondSublayer != Unknown)
            existing.SecondSublayer = learnt.SecondSublayer;
        if (learnt.PseudowireType != L2tpv3Pseudowire.Default)
            existing.PseudowireType = learnt.PseudowireType;
    }

    /// <summary>
    /// What one IETF AVP's value (<paramref name="value"/>, from the value's start to the message's end, of
    /// <paramref name="valueLength"/> bytes by the AVP's length) teaches in a message of <paramref name="messageType"/>,
    /// as tshark's stores do.
    /// </summary>
    public static void Learn(ref Session session, ushort messageType, ushort type, ReadOnlySpan<byte> value, int valueLength)
    {
        bool request = messageType is L2tpv3MessageType.Icrq or L2tpv3MessageType.Ocrq;
        bool reply = messageType is L2tpv3MessageType.Icrp or L2tpv3MessageType.Ocrp;
        switch (type)
        {
            case L2tpAvp.LocalSessionIdAttribute when (request || reply) && value.Length >= 4:
                if (request)
                    session.FirstId = BinaryPrimitives.ReadUInt32BigEndian(value);
                else
                    session.SecondId = BinaryPrimitives.ReadUInt32BigEndian(value);
                return;
            case L2tpAvp.RemoteSessionIdAttribute when reply && value.Length >= 4:
                session.FirstId = BinaryPrimitives.ReadUInt32BigEndian(value);
                return;
            case L2tpv3Pseudowire.AssignedCookieAttribute when request || reply:
                if (request)
                    session.FirstCookie = valueLength;
                else
                    session.SecondCookie = valueLength;
                return;
            case L2tpv3Pseudowire.PseudowireTypeAttribute when request && value.Length >= 2:
                session.PseudowireType = BinaryPrimitives.ReadUInt16BigEndian(value);
                return;
            case L2tpv3Pseudowire.SublayerAttribute when (request || reply || messageType is L2tpv3MessageType.Iccn or L2tpv3MessageType.Occn) && value.Length >= 2:
                int sublayer = BinaryPrimitives.ReadUInt16BigEndian(value) switch
                {
                    0 => L2tpv3Sublayer.None,
                    1 => L2tpv3Sublayer.Default,
                    2 => L2tpv3Sublayer.Atm,
                    3 => L2tpv3Sublayer.DocsisDmpt,
                    _ => Unknown,
                };
                // A request or a connected message teaches both ends; a reply the second end only.
                if (!reply)
                    session.FirstSublayer = sublayer;
                session.SecondSublayer = sublayer;
                return;
        }
    }

    private ReadOnlySpan<byte> Address(int tunnel, int end) =>
        _addresses.AsSpan(tunnel * 2 * AddressSize + end * AddressSize, _addressLengths[tunnel]);
}

/// <summary>The control message types whose AVPs teach a session (RFC 3931 3.1).</summary>
public static class L2tpv3MessageType
{
    public const ushort Sccrq = 1, Ocrq = 7, Ocrp = 8, Occn = 9, Icrq = 10, Icrp = 11, Iccn = 12;

    /// <summary>The Proxy Authen Type AVP, whose value tshark 4.0 takes for the message type too.</summary>
    public const ushort ProxyAuthenTypeAttribute = 29;
}

/// <summary>The L2-specific sublayers tshark tells apart (its own numbering, not the AVP's).</summary>
public static class L2tpv3Sublayer
{
    public const int None = 0, Default = 1, Atm = 2, DocsisDmpt = 4;

    /// <summary>The default sublayer's length (RFC 3931 4.6): S bit and a 24-bit sequence number.</summary>
    public const int DefaultLength = 4;

    /// <summary>The S bit of the default and the ATM sublayer: the sequence number is valid.</summary>
    public const byte SequenceBit = 0x40;

    /// <summary>The ATM sublayer's T bit (RFC 4454 4.1.1): the payload is an OAM cell, not an AAL5 frame.</summary>
    public const byte AtmOamCellBit = 0x08;

    /// <summary>The ATM sublayer's G (EFCI), C (CLP) and U (command/response) bits.</summary>
    public const byte AtmEfciBit = 0x04, AtmClpBit = 0x02, AtmCommandResponseBit = 0x01;
}

/// <summary>Pseudowire types and the AVPs that set up a session's data (RFC 3931 5.4, RFC 4719).</summary>
public static class L2tpv3Pseudowire
{
    /// <summary>tshark's type of a session it knows nothing of.</summary>
    public const ushort Default = 0;

    /// <summary>Frame Relay DLCI (RFC 4591): the payload is a Frame Relay frame from its address.</summary>
    public const ushort FrameRelay = 1;

    /// <summary>ATM AAL5 SDU VCC transport (RFC 4454): the payload is the AAL5 SDU, read as LLC.</summary>
    public const ushort Aal5 = 2;

    /// <summary>Ethernet (RFC 4719): the payload is an Ethernet frame without FCS.</summary>
    public const ushort Ethernet = 5;

    /// <summary>HDLC (RFC 4349): Cisco HDLC from its address.</summary>
    public const ushort CiscoHdlc = 6;

    /// <summary>PPP (RFC 3931 4.4): PPP in HDLC-like framing, address and control optional.</summary>
    public const ushort Ppp = 7;

    /// <summary>IP Transport: the payload is an IP packet.</summary>
    public const ushort IpTransport = 11;

    /// <summary>DOCSIS DMPT (RFC 5515): MPEG transport stream packets.</summary>
    public const ushort DocsisDmpt = 12;

    public const ushort AssignedCookieAttribute = 65, PseudowireTypeAttribute = 68, SublayerAttribute = 69;
}
