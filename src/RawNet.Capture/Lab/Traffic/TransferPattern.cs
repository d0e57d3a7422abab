using System.Text;

namespace RawNet.Capture.Lab.Traffic;

/// <summary>
/// The bytes a lab transfer carries: lines of 64 readable characters that number themselves ("rawnet lab upload line
/// 0000001 ...\n"), so a followed stream shows where each byte belongs, and the receiver can check every byte.
/// </summary>
internal sealed class TransferPattern
{
    public const int LineLength = 64;

    private readonly string _word;

    public TransferPattern(TrafficKind kind) => _word = TrafficOptions.WordOf(kind);

    /// <summary>Fills <paramref name="destination"/> with the bytes at stream offset <paramref name="offset"/> on.</summary>
    public void Fill(Span<byte> destination, long offset)
    {
        Span<byte> line = stackalloc byte[LineLength];
        long lineNumber = -1;
        for (int i = 0; i < destination.Length; i++)
        {
            long at = offset + i;
            if (at / LineLength != lineNumber)
            {
                lineNumber = at / LineLength;
                WriteLine(line, lineNumber);
            }
            destination[i] = line[(int)(at % LineLength)];
        }
    }

    /// <summary>Whether <paramref name="received"/> equals the pattern at <paramref name="offset"/>.</summary>
    public bool Matches(ReadOnlySpan<byte> received, long offset)
    {
        Span<byte> expected = received.Length <= 4096 ? stackalloc byte[received.Length] : new byte[received.Length];
        Fill(expected, offset);
        return received.SequenceEqual(expected);
    }

    private void WriteLine(Span<byte> line, long number)
    {
        line.Fill((byte)'.');
        var text = $"rawnet lab {_word} line {number + 1:D7} ";
        Encoding.ASCII.GetBytes(text.AsSpan(0, Math.Min(text.Length, LineLength - 1)), line);
        line[^1] = (byte)'\n';
    }
}
