using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Fddi.FddiHeader.Field;

namespace RawNet.Protocols.Fddi;

/// <summary>
/// The FDDI field table (Wireshark "fddi"), in tshark's tree order: the frame control and the parts its class has, then
/// the addresses as tshark 4.0 shows LINKTYPE_FDDI's, bit-swapped, each twice (its hidden copy is bit-swapped from the
/// same bytes too), with fddi.addr four times (<see cref="FddiFieldReader"/>).
/// </summary>
public static class FddiFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("fddi.fc", "Frame Control", LayerKind.Fddi, F.FrameControl, 1, FieldKind.Hex),
        FieldDefinition.Fixed("fddi.fc.clf", "Class/Length/Format", LayerKind.Fddi, F.FrameControl, 1, FieldKind.Hex, FddiHeader.ClassMask),
        FieldDefinition.Fixed("fddi.fc.smt_subtype", "SMT Subtype", LayerKind.Fddi, F.FrameControl, 1, FieldKind.Decimal, FddiHeader.ControlMask,
            presence: FieldPresence.FddiSmt),
        FieldDefinition.Fixed("fddi.fc.mac_subtype", "MAC Subtype", LayerKind.Fddi, F.FrameControl, 1, FieldKind.Decimal, FddiHeader.ControlMask,
            presence: FieldPresence.FddiMac),
        FieldDefinition.Fixed("fddi.fc.prio", "Priority", LayerKind.Fddi, F.FrameControl, 1, FieldKind.Decimal, 0x07,
            presence: FieldPresence.FddiAsyncPriority),
        FieldDefinition.Derived("fddi.dst", "Destination", LayerKind.Fddi, FieldKind.MacAddress, ComputedField.FddiDestination),
        FieldDefinition.Derived("fddi.src", "Source", LayerKind.Fddi, FieldKind.MacAddress, ComputedField.FddiSource),
        FieldDefinition.Derived("fddi.addr", "Source or Destination Address", LayerKind.Fddi, FieldKind.MacAddress, ComputedField.FddiAddresses),
    ];
}
