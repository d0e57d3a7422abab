using System.Runtime.InteropServices;
using PacketSend = RawNet.Capture.Sources.AfPacket.Interop.PacketSend;

namespace RawNet.Capture.Tests.Lab;

/// <summary>The structs the lab link hands to sendmmsg(2) have glibc's x86-64 layout, field by field.</summary>
public sealed class LinkInteropLayoutTests
{
    [Fact]
    public unsafe void Mmsghdr_and_iovec_match_the_C_layout()
    {
        Assert.Equal(16, sizeof(PacketSend.IoVec));
        Assert.Equal(8, (int)Marshal.OffsetOf<PacketSend.IoVec>(nameof(PacketSend.IoVec.Length)));
        Assert.Equal(64, sizeof(PacketSend.MMsgHdr));
        (string Field, int Offset)[] expected =
        [
            (nameof(PacketSend.MMsgHdr.Name), 0), (nameof(PacketSend.MMsgHdr.NameLength), 8), (nameof(PacketSend.MMsgHdr.Iov), 16),
            (nameof(PacketSend.MMsgHdr.IovLength), 24), (nameof(PacketSend.MMsgHdr.Control), 32), (nameof(PacketSend.MMsgHdr.ControlLength), 40),
            (nameof(PacketSend.MMsgHdr.Flags), 48), (nameof(PacketSend.MMsgHdr.Length), 56),
        ];
        foreach (var (field, offset) in expected)
            Assert.Equal(offset, (int)Marshal.OffsetOf<PacketSend.MMsgHdr>(field));
    }
}
