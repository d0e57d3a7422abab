namespace RawNet.Protocols.Tls;

/// <summary>tshark 4.0's names for TLS versions, handshake types and alerts (packet-tls-utils.c's value strings).</summary>
public static class TlsNames
{
    /// <summary>A version's short name as the Protocol column shows it ("TLSv1.2"), or null for one tshark does not name.</summary>
    public static string? ShortVersion(ushort version) => version switch
    {
        0x0002 => "SSLv2",
        0x0300 => "SSLv3",
        0x0301 => "TLSv1",
        0x0302 => "TLSv1.1",
        0x0303 => "TLSv1.2",
        0x0304 => "TLSv1.3",
        0x0100 => "DTLS 1.0 (OpenSSL pre 0.9.8f)",
        0xFEFF => "DTLSv1.0",
        0xFEFD => "DTLSv1.2",
        0xFEFC => "DTLSv1.3",
        0x0101 => "GMTLSv1",
        _ => null,
    };

    /// <summary>True for a record version tshark takes as the session's (ssl_try_set_version).</summary>
    public static bool IsSessionVersion(ushort version) => version is >= 0x0300 and <= 0x0304 or 0x0101;

    /// <summary>A handshake message type's name, or null for a type tshark does not know (it then takes the message as encrypted).</summary>
    public static string? HandshakeType(byte type) => type switch
    {
        0 => "Hello Request",
        1 => "Client Hello",
        2 => "Server Hello",
        3 => "Hello Verify Request",
        4 => "New Session Ticket",
        5 => "End of Early Data",
        6 => "Hello Retry Request",
        8 => "Encrypted Extensions",
        11 => "Certificate",
        12 => "Server Key Exchange",
        13 => "Certificate Request",
        14 => "Server Hello Done",
        15 => "Certificate Verify",
        16 => "Client Key Exchange",
        17 => "Client Identity",
        20 => "Finished",
        21 => "Client Certificate URL",
        22 => "Certificate Status",
        23 => "Supplemental Data",
        24 => "Key Update",
        25 => "Compressed Certificate",
        26 => "Encrypted Extensions",
        254 => "Message Hash",
        _ => null,
    };

    /// <summary>An alert level's name.</summary>
    public static string AlertLevel(byte level) => level switch { 1 => "Warning", 2 => "Fatal", _ => "Unknown" };

    /// <summary>An alert description's name.</summary>
    public static string AlertDescription(byte description) => description switch
    {
        0 => "Close Notify",
        10 => "Unexpected Message",
        20 => "Bad Record MAC",
        21 => "Decryption Failed",
        22 => "Record Overflow",
        30 => "Decompression Failure",
        40 => "Handshake Failure",
        41 => "No Certificate",
        42 => "Bad Certificate",
        43 => "Unsupported Certificate",
        44 => "Certificate Revoked",
        45 => "Certificate Expired",
        46 => "Certificate Unknown",
        47 => "Illegal Parameter",
        48 => "Unknown CA",
        49 => "Access Denied",
        50 => "Decode Error",
        51 => "Decrypt Error",
        60 => "Export Restriction",
        70 => "Protocol Version",
        71 => "Insufficient Security",
        80 => "Internal Error",
        86 => "Inappropriate Fallback",
        90 => "User Canceled",
        100 => "No Renegotiation",
        109 => "Missing Extension",
        110 => "Unsupported Extension",
        111 => "Certificate Unobtainable",
        112 => "Unrecognized Name",
        113 => "Bad Certificate Status Response",
        114 => "Bad Certificate Hash Value",
        115 => "Unknown PSK Identity",
        116 => "Certificate Required",
        120 => "No application Protocol",
        _ => "Unknown",
    };
}
