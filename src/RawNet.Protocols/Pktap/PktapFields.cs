using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Pktap.PktapHeader.Field;

namespace RawNet.Protocols.Pktap;

/// <summary>
/// The PKTAP field table (Wireshark "pktap"), little-endian: each field shown when its bytes are there, as tshark adds them
/// in order; only the header length when that length is below the fixed part (the decoder keeps the layer to its 4 bytes).
/// The names are read as ASCII to their first NUL (tshark reads the command names as UTF-8).
/// </summary>
public static class PktapFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.FixedLittleEndian("pktap.hdrlen", "Header length", LayerKind.Pktap, F.HeaderLength, 4, FieldKind.Decimal),
        FieldDefinition.FixedLittleEndian("pktap.rectype", "Record type", LayerKind.Pktap, F.RecordType, 4, FieldKind.Decimal),
        FieldDefinition.FixedLittleEndian("pktap.dlt", "DLT", LayerKind.Pktap, F.Dlt, 4, FieldKind.Decimal),
        FieldDefinition.Fixed("pktap.ifname", "Interface name", LayerKind.Pktap, F.InterfaceName, PktapHeader.InterfaceNameLength, FieldKind.Text),
        FieldDefinition.FixedLittleEndian("pktap.flags", "Flags", LayerKind.Pktap, F.Flags, 4, FieldKind.Hex),
        FieldDefinition.FixedLittleEndian("pktap.pfamily", "Protocol family", LayerKind.Pktap, F.ProtocolFamily, 4, FieldKind.Decimal),
        FieldDefinition.FixedLittleEndian("pktap.llhdrlen", "Link-layer header length", LayerKind.Pktap, F.LinkHeaderLength, 4, FieldKind.Decimal),
        FieldDefinition.FixedLittleEndian("pktap.lltrlrlen", "Link-layer trailer length", LayerKind.Pktap, F.LinkTrailerLength, 4, FieldKind.Decimal),
        FieldDefinition.FixedLittleEndian("pktap.pid", "Process ID", LayerKind.Pktap, F.ProcessId, 4, FieldKind.Decimal),
        FieldDefinition.Fixed("pktap.cmdname", "Command name", LayerKind.Pktap, F.CommandName, PktapHeader.CommandNameLength, FieldKind.Text),
        FieldDefinition.FixedLittleEndian("pktap.svc_class", "Service class", LayerKind.Pktap, F.ServiceClass, 4, FieldKind.Decimal),
        FieldDefinition.FixedLittleEndian("pktap.iftype", "Interface type", LayerKind.Pktap, F.InterfaceType, 2, FieldKind.Decimal),
        FieldDefinition.FixedLittleEndian("pktap.ifunit", "Interface unit", LayerKind.Pktap, F.InterfaceUnit, 2, FieldKind.Decimal),
        FieldDefinition.FixedLittleEndian("pktap.epid", "Effective process ID", LayerKind.Pktap, F.EffectiveProcessId, 4, FieldKind.Decimal),
        FieldDefinition.Fixed("pktap.ecmdname", "Effective command name", LayerKind.Pktap, F.EffectiveCommandName, PktapHeader.CommandNameLength, FieldKind.Text),
    ];
}
