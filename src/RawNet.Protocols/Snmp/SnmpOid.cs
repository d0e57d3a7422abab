namespace RawNet.Protocols.Snmp;

/// <summary>
/// A BER OBJECT IDENTIFIER's contents as tshark 4.0 writes them (oids.c without libsmi): dotted decimal sub-identifiers of
/// 32 bits, the first byte's value split into two arcs (below 40: 0, below 80: 1, else 2), a last sub-identifier left
/// unfinished by its continuation bit dropped; a sub-identifier above 2^32 - 1 makes the OID invalid (tshark throws).
/// </summary>
public static class SnmpOid
{
    /// <summary>Characters enough for the OID text of <paramref name="length"/> content bytes (each byte adds at most four, the first arcs' split a few more).</summary>
    public static int MaxFormattedLength(int length) => 4 * length + 24;

    /// <summary>Whether tshark reads the OID (every finished sub-identifier fits 32 bits).</summary>
    public static bool IsValid(ReadOnlySpan<byte> oid)
    {
        ulong subid = 0;
        foreach (byte b in oid)
        {
            subid = subid << 7 | (uint)(b & 0x7F);
            if ((b & 0x80) != 0)
                continue;
            if (subid > uint.MaxValue)
                return false;
            subid = 0;
        }
        return true;
    }

    /// <summary>How many arcs the OID has (the first byte's value counts two).</summary>
    public static int ArcCount(ReadOnlySpan<byte> oid)
    {
        int count = 0;
        foreach (byte b in oid)
        {
            if ((b & 0x80) == 0)
                count++;
        }
        return count == 0 ? 1 : count + 1;
    }

    /// <summary>
    /// Writes the OID in dotted decimal from arc <paramref name="fromArc"/> on (0: all of it); false when it does not fit
    /// (see <see cref="MaxFormattedLength"/>).
    /// </summary>
    public static bool TryFormat(ReadOnlySpan<byte> oid, Span<char> destination, out int written, int fromArc = 0)
    {
        written = 0;
        var arcs = new Arcs(oid);
        while (arcs.MoveNext())
        {
            if (arcs.Index < fromArc)
                continue;
            if (destination.Length - written < 22)
                return false;
            if (written > 0)
                destination[written++] = '.';
            written += Fields.DigitText.WriteDecimal(arcs.Current, destination[written..]);
        }
        return true;
    }

    /// <summary>The arcs of an OID's contents in order, the first byte's value split into two; allocates nothing.</summary>
    public ref struct Arcs(ReadOnlySpan<byte> oid)
    {
        private readonly ReadOnlySpan<byte> _oid = oid;
        private int _pos;
        private ulong _second;
        private bool _pending;

        /// <summary>The current arc's value.</summary>
        public ulong Current { get; private set; }

        /// <summary>The current arc's index (0 first).</summary>
        public int Index { get; private set; } = -1;

        /// <summary>Moves to the next arc; false after the last finished sub-identifier.</summary>
        public bool MoveNext()
        {
            if (!HasArcs(_oid))
            {
                // an empty OID is tshark's single arc 0
                if (Index >= 0)
                    return false;
                Index = 0;
                Current = 0;
                return true;
            }
            if (_pending)
            {
                _pending = false;
                Current = _second;
                Index++;
                return true;
            }
            ulong subid = 0;
            while (_pos < _oid.Length)
            {
                byte b = _oid[_pos++];
                subid = subid << 7 | (uint)(b & 0x7F);
                if ((b & 0x80) != 0)
                    continue;
                Index++;
                if (Index == 0)
                {
                    ulong top = subid < 40 ? 0UL : subid < 80 ? 1UL : 2UL;
                    Current = top;
                    _second = subid - 40 * top;
                    _pending = true;
                    return true;
                }
                Current = subid;
                return true;
            }
            return false;
        }
    }

    /// <summary>The name tshark's OID tree gives a first arc (0, 1, 2; 0 for an OID without a finished sub-identifier).</summary>
    public static string RootName(ReadOnlySpan<byte> oid)
    {
        var arcs = new Arcs(oid);
        ulong top = arcs.MoveNext() ? arcs.Current : 0;
        return top == 0 ? "itu-t" : top == 1 ? "iso" : "joint-iso-itu-t";
    }

    /// <summary>
    /// Whether the OID's second arc is one tshark's OID tree holds below its first (arcs other dissectors register OIDs
    /// under: itu-t's recommendation, administration, network-operator, identified-organization and data; iso's
    /// standard, member-body and identified-organization; joint-iso-itu-t's ds, country and international-organizations):
    /// the Info column then shows the OID in decimal, else the first arc's name before the rest.
    /// </summary>
    private static bool SecondArcKnown(ReadOnlySpan<byte> oid)
    {
        var arcs = new Arcs(oid);
        if (!arcs.MoveNext())
            return false;
        ulong top = arcs.Current;
        if (!arcs.MoveNext())
            return false;
        ulong second = arcs.Current;
        return top switch
        {
            0 => second is 0 or 2 or 3 or 4 or 9,
            1 => second is 0 or 2 or 3,
            _ => second is 5 or 16 or 23,
        };
    }

    /// <summary>
    /// Writes the OID as tshark resolves it without MIBs (oid_resolved_from_encoded): the first arc's name, then the other
    /// arcs in decimal ("iso.3.6.1.4.1.9"). tshark also names deeper arcs other dissectors registered; RawNet does not.
    /// </summary>
    public static bool TryFormatResolved(ReadOnlySpan<byte> oid, Span<char> destination, out int written)
    {
        written = 0;
        string root = RootName(oid);
        if (destination.Length < root.Length)
            return false;
        root.CopyTo(destination);
        written = root.Length;
        if (ArcCount(oid) < 2)
            return true;
        destination[written++] = '.';
        if (!TryFormat(oid, destination[written..], out int rest, fromArc: 1))
            return false;
        written += rest;
        return true;
    }

    /// <summary>
    /// Writes a variable binding's name as tshark adds it to the Info column: in decimal where the deepest arc tshark's OID
    /// tree matches has no name (every OID below iso and itu-t, whose arcs other dissectors register), the first arc's
    /// name and the rest after it below joint-iso-itu-t, and an empty OID as "itu-t".
    /// </summary>
    public static bool TryFormatInfo(ReadOnlySpan<byte> oid, Span<char> destination, out int written)
    {
        if (!HasArcs(oid))
        {
            written = 0;
            if (destination.Length < 5)
                return false;
            "itu-t".CopyTo(destination);
            written = 5;
            return true;
        }
        return SecondArcKnown(oid) ? TryFormat(oid, destination, out written) : TryFormatResolved(oid, destination, out written);
    }

    /// <summary>Whether the OID has a finished sub-identifier (one without it is tshark's single arc 0, "itu-t").</summary>
    public static bool HasArcs(ReadOnlySpan<byte> oid)
    {
        foreach (byte b in oid)
        {
            if ((b & 0x80) == 0)
                return true;
        }
        return false;
    }
}
