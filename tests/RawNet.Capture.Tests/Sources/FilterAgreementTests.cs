using System.Net;
using System.Net.Sockets;
using System.Text;
using RawNet.Capture.Bpf;
using RawNet.Capture.Sources;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Sources;

/// <summary>
/// One expression, three places: in the kernel on our AF_PACKET socket (SO_ATTACH_FILTER), in libpcap
/// (pcap_setfilter) and in our interpreter over an unfiltered capture of the same traffic. All three keep the same frames.
/// </summary>
public sealed class FilterAgreementTests
{
    private static readonly string[] Expressions =
    [
        "udp",
        "ip6",
        "udp dst port 5001",
        "ip and udp and greater 600",
        "ether proto 0x88b5",
        "ip[2:2] > 200",
        "not ip6",
    ];

    [Fact]
    public void Kernel_libpcap_and_the_interpreter_keep_the_same_frames()
    {
        using var lab = NetworkLab.Create();
        var b = lab.B;
        // Sockets in B so the datagrams draw no ICMP port unreachable.
        var receivers = NetworkLab.RunInNamespace(b.Namespace, () => new[]
        {
            Bound(AddressFamily.InterNetwork, b.Ipv4, 5001), Bound(AddressFamily.InterNetwork, b.Ipv4, 5002),
            Bound(AddressFamily.InterNetworkV6, b.Ipv6, 5001), Bound(AddressFamily.InterNetworkV6, b.Ipv6, 5002),
        });
        var unfiltered = LabCaptureTests.OpenIn(b, "afpacket");
        var kernel = Expressions.Select(e => LabCaptureTests.OpenIn(b, "afpacket", e)).ToList();
        var libpcap = Expressions.Select(e => LabCaptureTests.OpenIn(b, "libpcap", e)).ToList();
        try
        {
            var payloads = Enumerable.Range(0, 40).Select(i => Encoding.ASCII.GetBytes($"rawnet {lab.Id} {i} " + new string('x', i * 37))).ToList();
            var frames = Enumerable.Range(0, 20).Select(i => lab.ExperimentalFrame(lab.A, lab.Id, i, 60 + i * 70)).ToList();
            // 100 frames: every ring holds them all until it is read.
            lab.SendUdp(lab.A, 5001, payloads[..20]);
            lab.SendUdp(lab.A, 5002, payloads[20..]);
            lab.SendUdp(lab.A, 5001, payloads[..10], ipv6: true);
            lab.SendUdp(lab.A, 5002, payloads[30..], ipv6: true);
            NetworkLab.SendFrames(lab.A, frames);

            bool Ours(byte[] f) => CaptureDrain.Contains(f, lab.Id);
            var all = CaptureDrain.Read(unfiltered, Ours, quiet: TimeSpan.FromMilliseconds(500));
            Assert.Equal(20 + 20 + 10 + 10 + 20, all.Count);
            for (var i = 0; i < Expressions.Length; i++)
            {
                var program = BpfProgram.Compile(Expressions[i], LinkType.Ethernet);
                var expected = all.Where(f => program.Matches(f.Data, f.Metadata.OriginalLength)).Select(f => Convert.ToHexString(f.Data)).ToList();
                Assert.InRange(expected.Count, 1, all.Count - 1);
                var inKernel = CaptureDrain.Read(kernel[i], Ours, quiet: TimeSpan.FromMilliseconds(300)).Select(f => Convert.ToHexString(f.Data)).ToList();
                var inLibpcap = CaptureDrain.Read(libpcap[i], Ours, count: expected.Count, limit: TimeSpan.FromSeconds(5)).Select(f => Convert.ToHexString(f.Data)).ToList();
                Assert.True(expected.SequenceEqual(inKernel), $"{Expressions[i]}: kernel kept {inKernel.Count}, interpreter {expected.Count}");
                Assert.True(expected.SequenceEqual(inLibpcap), $"{Expressions[i]}: libpcap kept {inLibpcap.Count}, interpreter {expected.Count}");
                Assert.Equal(0, kernel[i].GetStatistics().DroppedByKernel);
            }
        }
        finally
        {
            unfiltered.Dispose();
            kernel.ForEach(s => s.Dispose());
            libpcap.ForEach(s => s.Dispose());
            foreach (var r in receivers)
                r.Dispose();
        }
    }

    private static Socket Bound(AddressFamily family, IPAddress address, int port)
    {
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, port));
        return socket;
    }
}
