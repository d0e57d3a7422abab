using RawNet.Cli;

// A shell without job control starts `rawnet ... &` with SIGINT ignored, and .NET never delivers a signal that was
// ignored when it set up its handlers, so `kill -INT` could not stop such a capture and close its file. tcpdump takes
// SIGINT back regardless; so does rawnet, before anything sets the handlers up.
if (!OperatingSystem.IsWindows() && Interop.Signals.IsIgnored(Interop.Signals.SigInt))
    Interop.Signals.RestoreDefault(Interop.Signals.SigInt);

return RawNetCommandLine.Run(args, Console.OpenStandardOutput(), new DeferredStandardError(), RawNetCommandLine.ThisProgram());
