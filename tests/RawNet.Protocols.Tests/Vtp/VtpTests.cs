using RawNet.Protocols.Decoding;
using RawNet.Protocols.Vtp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Vtp;

public class VtpTests
{
    /// <summary>Version 1, a code, a third byte, domain "corp" (4) padded to 32 bytes.</summary>
    private static string Header(int code, int third = 1) => $"01 {code:x2} {third:x2} 04 636f7270" + string.Concat(Enumerable.Repeat("00", 28));

    /// <summary>A summary advertisement: revision 7, updater 10.0.0.1, timestamp "930301000000", MD5 digest 00..0f.</summary>
    public static byte[] Summary() => Hex(Header(1) + "00000007 0a000001 393330333031303030303030 000102030405060708090a0b0c0d0e0f");

    /// <summary>
    /// A subset advertisement (revision 7, sequence 1) with VLAN 1 "default" and VLAN 1003, a Token Ring CRF with a ring
    /// number and a pruning TLV of 2 words (tshark's "Bad length 4").
    /// </summary>
    public static byte[] Subset() => Hex(Header(2) + "00000007"
        + "14 00 01 07 0001 05dc 000186a0 64656661756c7400"
        + "1e 00 03 05 03eb 05dc 000186a1 7472637266000000 01 01 0010 06 02 00010001");

    /// <summary>A join from VLAN 0 to 1023 with VLANs 0 to 7 and 16 and 23 active.</summary>
    public static byte[] Join() => Hex(Header(4, 0) + "0000 03ff ff0081");

    /// <summary>An 802.3 frame to Cisco's multicast address with LLC/SNAP (OUI 00-00-0C, PID 0x2003) around <paramref name="pdu"/>.</summary>
    public static byte[] Frame(byte[] pdu)
    {
        var body = Concat(Hex("aaaa03 00000c 2003"), pdu);
        return Concat(Hex("01000ccccccc"), Mac(Mac2), U16((ushort)body.Length), body);
    }

    [Fact]
    public void ASummaryShowsItsFields()
    {
        var frame = Frame(Summary());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Llc, LayerKind.Vtp], Decode.Kinds(packet));
        Assert.Equal("0x01", Decode.Field(packet, frame, "vtp.version"));
        Assert.Equal("0x01", Decode.Field(packet, frame, "vtp.code"));
        Assert.Equal("1", Decode.Field(packet, frame, "vtp.followers"));
        Assert.Equal("4", Decode.Field(packet, frame, "vtp.md_len"));
        Assert.Equal("corp", Decode.Field(packet, frame, "vtp.md"));
        Assert.Equal("7", Decode.Field(packet, frame, "vtp.conf_rev_num"));
        Assert.Equal("10.0.0.1", Decode.Field(packet, frame, "vtp.upd_id"));
        Assert.Equal("930301000000", Decode.Field(packet, frame, "vtp.upd_ts"));
        Assert.Equal("000102030405060708090a0b0c0d0e0f", Decode.Field(packet, frame, "vtp.md5_digest"));
    }

    [Fact]
    public void ASubsetShowsEachVlanAndItsTlvs()
    {
        var frame = Frame(Subset());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("20,30", Decode.Field(packet, frame, "vtp.vlan_info.len"));
        Assert.Equal("0x0001,0x03eb", Decode.Field(packet, frame, "vtp.vlan_info.isl_vlan_id"));
        Assert.Equal("default,trcrf", Decode.Field(packet, frame, "vtp.vlan_info.vlan_name"));
        Assert.Equal("0x01,0x06", Decode.Field(packet, frame, "vtp.vlan_info.tlv_type"));
        Assert.Equal("0x0010", Decode.Field(packet, frame, "vtp.vlan_info.src_route_ring_num"));
        // a pruning TLV of 4 bytes is tshark's expert item, not a field
        Assert.Null(Decode.Field(packet, frame, "vtp.vlan_info.pruning"));
    }

    [Fact]
    public void AJoinListsItsActiveVlans()
    {
        var frame = Frame(Join());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("0,1,2,3,4,5,6,7,16,23", Decode.Field(packet, frame, "vtp.pruning.active"));
        // no bitmap byte at all: the bitmap's subtree throws
        var pdu = Join()[..40];
        Assert.Equal(VtpWalkStatus.Malformed, VtpWalk.StatusOf(pdu, pdu.Length, out int stop));
        Assert.Equal(40, stop);
    }

    [Fact]
    public void VlanEntriesEndOnALengthOfZeroAndNameLengthsWrapInAByte()
    {
        // an entry's length byte of 0 shows the entry and ends the list; the next entry is not read
        var pdu = Hex(Header(2) + "00000007" + "00 00 01 01 0032 05dc 000186a0 61000000" + "14");
        Assert.Equal(VtpWalkStatus.Complete, VtpWalk.StatusOf(pdu, pdu.Length, out _));
        // a name length of 254 rounds to 256, which tshark's byte keeps as 0: the TLV right after the fixed part is read
        var frame = Frame(Hex(Header(2) + "00000007" + "10 00 01 fe 0037 05dc 000186a0 09 01 0002"));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("2", Decode.Field(packet, frame, "vtp.vlan_info.max_ste_hop_count"));
    }

    [Fact]
    public void ReadsPastThePduAreMalformedAndPastTheCaptureTruncated()
    {
        // the Info column's read of the revision comes first
        var pdu = Summary()[..30];
        Assert.Equal(VtpWalkStatus.Malformed, VtpWalk.StatusOf(pdu, pdu.Length, out int stop));
        Assert.Equal(36, stop);
        Assert.False(VtpWalk.InfoReadable(pdu));
        Assert.Equal(VtpWalkStatus.Malformed, VtpWalk.StatusOf(Hex("01"), 1, out _));
        Assert.Equal(VtpWalkStatus.Malformed, VtpWalk.StatusOf([], 0, out _));
        var whole = Subset();
        Assert.Equal(VtpWalkStatus.Truncated, VtpWalk.StatusOf(whole[..50], whole.Length, out _));
        var frame = Frame(whole);
        var packet = Decode.Frame(frame[..90], LinkType.Ethernet, originalLength: frame.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal("20", Decode.Field(packet, frame[..90], "vtp.vlan_info.len"));
    }

    [Fact]
    public void TruncateAtEveryPrefixLength()
    {
        Decode.EveryPrefixWithoutException(Frame(Subset()), LinkType.Ethernet);
        Decode.FieldsAtEveryCut(Subset(), Frame, ["vtp.md", "vtp.vlan_info.vlan_name", "vtp.vlan_info.tlv_type", "vtp.vlan_info.src_route_ring_num"]);
        Decode.FieldsAtEveryCut(Summary(), Frame, ["vtp.upd_id", "vtp.upd_ts", "vtp.md5_digest"]);
        Decode.FieldsAtEveryCut(Join(), Frame, ["vtp.pruning.active"]);
    }

    [Fact]
    public void HostileLengthsNeverThrowNorLoop() =>
        Decode.RandomDamagesWithoutException(i => (i % 3) switch { 0 => Subset(), 1 => Summary(), _ => Join() }, Frame, LinkType.Ethernet, seed: 17);
}
