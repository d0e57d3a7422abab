namespace RawNet.Protocols.Fields;

/// <summary>How the protocols' field readers return a value: one per layer, or one of a source/destination pair.</summary>
internal static class FieldValues
{
    /// <summary>A field a layer has once: occurrence 0 is <paramref name="number"/> at <paramref name="offset"/>.</summary>
    public static bool Single(int occurrence, ulong number, int offset, int length, out FieldValue value)
    {
        value = occurrence == 0 ? new FieldValue(number, offset, length) : default;
        return occurrence == 0;
    }

    /// <summary>
    /// A field that stands for two (tshark's <c>ip.addr</c>, <c>tcp.port</c>): occurrence 0 is the bytes at
    /// <paramref name="first"/>, occurrence 1 those at <paramref name="second"/>, each <paramref name="size"/> long, if captured.
    /// </summary>
    public static bool Pair(int occurrence, ReadOnlySpan<byte> header, int first, int second, int size, int layerOffset, out FieldValue value)
    {
        value = default;
        int at = occurrence switch { 0 => first, 1 => second, _ => -1 };
        if (at < 0 || at + size > header.Length)
            return false;
        value = new FieldValue(0, layerOffset + at, size);
        return true;
    }

    /// <summary>As <see cref="Pair"/> for two 16-bit numbers (ports), the number read.</summary>
    public static bool NumberPair(int occurrence, ReadOnlySpan<byte> header, int first, int second, int layerOffset, out FieldValue value)
    {
        if (!Pair(occurrence, header, first, second, 2, layerOffset, out value))
            return false;
        value = value with { Number = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(header[(value.Offset - layerOffset)..]) };
        return true;
    }
}
