using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Capture.Layers;

/// <summary>
/// Turns one captured frame into its byte map: the decoder's layers as byte ranges that tile the frame, who wrote each
/// (by the socket kind and the end that sent it), and each layer's fields read through the field tables.
/// </summary>
public sealed class ByteMap
{
    private readonly PacketDecoder _decoder = new();
    private readonly DecodedPacket _packet = new();

    /// <summary>
    /// The layers of <paramref name="frame"/>; <paramref name="kernelFilled"/> names fields the kernel writes into a header
    /// the application built (raw sockets). Reports through <paramref name="carriesPayload"/> whether a payload layer is present.
    /// </summary>
    public IReadOnlyList<ByteMapLayer> Build(byte[] frame, in FrameMetadata metadata, SocketKind socket, FrameOrigin origin,
        IReadOnlyCollection<FieldDefinition> kernelFilled, out bool carriesPayload)
    {
        _decoder.Decode(frame, metadata, 1, _packet);
        var packet = _packet;
        var layers = new List<ByteMapLayer>();
        carriesPayload = false;
        int end = 0;
        for (int i = 1; i < packet.LayerCount; i++)
        {
            ref readonly Layer layer = ref packet[i];
            // Only the frame's own bytes: a quoted or reassembled layer does not belong to this frame's map.
            if (layer.Source != LayerSource.Frame || layer.Quoted || layer.Offset < end || layer.Offset >= frame.Length)
                break;
            int next = NextOffset(packet, i, frame.Length);
            int length = next >= 0 ? next - layer.Offset : Math.Min(layer.HeaderLength, frame.Length - layer.Offset);
            if (length <= 0)
                continue;
            var writer = WriterOf(socket, origin, layer.Kind);
            bool payload = IsApplicationBytes(layer.Kind);
            carriesPayload |= payload && origin == FrameOrigin.Sender;
            layers.Add(new ByteMapLayer(payload ? SocketKindReport.PayloadLayerName : FieldCatalog.ProtocolName(layer.Kind),
                payload ? LayerKind.Payload : layer.Kind, layer.Offset, length, writer, payload ? [] : Fields(packet, i, frame, writer, origin == FrameOrigin.Sender ? kernelFilled : []), layer.Checksum));
            end = layer.Offset + length;
        }
        if (end < frame.Length)
            layers.Add(new ByteMapLayer(SocketKindReport.TrailerLayerName, LayerKind.Payload, end, frame.Length - end, WrittenBy.Kernel, []));
        return layers;
    }

    /// <summary>Who writes a layer: everything of the listener's frames is its kernel's; on the sending side it depends on the socket.</summary>
    public static WrittenBy WriterOf(SocketKind socket, FrameOrigin origin, LayerKind layer)
    {
        if (origin == FrameOrigin.Listener)
            return WrittenBy.Kernel;
        return socket switch
        {
            SocketKind.Link => WrittenBy.Application,
            // IPv4 raw (IP_HDRINCL): the IP header is the application's; IPv6 raw: the kernel writes the IPv6 header.
            SocketKind.Raw => layer is LayerKind.Ethernet or LayerKind.Ipv6 ? WrittenBy.Kernel : WrittenBy.Application,
            _ => IsApplicationBytes(layer) ? WrittenBy.Application : WrittenBy.Kernel,
        };
    }

    /// <summary>The application's bytes are its payload, whatever protocol RawNet reads in them (a GET to port 80 is HTTP).</summary>
    private static bool IsApplicationBytes(LayerKind kind) => kind is LayerKind.Payload or LayerKind.Dns or LayerKind.Http or LayerKind.Tls;

    private static int NextOffset(DecodedPacket packet, int index, int frameLength)
    {
        if (index + 1 >= packet.LayerCount)
            return -1;
        ref readonly Layer next = ref packet[index + 1];
        return next.Source == LayerSource.Frame && !next.Quoted && next.Offset <= frameLength ? next.Offset : -1;
    }

    private static List<ByteMapField> Fields(DecodedPacket packet, int index, byte[] frame, WrittenBy writer, IReadOnlyCollection<FieldDefinition> kernelFilled)
    {
        var fields = new List<ByteMapField>();
        ref readonly Layer layer = ref packet[index];
        var buffer = packet.BufferOf(layer, frame);
        foreach (var field in FieldCatalog.ForLayer(layer.Kind))
        {
            // A byte map shows what the bytes say; what a conversation makes of them (streams, relative numbers) is not in them.
            if (field.Computed == ComputedField.Analysis || !field.InTree)
                continue;
            for (int occurrence = 0; FieldReader.TryRead(field, packet, index, frame, occurrence, out var value); occurrence++)
            {
                var by = writer == WrittenBy.Application && kernelFilled.Contains(field) ? WrittenBy.Kernel : writer;
                fields.Add(new ByteMapField(field.Name, field.Label, FieldFormatter.Format(field, value, buffer, packet), value.Offset, value.Length, by));
            }
        }
        return fields;
    }
}
