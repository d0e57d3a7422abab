using System.CommandLine;
using RawNet.Capture.Bpf;
using RawNet.Capture.LibPcap;
using RawNet.Files;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Commands;

/// <summary>Receives each decoded packet of a capture file with the bytes it was decoded from.</summary>
public interface IPacketSink
{
    /// <summary>Handles one packet; <paramref name="frame"/> is valid only during the call.</summary>
    void Accept(DecodedPacket packet, ReadOnlySpan<byte> frame);
}

/// <summary>
/// Reads a capture file through one reused decoder and packet, and turns every way reading can fail into one line on
/// standard error and an exit code: never a stack trace.
/// </summary>
public static class CaptureInput
{
    /// <summary>
    /// <c>-K, --dont-verify-checksums</c>, tcpdump's switch (tshark's default): checksums are not verified, so none is shown
    /// good, bad or offloaded and none is counted.
    /// </summary>
    public static Option<bool> DontVerifyChecksumsOption() => new("-K", "--dont-verify-checksums")
    {
        Description = "Do not verify IP, TCP, UDP and ICMP checksums (tcpdump -K; tshark's default). Verified by default: a wrong checksum is marked bad, one left to the sender's NIC (offload) is marked offloaded, not an error.",
    };

    /// <summary>The FILE argument of the commands that read a capture; a leading dash means a mistyped option, not a file.</summary>
    public static Argument<string> FileArgument() => NoDashes(new Argument<string>("FILE") { Description = "A pcap or pcapng file." });

    /// <summary>One or more FILE arguments (read: several only with -T parquet); a leading dash means a mistyped option.</summary>
    public static Argument<string[]> FilesArgument() =>
        NoDashes(new Argument<string[]>("FILE") { Description = "A pcap or pcapng file (with -T parquet, several).", Arity = ArgumentArity.OneOrMore });

    private static T NoDashes<T>(T file) where T : Argument
    {
        file.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                    result.AddError($"unknown option '{token.Value}'");
            }
        });
        return file;
    }

    /// <summary>
    /// Feeds up to <paramref name="count"/> packets (0: all) of <paramref name="path"/> that pass <paramref name="filter"/>
    /// to <paramref name="sink"/>, numbered as in the file, each decoded and then analysed by <paramref name="tracker"/>
    /// (conversations, relative numbers, TCP analysis; none when null); returns the exit code.
    /// </summary>
    /// <remarks>Everything decoded before damage is handed on (and flushed) before the damage is reported.</remarks>
    public static int Run(string path, long count, bool defragment, IPacketSink sink, CommandOutput output, TextWriter stderr, Action<CaptureFileReader>? done = null,
        FrameFilter? filter = null, ConversationTracker? tracker = null, bool verifyChecksums = true)
    {
        CaptureFileReader reader;
        try
        {
            if (Directory.Exists(path))
                return Fail(output, stderr, $"{path}: Is a directory");
            reader = CaptureFileReader.Open(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail(output, stderr, $"{path}: No such file");
        }
        catch (UnauthorizedAccessException)
        {
            return Fail(output, stderr, $"{path}: Permission denied");
        }
        catch (CaptureFileException e)
        {
            return Fail(output, stderr, e.Message);
        }
        catch (IOException e)
        {
            return Fail(output, stderr, $"{path}: {e.Message}");
        }

        using (reader)
        {
            var decoder = new PacketDecoder(new DecoderOptions(Defragment: defragment, VerifyChecksums: verifyChecksums));
            var packet = new DecodedPacket();
            try
            {
                long number = 0;
                long accepted = 0;
                while ((count <= 0 || accepted < count) && reader.TryReadNext(out var frame))
                {
                    // tshark's number: pcapng custom blocks before the frame count too
                    number = reader.RecordNumber;
                    if (filter is not null && !filter.Matches(frame.Metadata, frame.Data))
                        continue;
                    accepted++;
                    decoder.Decode(frame.Data, frame.Metadata, number, packet);
                    tracker?.Analyze(packet, frame.Data);
                    sink.Accept(packet, frame.Data);
                    if (output.IsBroken)
                        return ExitCode.Success;
                }
                done?.Invoke(reader);
            }
            catch (CaptureFileException e)
            {
                done?.Invoke(reader);
                return Fail(output, stderr, e.Message);
            }
            catch (DisplayFilterGaveUpException e)
            {
                return Fail(output, stderr, e.Message);
            }
            catch (BpfCompileException e)
            {
                output.Finish(ExitCode.Usage);
                stderr.WriteLine("rawnet: " + e.Message);
                return ExitCode.Usage;
            }
            catch (LibPcapUnavailableException e)
            {
                return Fail(output, stderr, e.Message);
            }
            catch (IOException) when (output.IsBroken)
            {
                return ExitCode.Success;
            }
            catch (IOException e)
            {
                return Fail(output, stderr, $"{path}: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                return Fail(output, stderr, $"{path}: {e.Message}");
            }
        }
        return ExitCode.Success;
    }

    /// <summary>Flushes what was printed so far, then reports <paramref name="message"/> on standard error.</summary>
    public static int Fail(CommandOutput output, TextWriter stderr, string message)
    {
        output.Finish(ExitCode.BadInput);
        stderr.WriteLine("rawnet: " + message);
        stderr.Flush();
        return ExitCode.BadInput;
    }
}
