using RawNet.Protocols.Quic;

namespace RawNet.Protocols.Tests.Quic;

/// <summary>
/// A QUIC Initial CRYPTO stream as tshark 4.0 follows it (captures/quic/quic-crypto.pcap holds the same cases against
/// tshark): in-order pieces, retransmissions, overlaps, an out-of-order run, gaps never filled, hostile offsets; bounded.
/// </summary>
public class QuicCryptoStreamTests
{
    /// <summary>A handshake message of <paramref name="total"/> bytes (type 1, its body counting up).</summary>
    private static byte[] Message(int total)
    {
        var m = new byte[total];
        int body = total - 4;
        (m[0], m[1], m[2], m[3]) = (1, (byte)(body >> 16), (byte)(body >> 8), (byte)body);
        for (int i = 4; i < total; i++)
            m[i] = (byte)i;
        return m;
    }

    private readonly QuicCryptoBuffers _pool = new();
    private readonly byte[] _output = new byte[ushort.MaxValue];
    private QuicCryptoStream _stream;

    private (QuicCryptoHandOff HandOff, int Skip, int Length, byte Note) Accept(ulong offset, ReadOnlySpan<byte> data)
    {
        var handOff = _stream.Accept(_pool, offset, data, _output, out int skip, out int length, out byte note);
        return (handOff, skip, length, note);
    }

    [Fact]
    public void AMessageOverThreePiecesIsHandedOnWholeByTheLast()
    {
        var m = Message(2500);
        Assert.Equal(QuicCryptoHandOff.Chunk, Accept(0, m.AsSpan(0, 1000)).HandOff);
        Assert.True(_stream.Holds);
        Assert.Equal(QuicCryptoHandOff.Piece, Accept(1000, m.AsSpan(1000, 1000)).HandOff);
        var last = Accept(2000, m.AsSpan(2000));
        Assert.Equal(QuicCryptoHandOff.Reassembled, last.HandOff);
        Assert.True(_output.AsSpan(0, last.Length).SequenceEqual(m));
        Assert.False(_stream.Holds);
        Assert.Equal(0, _pool.Lent);
        Assert.Equal(2500ul, _stream.Contiguous);
    }

    [Fact]
    public void WholeMessagesAreHandedOnAsTheyCame()
    {
        Assert.Equal(QuicCryptoHandOff.Chunk, Accept(0, [.. Message(100), .. Message(50)]).HandOff);
        Assert.False(_stream.Holds);
    }

    [Fact]
    public void ARetransmissionIsNotHandedOnAndAnOverlapFromTheInOrderOffset()
    {
        var m = Message(1700);
        Accept(0, m.AsSpan(0, 1000));
        var again = Accept(0, m.AsSpan(0, 1000));
        Assert.Equal((QuicCryptoHandOff.None, (byte)1), (again.HandOff, again.Note));
        var overlap = Accept(800, m.AsSpan(800));
        Assert.Equal((QuicCryptoHandOff.Reassembled, 200, (byte)2), (overlap.HandOff, overlap.Skip, overlap.Note));
        Assert.True(_output.AsSpan(0, overlap.Length).SequenceEqual(m));
    }

    [Fact]
    public void BytesOutOfOrderWaitForTheGapThenGoWhole()
    {
        var m = Message(1900);
        Assert.Equal(QuicCryptoHandOff.None, Accept(1000, m.AsSpan(1000)).HandOff);
        var filled = Accept(0, m.AsSpan(0, 1000));
        Assert.Equal(QuicCryptoHandOff.Reassembled, filled.HandOff);
        Assert.True(_output.AsSpan(0, filled.Length).SequenceEqual(m));
        Assert.Equal(1900ul, _stream.Contiguous);
        Assert.Equal(0, _pool.Lent);
    }

    [Fact]
    public void AGapNeverFilledHandsNothingMoreOn()
    {
        var m = Message(2000);
        Assert.Equal(QuicCryptoHandOff.Chunk, Accept(0, m.AsSpan(0, 900)).HandOff);
        Assert.Equal(QuicCryptoHandOff.None, Accept(1300, m.AsSpan(1300)).HandOff);
        Assert.Equal(QuicCryptoHandOff.None, Accept(900, m.AsSpan(900, 100)).HandOff);
        _stream.Reset(_pool);
        Assert.Equal(0, _pool.Lent);
    }

    [Fact]
    public void OffsetsNearTwoToTheSixtyTwoGiveTheStreamUp()
    {
        var m = Message(1700);
        Accept(0, m.AsSpan(0, 1100));
        Assert.Equal(QuicCryptoHandOff.None, Accept((1ul << 62) - 10, "hello"u8).HandOff);
        Assert.Equal(QuicCryptoHandOff.None, Accept((1ul << 62) - 1, new byte[100]).HandOff);
        Assert.Equal(QuicCryptoHandOff.None, Accept(1100, m.AsSpan(1100)).HandOff);
        Assert.Equal(0, _pool.Lent);
    }

    [Fact]
    public void AMessageLongerThanTheBufferGivesTheStreamUp()
    {
        var first = Message(4);
        (first[1], first[2], first[3]) = (0xFF, 0xFF, 0xFF);
        Assert.Equal(QuicCryptoHandOff.Chunk, Accept(0, first).HandOff);
        var piece = new byte[1200];
        ulong at = 4;
        QuicCryptoHandOff last = QuicCryptoHandOff.Piece;
        for (int i = 0; i < 20 && last != QuicCryptoHandOff.None; i++, at += (ulong)piece.Length)
            last = Accept(at, piece).HandOff;
        Assert.Equal(QuicCryptoHandOff.None, last);
        Assert.Equal(0, _pool.Lent);
    }

    [Fact]
    public void ThePoolLendsAtMostItsBound()
    {
        var streams = new QuicCryptoStream[QuicCryptoBuffers.MaxBuffers + 10];
        var m = Message(2000);
        int held = 0;
        for (int i = 0; i < streams.Length; i++)
        {
            streams[i].Accept(_pool, 0, m.AsSpan(0, 1000), _output, out _, out _, out _);
            held += streams[i].Holds ? 1 : 0;
        }
        Assert.Equal(QuicCryptoBuffers.MaxBuffers, held);
        Assert.Equal(QuicCryptoBuffers.MaxBuffers, _pool.Lent);
        foreach (ref var s in streams.AsSpan())
            s.Reset(_pool);
        Assert.Equal(0, _pool.Lent);
    }

    [Fact]
    public void RandomFramesNeverThrowNorHoldMoreThanOneBuffer()
    {
        var rng = new Random(7);
        var data = new byte[3000];
        for (int round = 0; round < 2000; round++)
        {
            rng.NextBytes(data);
            ulong offset = rng.Next(4) switch
            {
                0 => (ulong)rng.Next(20000),
                1 => (1ul << 62) - (ulong)rng.Next(1, 5000),
                2 => _stream.Contiguous,
                _ => _stream.Contiguous + (ulong)rng.Next(1, 3000),
            };
            Accept(offset, data.AsSpan(0, rng.Next(0, data.Length)));
            Assert.InRange(_pool.Lent, 0, 1);
            if (rng.Next(50) == 0)
                _stream.Reset(_pool);
        }
        _stream.Reset(_pool);
        Assert.Equal(0, _pool.Lent);
    }
}
