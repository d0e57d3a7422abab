using System.Net;
using RawNet.Protocols;

namespace RawNet.Capture.Layers;

/// <summary>One frame a transport experiment captured, and which end sent it.</summary>
/// <param name="Frame">The captured bytes.</param>
/// <param name="Metadata">The capture's metadata.</param>
/// <param name="Origin">The sending side (RawNet's sockets, or an address it sends from by hand) or the listener's kernel.</param>
public sealed record TransportPacket(byte[] Frame, FrameMetadata Metadata, FrameOrigin Origin);

/// <summary>What one send() or recv() call returned.</summary>
/// <param name="Socket">Which socket made the call ("client", "client 2", "udp socket", "connection 1", ...).</param>
/// <param name="Peer">The other end as the call or the socket names it, or null.</param>
/// <param name="Bytes">The bytes the call moved.</param>
/// <param name="Text">The bytes as text when they are short printable ASCII, else null.</param>
public sealed record SocketCall(string Socket, IPEndPoint? Peer, int Bytes, string? Text = null);

/// <summary>The result of a <see cref="TransportExperiment"/>.</summary>
/// <param name="Experiment">Which experiment ran.</param>
/// <param name="Ipv6">True for IPv6.</param>
/// <param name="Interface">Where the capture ran ("lo", or the listener's veth end).</param>
/// <param name="Namespace">The listener's and capture's namespace, or null for the caller's own.</param>
/// <param name="SenderNamespace">The sender's namespace, or null.</param>
/// <param name="Steps">What the experiment did, one line each, in order.</param>
/// <param name="Packets">Every frame of the experiment the capture saw, in capture order.</param>
/// <param name="Sends">The send() calls on the sending side, in order.</param>
/// <param name="Receives">The recv() calls on the receiving side that returned data, in order.</param>
/// <param name="Findings">What the packets and calls show, one line each.</param>
/// <param name="Checksum">The checksum walk-through (checksum experiment), else null.</param>
/// <param name="Wire">The payload frame as a wire carries it (wire experiment), else null.</param>
/// <param name="Diagrams">The payload frame's IP and transport headers as RFC diagrams (wire experiment), else empty.</param>
public sealed record TransportReport(TransportExperimentKind Experiment, bool Ipv6, string Interface, string? Namespace, string? SenderNamespace,
    IReadOnlyList<string> Steps, IReadOnlyList<TransportPacket> Packets, IReadOnlyList<SocketCall> Sends, IReadOnlyList<SocketCall> Receives,
    IReadOnlyList<string> Findings, ChecksumWalk? Checksum = null, WireView? Wire = null, IReadOnlyList<LayerDiagram>? Diagrams = null);

/// <summary>One header of a frame drawn as its RFC draws it, with the frame's values.</summary>
/// <param name="Layer">The layer's name ("ip", "ipv6", "tcp", "udp").</param>
/// <param name="Offset">Where the header starts in the frame.</param>
/// <param name="Length">The header's bytes.</param>
/// <param name="Lines">The diagram, ruler first.</param>
public sealed record LayerDiagram(string Layer, int Offset, int Length, IReadOnlyList<string> Lines);
