using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Dns;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Nbns;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// NBNS's Info column as tshark 4.0 writes it: the opcode's name ("Name query", "Registration", "Unknown operation (3)")
/// and " response" for a response with its reply code's text after a comma when not 0; then a request's questions
/// (" NB WPAD&lt;00&gt;") or a response's answers (" NB 10.0.0.1" with the first address of an NB record, " NBSTAT"),
/// as far as tshark read before an exception.
/// </summary>
internal static class NbnsInfo
{
    /// <summary>Writes the Info text; true when tshark stopped short in the message (a mark follows).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var message = source.Header(index);
        ref readonly var layer = ref source.Packet[index];
        bool stopped = layer.Status != LayerStatus.Complete;
        // tshark reads the ID and flags before it writes anything
        if (message.Length < DnsHeader.Field.Flags + 2)
            return true;
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(message[DnsHeader.Field.Flags..]);
        int opcode = NbnsHeader.OpcodeOf(flags);
        if (NbnsHeader.OpcodeName(opcode) is { } name)
            line.Append(name);
        else
        {
            line.Append("Unknown operation (");
            line.Append((ulong)opcode);
            line.Append(')');
        }
        bool response = (flags & DnsHeader.Flag.Response) != 0;
        if (response)
        {
            line.Append(" response");
            if ((flags & NbnsHeader.Flag.RcodeMask) != 0)
            {
                line.Append(", ");
                line.Append(NbnsHeader.RcodeName(flags & NbnsHeader.Flag.RcodeMask));
            }
        }
        var writer = new Writer(line, message, layer.Extent);
        NbnsWalk.Run(message, layer.Extent, columns: true, ref writer, out _);
        return stopped;
    }

    private ref struct Writer(TextLine line, ReadOnlySpan<byte> message, int reported) : IItemVisitor<NbnsValue>
    {
        private readonly ReadOnlySpan<byte> _message = message;

        public bool Item(NbnsValue which, int offset, int length, ulong number)
        {
            if (which != NbnsValue.InfoRecord)
                return true;
            int type = (int)(number & 0xFFFF);
            line.Append(' ');
            line.Append(NbnsHeader.TypeName(type));
            if ((number & 1UL << 16) == 0)
            {
                // a question: its name
                line.Append(' ');
                Span<char> text = stackalloc char[NbnsName.MaxFormattedLength];
                if (NbnsName.TryFormat(_message, reported, offset, describe: false, text, out int written, out _))
                    line.Append(text[..written]);
            }
            else if (type == NbnsHeader.TypeNb)
            {
                line.Append(' ');
                line.AppendIpv4(_message.Slice(offset, 4));
            }
            return true;
        }
    }
}
