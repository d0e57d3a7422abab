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

    /// <summary>Characters enough for tr.rif: the first ring and, per pair after it, "-B-RRR".</summary>
    public const int MaxFormattedLength = 3 + TokenRingHeader.TsharkMaxRouteBytes / 2 * 6;

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
        if (computed == ComputedField.TrSource)
        {
            // As sent, then the copy tshark adds hidden after tr.sr: the same bytes without the routing bit.
            if (occurrence > 1)
                return false;
            value = new FieldValue(occurrence == 0 ? 0 : FieldValue.SourceRouteClearedMac, layerOffset + F.Source, 6);
            return true;
        }
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
        if (computed == ComputedField.TrRingBridgePairs)
        {
            // Added after every pair was read, over the routing information's bytes after the route control field.
            int route = Math.Min(tr.RouteLength, TokenRingHeader.TsharkMaxRouteBytes);
            if (occurrence > 0 || route <= 2 || F.Segments + route - 2 > bytes.Length
                || bridges > 0 && F.Segments + 2 + 2 * bridges > bytes.Length)
                return false;
            value = new FieldValue((ulong)bridges, layerOffset + F.Segments, route - 2);
            return true;
        }
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

    /// <summary>
    /// Writes a tr.rif value (its number the pairs' count, its offset the first ring number's in <paramref name="buffer"/>)
    /// as tshark does: the first ring number in three hex digits, then "-bridge-ring" per pair ("001-1-124"); none is "".
    /// </summary>
    public static bool TryFormat(in FieldValue value, ReadOnlySpan<byte> buffer, Span<char> destination, out int written)
    {
        written = 0;
        int pairs = (int)Math.Min(value.Number, (ulong)TokenRingHeader.TsharkMaxRouteBytes);
        if (pairs == 0)
            return true;
        if (value.Offset < 0 || value.Offset > buffer.Length - (2 + 2 * pairs) || destination.Length < 3 + 6 * pairs)
            return false;
        var segments = buffer[value.Offset..];
        written = DigitText.WriteHex((ulong)(BinaryPrimitives.ReadUInt16BigEndian(segments) >> 4), 3, destination);
        for (int i = 0; i < pairs; i++)
        {
            destination[written++] = '-';
            destination[written++] = char.ToUpperInvariant(DigitText.HexDigit(segments[1 + 2 * i] & 0x0F));
            destination[written++] = '-';
            int ring = BinaryPrimitives.ReadUInt16BigEndian(segments[(2 + 2 * i)..]) >> 4;
            for (int shift = 8; shift >= 0; shift -= 4)
                destination[written++] = char.ToUpperInvariant(DigitText.HexDigit(ring >> shift & 0x0F));
        }
        for (int i = 0; i < 3; i++)
            destination[i] = char.ToUpperInvariant(destination[i]);
        return true;
    }
}
