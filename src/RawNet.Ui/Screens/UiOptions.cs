namespace RawNet.Ui.Screens;

/// <summary>How <c>rawnet ui</c> was started.</summary>
/// <param name="Path">The capture file.</param>
/// <param name="Hint">A first status line (e.g. how to open another file), or null.</param>
/// <param name="ExitAfterFirstDraw">Benchmarks: quit after the first screen, printing the milliseconds it took to standard error.</param>
/// <param name="Script">Benchmarks and tests: keys to apply after the first screen (no terminal input is read), each render timed on standard error; then quit.</param>
public sealed record UiOptions(string Path, string? Hint = null, bool ExitAfterFirstDraw = false, string? Script = null);
