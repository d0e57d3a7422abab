using System.Buffers.Binary;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.TokenRing.TokenRingHeader.Field;

namespace RawNet.Protocols.TokenRing;

/// <summary>
/// Reads the Token Ring fields that depend on source routing (<see cref="ComputedField.TrAddresses"/> to
/// <see cref="ComputedField.TrBridge"/>) as tshark adds them: from the frame's captured bytes, which its ring-bridge
/// pairs may read one byte past an odd routing length, each only while the bytes it reads were captured.
/// </summary>
public static class TokenRingFieldReader
{
    /// <summary>The route control field's parts, as tshark shows them (not shifted).</summary>
    private const int BroadcastMask = 0xE0, MaxFrameSizeMask = 0x70, DirectionMask = 0x80;

    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.TrAddresses and <= ComputedField.TrBridge;

    /// <summary>
    /// Reads <paramref name="computed"/> from <paramref name="bytes"/>, the captured bytes from the layer's start at
    /// <paramref name="layerOffset"/> to the end of the frame.
    /// </summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> bytes, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        // tshark reads the byte after the addresses before it adds any field.
        if (bytes.Length < TokenRingHeader.TsharkFieldsLength || !TokenRingHeader.TryRead(bytes, out var tr))
            return false;
        if (computed == ComputedField.TrAddresses)
            return FieldValues.Pair(occurrence, bytes, F.Destination, F.Source, 6, layerOffset, out value);
        if (!tr.IsSourceRouted)
            return false;
        int control = bytes[F.RouteControl];
        switch (computed)
        {
            case ComputedField.TrRouteLength:
                return FieldValues.Single(occurrence, (ulong)(control & TokenRingHeader.RouteLengthMask), layerOffset + F.RouteControl, 1, out value);
            case ComputedField.TrBroadcast:
                return FieldValues.Single(occurrence, (ulong)(control & BroadcastMask), layerOffset + F.RouteControl, 1, out value);
            case ComputedField.TrMaxFrameSize or ComputedField.TrDirection:
                if (bytes.Length <= F.RouteControl + 1)
                    return false;
                int second = bytes[F.RouteControl + 1];
                ulong number = (ulong)(second & (computed == ComputedField.TrDirection ? DirectionMask : MaxFrameSizeMask));
                return FieldValues.Single(occurrence, number, layerOffset + F.RouteControl + 1, 1, out value);
        }
        int bridges = TokenRingHeader.TsharkBridgeCount(tr.RouteLength);
        if (computed == ComputedField.TrRing)
        {
            // The first ring number, then the one after each bridge number.
            if (bridges == 0 || occurrence > bridges)
                return false;
            int at = F.Segments + 2 * occurrence;
            if (at + 2 > bytes.Length)
                return false;
            value = new FieldValue((ulong)(BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]) >> 4), layerOffset + at, 2);
            return true;
        }
        // tshark reads a bridge number and the ring number after it before it adds either.
        int bridge = F.Segments + 1 + 2 * occurrence;
        if (occurrence >= bridges || bridge + 3 > bytes.Length)
            return false;
        value = new FieldValue((ulong)(bytes[bridge] & 0x0F), layerOffset + bridge, 1);
        return true;
    }
}
