using System.Text;

namespace RawNet.Cli;

/// <summary>
/// Standard error, opened on its first use. Most runs write nothing there, and opening it is a measurable part of a short
/// run's start (the console's encoding looked up from the locale, a duplicated handle, a synchronised writer: about 2%
/// of `rawnet read` on the 200,000-packet benchmark, docs/performance.md).
/// </summary>
internal sealed class DeferredStandardError : TextWriter
{
    private TextWriter? _writer;

    // Console.Error is created once by the runtime, so two threads racing here get the same writer.
    private TextWriter Writer => _writer ??= Console.Error;

    public override Encoding Encoding => Writer.Encoding;

    public override IFormatProvider FormatProvider => Writer.FormatProvider;

    public override void Write(char value) => Writer.Write(value);

    public override void Write(char[] buffer, int index, int count) => Writer.Write(buffer, index, count);

    public override void Write(ReadOnlySpan<char> buffer) => Writer.Write(buffer);

    public override void Write(string? value) => Writer.Write(value);

    public override void WriteLine() => Writer.WriteLine();

    public override void WriteLine(string? value) => Writer.WriteLine(value);

    public override void WriteLine(ReadOnlySpan<char> buffer) => Writer.WriteLine(buffer);

    public override void Flush() => _writer?.Flush();
}
