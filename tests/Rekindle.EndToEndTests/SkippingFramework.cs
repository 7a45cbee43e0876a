// Tests that need PostgreSQL, a browser or a reader program this machine lacks are skipped with the reason (tests/Shared/Needs.cs).
[assembly: TestFramework("Rekindle.Testing.SkippingTestFramework", "Rekindle.EndToEndTests")]
