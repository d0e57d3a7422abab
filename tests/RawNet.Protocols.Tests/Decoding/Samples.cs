using RawNet.Files;
using RawNet.Protocols.Decoding;
using RawNet.Testing;
using static RawNet.Protocols.Tests.PacketBytes;
using W = RawNet.Protocols.Tests.Ieee80211.WirelessFrames;

namespace RawNet.Protocols.Tests.Decoding;

/// <summary>Frames to decode in bulk: the whole peer corpus, hand-built packets of every link type, and the benchmark capture.</summary>
internal static class Samples
{
    public readonly record struct Frame(FrameMetadata Metadata, byte[] Data);

    /// <summary>Every frame of every peer-corpus file (empty when the corpus is absent).</summary>
    public static List<Frame> PeerCorpus()
    {
        var frames = new List<Frame>();
        foreach (var file in TestPaths.PeerCorpusFiles())
            frames.AddRange(Read(file));
        return frames;
    }

    public static List<Frame> Read(string path)
    {
        var frames = new List<Frame>();
        using var reader = CaptureFileReader.Open(path);
        while (reader.TryReadNext(out var frame))
            frames.Add(new Frame(frame.Metadata, frame.Data.ToArray()));
        return frames;
    }

    /// <summary>
    /// The deterministic mixed capture of make-bench-pcap.py; skips visibly when python3 is missing or the script is not
    /// in ../shared/tools beside the repository (as the peer corpus tests do).
    /// </summary>
    public static List<Frame> BenchCapture(int packets)
    {
        var python = ExternalTool.Require("python3", "python3");
        if (!File.Exists(TestPaths.BenchPcapTool))
            Assert.Skip($"{TestPaths.BenchPcapTool} is missing (the shared tools beside the repository)");
        // A name of its own per call: tests that run at the same time in this process each make and delete theirs.
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-bench-{packets}-{Environment.ProcessId}-{Guid.NewGuid():N}.pcap");
        try
        {
            var (exit, _, error) = ExternalTool.Run(python, [TestPaths.BenchPcapTool, path, packets.ToString()]);
            Assert.True(exit == 0, error);
            return Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>An Ethernet frame with an HTTP POST whose body is <paramref name="body"/> of <paramref name="type"/>.</summary>
    private static byte[] HttpBody(string type, string body, bool chunked = false)
    {
        var length = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {body.Length}";
        var message = System.Text.Encoding.ASCII.GetBytes($"POST /b HTTP/1.1\r\nHost: h\r\nContent-Type: {type}\r\n{length}\r\n\r\n{body}");
        return EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, TcpSegment(40000, 80, 1, 1, 0x18, [], message)));
    }

