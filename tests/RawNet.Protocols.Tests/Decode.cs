using RawNet.Files;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Testing;

namespace RawNet.Protocols.Tests;

/// <summary>Decodes test frames and reads their fields the way field output does (FieldReader + FieldFormatter).</summary>
internal static class Decode
{
    public static DecodedPacket Frame(byte[] frame, LinkType link, int? originalLength = null, DecoderOptions? options = null)
    {
        var packet = new DecodedPacket();
        var metadata = new FrameMetadata(1_700_000_000_123_456_789, frame.Length, originalLength ?? frame.Length, link);
        new PacketDecoder(options ?? DecoderOptions.Default).Decode(frame, metadata, 1, packet);
        return packet;
    }

    /// <summary>Decodes one captured frame as read from a file.</summary>
    public static DecodedPacket Frame(in FrameMetadata metadata, byte[] data)
    {
        var packet = new DecodedPacket();
        new PacketDecoder().Decode(data, metadata, 1, packet);
        return packet;
    }

    public static LayerKind[] Kinds(DecodedPacket packet) => packet.Layers.ToArray().Select(l => l.Kind).ToArray();

    /// <summary>tshark's frame.protocols for the packet (<see cref="ProtocolChain"/>).</summary>
    public static string Protocols(DecodedPacket packet, byte[] frame)
    {
        var text = new char[ProtocolChain.MaxLength];
        Assert.True(ProtocolChain.TryWrite(packet, frame, text, out int written));
        return new string(text, 0, written);
    }

    /// <summary>Every occurrence of a field in the packet, formatted as tshark -T fields prints it, comma-joined; null when absent.</summary>
    public static string? Field(DecodedPacket packet, byte[] frame, string name)
    {
        Assert.True(FieldCatalog.TryFind(name, out var definitions), $"no field named {name}");
        var values = new List<string>();
        for (int i = 0; i < packet.LayerCount; i++)
        {
            foreach (var definition in definitions)
            {
                if (definition.Layer != packet[i].Kind)
                    continue;
                var buffer = packet.BufferOf(packet[i], frame);
                for (int n = 0; FieldReader.TryRead(definition, packet, i, frame, n, out var value); n++)
                    values.Add(FieldFormatter.Format(definition, value, buffer, packet));
            }
        }
        return values.Count == 0 ? null : string.Join(',', values);
    }

    /// <summary>Reads and formats every field of every layer; returns how many values were formatted.</summary>
    public static int AllFields(DecodedPacket packet, ReadOnlySpan<byte> frame, Span<char> text)
    {
        int count = 0;
        for (int i = 0; i < packet.LayerCount; i++)
        {
            var buffer = packet.BufferOf(packet[i], frame);
            foreach (var definition in FieldCatalog.ForLayer(packet[i].Kind))
            {
                for (int n = 0; n < 64 && FieldReader.TryRead(definition, packet, i, frame, n, out var value); n++)
                {
                    if (FieldFormatter.TryFormat(definition, value, buffer, text, out _, packet))
                        count++;
                }
            }
        }
        return count;
    }

    /// <summary>
    /// Decodes the frame <paramref name="frameOf"/> builds around <paramref name="message"/>, cut by the capture at every
    /// length and then with the message itself ended at every length, and reads <paramref name="names"/> from each: never
    /// an exception.
    /// </summary>
    public static void FieldsAtEveryCut(byte[] message, Func<byte[], byte[]> frameOf, string[] names)
    {
        var full = frameOf(message);
        for (int keep = 0; keep <= full.Length; keep++)
        {
            var frame = full[..keep];
            var packet = Frame(frame, LinkType.Ethernet, originalLength: full.Length);
            foreach (var name in names)
                _ = Field(packet, frame, name);
        }
        for (int length = 0; length <= message.Length; length++)
        {
            var frame = frameOf(message[..length]);
            var packet = Frame(frame, LinkType.Ethernet);
            foreach (var name in names)
                _ = Field(packet, frame, name);
        }
    }

