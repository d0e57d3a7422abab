using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Docsis;

/// <summary>
/// The DOCSIS MAC header's field table (Wireshark "docsis", tshark 4.0), in its tree's order: the frame control's type,
/// parameter and EHDR_ON bit, MAC_PARM or the extended header's length, LEN, each extended header element's type and
/// length, the HCS and its status, and an encrypted PDU's addresses. Which of them a frame shows is <see cref="DocsisFieldReader"/>'s to say.
/// </summary>
public static class DocsisFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Derived("docsis.fctype", "FCType", LayerKind.Docsis, FieldKind.Hex, ComputedField.DocsisFrameType, hexDigits: 2),
        FieldDefinition.Derived("docsis.fcparm", "FCParm", LayerKind.Docsis, FieldKind.Decimal, ComputedField.DocsisFrameParameter),
        FieldDefinition.Derived("docsis.exthdr", "EXTHDR", LayerKind.Docsis, FieldKind.Boolean, ComputedField.DocsisExtendedHeaderOn),
        FieldDefinition.Derived("docsis.macparm", "MacParm", LayerKind.Docsis, FieldKind.Hex, ComputedField.DocsisMacParm, hexDigits: 2),
        FieldDefinition.Derived("docsis.ehdrlen", "Extended Header Length (bytes)", LayerKind.Docsis, FieldKind.Decimal, ComputedField.DocsisExtendedHeaderLength),
        FieldDefinition.Derived("docsis.len", "Length of the MAC frame (bytes)", LayerKind.Docsis, FieldKind.Decimal, ComputedField.DocsisLength),
        FieldDefinition.Derived("docsis.ehdr.type", "Type", LayerKind.Docsis, FieldKind.Decimal, ComputedField.DocsisElementType),
        FieldDefinition.Derived("docsis.ehdr.len", "Length", LayerKind.Docsis, FieldKind.Decimal, ComputedField.DocsisElementLength),
        FieldDefinition.Derived("docsis.hcs", "Header check sequence", LayerKind.Docsis, FieldKind.Hex, ComputedField.DocsisHcs, hexDigits: 4),
        FieldDefinition.Derived("docsis.hcs.status", "HCS Status", LayerKind.Docsis, FieldKind.Decimal, ComputedField.DocsisHcsStatus),
        // tshark 4.0 shows an encrypted PDU's addresses under Ethernet's names, inside the docsis tree
        FieldDefinition.Derived("eth.dst", "Destination", LayerKind.Docsis, FieldKind.MacAddress, ComputedField.DocsisEncryptedDestination),
        FieldDefinition.Derived("eth.src", "Source", LayerKind.Docsis, FieldKind.MacAddress, ComputedField.DocsisEncryptedSource),
        // and each one's hidden subtree: the address again, and its LG and IG bits under the shared names only
        FieldDefinition.Derived("eth.dst_resolved", "Destination (resolved)", LayerKind.Docsis, FieldKind.MacAddress, ComputedField.DocsisEncryptedDestination, inTree: false),
        FieldDefinition.Derived("eth.src_resolved", "Source (resolved)", LayerKind.Docsis, FieldKind.MacAddress, ComputedField.DocsisEncryptedSource, inTree: false),
        FieldDefinition.Derived("eth.lg", "LG bit", LayerKind.Docsis, FieldKind.Boolean, ComputedField.DocsisEncryptedLgBits, inTree: false),
        FieldDefinition.Derived("eth.ig", "IG bit", LayerKind.Docsis, FieldKind.Boolean, ComputedField.DocsisEncryptedIgBits, inTree: false),
    ];
}
