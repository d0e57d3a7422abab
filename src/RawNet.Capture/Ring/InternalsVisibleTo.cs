using System.Runtime.CompilerServices;

// The layout tests measure the padded cursor structs, which are not public API.
[assembly: InternalsVisibleTo("RawNet.Capture.Tests")]
