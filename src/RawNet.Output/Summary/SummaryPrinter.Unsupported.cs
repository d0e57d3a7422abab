namespace RawNet.Output.Summary;

// tcpdump 4.99 has no printer for LINKTYPE_ERF (nor for the others HasNoTcpdumpPrinter lists): print.c's
// unsupported_if_print writes "UNSUPPORTED" and every captured byte in hex and ASCII, with or without -v. An ERF record
// met inside another link type (PKTAP's DLT) prints the same.
public sealed partial class SummaryPrinter
{
    /// <summary>tcpdump's line for a link type it has no printer for: "UNSUPPORTED", then the whole captured frame in hex and ASCII.</summary>
    private void AppendUnsupportedLinkType(ReadOnlySpan<byte> frame)
    {
        _line.Append("UNSUPPORTED");
        AppendHexDump(frame, "\n\t", withText: true);
    }
}