    /// <summary>
    /// Damages <paramref name="count"/> PDUs at random (1 to 5 bytes each set to any value, seeded by <paramref name="seed"/>),
    /// the <paramref name="pdu"/> of each try wrapped by <paramref name="frame"/>: each decodes and every field reads and
    /// formats without an exception or a hang (lengths, counts and offsets hostile).
    /// </summary>
    public static void RandomDamagesWithoutException(Func<int, byte[]> pdu, Func<byte[], byte[]> frame, LinkType link, int seed, int count = 2000)
    {
        var random = new Random(seed);
        var text = new char[8192];
        for (int i = 0; i < count; i++)
        {
            var damaged = pdu(i);
            for (int k = random.Next(1, 6); k > 0; k--)
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            var bytes = frame(damaged);
            AllFields(Frame(bytes, link), bytes, text);
        }
    }

    /// <summary>
    /// Decodes every prefix 0..n of <paramref name="frame"/> as a snaplen-cut capture (captured = prefix, original = n) and
    /// checks that nothing throws, the outcome says Truncated until the last header is whole, every layer that fits is kept
    /// unchanged, and the layer that was cut keeps exactly what fit. HTTP is application data like a payload: cutting into
    /// it is no header cut, but tshark's HTTP reads to the end of what the segment declares, so the packet is then
    /// truncated, and a message cut short may no longer be HTTP at all (the bytes are then a payload).
    /// </summary>
    public static void EveryPrefixWithoutException(byte[] frame, LinkType link)
    {
        // For a protocol whose bytes are a payload rather than a header (EveryPrefix's rule does not hold): each prefix
        // decodes, is never malformed, and every field reads and formats without an exception.
        var text = new char[8192];
        for (int n = 0; n <= frame.Length; n++)
        {
            var packet = Frame(frame[..n], link, frame.Length);
            AllFields(packet, frame.AsSpan(0, n), text);
            Assert.NotEqual(DecodeOutcome.Malformed, packet.Outcome);
        }
    }

