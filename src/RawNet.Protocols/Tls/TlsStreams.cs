using System.Buffers.Binary;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Dns;
using RawNet.Protocols.Http;

namespace RawNet.Protocols.Tls;

/// <summary>
/// TLS records across segments, as tshark 4.0's TLS asks TCP for them (tls.desegment_ssl_records on): <see cref="PduStreams"/>
/// with the five-byte record header, one TLS layer per call of tshark's TLS (the records a segment completes, read from
/// the bytes put together; those after them in the segment); a header cut across segments takes all of the next segment
/// (tshark asks for one more segment). It also keeps each conversation's session as tshark does (the version from the
/// handshake, the frame of each side's Change Cipher Spec) and writes it into each TLS layer (<see cref="TlsLayerDetail"/>).
/// Bounded: one small entry per conversation, at most <see cref="MaxSessions"/>.
/// </summary>
internal sealed class TlsStreams : PduStreams
{
    /// <summary>Sessions remembered at once.</summary>
    public const int MaxSessions = 1 << 16;

    private struct Session
    {
        public uint Stream;
        public ushort Version;
        public uint ClientChangeCipherSpec;
        public uint ServerChangeCipherSpec;
    }

    private readonly RecencyTable<int, Session> _sessions = new(MaxSessions);

    /// <summary>Bytes held now, with the sessions' table.</summary>
    public new long AllocatedBytes => base.AllocatedBytes + _sessions.AllocatedBytes;

    // The decoder reads HTTP, then DNS first on a port they share with TLS.
    protected override bool Carries(ushort sourcePort, ushort destinationPort) => TlsPorts.Carries(sourcePort, destinationPort)
        && !HttpPorts.CarriesWireshark(sourcePort, destinationPort) && !DnsPorts.CarriesStream(sourcePort, destinationPort);

    protected override int HeaderSize => TlsRecordHeader.Length;

    protected override int PduLength(ReadOnlySpan<byte> pdu) => TlsRecordHeader.Length + BinaryPrimitives.ReadUInt16BigEndian(pdu[TlsRecordHeader.Field.Length..]);

    protected override int WholeLength(ReadOnlySpan<byte> bytes) => TlsRecordWalk.WholeRecordsLength(bytes);

    protected override LayerKind Kind => LayerKind.Tls;

    protected override bool OneCallAfterCutHeader => true;

    protected override bool MarksHeldStart => true;

    protected override void AddPdus(DecodedPacket packet, int offset, ReadOnlySpan<byte> pdus, LayerSource source)
    {
        ref Layer layer = ref packet.Add(LayerKind.Tls, offset, pdus.Length, pdus.Length, source);
        var walk = new TlsRecordWalk(pdus, pdus.Length, 0, false);
        while (walk.MoveNext())
        {
        }
        if (walk.End != TlsWalkEnd.Done)
            layer.Status = LayerStatus.Malformed;
    }

    protected override void Settled(DecodedPacket packet, ReadOnlySpan<byte> frame, int tcpIndex, int conversation, uint stream, ushort sourcePort)
    {
        int first = tcpIndex + 1;
        if (first >= packet.LayerCount || packet[first].Kind != LayerKind.Tls)
            return;
        int entry = _sessions.FindOrAdd(conversation, out _);
        ref var session = ref _sessions[entry];
        if (session.Stream != stream)
            session = new Session { Stream = stream };
        // tshark's server is the side on the TLS port.
        bool fromServer = TlsPorts.IsTls(sourcePort);
        uint frameNumber = (uint)packet.FrameNumber;
        for (int i = first; i < packet.LayerCount && packet[i].Kind == LayerKind.Tls; i++)
        {
            ref Layer layer = ref packet.LayerRef(i);
            uint changed = fromServer ? session.ServerChangeCipherSpec : session.ClientChangeCipherSpec;
            layer.Note = session.Version;
            layer.Detail = changed != 0 && changed < frameNumber ? TlsLayerDetail.AfterChangeCipherSpec : (byte)0;
            var walk = TlsLayerDetail.Walk(in layer, packet.BufferOf(layer, frame));
            while (walk.MoveNext())
            {
                if (walk.Item != TlsItem.ChangeCipherSpec)
                    continue;
                if (fromServer && session.ServerChangeCipherSpec == 0)
                    session.ServerChangeCipherSpec = frameNumber;
                else if (!fromServer && session.ClientChangeCipherSpec == 0)
                    session.ClientChangeCipherSpec = frameNumber;
            }
            session.Version = walk.Session;
        }
    }
}
