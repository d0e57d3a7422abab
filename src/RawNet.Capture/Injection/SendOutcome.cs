namespace RawNet.Capture.Injection;

/// <summary>What a send did, in lines for the user: the endpoints, the byte counts, and what the kernel wrote for us.</summary>
/// <param name="Lines">One fact per line.</param>
/// <param name="Bytes">The bytes handed to the kernel (payload for stream and datagram, the packet or frame for raw and link).</param>
/// <param name="Local">The local address and port the socket sent from, where the kernel chose them (stream and datagram).</param>
public sealed record SendOutcome(IReadOnlyList<string> Lines, byte[] Bytes, System.Net.IPEndPoint? Local = null);
