namespace RawNet.Protocols.Http;

/// <summary>
/// The TCP ports HTTP is decoded on, as each oracle decides it: tshark 4.0's default <c>http.tcp.port</c> range and
/// the ports other dissectors hand to HTTP (IPP, DAAP), and tcpdump 4.99's two ports for its one-line summaries.
/// </summary>
public static class HttpPorts
{
    /// <summary>SSDP's port (UDP, and one of tshark's HTTP ports over TCP).</summary>
    public const ushort Ssdp = 1900;

    /// <summary>HTTP.</summary>
    public const ushort Http = 80;

    /// <summary>HTTP's common alternative, where tcpdump prints HTTP too.</summary>
    public const ushort Alternate = 8080;

    /// <summary>
    /// tshark 4.0's HTTP ports: <c>http.tcp.port</c> (80, 3128, 3132, 5985, 8080, 8088, 11371, 1900, 2869, 2710) and
    /// the ports IPP (631) and DAAP (3689) register HTTP on (<c>tshark -G decodes | grep -P '\thttp$'</c>).
    /// </summary>
    public static bool IsWireshark(ushort port) =>
        port is Http or 631 or Ssdp or 2710 or 2869 or 3128 or 3132 or 3689 or 5985 or Alternate or 8088 or 11371;

    /// <summary>
    /// Whether tshark hands a TCP payload between these ports to HTTP: it tries the lower port's dissector first, so the
    /// lower port must be an HTTP port, or be 1024 or more (a port with no dissector of its own, as nearly every client
    /// port is). A lower well-known port (below 1024) that is not HTTP's is taken as another protocol's.
    /// </summary>
    public static bool CarriesWireshark(ushort sourcePort, ushort destinationPort)
    {
        ushort low = Math.Min(sourcePort, destinationPort), high = Math.Max(sourcePort, destinationPort);
        return IsWireshark(low) || (IsWireshark(high) && low >= 1024);
    }

    /// <summary>
    /// The TCP ports tcpdump's tcp_print tries before HTTP's (telnet, SMTP, whois, BGP, PPTP, Redis, SSH, BEEP, OpenFlow,
    /// FTP): a segment between one of them and port 80 is not HTTP to it.
    /// </summary>
    private static readonly ushort[] TcpdumpPortsBeforeHttp = [23, 25, 43, 179, 1723, 6379, 22, 10288, 6633, 6653, 21];

    /// <summary>Whether tcpdump 4.99 prints a TCP payload between these ports as HTTP (ports 80 and 8080).</summary>
    public static bool CarriesTcpdump(ushort sourcePort, ushort destinationPort) =>
        (sourcePort is Http or Alternate || destinationPort is Http or Alternate)
        && Array.IndexOf(TcpdumpPortsBeforeHttp, sourcePort) < 0 && Array.IndexOf(TcpdumpPortsBeforeHttp, destinationPort) < 0;
}
