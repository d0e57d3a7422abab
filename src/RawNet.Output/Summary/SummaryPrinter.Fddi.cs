using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fddi;

namespace RawNet.Output.Summary;

// tcpdump's FDDI printer (print-fddi.c: fddi_print) without -e: the addresses as stored (tcpdump swaps their bits on no
// platform RawNet runs on), llc_print for an asynchronous LLC frame, a note for SMT, and for any other frame its frame
// control's name, the addresses and a dump of the rest.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// The FDDI header at layer <paramref name="index"/> (the frame's start) and, for an LLC frame, llc_print's words: true
    /// when the line goes on with the layer after the LLC header, which is then at <paramref name="index"/> + 2.
    /// <paramref name="length"/> is the frame's length.
    /// </summary>
    private bool AppendFddi(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        var line = _line;
        if (!FddiHeader.TryRead(frame, out var fddi))
            return Truncated("fddi");
        Span<byte> macs = stackalloc byte[12];
        fddi.Destination.CopyTo(macs);
        fddi.Source.CopyTo(macs[6..]);
        byte fc = fddi.FrameControl;
        int header = FddiHeader.Length;
        if (FddiHeader.CarriesLlc(fc))
            return AppendLanLlc(packet, frame, index, header, length, macs);
        if ((fc & FddiHeader.ClassMask) == FddiHeader.Smt)
        {
            line.Append("<SMT printer not yet implemented>");
            return false;
        }
        AppendFddiFrameControl(fc);
        AppendLanFrame(frame[header..], length, macs);
        return false;
    }

    /// <summary>print_fddi_fc: the frame control's name and a space ("nrt ", "mac1 ", "imp_async0 "), or its hex.</summary>
    private void AppendFddiFrameControl(byte fc)
    {
        var line = _line;
        string name = fc switch
        {
            0x80 => "nrt",
            0xC0 => "rt",
            0xC2 => "beacon",
            0xC3 => "claim",
            _ => (fc & FddiHeader.ClassMask) switch
            {
                0xC0 => "mac",
                0xD0 => "sync",
                0x60 => "imp_async",
                0xE0 => "imp_sync",
                _ => "",
            },
        };
        if (name.Length == 0)
            line.AppendHexDigits(fc, 2);
        else
        {
            line.Append(name);
            if (fc is not (0x80 or 0xC0 or 0xC2 or 0xC3))
                line.AppendHexDigits((ulong)(fc & FddiHeader.ControlMask), 1);
        }
        line.Append(' ');
    }
}
