using System.Net.Sockets;

namespace RawNet.Capture.Lab.Traffic;

/// <summary>
/// One kind of lab traffic: its sockets are made (in the two namespaces) when it is created, so that nothing after
/// needs root; then the server side runs on a thread of its own while the client side runs on the caller's.
/// </summary>
internal interface ILabExchange : IDisposable
{
    /// <summary>Serves until the client is done or <paramref name="cancellationToken"/> is cancelled.</summary>
    void Serve(CancellationToken cancellationToken);

    /// <summary>Runs the client; returns what it saw, line by line, and whether the exchange finished.</summary>
    (IReadOnlyList<string> Lines, bool Completed) RunClient(CancellationToken cancellationToken);

    /// <summary>The socket that sends the data, once it is connected (a TCP transfer's only); null otherwise.</summary>
    Socket? DataSender { get; }
}
