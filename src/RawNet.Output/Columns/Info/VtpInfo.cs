using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Vtp;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// VTP's Info column as tshark 4.0 writes it, before anything else is read: "Summary Advertisement, Revision: 7" (with ",
/// Followers: 1" when there are any), "Subset Advertisement, Revision: 7, Seq: 1", "Advertisement Request", "Join",
/// "Unrecognized VTP message". When those reads throw (a PDU too short for the code, or a summary or subset for its
/// revision), LLC's text stays.
/// </summary>
internal static class VtpInfo
{
    /// <summary>Writes the Info text; true when tshark stopped short in the PDU (a mark follows).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var pdu = source.Bytes(index);
        bool cut = source.Packet[index].Status != LayerStatus.Complete;
        if (!VtpWalk.InfoReadable(pdu))
        {
            LlcInfo.Write(line, in source, index - 1);
            return cut;
        }
        switch (pdu[1])
        {
            case VtpWalk.SummaryAdvert:
                line.Append("Summary Advertisement, Revision: ");
                line.Append((ulong)BinaryPrimitives.ReadUInt32BigEndian(pdu[VtpWalk.RevisionOffset..]));
                if (pdu[2] > 0)
                {
                    line.Append(", Followers: ");
                    line.Append((ulong)pdu[2]);
                }
                break;
            case VtpWalk.SubsetAdvert:
                line.Append("Subset Advertisement, Revision: ");
                line.Append((ulong)BinaryPrimitives.ReadUInt32BigEndian(pdu[VtpWalk.RevisionOffset..]));
                line.Append(", Seq: ");
                line.Append((ulong)pdu[2]);
                break;
            case VtpWalk.AdvertRequest:
                line.Append("Advertisement Request");
                break;
            case VtpWalk.Join:
                line.Append("Join");
                break;
            default:
                line.Append("Unrecognized VTP message");
                break;
        }
        return cut;
    }
}
