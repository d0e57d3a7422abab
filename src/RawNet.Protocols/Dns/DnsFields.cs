using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Dns.DnsHeader.Field;
using Flag = RawNet.Protocols.Dns.DnsHeader.Flag;

namespace RawNet.Protocols.Dns;

/// <summary>
/// The DNS field table (Wireshark "dns", also for mDNS on port 5353 and LLMNR on 5355, and over TCP). Header fields are fixed; the rest occur once per
/// question or record that carries them, in message order, as <c>tshark -T fields</c> lists them.
/// </summary>
public static class DnsFields
{
    private static FieldDefinition Flags(string name, string label, ushort mask, FieldKind kind = FieldKind.Boolean, FieldPresence presence = FieldPresence.DnsFlags) =>
        FieldDefinition.Fixed(name, label, LayerKind.Dns, F.Flags, 2, kind, mask, presence);

    private static FieldDefinition Count(string name, string label, int offset, FieldPresence presence = FieldPresence.Always) =>
        FieldDefinition.Fixed(name, label, LayerKind.Dns, offset, 2, FieldKind.Decimal, presence: presence);

    private static FieldDefinition Each(string name, string label, FieldKind kind, ComputedField computed, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Dns, kind, computed, hexDigits);

    public static readonly FieldDefinition StreamLength = Each("dns.length", "Length", FieldKind.Decimal, ComputedField.DnsStreamLength);
    public static readonly FieldDefinition Id = FieldDefinition.Fixed("dns.id", "Transaction ID", LayerKind.Dns, F.Id, 2, FieldKind.Hex, presence: FieldPresence.DnsFlags);
    public static readonly FieldDefinition FlagsWord = FieldDefinition.Fixed("dns.flags", "Flags", LayerKind.Dns, F.Flags, 2, FieldKind.Hex);
    public static readonly FieldDefinition Response = Flags("dns.flags.response", "Response", Flag.Response);
    public static readonly FieldDefinition Opcode = Flags("dns.flags.opcode", "Opcode", Flag.OpcodeMask, FieldKind.Decimal);
    public static readonly FieldDefinition Authoritative = Flags("dns.flags.authoritative", "Authoritative", Flag.Authoritative, presence: FieldPresence.DnsNameServerResponse);
    public static readonly FieldDefinition Conflict = Flags("dns.flags.conflict", "Conflict", Flag.Authoritative, presence: FieldPresence.LlmnrFlags);
    public static readonly FieldDefinition Truncated = Flags("dns.flags.truncated", "Truncated", Flag.Truncated);
    public static readonly FieldDefinition RecursionDesired = Flags("dns.flags.recdesired", "Recursion desired", Flag.RecursionDesired, presence: FieldPresence.DnsNameServerFlags);
    public static readonly FieldDefinition Tentative = Flags("dns.flags.tentative", "Tentative", Flag.RecursionDesired, presence: FieldPresence.LlmnrFlags);
    public static readonly FieldDefinition RecursionAvailable = Flags("dns.flags.recavail", "Recursion available", Flag.RecursionAvailable, presence: FieldPresence.DnsNameServerResponse);
    public static readonly FieldDefinition Z = Flags("dns.flags.z", "Z", Flag.Z, presence: FieldPresence.DnsNameServerFlags);
    public static readonly FieldDefinition Authenticated = Flags("dns.flags.authenticated", "Answer authenticated", Flag.AuthenticatedData, presence: FieldPresence.DnsAuthenticated);
    public static readonly FieldDefinition CheckingDisabled = Flags("dns.flags.checkdisable", "Non-authenticated data", Flag.CheckingDisabled, presence: FieldPresence.DnsNameServerFlags);
    public static readonly FieldDefinition Rcode = Flags("dns.flags.rcode", "Reply code", Flag.RcodeMask, FieldKind.Decimal, FieldPresence.DnsResponse);
    public static readonly FieldDefinition Questions = Count("dns.count.queries", "Questions", F.QuestionCount, FieldPresence.DnsNotUpdate);
    public static readonly FieldDefinition Zones = Count("dns.count.zones", "Zones", F.QuestionCount, FieldPresence.DnsUpdate);
    public static readonly FieldDefinition Answers = Count("dns.count.answers", "Answer RRs", F.AnswerCount, FieldPresence.DnsNotUpdate);
    public static readonly FieldDefinition Prerequisites = Count("dns.count.prerequisites", "Prerequisites", F.AnswerCount, FieldPresence.DnsUpdate);
    public static readonly FieldDefinition AuthorityRecords = Count("dns.count.auth_rr", "Authority RRs", F.AuthorityCount, FieldPresence.DnsNotUpdate);
    public static readonly FieldDefinition Updates = Count("dns.count.updates", "Updates", F.AuthorityCount, FieldPresence.DnsUpdate);
    public static readonly FieldDefinition AdditionalRecords = Count("dns.count.add_rr", "Additional RRs", F.AdditionalCount);

