using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace RawNet.Testing;

/// <summary>
/// Marks a test class that runs for a long time (a minute or more of CI's time, most of it tshark's start-ups): its
/// collection starts before the unmarked ones (<see cref="LongRunningFirst"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LongRunningAttribute : Attribute;

/// <summary>
/// Orders an assembly's test collections so that the ones of <see cref="LongRunningAttribute"/> classes start first, the
/// rest after them in xUnit's default order (random from run to run).
/// </summary>
/// <remarks>
/// <para>The tests of one class run one after another, and classes run a few at a time (xUnit's conservative algorithm:
/// a semaphore of <c>maxParallelThreads</c> around each collection, two on CI's two cores by default, four where an
/// assembly's xunit.runner.json asks for "2x"). In xUnit's random order a class of a minute or
/// more sometimes started last and ran alone at the end with one core idle: CI's time moved by 50 seconds between runs
/// of nearly the same commit. Long classes first is the longest-first schedule: the short classes then fill both cores
/// to the end.</para>
/// <para>The order is a wish, not a guarantee: xUnit hands every collection to the thread pool at once (<c>Task.Run</c>
/// from a pool thread, so into that thread's own queue, which the pool runs from its end while idle threads steal from
/// its front), and the semaphore serves them in the order they reach it. Two fresh-clone runs on 2026-12-07 started the
/// front of the order first in one and last in the other. So the longest classes are also cut into collections of
/// under about a minute (the peer corpus's halves of the expert tree and trailer oracles, the pseudo-links'
/// damaged headers): whichever starts last, none runs alone for long.</para>
/// </remarks>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection
    {
        var ordered = DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections);
        return [.. ordered.Where(c => IsLongRunning(c)), .. ordered.Where(c => !IsLongRunning(c))];
    }

    /// <summary>Whether any class of <paramref name="collection"/> is marked (a class's own collection holds just it).</summary>
    private static bool IsLongRunning(ITestCollection collection) =>
        collection is IXunitTestCollection { TestAssembly.Assembly: var assembly } && ClassesOf(collection, assembly).Any(type =>
            type.GetCustomAttribute<LongRunningAttribute>() is not null);

    /// <summary>xUnit's name of a class's own collection: "Test collection for NAMESPACE.CLASS (id: ...)".</summary>
    private const string PerClassPrefix = "Test collection for ";

    private static IEnumerable<Type> ClassesOf(ITestCollection collection, Assembly assembly)
    {
        string name = collection.TestCollectionClassName ?? "";
        string display = collection.TestCollectionDisplayName;
        if (name.Length == 0 && display.StartsWith(PerClassPrefix, StringComparison.Ordinal))
        {
            name = display[PerClassPrefix.Length..];
            int id = name.IndexOf(" (id: ", StringComparison.Ordinal);
            name = id < 0 ? name : name[..id];
        }
        return name.Length > 0 && assembly.GetType(name) is { } type ? [type] : [];
    }
}
