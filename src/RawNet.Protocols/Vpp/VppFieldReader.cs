using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Vpp;

/// <summary>
/// Reads the vpp fields (<see cref="ComputedField.VppMajorVersion"/> to <see cref="ComputedField.VppLine"/>) from a
/// layer's header bytes, in the order tshark reads them: the major version shown (and nothing else) when it is not 1,
/// the minor version and the hint only when unexpected, each once its byte is there; the buffer index once its 4 bytes
/// are; the node name once its zero byte is (the vpp layer's header ends there); one line item per line of a string layer.
/// </summary>
public static class VppFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.VppMajorVersion and <= ComputedField.VppLine;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the layer whose header is <paramref name="header"/>, at <paramref name="offset"/>.</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int offset, int occurrence, out FieldValue value)
    {
        value = default;
        if (computed == ComputedField.VppLine)
            return TryReadLine(header, offset, occurrence, out value);
        if (occurrence != 0 || header.IsEmpty)
            return false;
        byte major = header[VppHeader.Field.MajorVersion];
        if (computed == ComputedField.VppMajorVersion)
            return major != VppHeader.Major && FieldValues.Single(0, major, offset, 1, out value);
        if (major != VppHeader.Major)
            return false;
        switch (computed)
        {
            case ComputedField.VppMinorVersion:
                return header.Length > VppHeader.Field.MinorVersion && header[VppHeader.Field.MinorVersion] != VppHeader.Minor
                    && FieldValues.Single(0, header[VppHeader.Field.MinorVersion], offset + VppHeader.Field.MinorVersion, 1, out value);
            case ComputedField.VppProtocolHint:
                return header.Length > VppHeader.Field.ProtocolHint && header[VppHeader.Field.ProtocolHint] >= VppHeader.HintCount
                    && FieldValues.Single(0, header[VppHeader.Field.ProtocolHint], offset + VppHeader.Field.ProtocolHint, 1, out value);
            case ComputedField.VppBufferIndex:
                return VppHeader.TryRead(header, out var vpp) && FieldValues.Single(0, vpp.BufferIndex, offset + VppHeader.Field.BufferIndex, 4, out value);
            case ComputedField.VppNodeName:
                if (!VppHeader.TryMeasureString(header, VppHeader.Field.NodeName, out int length))
                    return false;
                value = new FieldValue(0, offset + VppHeader.Field.NodeName, length - 1);
                return true;
            default:
                return false;
        }
    }

    private static bool TryReadLine(ReadOnlySpan<byte> text, int offset, int occurrence, out FieldValue value)
    {
        value = default;
        var lines = new VppLines(text);
        for (int i = 0; lines.MoveNext(); i++)
        {
            if (i != occurrence)
                continue;
            value = new FieldValue(0, offset + lines.Start, lines.Length);
            return true;
        }
        return false;
    }

    /// <summary>Characters enough for a line of <paramref name="bytes"/> bytes shown through format_text (\ooo is four).</summary>
    public static int MaxLineLength(int bytes) => 4 * Math.Max(0, bytes);

    /// <summary>A line item's value as tshark shows it: format_text of the line up to its first zero byte.</summary>
    public static bool TryFormatLine(in FieldValue value, ReadOnlySpan<byte> buffer, Span<char> destination, out int written)
    {
        written = 0;
        if ((uint)value.Offset > (uint)buffer.Length || value.Length > buffer.Length - value.Offset)
            return false;
        var line = buffer.Slice(value.Offset, value.Length);
        int nul = line.IndexOf((byte)0);
        return FieldText.TryWriteFormatText(nul < 0 ? line : line[..nul], destination, out written);
    }
}