    /// <summary>See <see cref="EveryPrefixWithoutException"/>; this one also checks that a cut header truncates and keeps what fit.</summary>
    public static void EveryPrefix(byte[] frame, LinkType link)
    {
        var options = new DecoderOptions(Defragment: false);
        var reference = Frame(frame, link, options: options);
        var expected = reference.Layers.ToArray();
        Assert.NotEqual(DecodeOutcome.Malformed, reference.Outcome);
        // Where the headers end: quoted layers and payload are data, so cutting into them is not truncating a header.
        int headersEnd = expected.Where(l => l.Kind is not (LayerKind.Frame or LayerKind.Payload or LayerKind.Http or LayerKind.Sip) && !l.Quoted && l.Source is LayerSource.Frame or LayerSource.SwappedFrameControl)
            .Select(l => l.Offset + l.HeaderLength).DefaultIfEmpty(0).Max();
        var decoder = new PacketDecoder(options);
        var packet = new DecodedPacket();
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        for (int prefix = 0; prefix <= frame.Length; prefix++)
        {
            var metadata = new FrameMetadata(0, prefix, frame.Length, link);
            var outcome = decoder.Decode(frame.AsSpan(0, prefix), metadata, 1, packet);
            string where = $"prefix {prefix} of {frame.Length}";
            if (prefix < headersEnd)
                Assert.True(outcome == DecodeOutcome.Truncated, $"{where}: outcome {outcome}, expected Truncated");
            // A cut in the Ethernet trailer that tshark reads (zero padding, a guessed FCS) truncates the packet after its layers.
            else if (reference.Outcome != DecodeOutcome.Truncated && !(CutsHttp(expected, prefix) && outcome == DecodeOutcome.Truncated)
                && !(packet.TrailerCut && outcome == DecodeOutcome.Truncated && ReferenceEquals(packet.StopReason, PacketDecoder.TrailerCutReason)))
                Assert.True(outcome == reference.Outcome, $"{where}: outcome {outcome}, expected {reference.Outcome}");
            Assert.True(packet.LayerCount <= DecodedPacket.MaxLayers);
            for (int i = 1; i < expected.Length; i++)
            {
                var want = expected[i];
                if (want.Source != LayerSource.Frame || want.Offset > prefix)
                    break;
                // A layer of no bytes of its own (LWAPP over layer 3) at the cut is one with nothing captured, below.
                if (want.Offset + want.HeaderLength <= prefix && (want.HeaderLength > 0 || want.Offset < prefix))
                {
                    Assert.True(i < packet.LayerCount, $"{where}: layer {i} {want.Kind} missing");
                    var got = packet[i];
                    Assert.True(got.Kind == want.Kind && got.Offset == want.Offset && got.HeaderLength == want.HeaderLength,
                        $"{where}: layer {i} is {got.Kind}@{got.Offset}+{got.HeaderLength}, expected {want.Kind}@{want.Offset}+{want.HeaderLength}");
                    // Cisco HDLC reads the byte after its type before it looks the type up: cut right there, it is the one cut.
                    bool readsPastHeader = want.Kind == LayerKind.CiscoHdlc && want.Offset + want.HeaderLength == prefix && got.Status == LayerStatus.Truncated;
                    Assert.True(got.Status == want.Status || want.Kind == LayerKind.Payload || readsPastHeader, $"{where}: layer {i} {got.Kind} status {got.Status}");
                    continue;
                }
                // The layer the capture ends in: present with what fit (a layer with nothing captured may be left out).
                if (want.Offset == prefix && packet.LayerCount <= i)
                    break;
                Assert.True(i < packet.LayerCount, $"{where}: cut layer {i} {want.Kind} missing");
                var cut = packet[i];
                // (tshark's TLS declines plain text only once more than four bytes of it were captured: fewer are its continuation
                // data; a UDP payload cut before the SIP line can be read goes to UDP's heuristics, and WoL's or WireGuard's reads
                // run out of bytes there)
                bool kindFits = cut.Kind == want.Kind || (want.Kind is LayerKind.Http or LayerKind.Sip && cut.Kind == LayerKind.Payload)
                    || (want.Kind == LayerKind.Sip && cut.Kind is LayerKind.Wol or LayerKind.WireGuard)
                    || (want.Kind == LayerKind.Payload && cut.Kind == LayerKind.Tls && prefix - want.Offset <= 4);
                Assert.True(kindFits && cut.Offset == want.Offset, $"{where}: cut layer {i} is {cut.Kind}@{cut.Offset}, expected {want.Kind}@{want.Offset}");
                Assert.True(cut.HeaderLength == prefix - want.Offset, $"{where}: cut layer {i} {cut.Kind} HeaderLength {cut.HeaderLength}, expected {prefix - want.Offset}");
                if (want.Kind != LayerKind.Payload && cut.Kind != LayerKind.Payload)
                    Assert.True(cut.Status == LayerStatus.Truncated, $"{where}: cut layer {i} {cut.Kind} status {cut.Status}, expected Truncated");
                break;
            }
            foreach (var layer in packet.Layers)
                Assert.True(layer.Offset + layer.HeaderLength <= packet.BufferOf(layer, frame.AsSpan(0, prefix)).Length);
            AllFields(packet, frame.AsSpan(0, prefix), text);

            // The same bytes when the packet really ended there (original length = prefix): a header cut short is Malformed.
            if (prefix < headersEnd)
            {
                outcome = decoder.Decode(frame.AsSpan(0, prefix), metadata with { OriginalLength = prefix }, 1, packet);
                Assert.True(outcome == DecodeOutcome.Malformed, $"{where}, original length {prefix}: outcome {outcome}, expected Malformed");
            }
        }
    }

    /// <summary>True when a capture of <paramref name="prefix"/> bytes ends inside (or right at the start of) an HTTP or SIP layer of the whole frame.</summary>
    private static bool CutsHttp(Layer[] layers, int prefix) =>
        layers.Any(l => l.Kind is LayerKind.Http or LayerKind.Sip && l.Source == LayerSource.Frame && prefix >= l.Offset && prefix < l.Offset + l.Extent);

    /// <summary>The frames of a peer-corpus capture, or a visible skip when the corpus is not beside the repository.</summary>
    public static List<(FrameMetadata Metadata, byte[] Data)> Corpus(string fileName)
    {
        var path = Path.Combine(TestPaths.PeerCorpus, fileName);
        if (!File.Exists(path))
            Assert.Skip($"peer corpus file {path} is not present");
        var frames = new List<(FrameMetadata, byte[])>();
        using var reader = CaptureFileReader.Open(path);
        while (reader.TryReadNext(out var frame))
            frames.Add((frame.Metadata, frame.Data.ToArray()));
        return frames;
    }
}
