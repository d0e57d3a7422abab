// tests/Directory.Build.props adds `global using Xunit;` to every project under tests/, and this one does not reference
// xunit, so it did not compile. Declaring the (empty) namespace lets it build without touching the shared props or the
// project file; the proper fix is `<Using Remove="Xunit" />` in RawNet.Benchmarks.csproj, after which this file goes.
namespace Xunit
{
}
