namespace RawNet.Output.Filters;

/// <summary>Why a display filter did not parse: a one-line message and the character offset it points at (for an error marker).</summary>
/// <param name="Message">One line naming the problem and its position, e.g. <c>unknown field 'tcp.foo' at 5</c>.</param>
/// <param name="Position">0-based character offset in the filter text where the problem starts.</param>
public sealed record FilterError(string Message, int Position)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
