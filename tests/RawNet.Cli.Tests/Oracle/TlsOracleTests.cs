using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// The TLS record layer against tshark 4.0 (default preferences, no keys): the record and handshake-type fields, the
/// columns, frame.protocols and the TCP reassembly of records across segments, on a real TLS 1.2 and TLS 1.3 session
/// (captures/tls-sessions/, tests/oracle/make-tls-session.py) and the damaged and edge cases of
/// tests/oracle/make-tls-cases.py (captures/tls/tls-cases.pcap); tcpdump prints no TLS, so its lines stay TCP's.
/// </summary>
public sealed class TlsOracleTests
{
    public static readonly string[] Fields =
    [
        "frame.number", "tls.record.content_type", "tls.record.opaque_type", "tls.record.version", "tls.record.length",
        "tls.handshake.type", "tls.handshake.length", "tls.alert_message.level", "tls.alert_message.desc", "tls.app_data",
        "tls.handshake.version", "tls.handshake.random", "tls.handshake.session_id_length", "tls.handshake.session_id",
        "tls.handshake.cipher_suites_length", "tls.handshake.ciphersuite", "tls.handshake.comp_methods_length", "tls.handshake.extensions_length",
        "tls.handshake.extension.type", "tls.handshake.extension.len", "tls.handshake.extensions_server_name",
    ];

    public static readonly string[] Columns = ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info", "_ws.expert"];

    public static readonly string[] Reassembly =
    [
        "frame.number", "tcp.len", "tcp.seq", "tcp.segment_data", "tcp.segments", "tcp.segment", "tcp.segment.count", "tcp.reassembled.length",
        "tcp.reassembled.data", "tcp.analysis.flags", "tcp.analysis.bytes_in_flight", "tcp.analysis.push_bytes_sent", "tcp.analysis.acks_frame",
    ];

    private static readonly string[] Files = ["tls-sessions/tls12.pcap", "tls-sessions/tls13.pcap", "tls/tls-cases.pcap"];

    public static TheoryData<string> Captures() => new(Files);

    public static TheoryData<string> Modes() => new("", "-v");

    /// <summary>
    /// The TLS 1.2 Server Hello's frame: tshark dissects the certificate's X.509 (x509sat, x509ce in frame.protocols),
    /// which RawNet does not.
    /// </summary>
    private static int CertificateFrames(string name) => name == "tls-sessions/tls12.pcap" ? 1 : 0;

    [Theory]
    [MemberData(nameof(Captures))]
    public void Record_fields_agree_with_tshark(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name), Fields, 1);

    [Theory]
    [MemberData(nameof(Captures))]
    public void Columns_and_protocols_agree_with_tshark(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name), Columns, 1, allowedFrames: CertificateFrames(name));

    [Theory]
    [MemberData(nameof(Captures))]
    public void Tcp_reassembly_of_records_agrees_with_tshark(string name) =>
        TsharkComparison.AssertSameFields(Path.Combine(TestPaths.Captures, name), Reassembly, 1);

    [Theory]
    [MemberData(nameof(Captures))]
    public void The_tree_shows_tsharks_reassembly_lines(string name) => TcpReassemblyOracleTests.AssertSameTreeLines(Path.Combine(TestPaths.Captures, name));

    [Theory]
    [MemberData(nameof(Modes))]
    public void Summaries_stay_tcpdumps(string mode)
    {
        foreach (var name in Files)
            TcpdumpComparison.AssertSummariesEqual(Path.Combine(TestPaths.Captures, name), mode);
    }

    [Fact]
    public void The_bundled_cases_are_what_the_script_writes() =>
        TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-tls-cases.py", "tls");
}