    /// <summary>Hand-built packets with their link types: every decoded protocol at least once.</summary>
    public static List<Frame> Built()
    {
        var udp4 = Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1, 2, 3, 4]));
        var tcp4 = Ipv4Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x12, Hex("020405b4 0402 080a 00000001 00000000 01 030307"), [9, 9]));
        var tcp6 = Ipv6Packet(IpProtocol.Tcp, TcpSegment(1, 2, 3, 4, 0x18, Hex("0101050a 00000001 00000002"), [7]),
            [Ipv6.Ipv6Tests.HopByHop, Ipv6.Ipv6Tests.Routing, Ipv6.Ipv6Tests.AtomicFragment, Ipv6.Ipv6Tests.Authentication, Ipv6.Ipv6Tests.DestinationOptions]);
        var icmpError = Ipv4Packet(IpProtocol.Icmp, IcmpPacket(3, 3, 0, udp4));
        var icmp6Error = Ipv6Packet(IpProtocol.Icmpv6, Icmpv6Packet(1, 4, 0, Ipv6Packet(IpProtocol.Udp, UdpDatagram(5, 6, [1]))));
        var fragment = Ipv4Packet(IpProtocol.Udp, new byte[64], flagsAndOffset: 0x2000);
        // An L2TPv3 ICRQ over IP: the sender's session ID (its last byte), a pseudowire type and a sublayer.
        var icrq = (string id, string pseudowire, string sublayer) => (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.L2tp,
            Hex($"00000000 c803 002e 0a0b0c0d 0001 0001 80080000 0000000a 800a0000 003f000000{id} 80080000 0044{pseudowire} 80080000 0045{sublayer}"))));
        var list = new List<(LinkType, byte[])>
        {
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, tcp4)),
            (LinkType.Ethernet, EthernetFrame(EtherType.Vlan, VlanTagged(1, false, 2, EtherType.Ipv6, tcp6))),
            (LinkType.Ethernet, EthernetFrame(EtherType.QinQ, VlanTagged(1, false, 2, EtherType.Vlan, VlanTagged(0, true, 3, EtherType.Ipv4, icmpError)))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Arp, Arp.ArpTests.Request)),
            (LinkType.Ethernet, EthernetFrame(EtherType.PppoeSession, Concat(Hex("1100 0001"), U16(udp4.Length + 2), U16(0x21), udp4))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, fragment)),
            (LinkType.Raw, Ipv4Packet(IpProtocol.IpInIp, udp4)),
            (LinkType.Raw, Ipv4Packet(IpProtocol.Ipv6, icmp6Error)),
            (LinkType.Ethernet, Icmpv6.Icmpv6BodyTests.RouterAdvertisement()),
            (LinkType.Ethernet, Icmpv6.Icmpv6BodyTests.Mldv2Report()),
            (LinkType.Ethernet, Igmp.IgmpTests.Frame(Igmp.IgmpTests.V3Report())),
            (LinkType.Ethernet, Igmp.IgmpTests.Frame(Igmp.IgmpTests.V3Query(), "232.1.1.1")),
            (LinkType.Ethernet, Igmp.IgmpTests.Frame(Igmp.IgmpTests.V2Report())),
            (LinkType.Ethernet, Ospf.OspfTests.V2Update()),
            (LinkType.Ethernet, Wol.WolTests.EtherFrame(Hex("c0a80101"))),
            (LinkType.Ethernet, Wol.WolTests.UdpFrame(Wol.WolTests.Magic())),
            (LinkType.Ethernet, Echo.EchoTests.UdpFrame(50000, 7, [1, 2, 3])),
            (LinkType.Ethernet, WireGuard.WireGuardTests.Frame(WireGuard.WireGuardTests.Initiation())),
            (LinkType.Ethernet, WireGuard.WireGuardTests.Frame(WireGuard.WireGuardTests.Data())),
            (LinkType.Ethernet, Ssdp.SsdpTests.Frame(Ssdp.SsdpTests.Search)),
            (LinkType.Ethernet, Ospf.OspfTests.V3Update()),
            (LinkType.Ipv4, tcp4),
            (LinkType.Ipv6, tcp6),
            (LinkType.Null, Concat(Hex("02000000"), udp4)),
            (LinkType.Loop, Concat(Hex("0000001e"), icmp6Error)),
            (LinkType.LinuxSll, Concat(Hex("0000 0001 0006 001122334455 0000 0800"), tcp4)),
            (LinkType.LinuxSll2, Concat(Hex("86dd 0000 00000002 0001 04 06 001122334455 0000"), tcp6)),
            (LinkType.Ppp, Concat(Hex("ff03 0021"), udp4)),
            (LinkType.Ppp, Concat(Hex("57"), tcp6)),
            (LinkType.PppHdlc, Concat(Hex("ff03 c021 01010004"))),
            // LCP, IPCP and IPv6CP with options, an echo, a Protocol-Reject with its quoted packet, a lying option length.
            (LinkType.Ppp, Hex("ff03 c021 01010027 010405dc 0206000a0000 0305c22305 050612345678 0702 0d0306 1309030102030405")),
            (LinkType.Ppp, Hex("ff03 8021 0102001c 0306c0a80101 8106 08080808 0206002d0f01 8306 08080404")),
            (LinkType.Ppp, Hex("ff03 8057 0103000e 010a0102030405060708")),
            (LinkType.Ppp, Hex("ff03 c021 0904000a 12345678 6869")),
            (LinkType.Ppp, Hex("ff03 c021 0805000e c021 09010008 61626364")),
            (LinkType.Ppp, Hex("ff03 c021 01060008 0110 05dc")),
            // PAP and CHAP: a request, an ack, a challenge, a success, and a counted string past the packet.
            (LinkType.Ppp, Hex("ff03 c023 01010011 05616c696365 06736563726574")),
            (LinkType.Ppp, Hex("ff03 c023 02010007 026f6b")),
            (LinkType.Ppp, Hex("ff03 c223 0102000d 0401020304 73727672")),
            (LinkType.Ppp, Hex("ff03 c223 03020006 6f6b")),
            (LinkType.Ppp, Hex("ff03 c023 0103000a 3061")),
            (LinkType.PppWithDirection, Concat(Hex("00 ff03 0021"), tcp4)),
            (LinkType.PppWithDirection, Hex("01 ff")),
            // The link types tshark 4.0 does not read: pppd's direction byte, Cisco HDLC and Frame Relay behind one, raw MPLS.
            (LinkType.PppPppd, Concat(Hex("01 03 0021"), tcp4)),
            (LinkType.CiscoHdlcWithDirection, Concat(Hex("00 0f00 86dd"), tcp6)),
            (LinkType.FrameRelayWithDirection, Concat(Hex("01 1841 03cc"), tcp4)),
            (LinkType.Mpls, Concat(Hex("00010040 000111ff"), tcp4)),
            (LinkType.CiscoHdlc, Concat(Hex("0f00 86dd"), tcp6)),
            (LinkType.Ethernet, EthernetFrame(EtherType.MplsUnicast, Concat(Hex("00010040 000111ff"), tcp4))),
            (LinkType.Ethernet, EthernetFrame(EtherType.MplsUnicast, Concat(Enumerable.Repeat(Hex("00010040"), 40).ToArray()))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Macsec, Concat(Hex("2000 00000005 0200000000010001 0800"), tcp4, new byte[16]))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Macsec, Concat(Hex("0000 00000006 86dd"), tcp6, new byte[16]))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Macsec, Concat(Hex("0c00 00000007 0800"), tcp4, new byte[16]))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Nsh, Concat(Hex("0fc6 0101 000005ff"), new byte[16], tcp4))),
            // L2TP on UDP 1701: a data message with PPP and IPv4, and a control message with AVPs.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1701, 1701, Concat(Hex("4a02 0031 0005 0006 0001 0002 0000 ff03 0021"), udp4))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1701, 1701,
                Hex("c802 002d 0005 0000 0001 0002 80080000 00000001 8009000000076c6e73 c0080000 00091234 00080137 00646162"))))),
            // L2TPv3 over IP: a data message with an Ethernet frame as data, and a control message with session ID AVPs;
            // over UDP 1701, a data message and a control message cut by its length inside an AVP.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.L2tp, Concat(Hex("00001234"), EthernetFrame(EtherType.Ipv4, udp4))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.L2tp,
                Hex("00000000 c803 0024 0a0b0c0d 0001 0001 80080000 0000000a 800a0000 003f00001234 800a0000 00400000 0007")))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1701, 1701, Concat(Hex("0003 0000 00000055"), tcp4))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1701, 1701,
                Hex("c803 0016 0a0b0c0d 0001 0001 80080000 00000006 800a0000 003f0000"))))),
            // L2TPv3 over IP: an SCCRQ, ICRQs of a PPP (7), a Cisco HDLC (6), a Frame Relay (1), an AAL5 (2, with the ATM
            // sublayer) and an IP (11) pseudowire, then data to their first end, which the decoder reads by what it learnt.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.L2tp, Hex("00000000 c803 001e 00000000 0000 0000 80080000 00000001 800a0000 003d0a0b0c0d")))),
            icrq("71", "0007", "0001"), icrq("72", "0006", "0001"), icrq("73", "0001", "0000"), icrq("74", "0002", "0002"), icrq("75", "000b", "0000"),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.L2tp, Concat(Hex("00000071 40000001 ff03 0021"), udp4), V4Dst, V4Src))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.L2tp, Concat(Hex("00000072 40000002 0f00 86dd"), tcp6), V4Dst, V4Src))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.L2tp, Concat(Hex("00000073 0401 03 cc"), tcp4), V4Dst, V4Src))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.L2tp, Concat(Hex("00000074 40000003 aaaa03 000000 0800"), udp4), V4Dst, V4Src))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.L2tp, Concat(Hex("00000075"), tcp6), V4Dst, V4Src))),
            // LISP data on UDP 4341: a nonce, instance ID and locator-status bits before IPv4, map-versions before IPv6, a
            // payload that is not IP and a header with nothing after it.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 4341, Concat(Hex("c8abcdef 00001203"), udp4))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(4341, 40000, Concat(Hex("50123456 00000507"), tcp6))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 4341, Hex("00000000 00000000 55616263"))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 4341, Hex("80000007 00000000"))))),
            // AMT on UDP 2268: a query with G carrying IPv6 and its gateway, multicast data with IPv4, an advertisement, an
            // unknown type and a teardown the datagram ends inside.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 2268,
                Concat(Hex("0403 010203040506 11223344"), tcp6, Hex("04d2 20010db8000000000000000000000009")))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(2268, 40000, Concat(Hex("0600"), udp4))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 2268, Hex("02000000 12345678 c0000201"))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 2268, Hex("0900aabb"))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 2268, Hex("0700 010203040506 11223344 04d2"))))),
            // Geneve on UDP 6081: options (one of Google's) before Ethernet, IPv6 after an option whose length runs past
            // the options, and a header declaring more options than the datagram holds.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 6081,
                Concat(Hex("04c0 6558 00123400 01018001 61626364 01320101 01234567"), EthernetFrame(EtherType.Ipv4, udp4)))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(6081, 40000, Concat(Hex("0100 86dd 00000500 0101001f"), tcp6))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 6081, Hex("3f00 0800 00000500 0101"))))),
            // The CAPWAP data channel on UDP 5247: an 802.11 frame (its frame control swapped) after a radio MAC and frame
            // info, an 802.3 frame, and a keep-alive with a session ID.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 5247, Concat(
                Hex("00 304330 0000 0000 06 001122334455 00 04 d8100036 000000 0108 0000 001122334455 00aabbccddee 001122334466 0000 aaaa03 000000 0800"),
                udp4))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(5247, 40000,
                Concat(Hex("00 104200 0000 0000"), EthernetFrame(EtherType.Ipv4, tcp4)))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 5247,
                Hex("00 104208 0000 0000 0016 0023 0010 000102030405060708090a0b0c0d0e0f"))))),
            // LWAPP: an 802.11 frame as sent on 12222, a control message to 12223 after the AP identity.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 12222, Concat(
                Hex("00 00 0034 20 10 0801 0000 001122334455 00aabbccddee 001122334466 0000 aaaa03 000000 0800"), udp4))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 12223,
                Hex("001122334455 04 00 0008 20 10 16 03 0004 61626364"))))),
            // TZSP on UDP 37008: named tags (a time stamp, a string, a sensor address) before Ethernet, raw IPv6, radiotap
            // and 802.11, a walk of pads that never ends, and an encapsulation without a decoder (data).
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 37008,
                Concat(Hex("01000001 00 0a01c4 5208 5f00000000000010 5003616263 3c06001122334455 01"), EthernetFrame(EtherType.Ipv4, udp4)))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(37008, 40000, Concat(Hex("01000007 1201 06 01"), tcp6))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 37008,
                Concat(Hex("0100007e 01 00000c00 0e000000 0016 8509 0802 0000 ffffffffffff 021122334455 026677889900 1000 aaaa03000000 0800"), udp4))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 37008, Hex("01000001 00000000"))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 37008, Hex("01000063 01 616263"))))),
            (LinkType.Tzsp, Concat(Hex("01000001 0a01c4 01"), EthernetFrame(EtherType.Ipv4, udp4))),
            // A CAPWAP control message on UDP 5246 with two elements.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 5246,
                Hex("00 100200 0000 0000 00000001 07 000f 00 0014 0001 01 270f 0003 616263"))))),
            // LWAPP over layer 3 (an Ethernet frame on 12220), LWAPP over EtherType 0x88BB, LLC over UDP 12000.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 12220,
                Concat(Hex("020000000002 020000000001 0800"), udp4))))),
            (LinkType.Ethernet, EthernetFrame((EtherType)0x88BB, Hex("04 00 0008 20 10 16 03 0004 61626364"))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 12000, Concat(Hex("aaaa03 000000 0800"), udp4))))),
            // GTPv1-U on UDP 2152: a T-PDU with two extension headers before IPv4, one whose extension chain never ends
            // inside the datagram, an echo request, and a T-PDU whose payload is not IP.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(2152, 2152,
                Concat(Hex("37ff0028 00001234 01020385 01000940 01086800"), udp4))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 2152, Hex("34ff0008 00001234 00000085 01000985"))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(2152, 40000, Hex("32010004 00000000 00090000"))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(2152, 2152, Hex("30ff0003 00000001 010203"))))),
            // VXLAN-GPE on UDP 4790: NSH before IPv4, and an unknown next protocol; GRE in UDP on 4754 with a key before IPv6.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 4790,
                Concat(Hex("0c000004 00000500 0fc6 0101 000005ff"), new byte[16], udp4))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(4790, 40000, Concat(Hex("0c000009 00000500"), tcp4))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 4754, Concat(Hex("2000 86dd 00001234"), tcp6))))),
            // MPLS in UDP 6635: two labels and IPv4.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 6635, Concat(Hex("0001003f 0006413f"), udp4))))),
            // GRE over IP: PPTP's enhanced header (sequence and acknowledgment) before PPP and IPv4, an acknowledgment alone,
            // and RFC 1701 routing with an IPv4 entry before IPv6, and a list of entries that never ends.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Gre, Concat(Hex("3081 880b 0025 1780 000001ae 000001ad ff03 0021"), udp4)))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Gre, Hex("2081 880b 0000 1780 000001ad")))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Gre, Concat(Hex("4000 86dd 0000 0000 0800 0408 0a000001 0a000002 00000000"), tcp6)))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Gre, Hex("4000 0800 0000 0000 0800 0004 0a000001 0800 0004 0a000002")))),
            // sFlow v5 on UDP 6343: a flow sample of a raw IPv4 header and a counters sample whose record is shorter than
            // its counters, and a datagram whose sample count is absurd and whose header runs past it.
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(40000, 6343, Concat(
                Hex("00000005 00000001 c6120701 00000003 0000004d 0001e240 00000002 00000001"), U32((uint)(56 + udp4.Length)),
                Hex("00000009 00000005 000003e8 00001388 00000000 00000005 00000007 00000001 00000001"), U32((uint)(16 + udp4.Length)),
                Hex("0000000b"), U32((uint)udp4.Length), Hex("00000000"), U32((uint)udp4.Length), udp4,
                Hex("00000002 00000014 0000000b 00000005 00000001 00000002 00000004 00000000")))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(6343, 40000,
                Hex("00000005 00000002 20010db8000000000000000000000001 00000003 0000004d 0001e240 ffffffff 00000001 00000040 "
                    + "00000009 00000005 000003e8 00001388 00000000 00000005 00000007 00000001 00000001 00000010 0000000c 00000030 00000000 00001000"))))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Nsh, Concat(Hex("0fc5 0202 000005ff 0001 0202 aabb0000 0003 0405 0102030405000000"), tcp6))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Arista, Concat(Hex("0001 0010 00000064 000000c8 0800"), tcp4, Hex("010203")))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Arista, Concat(Hex("0001 0120 0064 000000c8 8100 0005 86dd"), tcp6))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Arista, Hex("0001 0030 00000064 000000c8 0800"))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Arista, Concat(Hex("0002 0800"), tcp4))),
            (LinkType.Ppp, Concat(Hex("ff03 0281 00010140"), tcp6)),
            (LinkType.CiscoHdlc, Hex("8f00 8035 00000002 00000005 00000006 ffff 00012345")),
            (LinkType.FrameRelay, Concat(Hex("fa ff 03 cc"), tcp4)),
            (LinkType.FrameRelay, Concat(Hex("1840 03 03 00 80 000000 86dd"), tcp6)),
            (LinkType.FrameRelay, Hex("1841 03 80 123456 0001 616263")),
            (LinkType.PppHdlc, Hex("8f00 8035 00000001 c6120001 ffffff00 0000")),
            (LinkType.Ieee80211, Concat(W.DataHeader(1, qos: 5), W.Snap(EtherType.Ipv4), tcp4)),
            (LinkType.Ieee80211, Concat(W.DataHeader(0x83, qos: 0, htControl: 7), W.Snap(EtherType.Ipv6), tcp6)),
            (LinkType.Ieee80211, Concat(W.DataHeader(0x41), Hex("19180040 00000000 aabbccdd"))),
            (LinkType.Ieee80211, Concat(Hex("8000 0000"), Mac(W.A1), Mac(W.A2), Mac(W.A3), Hex("1000 0000"))),
            (LinkType.Ieee80211Radiotap, Concat(W.RadiotapHeaderOf([0xa000_0003, 0x0000_0820], Concat(new byte[4], new byte[8], [0x10])), W.DataHeader(2), W.Snap(EtherType.Ipv4), udp4, Hex("01020304"))),
            (LinkType.Ieee80211Radiotap, W.RadiotapHeaderOf(Enumerable.Repeat(0x8000_0000u, 100).ToArray(), [])),
            (LinkType.Ppi, Concat(W.PpiHeaderOf(fcs: true), W.DataHeader(1), W.Snap(EtherType.Arp), Arp.ArpTests.Request, Hex("01020304"))),
            (LinkType.Prism, Concat(W.Le32(0x41), W.Le32(144), new byte[136], W.DataHeader(1), W.Snap(EtherType.Ipv4), icmpError)),
            (LinkType.Avs, Concat(U32(0x80211001), U32(64), new byte[56], W.DataHeader(2), W.Snap(EtherType.Ipv6), tcp6)),
            (LinkType.Ethernet, Concat(Mac(Mac1), Mac(Mac2), U16(8 + udp4.Length), Hex("aaaa0300 00000800"), udp4)),
            (LinkType.Ethernet, Concat(Mac(Mac1), Mac(Mac2), U16(8), Hex("0e0f1023 696e666f"), new byte[38])),
            (LinkType.Ethernet, Concat(Mac(Mac1), Mac(Mac2), U16(3), Hex("aaaa03"))),
            (LinkType.Ethernet, EthernetFrame(EtherType.Vlan, Concat(Hex("0007"), U16(3 + tcp4.Length), Hex("060603"), tcp4))),
            (LinkType.Ipoib, Ipoib.IpoibTests.Frame(Ipoib.IpoibTests.GlobalRoute, 0x0800, udp4)),
            (LinkType.Ipoib, Ipoib.IpoibTests.Frame(Ipoib.IpoibTests.DestinationOnly, 0x86dd, tcp6)),
            (LinkType.Pktap, Pktap.PktapTests.Frame(1, EthernetFrame(EtherType.Ipv4, udp4))),
            (LinkType.Pktap, Pktap.PktapTests.Frame(258, Pktap.PktapTests.Frame(229, tcp6, extra: 4))),
            (LinkType.Ipnet, Ipnet.IpnetTests.Frame(Protocols.Ipnet.IpnetHeader.Inet, udp4)),
            (LinkType.Ipnet, Ipnet.IpnetTests.Frame(Protocols.Ipnet.IpnetHeader.Inet6, tcp6, dataLength: 7)),
            (LinkType.Nflog, Nflog.NflogTests.Message(Protocols.Nflog.NflogHeader.Ipv4, Nflog.NflogTests.Tlv(Protocols.Nflog.NflogTlvType.Prefix, [0x61, 0]),
                Nflog.NflogTests.Tlv(Protocols.Nflog.NflogTlvType.Uid, U32(1)), Nflog.NflogTests.Tlv(Protocols.Nflog.NflogTlvType.Payload, udp4))),
            (LinkType.Nflog, Nflog.NflogTests.Message(Protocols.Nflog.NflogHeader.Ipv6, Nflog.NflogTests.Tlv(Protocols.Nflog.NflogTlvType.PacketHeader, Hex("86dd0300")),
                Nflog.NflogTests.Tlv((Protocols.Nflog.NflogTlvType)99, []), Nflog.NflogTests.Tlv(Protocols.Nflog.NflogTlvType.Payload, tcp6))),
            (LinkType.ArcnetLinux, Arcnet.ArcnetTests.Frame(Protocols.Arcnet.ArcnetHeader.Protocol.Ipv4, udp4)),
            (LinkType.TokenRing, TokenRing.TokenRingTests.Frame(Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), udp4))),
            (LinkType.Fddi, Fddi.FddiTests.Frame(0x50, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), udp4))),
            (LinkType.Fddi, Fddi.FddiTests.Frame(0x80, [1, 2, 3])),
            (LinkType.AtmRfc1483, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv6), tcp6)),
            // Bridged behind SNAP's OUI 00-80-C2: Ethernet with its FCS, Token Ring, and Ethernet behind Frame Relay.
            (LinkType.AtmRfc1483, Llc.BridgedTests.Bridged(0x0001, Concat(EthernetFrame(EtherType.Ipv4, tcp4), Hex("deadbeef")))),
            (LinkType.AtmRfc1483, Llc.BridgedTests.Bridged(0x0009, TokenRing.TokenRingTests.Frame(Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), udp4)))),
            (LinkType.FrameRelay, Concat(Hex("1841 03 80 0080c2 0007"), EthernetFrame(EtherType.Ipv6, tcp6))),
            (LinkType.TokenRing, TokenRing.TokenRingTests.Frame(Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv6), tcp6), Hex("c6b0 0011 234f"))),
            (LinkType.TokenRing, TokenRing.TokenRingTests.Frame(Hex("000c 0003 0401 0002 0402 0000"), frameControl: 0x01)),
            (LinkType.ArcnetLinux, Arcnet.ArcnetTests.Frame(Protocols.Arcnet.ArcnetHeader.Protocol.Ipv6, tcp6)),
            (LinkType.ArcnetBsd, Arcnet.ArcnetTests.BsdFrame(Protocols.Arcnet.ArcnetHeader.Protocol.Ipv4, udp4)),
            (LinkType.ArcnetBsd, Arcnet.ArcnetTests.BsdException(Protocols.Arcnet.ArcnetHeader.Protocol.Ipv6, tcp6)),
            (LinkType.AppleIpOverIeee1394, Ap1394.Ap1394Tests.Frame((ushort)EtherType.Ipv4, udp4)),
            (LinkType.Netanalyzer, Netanalyzer.NetanalyzerTests.Frame(EtherType.Ipv4, udp4, status: 0x04)),
            (LinkType.NetanalyzerTransparent, Concat(Netanalyzer.NetanalyzerTests.Header(transparent: 1), EthernetFrame(EtherType.Ipv6, tcp6))),
            (LinkType.Netanalyzer, Netanalyzer.NetanalyzerTests.Gpio(2, 1)),
            (LinkType.AppleIpOverIeee1394, Ap1394.Ap1394Tests.Frame((ushort)EtherType.Ipv6, tcp6)),
            (LinkType.IpOverFc, Ipfc.IpfcTests.Frame(Ipfc.IpfcTests.Snap(EtherType.Ipv4, udp4))),
            (LinkType.IpOverFc, Ipfc.IpfcTests.Frame(Ipfc.IpfcTests.Snap(EtherType.Ipv6, tcp6))),
            (LinkType.JuniperEther, Juniper.JuniperTests.Frame(1, EthernetFrame(EtherType.Ipv4, udp4),
                Concat(Juniper.JuniperTests.Tlv(1, Juniper.JuniperTests.Le32(5)), Juniper.JuniperTests.Tlv(3, [1])))),
            (LinkType.JuniperEther, Juniper.JuniperTests.Frame(2, Concat(Juniper.JuniperTests.Le32(6), tcp6))),
            // Juniper PPP, Frame Relay, Cisco HDLC and Voice PIC.
            (LinkType.JuniperPpp, Juniper.JuniperTests.Frame(1, Concat([0xff, 0x03, 0x00, 0x21], udp4))),
            (LinkType.JuniperFrameRelay, Juniper.JuniperTests.Frame(0, Concat([0x18, 0x41, 0x03, 0x8e], tcp6))),
            (LinkType.JuniperChdlc, Juniper.JuniperTests.Frame(1, Concat([0x0f, 0x00, 0x08, 0x00], udp4))),
            (LinkType.JuniperVp, Juniper.JuniperTests.Frame(1, Concat(new byte[18], udp4))),
            // Juniper's PICs: MLPPP with an ML cookie, MLFR with an AS cookie, GGSN, ATM2 with SNAP, services, ATM1 VC-MUX.
            (LinkType.JuniperMlppp, Juniper.JuniperTests.Frame(1, Concat([0x00, 0x05, 0x00, 0x21], udp4))),
            (LinkType.JuniperMlfr, Juniper.JuniperTests.Frame(0, Concat([0x47, 0, 0, 0, 0, 0x10, 0, 8], tcp6))),
            (LinkType.JuniperGgsn, Juniper.JuniperTests.Frame(1, Concat([0x02, 0x00, 0x05, 0x00], udp4))),
            (LinkType.JuniperAtm2, Juniper.JuniperTests.Frame(1, Concat(new byte[8], [0xaa, 0xaa, 0x03, 0, 0, 0, 0x86, 0xdd], tcp6))),
            (LinkType.JuniperServices, Juniper.JuniperTests.Frame(1, Concat(new byte[16], udp4))),
            (LinkType.JuniperAtm1, Juniper.JuniperTests.Frame(1, Concat(new byte[4], tcp6))),
            // pf's log in OpenBSD 4.9's and 3.4's layouts, OpenBSD's enc in both byte orders.
            (LinkType.Pflog, Pflog.PflogTests.Frame(Pflog.PflogTests.Inet, udp4)),
            (LinkType.Pflog, Pflog.PflogTests.Frame(Pflog.PflogTests.Inet6, tcp6, length: 45)),
            (LinkType.Enc, Enc.EncTests.Frame(Protocols.Loopback.LoopbackHeader.Inet, udp4)),
            (LinkType.Enc, Enc.EncTests.Frame(Protocols.Loopback.LoopbackHeader.BsdInet6, tcp6, littleEndian: true)),
            (LinkType.SymantecFirewall, Symantec.SymantecTests.Frame(0x0800, udp4)),
            (LinkType.SymantecFirewall, Symantec.SymantecTests.Frame(0x86DD, tcp6, version: 3)),
            // EPON: both starts, DPoE security on, an encrypted frame, a bad CRC-8, no SLD
            (LinkType.Epon, Epon.EponTests.Frame(EthernetFrame(EtherType.Ipv4, udp4))),
            (LinkType.Epon, Epon.EponTests.Frame(EthernetFrame(EtherType.Ipv6, tcp6), lead: 1, security: 0x54, checksum: 0x11)),
            (LinkType.Epon, Epon.EponTests.Frame(EthernetFrame(EtherType.Ipv4, udp4), security: 0x57)),
            (LinkType.Epon, Concat(new byte[6], EthernetFrame(EtherType.Ipv4, udp4))),
            (LinkType.Enc13, Enc.EncTests.Frame(Protocols.Loopback.LoopbackHeader.Inet, udp4)),
            (LinkType.CiscoHdlc112, Concat(Hex("0f000800"), udp4)),
            // Redback's SmartEdge: IPv4 after padding, a PPP message behind the unknown word.
            (LinkType.Redback, Redback.RedbackTests.Frame(1, udp4, padding: Hex("50414421"))),
            (LinkType.Redback, Redback.RedbackTests.Frame(6, Concat(Hex("deadbeef 0057"), tcp6))),
            // Juniper VN: a vRouter's TLVs before Ethernet.
            (LinkType.JuniperVn, Juniper.JuniperVnTests.Frame(EthernetFrame(EtherType.Ipv4, udp4))),
            // Juniper's secure tunnel: ESP over IPv4 before the packet it carried.
            (LinkType.JuniperSt, Juniper.JuniperStTests.Frame(udp4)),
            // Endace ERF: Ethernet behind an extension header, IPv6 on its own record type, data after a multichannel header.
            (LinkType.Erf, Erf.ErfTests.Record(Protocols.Erf.ErfHeader.Types.Ethernet, EthernetFrame(EtherType.Ipv4, udp4),
                extensions: [Erf.ErfTests.Extension(0x21)])),
            (LinkType.Erf, Erf.ErfTests.Record(Protocols.Erf.ErfHeader.Types.Ipv6, tcp6)),
            (LinkType.Erf, Erf.ErfTests.Record(Protocols.Erf.ErfHeader.Types.McRawChannel, [1, 2, 3, 4])),
            (LinkType.EthernetMpacket, Fpp.FppTests.MPacket(Protocols.Fpp.FppFrame.Smd.Express, EthernetFrame(EtherType.Ipv4, udp4))),
            (LinkType.EthernetMpacket, Fpp.FppTests.MPacket(Protocols.Fpp.FppFrame.Smd.Continuation1, tcp6, fragment: Protocols.Fpp.FppFrame.Smd.Start2)),
            // DOCSIS: a data PDU with Ethernet, one with a privacy element, an encrypted one.
            (LinkType.Docsis, Docsis.DocsisTests.Frame(0, EthernetFrame(EtherType.Ipv4, udp4))),
            (LinkType.Docsis, Docsis.DocsisTests.Frame(0, EthernetFrame(EtherType.Ipv6, tcp6), [0x43, 0x12, 0x34, 0x56])),
            (LinkType.Docsis, Docsis.DocsisTests.Frame(0, EthernetFrame(EtherType.Ipv6, tcp6), [0x43, 0x12, 0xB4, 0x56])),
            // GPRS LLC: SN-UNITDATA with IPv4 in a UI frame, SN-DATA with IPv6 in an I frame with a SACK bitmap, XID parameters.
            (LinkType.GprsLlc, GprsLlc.GprsLlcTests.Frame(0x03, GprsLlc.GprsLlcTests.Ui(5), GprsLlc.GprsLlcTests.UnitData(5, udp4))),
            (LinkType.GprsLlc, GprsLlc.GprsLlcTests.Frame(0x45, [0x01, 0x02, 0x07], Concat([0x01, 0xF0, 0x0F, 0x46, 0x00, 0x09], tcp6))),
            (LinkType.GprsLlc, GprsLlc.GprsLlcTests.Frame(0x01, [0xEB], [0x05, 0x00, 0x01, 0x06, 0x81, 0x08, 0x01, 0x02])),
            // XRA-31: an SC-QAM DOCSIS frame with channel TLVs, an upstream one with an unknown TLV.
            (LinkType.DocsisXra31, Xra.XraTests.Frame(1, [1, 1, 5, 8, 4, 0, 0, 0, 16], Docsis.DocsisTests.Frame(0, EthernetFrame(EtherType.Ipv4, udp4)))),
            (LinkType.DocsisXra31, Xra.XraTests.Frame(80, [200, 2, 1, 2], Docsis.DocsisTests.Frame(0, EthernetFrame(EtherType.Ipv6, tcp6)))),
            // AX.25: UI with IPv4 through two digipeaters, I with ARP; KISS data frames with IPv6 and with acknowledgement and no-layer-3 text.
            (LinkType.Ax25, Ax25.Ax25Tests.Frame(0x03, 0xCC, udp4, vias: 2)),
            (LinkType.Ax25, Ax25.Ax25Tests.Frame(0x00, 0xCD, Ax25.Ax25Tests.Arp(1))),
            (LinkType.Ax25Kiss, Concat([0x00], Ax25.Ax25Tests.Frame(0x03, 0xCC, tcp6))),
            (LinkType.Ax25Kiss, Concat([0x0C, 0x12, 0x34], Ax25.Ax25Tests.Frame(0x03, 0xF0, [0x41, 0x42], vias: 9))),
            // VPP dispatch traces: IPv4 guessed from its first byte with a trace string, Ethernet by its hint.
            (LinkType.VppDispatch, Vpp.VppTests.Record(0, udp4, ["ip4-input", "a\nb", "o", "o2", "t"])),
            (LinkType.VppDispatch, Vpp.VppTests.Record(1, EthernetFrame(EtherType.Ipv6, tcp6))),
            // Exported PDUs: IPv4 named "ip" with address and port tags, Ethernet named "eth_withoutfcs".
            (LinkType.WiresharkUpperPdu, ExportedPdu.ExportedPduTests.Record("ip", udp4, ExportedPdu.ExportedPduTests.Tag(20, [10, 0, 0, 1]),
                ExportedPdu.ExportedPduTests.Tag(24, U32(3)))),
            (LinkType.WiresharkUpperPdu, ExportedPdu.ExportedPduTests.Record("eth_withoutfcs", EthernetFrame(EtherType.Ipv6, tcp6))),
            // GFP: IPv4 with a payload FCS, IPv6 in a linear frame, MPLS.
            (LinkType.GfpFrameMapped, Gfp.GfpTests.Frame(16, udp4, pfi: true)),
            (LinkType.GfpTransparent, Gfp.GfpTests.Frame(17, tcp6, exi: 1, cid: 3)),
            (LinkType.GfpFrameMapped, Gfp.GfpTests.Frame(13, Concat(U32(16u << 12 | 1u << 8 | 64), udp4))),
            // EBHSCR: Ethernet with its FCS, a link state report.
            (LinkType.Ebhscr, Ebhscr.EbhscrTests.Frame(0x50, Ebhscr.EbhscrTests.EthernetWithFcs(udp4))),
            (LinkType.Ebhscr, Ebhscr.EbhscrTests.Frame(0x50, [], majorHeader: 0x0000000120000000)),
            // IEEE 802.15.4 with 6LoWPAN: uncompressed IPv6, IPHC with NHC UDP (short and long addresses), a mesh header.
            (LinkType.Ieee802154WithFcs, Ieee802154.Ieee802154Tests.SampleFrames()[0]),
            (LinkType.Ieee802154WithFcs, Ieee802154.Ieee802154Tests.SampleFrames()[1]),
            (LinkType.Ieee802154WithFcs, Ieee802154.Ieee802154Tests.SampleFrames()[2]),
            (LinkType.Ieee802154NoFcs, Ieee802154.Ieee802154Tests.SampleFrames()[3]),
            // 6LoWPAN fragments: a FRAG1 held, then the FRAGN that completes its datagram
            (LinkType.Ieee802154WithFcs, Reassembly.SixLowpanReassemblerTests.FragmentFrames()[0]),
            (LinkType.Ieee802154WithFcs, Reassembly.SixLowpanReassemblerTests.FragmentFrames()[1]),
            // 802.15.4 behind the non-ASK PHY header (215) and the TAP header (283)
            (Ieee802154.Ieee802154PhyTests.SampleFrames()[0].Link, Ieee802154.Ieee802154PhyTests.SampleFrames()[0].Frame),
            (Ieee802154.Ieee802154PhyTests.SampleFrames()[1].Link, Ieee802154.Ieee802154PhyTests.SampleFrames()[1].Frame),
            // Spanning tree: a configuration BPDU on SAP 0x42, an MST BPDU with an MSTI, an RST BPDU behind SNAP; GARP on the same SAP:
            // GVRP, GMRP, and a GVRP PDU whose unknown type hands the rest to data.
            (LinkType.Ethernet, Stp.StpTests.Frame(Stp.StpTests.Configuration(flags: 1))),
            (LinkType.Ethernet, Stp.StpTests.Frame(Stp.StpTests.Mst(null, Concat([0x7c], U16(0x8001), Mac(Mac1), U32(5), [0x80, 0x80, 20])))),
            (LinkType.Ethernet, Stp.StpTests.Frame(Stp.StpTests.Rst(), "aaaa03 0080c2 000e")),
            (LinkType.Ethernet, Garp.GarpTests.Frame(Garp.GarpTests.Gvrp())),
            (LinkType.Ethernet, Garp.GarpTests.Frame(Garp.GarpTests.Gmrp(), Garp.GarpTests.GmrpAddress)),
            (LinkType.Ethernet, Garp.GarpTests.Frame(Concat(Garp.GarpTests.Gvrp()[..2], [0x02, 0x04]))),
            (LinkType.Ethernet, Dns.DnsMessages.Frame(Dns.DnsMessages.Query())),
            (LinkType.Ethernet, Dns.DnsMessages.Frame(Dns.DnsMessages.Response(), 53, 40000)),
            (LinkType.Ethernet, Dns.DnsMessages.Frame(Dns.DnsMessages.MulticastResponse(), 5353, 5353)),
            (LinkType.Ethernet, Dns.DnsMessages.Frame(Concat(Dns.DnsMessages.Header(32, 0x0100, 1, 0, 0, 0), Dns.DnsMessages.Pointer(12), U16(1), U16(1)))),
            // DHCP: a discover with options and padding, BOOTP without the cookie, an option past the datagram's end.
            (LinkType.Ethernet, Dhcp.DhcpTests.Frame(Dhcp.DhcpTests.Message(options: "350101 3d0701000b8201fc42 37030103 06 0304c0a80001 ff 0000"))),
            (LinkType.Ethernet, Dhcp.DhcpTests.Frame(Dhcp.DhcpTests.Message(op: 2, cookie: false), 67, 68)),
            (LinkType.Ethernet, Dhcp.DhcpTests.Frame(Dhcp.DhcpTests.Message(options: "350103 0c28 73686f7274"))),
            // LLDP: a switch's PDU with basic, 802.1 and 802.3 TLVs, and the mandatory TLVs alone.
            (LinkType.Ethernet, Lldp.LldpTests.Frame(Lldp.LldpTests.Switch())), (LinkType.Ethernet, Lldp.LldpTests.Frame(Lldp.LldpTests.Minimal())),
            // CDP: an announcement with addresses and capabilities, one whose TLV length below 4 leaves data, a bad checksum.
            (LinkType.Ethernet, Cdp.CdpTests.Frame(Cdp.CdpTests.Pdu())), (LinkType.Ethernet, Cdp.CdpTests.Frame(Cdp.CdpTests.Pdu("0001 0007 737731 0006 0002 4142"))),
            (LinkType.Ethernet, Cdp.CdpTests.Frame(Cdp.CdpTests.Pdu(checksum: 0x1234))),
            // DTP: a switch's announcement, TLVs of wrong lengths and one past the PDU, an unknown value read as an address.
            (LinkType.Ethernet, Dtp.DtpTests.Frame(Dtp.DtpTests.Pdu())), (LinkType.Ethernet, Dtp.DtpTests.Frame(Dtp.DtpTests.Pdu("0002 0006 0300 0003 0004"))),
            (LinkType.Ethernet, Dtp.DtpTests.Frame(Dtp.DtpTests.Pdu("0002 0005 03 0001 0028 636f727000"))),
            (LinkType.Ethernet, Dtp.DtpTests.Frame(Dtp.DtpTests.Pdu("0005 000c 6162636465666768 0099 0005 01"))),
            // UDLD: a probe, a port ID taken as 3 bytes longer, a TLV length below 4 whose rest is data.
            (LinkType.Ethernet, Udld.UdldTests.Frame(Udld.UdldTests.Pdu())), (LinkType.Ethernet, Udld.UdldTests.Frame(Udld.UdldTests.Pdu("0002 0009 4661302f31 0102 0010 616263646566676869 6a6b6c"))),
            (LinkType.Ethernet, Udld.UdldTests.Frame(Udld.UdldTests.Pdu("0001 0007 646576 0009 0002 0002 0005 78"))),
            // VTP: a summary, a subset with VLAN entries and TLVs (one of a bad length), a join's bitmap.
            (LinkType.Ethernet, Vtp.VtpTests.Frame(Vtp.VtpTests.Summary())), (LinkType.Ethernet, Vtp.VtpTests.Frame(Vtp.VtpTests.Subset())),
            (LinkType.Ethernet, Vtp.VtpTests.Frame(Vtp.VtpTests.Join())),
            // QUIC: a client Initial (its header protection removed), an Initial with a Handshake coalesced, a Handshake.
            (LinkType.Ethernet, Quic.QuicTests.Frame(Quic.QuicTests.Initial())),
            (LinkType.Ethernet, Quic.QuicTests.Frame([.. Quic.QuicTests.Initial(), .. Quic.QuicTests.Handshake("8394c8f03e515708")])),
            (LinkType.Ethernet, Quic.QuicTests.Frame(Quic.QuicTests.Handshake(), 4433)),
            // NBNS: a name query, a positive response, a node status response with its name table.
            (LinkType.Ethernet, Nbns.NbnsTests.Frame(Nbns.NbnsTests.Query())), (LinkType.Ethernet, Nbns.NbnsTests.Frame(Nbns.NbnsTests.Response())),
            (LinkType.Ethernet, Nbns.NbnsTests.Frame(Nbns.NbnsTests.NodeStatus())),
            // SNMP: a v2c get, a response with typed values, a v1 trap, a v3 message with an encrypted PDU.
            (LinkType.Ethernet, Snmp.SnmpTests.Frame(Snmp.SnmpTests.Get())), (LinkType.Ethernet, Snmp.SnmpTests.Frame(Snmp.SnmpTests.Response(), 161, 1024)),
            (LinkType.Ethernet, Snmp.SnmpTests.Frame(Snmp.SnmpTests.Trap(), destination: 162)), (LinkType.Ethernet, Snmp.SnmpTests.Frame(Snmp.SnmpTests.Encrypted())),
            // HTTP bodies for their dissectors (frame.protocols): JSON, JSON past tvbparse's depth, chunked JSON, a multipart
            // with typed, untyped and unclosed parts, a form, text that is XML.
            (LinkType.Ethernet, HttpBody("application/json", "{\"a\": [1, -2.5e3, true, null, \"s\\u0041\"], \"b\": {}}")),
            (LinkType.Ethernet, HttpBody("application/json", new string('[', 40) + new string(']', 40))),
            (LinkType.Ethernet, HttpBody("application/json", "5\r\n[1, 2\r\n1\r\n]\r\n0\r\n\r\n", chunked: true)),
            (LinkType.Ethernet, HttpBody("multipart/mixed; boundary=\"b\"",
                "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b\r\n\r\nuntyped\r\n--b\r\nContent-Type: application/json\r\n\r\n{\r\n--b--\r\n")),
            (LinkType.Ethernet, HttpBody("multipart/form-data; boundary=z", "--z\r\nContent-Type: text/plain\r\n\r\nnever closed")),
            (LinkType.Ethernet, HttpBody("application/x-www-form-urlencoded", "a=1&b&&c=%20")),
            (LinkType.Ethernet, HttpBody("text/plain", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>")),
            // NTP: a client request with an extension field and MAC, a control READSTAT response, a private request with authentication.
            (LinkType.Ethernet, Ntp.NtpTests.Frame(Ntp.NtpTests.Message(extra: "01040010 616161616161616161616161 0000002a 6666666666666666 6666666666666666"))),
            (LinkType.Ethernet, Ntp.NtpTests.Frame(Hex("16 81 0007 0618 0000 0000 0004 04d2 9614"), 123)),
            (LinkType.Ethernet, Ntp.NtpTests.Frame(Concat(Hex("17 80 02 04"), new byte[200]))),
            // SIP: an INVITE with SDP in compact forms, a REGISTER, SDP in a multipart body, a head without its empty line.
            (LinkType.Ethernet, Sip.SipTests.Frame(Sip.SipTests.Invite("Contact: <sip:a@b>;expires=0, <sip:c@d>\r\nExpires: 0\r\n"))),
            (LinkType.Ethernet, Sip.SipTests.Frame("REGISTER sip:r SIP/2.0\r\nCall-ID: r\r\nCSeq: 1 REGISTER\r\nm: *\r\nExpires: 0\r\n\r\n"u8.ToArray())),
            (LinkType.Ethernet, Sip.SipTests.Frame(("SIP/2.0 200 OK\r\nCSeq: 1 INVITE\r\nContent-Type: multipart/mixed;boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: application/sdp\r\n\r\nv=0\r\nm=audio 1 RTP/AVP 0\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n").Select(c => (byte)c).ToArray())),
            (LinkType.Ethernet, Sip.SipTests.Frame("OPTIONS sip:a@b SIP/2.0\r\nCall-ID: x\r\nCSeq: 3 OPTIONS"u8.ToArray())),
            // Other numbers of raw IP, RFC 1483 and PPPoE; Linux Classical IP over ATM with IPv6 and with LLC/SNAP.
            (LinkType.Raw14, tcp6), (LinkType.AtmRfc1483Bsd, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), udp4)),
            (LinkType.AtmClip, tcp6), (LinkType.AtmClip19, Concat(TokenRing.TokenRingTests.Snap(EtherType.Ipv4), udp4)),
            (LinkType.PppoeSession, Concat(Hex("1100 0001"), U16(udp4.Length + 2), U16(0x21), udp4)),
        };
        // IPv6 where the EtherType names IPv4 (ip.version twice).
        list.Add((LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, tcp6)));
        // SunATM: LLC/SNAP, a LANE client's Ethernet, an LE Control frame, raw IPv6 found by its version.
        list.AddRange(Atm.SunAtmTests.Samples(udp4, tcp6));
        // IPv4 route, time stamp and security options; an echo whose data starts with a time stamp (the frames' time is 0);
        // a parameter problem with a pointer and an RFC 4884 length.
        list.Add((LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1]), options:
            Hex("070f08 01020304 05060708 090a0b0c 820bf135 00074142 434445 0000")))));
        list.Add((LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Udp, UdpDatagram(1, 2, [1]), options:
            Hex("44140df3 0a000001 00000002 00000000 00000003")))));
        list.Add((LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Icmp, IcmpPacket(8, 0, 0x43210001, Hex("00000000 00000005 7878"))))));
        list.Add((LinkType.Ethernet, EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Icmp, IcmpPacket(12, 0, 0x09070000, udp4)))));
        var built = list.Select(f => new Frame(new FrameMetadata(0, f.Item2.Length, f.Item2.Length, f.Item1), f.Item2)).ToList();
        // A capture cut in the zero padding after IPv4, which tshark reads past the capture.
        var padded = Concat(EthernetFrame(EtherType.Ipv4, udp4), new byte[14]);
        built.Add(new Frame(new FrameMetadata(0, 50, padded.Length, LinkType.Ethernet), padded[..50]));
        return built;
    }
}
