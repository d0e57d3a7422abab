using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RawNet.Protocols.Dns;

namespace RawNet.Capture.Lab.Traffic;

/// <summary>
/// DNS across the lab: a stub resolver at A asks a name server at B (port 53, UDP) about the zone lab.example; each
/// question is asked again after <see cref="TrafficOptions.Wait"/> without an answer, at most three times in all, as
/// a stub resolver does. The server answers from its zone: a.lab.example and b.lab.example (A and AAAA of the ends),
/// www.lab.example (a CNAME to b), NXDOMAIN for any other name in the zone, REFUSED outside it.
/// </summary>
internal sealed class DnsLookup : ILabExchange
{
    /// <summary>The zone the lab's name server holds.</summary>
    public const string Zone = "lab.example.";

    /// <summary>The questions asked when none are given: an address each way, an alias and a name that does not exist.</summary>
    public static IReadOnlyList<(string Name, DnsRecordType Type)> DefaultQuestions { get; } =
    [
        ("b.lab.example.", DnsRecordType.A),
        ("b.lab.example.", DnsRecordType.AAAA),
        ("www.lab.example.", DnsRecordType.A),
        ("missing.lab.example.", DnsRecordType.A),
    ];

    private const uint TimeToLive = 300;
    private const int Tries = 3;
    private const ushort FirstId = 0x1234;

    private readonly TrafficOptions _options;
    private readonly TestNetwork _lab;
    private readonly Socket _server;
    private readonly Socket _client;
    private readonly IPEndPoint _serverEnd;

    private DnsLookup(TrafficOptions options, TestNetwork lab, Socket server, Socket client, IPEndPoint serverEnd)
    {
        _options = options;
        _lab = lab;
        _server = server;
        _client = client;
        _serverEnd = serverEnd;
    }

    public Socket? DataSender => null;

    public static DnsLookup Create(TestNetwork lab, TrafficOptions options)
    {
        var (server, client, serverEnd) = LabEnd.UdpPair(lab, options);
        return new DnsLookup(options, lab, server, client, serverEnd);
    }

    /// <summary>The questions of a run: the names given (each for A, then AAAA), or <see cref="DefaultQuestions"/>.</summary>
    public static IReadOnlyList<(string Name, DnsRecordType Type)> Questions(TrafficOptions options) =>
        options.Names is { Count: > 0 } names
            ? [.. names.SelectMany(n => new[] { (Absolute(n), DnsRecordType.A), (Absolute(n), DnsRecordType.AAAA) })]
            : DefaultQuestions;

    private static string Absolute(string name) => name.EndsWith('.') ? name : name + ".";

    public void Serve(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        EndPoint from = new IPEndPoint(_serverEnd.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!_server.Poll(TimeSpan.FromMilliseconds(50), SelectMode.SelectRead))
                continue;
            int n = _server.ReceiveFrom(buffer, ref from);
            var message = buffer.AsSpan(0, n);
            // Anything but a query of one question is not answered (a server may stay silent on garbage).
            if (!DnsStubMessages.TryReadQuestion(message, out var name, out var type, out var end))
                continue;
            var (rcode, answers) = Answer(name, type);
            _server.SendTo(DnsStubMessages.Response(message, end, rcode, answers), from);
        }
    }

    /// <summary>The zone's answer to one question.</summary>
    private (DnsResponseCode, IReadOnlyList<DnsAnswer>) Answer(string name, DnsRecordType type)
    {
        name = name.ToLowerInvariant();
        if (name != Zone && !name.EndsWith("." + Zone, StringComparison.Ordinal))
            return (DnsResponseCode.Refused, []);
        var answers = new List<DnsAnswer>();
        if (name == "www." + Zone)
        {
            answers.Add(new DnsAnswer(DnsRecordType.CNAME, TimeToLive, Target: "b." + Zone));
            name = "b." + Zone;
        }
        int host = name == "a." + Zone ? 1 : name == "b." + Zone ? 2 : 0;
        if (host == 0)
            return name == Zone ? (DnsResponseCode.NoError, answers) : (DnsResponseCode.NameError, []);
        if (type == DnsRecordType.A)
            answers.Add(new DnsAnswer(type, TimeToLive, IPAddress.Parse(_lab.Ipv4(host))));
        else if (type == DnsRecordType.AAAA)
            answers.Add(new DnsAnswer(type, TimeToLive, IPAddress.Parse(_lab.Ipv6(host))));
        return (DnsResponseCode.NoError, answers);
    }

    public (IReadOnlyList<string> Lines, bool Completed) RunClient(CancellationToken cancellationToken)
    {
        var questions = Questions(_options);
        var lines = new List<string>
        {
            $"dns: {LabEnd.Text((IPEndPoint)_client.LocalEndPoint!)} -> {LabEnd.Text(_serverEnd)}, {questions.Count * _options.Count} questions about {Zone}, each asked at most {Tries} times, {_options.Wait.TotalMilliseconds:0.###} ms apart",
        };
        var reply = new byte[4096];
        ushort id = FirstId;
        bool allAnswered = true;
        for (int round = 0; round < _options.Count; round++)
        {
            foreach (var (name, type) in questions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var query = DnsStubMessages.Query(id, name, type);
                string asked = $"  {id} {(type == DnsRecordType.AAAA ? "AAAA" : type.ToString().ToUpperInvariant())}? {name}";
                string? outcome = null;
                var start = Stopwatch.GetTimestamp();
                for (int attempt = 1; attempt <= Tries && outcome is null; attempt++)
                {
                    var sentAt = Stopwatch.GetTimestamp();
                    _client.SendTo(query, _serverEnd);
                    outcome = WaitForAnswer(id, reply, sentAt, cancellationToken);
                    if (outcome is not null)
                        outcome += string.Create(CultureInfo.InvariantCulture, $" in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0.000} ms{(attempt > 1 ? $" (try {attempt})" : "")}");
                }
                allAnswered &= outcome is not null;
                lines.Add($"{asked} -> {outcome ?? $"no answer after {Tries} tries"}");
                id++;
                var left = _options.Interval - Stopwatch.GetElapsedTime(start);
                if (left > TimeSpan.Zero)
                    Thread.Sleep(left);
            }
        }
        return (lines, allAnswered);
    }

    private string? WaitForAnswer(ushort id, byte[] reply, long sentAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var left = _options.Wait - Stopwatch.GetElapsedTime(sentAt);
            if (left <= TimeSpan.Zero || !_client.Poll(left, SelectMode.SelectRead))
                return null;
            int n = _client.Receive(reply);
            var answers = new List<string>();
            if (!DnsStubMessages.TryReadResponse(reply.AsSpan(0, n), out var answerId, out var rcode, answers) || answerId != id)
                continue;
            return rcode switch
            {
                DnsResponseCode.NoError => answers.Count == 0 ? "no records" : string.Join(", ", answers),
                DnsResponseCode.NameError => "NXDOMAIN",
                _ => rcode.ToString().ToUpperInvariant(),
            };
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }
}
