using System.Buffers.Binary;
using RawNet.Protocols.Conversations;

namespace RawNet.Protocols.Tests.Conversations;

/// <summary>
/// The conversation table against a plain model (a dictionary and a recency list): the same keys are found, states stay
/// with their keys, and at the bound the conversation idle longest is the one forgotten.
/// </summary>
public sealed class ConversationTableTests
{
    /// <summary>Key number <paramref name="n"/>: IPv6 for every third (the table keeps their addresses apart), IPv4 otherwise.</summary>
    private static ConversationKey Key(int n, bool reversed = false)
    {
        int length = n % 3 == 0 ? 16 : 4;
        Span<byte> a = stackalloc byte[length], b = stackalloc byte[length];
        a.Fill(0x20);
        b.Fill(0x20);
        BinaryPrimitives.WriteInt32BigEndian(a[^4..], 0x0A000000 + n % 97);
        BinaryPrimitives.WriteInt32BigEndian(b[^4..], 0x0B000000 + n / 97);
        ushort pa = (ushort)(n * 7), pb = (ushort)(n % 13);
        return reversed ? ConversationKey.Of(b, pb, a, pa, out _) : ConversationKey.Of(a, pa, b, pb, out _);
    }

    [Fact]
    public void BothDirectionsGiveOneKeyAndTellWhichWayThePacketWent()
    {
        byte[] a = [198, 18, 0, 1], b = [198, 18, 0, 2];
        var forward = ConversationKey.Of(a, 40000, b, 80, out bool fromA);
        var backward = ConversationKey.Of(b, 80, a, 40000, out bool backFromA);
        Assert.Equal(forward, backward);
        Assert.Equal(forward.GetHashCode(), backward.GetHashCode());
        Assert.NotEqual(fromA, backFromA);
        // Same address, ports decide; and IPv4 never equals an IPv6 key of the same number.
        var self = ConversationKey.Of(a, 5, a, 6, out bool selfFromA);
        Assert.True(selfFromA);
        Assert.Equal(self, ConversationKey.Of(a, 6, a, 5, out bool other) );
        Assert.False(other);
        var v6 = new byte[16];
        a.CopyTo(v6.AsSpan(12));
        var v6b = new byte[16];
        b.CopyTo(v6b.AsSpan(12));
        Assert.NotEqual(forward, ConversationKey.Of(v6, 40000, v6b, 80, out _));
    }

    [Fact]
    public void RandomOperationsAgreeWithAModel()
    {
        const int capacity = 500;
        var table = new ConversationTable<int>(capacity, initial: 16);
        var model = new Dictionary<ConversationKey, int>();
        var recency = new LinkedList<ConversationKey>();
        var random = new Random(12345);
        int evicted = 0;
        for (int step = 0; step < 200_000; step++)
        {
            int n = random.Next(2000);
            var key = Key(n, reversed: random.Next(2) == 0);
            if (random.Next(50) == 0 && model.ContainsKey(key))
            {
                int index = table.FindOrAdd(key, out bool added);
                Assert.False(added);
                Assert.Equal(model[key], table[index]);
                table.Remove(index);
                model.Remove(key);
                recency.Remove(key);
                continue;
            }
            int entry = table.FindOrAdd(key, out bool isNew);
            Assert.Equal(!model.ContainsKey(key), isNew);
            if (isNew)
            {
                if (model.Count == capacity)
                {
                    var oldest = recency.First!.Value;
                    recency.RemoveFirst();
                    model.Remove(oldest);
                    evicted++;
                }
                Assert.Equal(0, table[entry]);
                table[entry] = step + 1;
                model[key] = step + 1;
            }
            else
            {
                Assert.Equal(model[key], table[entry]);
                recency.Remove(key);
            }
            recency.AddLast(key);
            Assert.Equal(model.Count, table.Count);
        }
        Assert.Equal(evicted, table.Evicted);
        Assert.True(evicted > 1000, "the bound was reached often");
        // Every key the model holds is still found with its state; nothing else is.
        foreach (var (key, state) in model)
        {
            int index = table.FindOrAdd(key, out bool added);
            Assert.False(added);
            Assert.Equal(state, table[index]);
        }
    }

    [Fact]
    public void TheIdlestConversationIsForgottenFirst()
    {
        var table = new ConversationTable<int>(3);
        int a = table.FindOrAdd(Key(1), out _);
        table.FindOrAdd(Key(2), out _);
        table.FindOrAdd(Key(3), out _);
        table.Touch(a);                  // 1 is now the most recent: 2 is the idlest
        table.FindOrAdd(Key(4), out _);
        Assert.Equal(1, table.Evicted);
        table.FindOrAdd(Key(1), out bool added1);
        Assert.False(added1);
        table.FindOrAdd(Key(2), out bool added2);
        Assert.True(added2);
        Assert.Equal(3, table.Count);
    }

    [Fact]
    public void EntriesAreTheSizeTheMemoryBoundIsWrittenWith()
    {
        // ConversationLimits and docs/performance.md state these: change them together.
        Assert.Equal(184, ConversationTable<RawNet.Protocols.Tcp.TcpConversation>.EntryBytes);
        Assert.Equal(48, ConversationTable<UdpConversation>.EntryBytes);
    }

    [Fact]
    public void MemoryStaysWithinTheBoundWhateverArrives()
    {
        var table = new ConversationTable<long>(10_000, initial: 16);
        for (int n = 0; n < 300_000; n++)
            table.FindOrAdd(Key(n), out _);
        Assert.Equal(10_000, table.Count);
        Assert.Equal(290_000, table.Evicted);
        long perConversation = table.AllocatedBytes / table.Capacity;
        Assert.True(perConversation < 128, $"{perConversation} bytes a conversation");
    }
}
