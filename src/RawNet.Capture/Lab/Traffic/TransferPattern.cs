using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace RawNet.Capture.Lab.Traffic;

/// <summary>
/// The bytes a lab transfer carries: lines of 64 readable characters that number themselves ("rawnet lab upload line
/// 0000001 ...\n"), so a followed stream shows where each byte belongs, and the receiver can check every byte.
/// </summary>
/// <remarks>
/// Both ends run this on every byte of a transfer, on the two cores the lab's sender, link and receiver share: it
/// writes and compares a line at a time, with no allocation. (A version that formatted each line as a string and
/// copied byte by byte used most of a core at 500 Mbit/s; the receiver fell behind, its window closed to 64 KiB, and
/// the transfer went in stop-and-wait bursts that were the program's doing, not TCP's.)
/// </remarks>
internal sealed class TransferPattern
{
    public const int LineLength = 64;

    private static readonly StandardFormat SevenDigits = new('D', 7);

    /// <summary>"rawnet lab WORD line ": what every line starts with, before its number.</summary>
    private readonly byte[] _prefix;

    public TransferPattern(TrafficKind kind) => _prefix = Encoding.ASCII.GetBytes($"rawnet lab {TrafficOptions.WordOf(kind)} line ");

    /// <summary>Fills <paramref name="destination"/> with the bytes at stream offset <paramref name="offset"/> on.</summary>
    public void Fill(Span<byte> destination, long offset)
    {
        Span<byte> line = stackalloc byte[LineLength];
        while (!destination.IsEmpty)
        {
            var number = offset / LineLength;
            var within = (int)(offset % LineLength);
            var length = Math.Min(LineLength - within, destination.Length);
            if (within == 0 && length == LineLength)
            {
                WriteLine(destination[..LineLength], number);
            }
            else
            {
                WriteLine(line, number);
                line.Slice(within, length).CopyTo(destination);
            }
            destination = destination[length..];
            offset += length;
        }
    }

    /// <summary>Whether <paramref name="received"/> equals the pattern at <paramref name="offset"/>.</summary>
    public bool Matches(ReadOnlySpan<byte> received, long offset)
    {
        Span<byte> line = stackalloc byte[LineLength];
        while (!received.IsEmpty)
        {
            var within = (int)(offset % LineLength);
            var length = Math.Min(LineLength - within, received.Length);
            WriteLine(line, offset / LineLength);
            if (!received[..length].SequenceEqual(line.Slice(within, length)))
                return false;
            received = received[length..];
            offset += length;
        }
        return true;
    }

    /// <summary>Line <paramref name="number"/> (from 0, shown from 1) into exactly <see cref="LineLength"/> bytes.</summary>
    private void WriteLine(Span<byte> line, long number)
    {
        line.Fill((byte)'.');
        _prefix.AsSpan(0, Math.Min(_prefix.Length, LineLength - 1)).CopyTo(line);
        var at = _prefix.Length;
        if (at < LineLength - 1)
        {
            // Seven digits at least; the text is cut before the newline however long the number grows.
            Span<byte> text = stackalloc byte[24];
            Utf8Formatter.TryFormat(number + 1, text, out var written, SevenDigits);
            text[written++] = (byte)' ';
            text[..Math.Min(written, LineLength - 1 - at)].CopyTo(line[at..]);
        }
        line[^1] = (byte)'\n';
    }
}
