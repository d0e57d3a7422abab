using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Sflow;

/// <summary>Which value of an sFlow datagram a computed field of <see cref="SflowFields"/> shows.</summary>
public enum SflowValue : byte
{
    Version, AddressType, Agent, AgentV6, SubAgent, Sequence, Uptime, SampleCount,
    Enterprise, SampleType, SampleLength,
    FlowSequence, FlowSourceClass, FlowSourceIndex, FlowRate, FlowPool, FlowDrops, FlowInput, FlowOutput, FlowOutputV24, FlowOutputFormat,
    FlowOutputValue, FlowRecords, FlowSourceType, FlowSourceTypeIndex, FlowInputFormat, FlowInputValue, FlowOutputFormatExpanded,
    CountersSequence, CountersSourceType, CountersSourceIndex, CountersRecords,
    FlowRecordFormat, CountersRecordFormat, DataLength, EnterpriseLength, EnterpriseData,
    HeaderProtocol, FrameLength, Stripped, HeaderLength, Header, PacketInformationType,
}

/// <summary>
/// The sFlow field table (Wireshark "sflow"), in tshark 4.0's tree order, all read by <see cref="SflowFieldReader"/> (<see cref="ComputedField.Sflow"/>), which walks
/// the samples and records as tshark does. tshark names the sample's and each record's enterprise alike (sflow.enterprise, shown as tshark shows it through its mask: the word's top 8 bits),
/// and the flow and counters records' lengths alike (sflow_5.flow_data_length). The counters records' counters and the
/// flow records other than the raw packet header are not shown field by field.
/// </summary>
public static class SflowFields
{
    /// <summary>The fields in tree order with the value each shows (the tree walks them per sample and record: <see cref="SflowTreeItems"/>).</summary>
    internal static readonly (FieldDefinition Field, SflowValue Value)[] Computed =
    [
        (D("sflow_245.version", "Datagram version", FieldKind.Decimal), SflowValue.Version),
        (D("sflow_245.agenttype", "Agent address type", FieldKind.Decimal), SflowValue.AddressType),
        (D("sflow_245.agent", "Agent address", FieldKind.Ipv4Address), SflowValue.Agent),
        (D("sflow_245.agent.v6", "Agent address", FieldKind.Ipv6Address), SflowValue.AgentV6),
        (D("sflow_245.sub_agent_id", "Sub-agent ID", FieldKind.Decimal), SflowValue.SubAgent),
        (D("sflow_245.sequence_number", "Sequence number", FieldKind.Decimal), SflowValue.Sequence),
        (D("sflow_245.sysuptime", "SysUptime", FieldKind.Decimal), SflowValue.Uptime),
        (D("sflow_245.numsamples", "NumSamples", FieldKind.Decimal), SflowValue.SampleCount),
        (D("sflow.enterprise", "Enterprise", FieldKind.Decimal), SflowValue.Enterprise),
        (D("sflow_245.sampletype", "sFlow sample type", FieldKind.Decimal), SflowValue.SampleType),
        (D("sflow_5.sample_length", "Sample length (byte)", FieldKind.Decimal), SflowValue.SampleLength),
        (D("sflow.flow_sample.sequence_number", "Sequence number", FieldKind.Decimal), SflowValue.FlowSequence),
        (D("sflow.flow_sample.source_id_class", "Source ID class", FieldKind.Decimal), SflowValue.FlowSourceClass),
        (D("sflow.flow_sample.index", "Index", FieldKind.Decimal), SflowValue.FlowSourceIndex),
        (D("sflow.flow_sample.source_id_type", "Source ID type", FieldKind.Decimal), SflowValue.FlowSourceType),
        (D("sflow.flow_sample.source_id_index", "Source ID index", FieldKind.Decimal), SflowValue.FlowSourceTypeIndex),
        (D("sflow.flow_sample.sampling_rate", "Sampling rate", FieldKind.Decimal), SflowValue.FlowRate),
        (D("sflow.flow_sample.sample_pool", "Sample pool", FieldKind.Decimal), SflowValue.FlowPool),
        (D("sflow.flow_sample.dropped_packets", "Dropped packets", FieldKind.Decimal), SflowValue.FlowDrops),
        (D("sflow.flow_sample.input_interface", "Input interface (ifIndex)", FieldKind.Decimal), SflowValue.FlowInput),
        (D("sflow.flow_sample.input_interface_format", "Input interface format", FieldKind.Decimal), SflowValue.FlowInputFormat),
        (D("sflow.flow_sample.input_interface_value", "Input interface value", FieldKind.Decimal), SflowValue.FlowInputValue),
        (D("sflow.flow_sample.output_interface", "Output interface", FieldKind.Hex, 8), SflowValue.FlowOutput),
        // v2 and v4 show the same field in decimal
        (D("sflow.flow_sample.output_interface", "Output interface", FieldKind.Decimal), SflowValue.FlowOutputV24),
        (D("sflow.flow_sample.output_interface_format", "Output interface format", FieldKind.Decimal), SflowValue.FlowOutputFormat),
        (D("sflow.flow_sample.output_interface.format", "Output interface format", FieldKind.Decimal), SflowValue.FlowOutputFormatExpanded),
        (D("sflow.flow_sample.output_interface_value", "Output interface value", FieldKind.Decimal), SflowValue.FlowOutputValue),
        (D("sflow.flow_sample.flow_record", "Flow record", FieldKind.Decimal), SflowValue.FlowRecords),
        (D("sflow.counters_sample.sequence_number", "Sequence number", FieldKind.Decimal), SflowValue.CountersSequence),
        (D("sflow.counters_sample.source_id_type", "Source ID type", FieldKind.Decimal), SflowValue.CountersSourceType),
        (D("sflow.counters_sample.source_id_index", "Source ID index", FieldKind.Decimal), SflowValue.CountersSourceIndex),
        (D("sflow.counters_sample.counters_records", "Counters records", FieldKind.Decimal), SflowValue.CountersRecords),
        (D("sflow_245.flow_record_format", "Format", FieldKind.Decimal), SflowValue.FlowRecordFormat),
        (D("sflow_245.counters_record_format", "Format", FieldKind.Decimal), SflowValue.CountersRecordFormat),
        (D("sflow_5.flow_data_length", "Flow data length (byte)", FieldKind.Decimal), SflowValue.DataLength),
        (D("sflow.enterprise.length", "Length", FieldKind.Decimal), SflowValue.EnterpriseLength),
        (D("sflow.enterprise.data", "Data", FieldKind.Bytes), SflowValue.EnterpriseData),
        (D("sflow_245.packet_information_type", "Sample type", FieldKind.Decimal), SflowValue.PacketInformationType),
        (D("sflow_245.header_protocol", "Header protocol", FieldKind.Decimal), SflowValue.HeaderProtocol),
        (D("sflow_245.header.frame_length", "Frame Length", FieldKind.Decimal), SflowValue.FrameLength),
        (D("sflow_245.header.payload_stripped", "Payload stripped", FieldKind.Decimal), SflowValue.Stripped),
        (D("sflow_245.header.sampled_header_length", "Sampled header length", FieldKind.Decimal), SflowValue.HeaderLength),
        (D("sflow_245.header", "Header of sampled packet", FieldKind.Bytes), SflowValue.Header),
    ];

    public static readonly FieldDefinition[] All =
    [
        .. FieldRows.Fields(Computed),
    ];

    private static readonly FrozenDictionary<FieldDefinition, SflowValue> Values = FieldRows.Values(Computed);

    /// <summary>Which value a computed field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out SflowValue value) => Values.TryGetValue(field, out value);

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Sflow, kind, ComputedField.Sflow, hexDigits);
}