    public static readonly FieldDefinition QueryName = Each("dns.qry.name", "Name", FieldKind.DnsName, ComputedField.DnsQueryName);
    public static readonly FieldDefinition QueryNameLength = Each("dns.qry.name.len", "Name Length", FieldKind.Decimal, ComputedField.DnsQueryNameLength);
    public static readonly FieldDefinition LabelCount = Each("dns.count.labels", "Label Count", FieldKind.Decimal, ComputedField.DnsLabelCount);
    public static readonly FieldDefinition QueryType = Each("dns.qry.type", "Type", FieldKind.Decimal, ComputedField.DnsQueryType);
    public static readonly FieldDefinition QueryClass = Each("dns.qry.class", "Class", FieldKind.Hex, ComputedField.DnsQueryClass, 4);
    public static readonly FieldDefinition QueryUnicast = Each("dns.qry.qu", "\"QU\" question", FieldKind.Boolean, ComputedField.DnsQueryUnicast);

    public static readonly FieldDefinition RecordName = Each("dns.resp.name", "Name", FieldKind.DnsName, ComputedField.DnsRecordName);
    public static readonly FieldDefinition RecordType = Each("dns.resp.type", "Type", FieldKind.Decimal, ComputedField.DnsRecordType);
    public static readonly FieldDefinition RecordClass = Each("dns.resp.class", "Class", FieldKind.Hex, ComputedField.DnsRecordClass, 4);
    public static readonly FieldDefinition CacheFlush = Each("dns.resp.cache_flush", "Cache flush", FieldKind.Boolean, ComputedField.DnsCacheFlush);
    public static readonly FieldDefinition Ttl = Each("dns.resp.ttl", "Time to live", FieldKind.Decimal, ComputedField.DnsTtl);
    public static readonly FieldDefinition RecordLength = Each("dns.resp.len", "Data length", FieldKind.Decimal, ComputedField.DnsRecordLength);
    public static readonly FieldDefinition A = Each("dns.a", "Address", FieldKind.Ipv4Address, ComputedField.DnsA);
    public static readonly FieldDefinition Aaaa = Each("dns.aaaa", "AAAA Address", FieldKind.Ipv6Address, ComputedField.DnsAaaa);
    public static readonly FieldDefinition Cname = Each("dns.cname", "CNAME", FieldKind.DnsName, ComputedField.DnsCname);
    public static readonly FieldDefinition Ptr = Each("dns.ptr.domain_name", "Domain Name", FieldKind.DnsName, ComputedField.DnsPtr);
    public static readonly FieldDefinition Ns = Each("dns.ns", "Name Server", FieldKind.DnsName, ComputedField.DnsNs);
    public static readonly FieldDefinition MxPreference = Each("dns.mx.preference", "Preference", FieldKind.Decimal, ComputedField.DnsMxPreference);
    public static readonly FieldDefinition MxExchange = Each("dns.mx.mail_exchange", "Mail Exchange", FieldKind.DnsName, ComputedField.DnsMxExchange);
    public static readonly FieldDefinition TxtLength = Each("dns.txt.length", "TXT Length", FieldKind.Decimal, ComputedField.DnsTxtLength);
    public static readonly FieldDefinition Txt = Each("dns.txt", "TXT", FieldKind.Text, ComputedField.DnsTxt);
    public static readonly FieldDefinition SoaMname = Each("dns.soa.mname", "Primary name server", FieldKind.DnsName, ComputedField.DnsSoaMname);
    public static readonly FieldDefinition SoaRname = Each("dns.soa.rname", "Responsible authority's mailbox", FieldKind.DnsName, ComputedField.DnsSoaRname);
    public static readonly FieldDefinition SoaSerial = Each("dns.soa.serial_number", "Serial Number", FieldKind.Decimal, ComputedField.DnsSoaSerial);
    public static readonly FieldDefinition SoaRefresh = Each("dns.soa.refresh_interval", "Refresh Interval", FieldKind.Decimal, ComputedField.DnsSoaRefresh);
    public static readonly FieldDefinition SoaRetry = Each("dns.soa.retry_interval", "Retry Interval", FieldKind.Decimal, ComputedField.DnsSoaRetry);
    public static readonly FieldDefinition SoaExpire = Each("dns.soa.expire_limit", "Expire limit", FieldKind.Decimal, ComputedField.DnsSoaExpire);
    public static readonly FieldDefinition SoaMinimum = Each("dns.soa.minimum_ttl", "Minimum TTL", FieldKind.Decimal, ComputedField.DnsSoaMinimum);
    public static readonly FieldDefinition SrvService = Each("dns.srv.service", "Service", FieldKind.DnsName, ComputedField.DnsSrvService);
    public static readonly FieldDefinition SrvProto = Each("dns.srv.proto", "Protocol", FieldKind.DnsName, ComputedField.DnsSrvProto);
    public static readonly FieldDefinition SrvName = Each("dns.srv.name", "Name", FieldKind.DnsName, ComputedField.DnsSrvName);
    public static readonly FieldDefinition SrvPriority = Each("dns.srv.priority", "Priority", FieldKind.Decimal, ComputedField.DnsSrvPriority);
    public static readonly FieldDefinition SrvWeight = Each("dns.srv.weight", "Weight", FieldKind.Decimal, ComputedField.DnsSrvWeight);
    public static readonly FieldDefinition SrvPort = Each("dns.srv.port", "Port", FieldKind.Decimal, ComputedField.DnsSrvPort);
    public static readonly FieldDefinition SrvTarget = Each("dns.srv.target", "Target", FieldKind.DnsName, ComputedField.DnsSrvTarget);
    public static readonly FieldDefinition UdpPayloadSize = Each("dns.rr.udp_payload_size", "UDP payload size", FieldKind.Decimal, ComputedField.DnsOptUdpPayloadSize);
    public static readonly FieldDefinition ExtendedRcode = Each("dns.resp.ext_rcode", "Higher bits in extended RCODE", FieldKind.Hex, ComputedField.DnsOptExtendedRcode, 2);
    public static readonly FieldDefinition Edns0Version = Each("dns.resp.edns0_version", "EDNS0 version", FieldKind.Decimal, ComputedField.DnsOptVersion);
    public static readonly FieldDefinition OptZ = Each("dns.resp.z", "Z", FieldKind.Hex, ComputedField.DnsOptZ, 4);
    public static readonly FieldDefinition OptDo = Each("dns.resp.z.do", "DO bit", FieldKind.Boolean, ComputedField.DnsOptDo);
    public static readonly FieldDefinition OptZReserved = Each("dns.resp.z.reserved", "Reserved", FieldKind.Hex, ComputedField.DnsOptZReserved, 4);

    /// <summary>Every DNS field, in tree order.</summary>
    public static readonly FieldDefinition[] All =
    [
        StreamLength, Id, FlagsWord, Response, Opcode, Authoritative, Conflict, Truncated, RecursionDesired, Tentative, RecursionAvailable, Z, Authenticated,
        CheckingDisabled, Rcode, Questions, Zones, Answers, Prerequisites, AuthorityRecords, Updates, AdditionalRecords,
        QueryName, QueryNameLength, LabelCount, QueryType, QueryClass, QueryUnicast,
        RecordName, SrvService, SrvProto, SrvName, RecordType, RecordClass, UdpPayloadSize, CacheFlush, ExtendedRcode,
        Edns0Version, OptZ, OptDo, OptZReserved, Ttl, RecordLength,
        A, Aaaa, Cname, Ptr, Ns, MxPreference, MxExchange, TxtLength, Txt, SoaMname, SoaRname, SoaSerial, SoaRefresh,
        SoaRetry, SoaExpire, SoaMinimum, SrvPriority, SrvWeight, SrvPort, SrvTarget,
    ];
}
