using RawNet.Protocols.Tcp.Kernel;

namespace RawNet.Files.PcapNg;

/// <summary>The TCP_INFO samples <c>rawnet lab traffic</c> keeps in a pcapng file's custom blocks, read back.</summary>
public static class TcpInfoFile
{
    /// <summary>The most bytes of samples read: 256 MiB, about 2.5 million samples.</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>Whether the file's section header says it holds samples (cheap: the first block only).</summary>
    public static bool IsMarked(string path) => PcapNgCustomData.SectionOptions(path, TcpInfoSeries.EnterpriseNumber).Contains(TcpInfoSeries.SectionMarker);

    /// <summary>
    /// Every sender's series in the file (blocks of one connection joined, samples in time order); empty when there are
    /// none. <paramref name="problem"/> is one line when some could not be read (a damaged block, too many).
    /// </summary>
    public static IReadOnlyList<TcpInfoSeries> Read(string path, out string? problem)
    {
        var parts = new List<TcpInfoSeries>();
        IReadOnlyList<byte[]> blocks;
        try
        {
            blocks = PcapNgCustomData.Blocks(path, TcpInfoSeries.EnterpriseNumber, MaxBytes, out problem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{path}: {e.Message}";
            return [];
        }
        foreach (var block in blocks)
        {
            if (TcpInfoSeries.TryDecode(block, out var part, out var error))
                parts.Add(part);
            else
                problem ??= $"{path}: {error}";
        }
        return TcpInfoSeries.Merge(parts);
    }
}
