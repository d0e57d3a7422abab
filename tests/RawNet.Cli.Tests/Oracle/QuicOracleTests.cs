using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// QUIC against its oracles: every quic.* header field RawNet names, frame.protocols and the columns of
/// <c>rawnet read -T fields</c> as <c>tshark -T fields</c> (tshark 4.0, default preferences) prints them, and every
/// summary line as <c>tcpdump -n -r</c> and <c>-v</c> print it (tcpdump 4.99 prints QUIC on any port as plain UDP), over
/// captures/quic/quic-cases.pcap (client Initials of every version with a salt, header protection removed; 0-RTT,
/// Handshake, Retry, coalesced packets and padding; payloads the heuristic refuses; damaged and snap-cut datagrams:
/// tests/oracle/make-quic-cases.py); every datagram there has its own ports and connection IDs. captures/quic/quic-handshake.pcap
/// holds whole handshakes, for the state tshark keeps across packets (<see cref="HandshakeFieldsEqualTshark"/>);
/// captures/quic/quic-crypto.pcap CRYPTO data over several Initials (<see cref="CryptoAcrossInitialsFieldsEqualTshark"/>).
/// </summary>
public sealed class QuicOracleTests
{
    /// <summary>The QUIC fields compared, after the frame number.</summary>
    public static readonly string[] Fields =
    [
        "frame.number", "quic.packet_length", "quic.header_form", "quic.fixed_bit", "quic.long.packet_type",
        "quic.long.packet_type_v2", "quic.long.reserved", "quic.packet_number_length", "quic.version", "quic.dcil",
        "quic.dcid", "quic.scil", "quic.scid", "quic.token_length", "quic.token", "quic.length", "quic.packet_number",
        "quic.payload", "quic.vn.unused", "quic.supported_version", "quic.short", "quic.spin_bit", "quic.remaining_payload",
        "quic.retry_token", "quic.retry_integrity_tag",
    ];

    /// <summary>The protocol chain and the columns: "QUIC", and tshark's Info text with its marks.</summary>
    public static readonly string[] Columns = ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info"];

    public static TheoryData<string> Modes() => new("", "-v");

    private static string Bundled => Path.Combine(TestPaths.Captures, "quic", "quic-cases.pcap");

    [Fact]
    public void BundledCasesFieldsEqualTshark() => TsharkComparison.AssertSameFields(Bundled, [.. Fields, .. Columns[1..]], 1);

    private static string Handshake => Path.Combine(TestPaths.Captures, "quic", "quic-handshake.pcap");

    /// <summary>
    /// Two connections' handshakes (quic-handshake.pcap): tshark's state across packets, the server's Initials read with the
    /// client's original DCID's keys, the later datagrams (short headers too) of a conversation taken as QUIC, the Initials
    /// decrypted and their frames listed (fields and Info), the CRYPTO data at offset 0 handed to TLS ("quic:tls", the
    /// handshake's fields; QUIC's columns stay).
    /// </summary>
    [Fact]
    public void HandshakeFieldsEqualTshark() =>
        TsharkComparison.AssertSameFields(Handshake, [.. Fields, .. FrameFields, .. TlsFields, .. Columns[1..]], 1);

    private static string Crypto => Path.Combine(TestPaths.Captures, "quic", "quic-crypto.pcap");

    /// <summary>
    /// ClientHellos of 1,600 to 2,500 bytes over several Initials (quic-crypto.pcap): tshark 4.0 hands each CRYPTO frame's
    /// new in-order bytes to TLS, which reassembles the handshake message (the frame completing it shows its fields, those
    /// before "tls" with nothing); frames before the stream's in-order offset (retransmissions) are not handed on, an
    /// overlap from that offset on; frames past it wait until the gap is filled (never, for one connection); a damaged
    /// or snap-cut Initial is not decrypted; hostile offsets near 2^62 hand nothing on. One TLS layer a frame handed on.
    /// </summary>
    [Fact]
    public void CryptoAcrossInitialsFieldsEqualTshark() =>
        TsharkComparison.AssertSameFields(Crypto, [.. Fields, .. FrameFields, .. TlsFields, .. Columns[1..]], 1);

    /// <summary>The TLS handshake fields of the CRYPTO data (no record fields: QUIC carries messages without records).</summary>
    public static readonly string[] TlsFields =
    [
        "tls.record.content_type", "tls.record.version", "tls.handshake.type", "tls.handshake.length", "tls.handshake.version",
        "tls.handshake.random", "tls.handshake.session_id_length", "tls.handshake.cipher_suites_length", "tls.handshake.ciphersuite",
        "tls.handshake.comp_methods_length", "tls.handshake.extensions_length", "tls.handshake.extension.type",
        "tls.handshake.extension.len", "tls.handshake.extensions_server_name",
    ];

    /// <summary>The decrypted Initials' frame fields compared.</summary>
    public static readonly string[] FrameFields =
    [
        "quic.frame_type", "quic.padding_length", "quic.ack.largest_acknowledged", "quic.ack.ack_delay", "quic.ack.ack_range_count",
        "quic.ack.first_ack_range", "quic.ack.gap", "quic.ack.ack_range", "quic.ack.ect0_count", "quic.ack.ect1_count",
        "quic.ack.ecn_ce_count", "quic.crypto.offset", "quic.crypto.length", "quic.crypto.crypto_data", "quic.cc.error_code",
        "quic.cc.error_code.app", "quic.cc.frame_type", "quic.cc.reason_phrase.length",
    ];

    [Theory]
    [MemberData(nameof(Modes))]
    public void BundledCasesSummariesEqualTcpdump(string mode) => TcpdumpComparison.AssertSummariesEqual(Bundled, mode);

    public static TheoryData<int> Seeds() => new(1, 2);

    /// <summary>The fixed datagrams damaged at random (400 frames a seed; seeds 1 to 10 agreed whole when this was written).</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomDamagesEqualTsharkAndTcpdump(int seed) =>
        TsharkComparison.WithRandomCapture("make-quic-cases.py", seed, path =>
        {
            TsharkComparison.AssertSameFields(path, [.. Fields, .. Columns[1..]], 1);
            TcpdumpComparison.AssertSummariesEqual(path, "");
        });

    [Fact]
    public void BundledCasesAreWhatTheScriptWrites() => TsharkComparison.AssertBundledCasesAreWhatTheScriptWrites("make-quic-cases.py", "quic");

    /// <summary>
    /// Display filters select what tshark's do: the protocol (there even when tshark failed before its first field: it
    /// adds its protocol item first), header fields and the packet number.
    /// </summary>
    [Theory]
    [InlineData("quic")]
    [InlineData("quic.version == 1 && quic.long.packet_type == 2")]
    [InlineData("quic.packet_number > 1000 || quic.short")]
    public void DisplayFiltersSelectWhatTsharkSelects(string filter) =>
        TsharkComparison.AssertSameFields(Bundled, ["frame.number"], 1, displayFilter: filter);
}
