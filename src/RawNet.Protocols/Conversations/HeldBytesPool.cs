using System.Buffers;

namespace RawNet.Protocols.Conversations;

/// <summary>
/// The bytes reassemblers hold for unfinished messages (HTTP, DNS over TCP): per direction a pooled array grown as
/// segments arrive, all of them counted against one budget, so a capture of many half-sent messages stays bounded.
/// </summary>
internal sealed class HeldBytesPool(long maxBytes)
{
    /// <summary>Bytes of the arrays held now.</summary>
    public long Buffered { get; private set; }

    /// <summary>
    /// Appends <paramref name="bytes"/> to the <paramref name="length"/> bytes held in <paramref name="buffer"/>, growing
    /// it (at least doubling, at most to <paramref name="maxLength"/>); false, with nothing changed, when the message would
    /// pass <paramref name="maxLength"/> or the budget.
    /// </summary>
    public bool TryAppend(ref byte[]? buffer, ref int length, ReadOnlySpan<byte> bytes, int maxLength)
    {
        long needed = (long)length + bytes.Length;
        if (needed > maxLength)
            return false;
        int capacity = buffer?.Length ?? 0;
        if (buffer is null || needed > capacity)
        {
            int wanted = (int)Math.Min(maxLength, Math.Max(needed, Math.Max(256, 2L * capacity)));
            if (Buffered - capacity + wanted > maxBytes)
                return false;
            var grown = ArrayPool<byte>.Shared.Rent(wanted);
            buffer?.AsSpan(0, length).CopyTo(grown);
            if (buffer is not null)
                ArrayPool<byte>.Shared.Return(buffer);
            Buffered += grown.Length - capacity;
            buffer = grown;
        }
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
        return true;
    }

    /// <summary>Gives a held array back and forgets its bytes.</summary>
    public void Release(ref byte[]? buffer, ref int length)
    {
        if (buffer is not null)
        {
            Buffered -= buffer.Length;
            ArrayPool<byte>.Shared.Return(buffer);
        }
        buffer = null;
        length = 0;
    }
}
