using RawNet.Cli;

return RawNetCommandLine.Run(args, Console.OpenStandardOutput(), Console.Error, RawNetCommandLine.ThisProgram());
