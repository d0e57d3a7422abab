namespace RawNet.Ui.Screens;

/// <summary>How <c>rawnet ui</c> was started.</summary>
/// <param name="Path">The capture file, or null for a live capture on <paramref name="Interface"/>.</param>
/// <param name="Interface">Capture live on this interface (ignored when <paramref name="Path"/> is given).</param>
/// <param name="CaptureFilter">The live capture's filter (tcpdump syntax), or null.</param>
/// <param name="DisplayFilter">The display filter applied when the UI opens, or null.</param>
/// <param name="Hint">A first status line (e.g. how to capture live), or null.</param>
/// <param name="ExitAfterFirstDraw">Benchmarks: quit after the first screen, printing the milliseconds it took to standard error.</param>
/// <param name="Script">Benchmarks and tests: keys to apply after the first screen (no terminal input is read), each render timed on standard error; then quit.</param>
/// <param name="StatsOnExit">Benchmarks and tests: on quitting, print one <c>ui-stats</c> line of the counts to standard error.</param>
/// <param name="Theme">The theme asked for on the command line (<c>--theme</c>), or null: the config file's, else dark.</param>
/// <param name="Colors">The colour depth asked for (<c>--colors</c>), or null: the config file's, else detected.</param>
/// <param name="ConfigPath">The config file (<see cref="Settings.UiConfigFile.Locate"/>), or null for none.</param>
/// <param name="Columns">The packet list's columns asked for (<c>--columns</c>), or null: the config file's, else Wireshark's.</param>
/// <param name="Config">The config file already read (by root, before giving root up, when it is root's own), or null: read <paramref name="ConfigPath"/>.</param>
/// <param name="Lab">The lab the craft screen's experiments run in when switched to it (<c>a</c>), or null for <c>rawnet lab</c>'s.</param>
/// <param name="Backend">The live capture's back end (<c>--backend</c>: auto, afpacket or libpcap), for every capture this session starts.</param>
/// <param name="Threads">The live capture's AF_PACKET sockets (<c>--threads</c>, a fanout group above 1).</param>
public sealed record UiOptions(string? Path, string? Interface = null, string? CaptureFilter = null, string? DisplayFilter = null,
    string? Hint = null, bool ExitAfterFirstDraw = false, string? Script = null, bool StatsOnExit = false,
    Theming.Theme? Theme = null, Theming.ColorDepth? Colors = null, string? ConfigPath = null, Model.ListColumns? Columns = null,
    Settings.UiConfig? Config = null, Capture.Lab.TestNetwork? Lab = null, string Backend = Capture.Sources.CaptureBackends.Auto, int Threads = 1);
