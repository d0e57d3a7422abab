using RawNet.Protocols.Decoding;
using RawNet.Protocols.Http;
using RawNet.Protocols.Sip;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// SIP's columns as tshark 4.0 writes them: "Request: METHOD URI" ("Unknown request: " for a method it does not know) or
/// "Status: CODE PHRASE", a 200's CSeq method in parentheses, a REGISTER's bindings, ", in-dialog" for each To tag of an
/// INVITE, SUBSCRIBE or REFER, then " | " once the message is read, then what its body's dissectors add (" (text/plain)",
/// a MIME part's " (type)"). The Protocol column is "SIP", with "/SDP" (or "/JSON", "/XML") when a body went there.
/// </summary>
internal static class SipInfo
{
    /// <summary>Writes the Info text; true when tshark stopped short in the message (a mark follows).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var message = source.Header(index);
        var facts = SipWalk.FactsOf(message, source.Packet[index].Extent);
        if (facts.Kind == SipLineKind.None)
            return true;
        var start = message[..facts.LineLength];
        bool register;
        if (facts.Kind == SipLineKind.Request)
        {
            var method = start[..facts.MethodLength];
            line.Append(SipNames.IsKnownMethod(method) ? "Request: " : "Unknown request: ");
            line.AppendFormatText(start[..(start.Length - SipStartLine.Version.Length - 1)]);
            register = SipNames.Equals(method, "REGISTER");
        }
        else
        {
            line.Append("Status: ");
            line.AppendFormatText(start[(SipStartLine.Version.Length + 1)..]);
            var cseqMethod = facts.CSeqMethodStart >= 0 ? message.Slice(facts.CSeqMethodStart, facts.CSeqMethodLength) : default;
            if (facts.StatusCode == 200 && facts.Status != SipWalkStatus.Abandoned)
            {
                line.Append(" (");
                line.AppendFormatText(cseqMethod);
                line.Append(')');
            }
            register = facts.StatusCode is >= 200 and < 300 && SipNames.Equals(cseqMethod, "REGISTER");
        }
        if (register && facts.Status != SipWalkStatus.Abandoned)
            AppendBindings(line, in facts);
        if (facts.Kind == SipLineKind.Request && IsDialogMethod(start[..facts.MethodLength]))
        {
            for (int i = 0; i < facts.ToTags; i++)
                line.Append(", in-dialog");
        }
        if (source.Packet[index].Status != LayerStatus.Complete)
            return true;
        if (facts.Status == SipWalkStatus.Abandoned)
            return false;
        line.Append(" | ");
        var info = new HttpInfo.InfoText(line);
        SipBody.Visit(in facts, message, ref info);
        return false;
    }

    /// <summary>The Protocol column: "SIP", "/SDP" (JSON's, XML's names) after it when the body went there.</summary>
    public static string Protocol(in InfoSource source, int index)
    {
        var message = source.Header(index);
        var facts = SipWalk.FactsOf(message, source.Packet[index].Extent);
        var names = new ProtocolNames();
        SipBody.Visit(in facts, message, ref names);
        return names.Protocol;
    }

    private static bool IsDialogMethod(ReadOnlySpan<byte> method) =>
        SipNames.Equals(method, "INVITE") || SipNames.Equals(method, "SUBSCRIBE") || SipNames.Equals(method, "REFER");

    /// <summary>A REGISTER's (or its 2xx's) bindings: removed all, fetched, or how many are added and removed.</summary>
    private static void AppendBindings(TextLine line, in SipFacts facts)
    {
        if (facts.ContactStar && facts.ExpiresZero)
        {
            line.Append("  (remove all bindings)");
            return;
        }
        if (facts.Contacts == 0)
        {
            line.Append("  (fetch bindings)");
            return;
        }
        int removed = facts.ContactsExpiring;
        int added = facts.Contacts - removed;
        line.Append(' ');
        if (removed == 0)
        {
            AppendCount(line, "", added);
            return;
        }
        AppendCount(line, "remove ", removed);
        if (added > 0)
            AppendCount(line, "add ", added);
    }

    private static void AppendCount(TextLine line, string verb, int count)
    {
        line.Append(" (");
        line.Append(verb);
        line.Append((ulong)count);
        line.Append(count == 1 ? " binding)" : " bindings)");
    }

    /// <summary>The body dissectors' names after "SIP" (as constant strings: two at most).</summary>
    private struct ProtocolNames() : IHttpBodyVisitor
    {
        public string Protocol { get; private set; } = "SIP";

        public bool Visit(HttpBodyDissector dissector, ReadOnlySpan<byte> type, HttpBodyVisit how)
        {
            string? name = dissector switch
            {
                HttpBodyDissector.Sdp => "SDP",
                HttpBodyDissector.Json => "JSON",
                HttpBodyDissector.Xml => "XML",
                _ => null,
            };
            Protocol = (Protocol, name) switch
            {
                (_, null) => Protocol,
                ("SIP", "SDP") => "SIP/SDP",
                ("SIP", "JSON") => "SIP/JSON",
                ("SIP", "XML") => "SIP/XML",
                ("SIP/SDP", "SDP") => "SIP/SDP/SDP",
                _ => Protocol,
            };
            return true;
        }
    }
}
