// Long classes start first (RawNet.Testing.LongRunningFirst says why).
[assembly: Xunit.TestCollectionOrderer(typeof(RawNet.Testing.LongRunningFirst))]
