using System.Buffers.Binary;
using System.Text;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Http;

/// <summary>
/// Reads HTTP fields (<see cref="ComputedField.HttpStartLine"/> to <see cref="ComputedField.HttpFileData"/>): the
/// <c>occurrence</c>-th item of a field along the layer's <see cref="HttpItems"/> walk, and formats the values HTTP makes
/// when they are shown (<see cref="FieldKind.HttpText"/>).
/// </summary>
public static class HttpFieldReader
{
    /// <summary>In a full URI's number: the URI is shown as it is (absolute, or a CONNECT target), without "http://" and the host.</summary>
    public const ulong FullUriAsIs = 1UL << 63;

    /// <summary>In file data's number: the body is chunked; the low 32 bits are the body's declared length.</summary>
    public const ulong FileDataChunked = 1UL << 63;

    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.HttpStartLine and <= ComputedField.HttpFileData;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> in the HTTP layer whose captured bytes
    /// are <paramref name="bytes"/>, at <paramref name="layerOffset"/> in its buffer, declaring <paramref name="reported"/>.
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> bytes, int layerOffset, int reported, byte detail, int occurrence,
        out FieldValue value)
    {
        value = default;
        var key = new ResumeKey(field, layerOffset, reported, detail, bytes);
        ref var resume = ref t_resume;
        var items = occurrence > 0 && resume.NextOccurrence == occurrence && resume.Key == key
            ? new HttpItems(bytes, layerOffset, reported, resume.State)
            : new HttpItems(bytes, layerOffset, reported, detail);
        int seen = occurrence > 0 && resume.NextOccurrence == occurrence && resume.Key == key ? occurrence : 0;
        resume = default;
        while (items.MoveNext())
        {
            if (!ReferenceEquals(items.Field, field))
                continue;
            if (seen++ == occurrence)
            {
                value = items.Value;
                resume = new Resume(key, occurrence + 1, items.State);
                return true;
            }
        }
        return false;
    }

    // Printers and filters read a field's occurrences 0, 1, 2, ... in turn, and each read walks the layer from its start:
    // with thousands of header lines that is quadratic. Each thread remembers where the last occurrence was found, and a
    // read of the next occurrence of the same field in a layer with the same place, lengths and first bytes goes on from
    // there. A read of occurrence 0 always starts afresh.
    [ThreadStatic]
    private static Resume t_resume;

    private readonly record struct ResumeKey(FieldDefinition? Field, int LayerOffset, int Reported, byte Detail, int Length, ulong Head, ulong Tail)
    {
        public ResumeKey(FieldDefinition field, int layerOffset, int reported, byte detail, ReadOnlySpan<byte> bytes)
            : this(field, layerOffset, reported, detail, bytes.Length,
                bytes.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : 0,
                bytes.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]) : 0)
        {
        }
    }

    private readonly record struct Resume(ResumeKey Key, int NextOccurrence, HttpItemsState State);

    /// <summary>Characters <see cref="TryFormat"/> may need for <paramref name="value"/>.</summary>
    public static int MaxFormattedLength(FieldDefinition field, in FieldValue value) => field.Computed switch
    {
        ComputedField.HttpResponseCodeDescription => 64,
        ComputedField.HttpFullUri => FieldText.MaxAsciiLength(value.Length + (int)((value.Number >> 32) & 0x7FFFFFFF)) + 16,
        ComputedField.HttpAuthBasic => 2 * value.Length + 8,
        _ => FieldText.MaxAsciiLength(value.Length),
    };

    /// <summary>Writes an HTTP value as tshark prints it; <paramref name="buffer"/> is the layer's buffer.</summary>
    public static bool TryFormat(FieldDefinition field, in FieldValue value, ReadOnlySpan<byte> buffer, Span<char> destination, out int written)
    {
        written = 0;
        if ((uint)value.Offset > (uint)buffer.Length || value.Length > buffer.Length - value.Offset)
            return false;
        var bytes = buffer.Slice(value.Offset, value.Length);
        switch (field.Computed)
        {
            case ComputedField.HttpResponseCodeDescription:
                return TryFormatDescription((int)value.Number, destination, out written);
            case ComputedField.HttpFullUri:
                return TryFormatFullUri(value, buffer, bytes, destination, out written);
            case ComputedField.HttpAuthBasic:
                return TryFormatBase64(bytes, destination, out written);
            case ComputedField.HttpFileData:
                if ((value.Number & FileDataChunked) == 0)
                    return FieldText.TryWriteAscii(bytes, destination, out written);
                // Chunked: the chunks' data joined, read as one string.
                var chunks = new HttpChunkReader(buffer, value.Offset, value.Offset + (int)(uint)value.Number);
                while (chunks.MoveNext())
                {
                    if (!FieldText.TryAppendAscii(chunks.Piece, destination, ref written, out bool ended))
                        return false;
                    if (ended)
                        break;
                }
                return true;
            default:
                return FieldText.TryWriteAscii(bytes, destination, out written);
        }
    }

    private static bool TryFormatDescription(int code, Span<char> destination, out int written)
    {
        written = 0;
        string? text = HttpStatusCodes.Describe(code);
        if (text is null)
        {
            // val_to_str's "Unknown (%d)".
            if (destination.Length < 10 + DigitText.MaxDecimalLength)
                return false;
            "Unknown (".AsSpan().CopyTo(destination);
            written = 9;
            written += DigitText.WriteSignedDecimal(code, 0, destination[written..]);
            destination[written++] = ')';
            return true;
        }
        if (text.Length > destination.Length)
            return false;
        text.AsSpan().CopyTo(destination);
        written = text.Length;
        return true;
    }

    /// <summary>
    /// "http://" + the Host value without the white space around it + the URI; or the URI alone when it is absolute
    /// or a CONNECT target. The value's bytes are the host; its number says where the URI is.
    /// </summary>
    private static bool TryFormatFullUri(in FieldValue value, ReadOnlySpan<byte> buffer, ReadOnlySpan<byte> host, Span<char> destination, out int written)
    {
        written = 0;
        int uriStart = (int)(uint)value.Number;
        int uriLength = (int)((value.Number >> 32) & 0x7FFFFFFF);
        if ((uint)uriStart > (uint)buffer.Length || uriLength > buffer.Length - uriStart)
            return false;
        var uri = buffer.Slice(uriStart, uriLength);
        if ((value.Number & FullUriAsIs) == 0)
        {
            // g_strstrip on the host as a C string.
            host = HttpText.CString(host);
            int start = 0, end = host.Length;
            while (start < end && HttpText.IsSpace(host[start]))
                start++;
            while (end > start && HttpText.IsSpace(host[end - 1]))
                end--;
            if (destination.Length < 7)
                return false;
            "http://".AsSpan().CopyTo(destination);
            written = 7;
            // The host comes from the header's raw bytes (its UTF-8 kept), the URI from the ASCII string.
            if (!TryAppendUtf8(host[start..end], destination, ref written))
                return false;
        }
        return FieldText.TryAppendAscii(uri, destination, ref written, out _);
    }

    /// <summary>Basic credentials: the base64 decoded (its alphabet only, to the first '='), shown as UTF-8.</summary>
    private static bool TryFormatBase64(ReadOnlySpan<byte> text, Span<char> destination, out int written)
    {
        written = 0;
        text = HttpText.CString(text);
        Span<byte> decoded = text.Length <= 1024 ? stackalloc byte[text.Length] : new byte[text.Length];
        int length = 0, bits = 0, accumulator = 0;
        foreach (byte b in text)
        {
            int six = b switch
            {
                >= (byte)'A' and <= (byte)'Z' => b - 'A',
                >= (byte)'a' and <= (byte)'z' => b - 'a' + 26,
                >= (byte)'0' and <= (byte)'9' => b - '0' + 52,
                (byte)'+' => 62,
                (byte)'/' => 63,
                (byte)'=' => -2,
                _ => -1,
            };
            if (six == -2)
                break;
            if (six < 0)
                continue;
            accumulator = accumulator << 6 | six;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                decoded[length++] = (byte)(accumulator >> bits);
                accumulator &= (1 << bits) - 1;
            }
        }
        var bytes = decoded[..length];
        int zero = bytes.IndexOf((byte)0);
        if (zero >= 0)
            bytes = bytes[..zero];
        return TryAppendUtf8(bytes, destination, ref written);
    }

    /// <summary>Bytes read as UTF-8 (a byte that is not valid as U+FFFD), as <c>-T fields</c> writes a string.</summary>
    private static bool TryAppendUtf8(ReadOnlySpan<byte> bytes, Span<char> destination, ref int written)
    {
        while (bytes.Length > 0)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
                rune = Rune.ReplacementChar;
            if (rune.IsBmp)
            {
                if (!FieldText.TryAppendEscaped((char)rune.Value, destination, ref written))
                    return false;
            }
            else
            {
                if (written + 2 > destination.Length)
                    return false;
                written += rune.EncodeToUtf16(destination[written..]);
            }
            bytes = bytes[Math.Max(1, consumed)..];
        }
        return true;
    }
}
