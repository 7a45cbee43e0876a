using System.Diagnostics;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Rekindle.Testing;

/// <summary>
/// Thrown where a test needs something this machine lacks (PostgreSQL, Chromium, a reader program): the test is reported as
/// skipped with this reason instead of failed, so a contributor's plain <c>dotnet test</c> works. scripts/test.sh installs
/// everything and fails when anything was skipped.
/// </summary>
public sealed class SkipTestException(string reason) : Exception(reason);

/// <summary>What a test needs from the machine, checked before it is used; each throws <see cref="SkipTestException"/>.</summary>
public static class Needs
{
    private const string Hint = " scripts/test.sh installs and starts everything.";

    private static readonly Lazy<string?> PythonICalendar = new(() =>
        Runs("/usr/bin/python3", "-c", "import icalendar, dateutil.rrule")
            ? null
            : "Needs Python 3 with icalendar and dateutil at /usr/bin/python3 (Debian: python3-icalendar python3-dateutil)." + Hint
    );

    /// <summary>The admin connection string of a PostgreSQL server the tests may create databases on.</summary>
    public static string Postgres() =>
        Environment.GetEnvironmentVariable(RekindleFactory.PostgresVariable) is { Length: > 0 } connection
            ? connection
            : throw new SkipTestException(
                $"Needs PostgreSQL: set {RekindleFactory.PostgresVariable} to an admin connection string (e.g. "
                    + "Host=127.0.0.1;Username=postgres;Database=postgres)."
                    + Hint
            );

    /// <summary>The Chromium to drive: REKINDLE_CHROMIUM, else Debian's /usr/bin/chromium.</summary>
    public static string Chromium()
    {
        var path = Environment.GetEnvironmentVariable("REKINDLE_CHROMIUM") is { Length: > 0 } named ? named : "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new SkipTestException($"Needs Chromium at {path} (set REKINDLE_CHROMIUM, or Debian: chromium)." + Hint);
    }

    /// <summary>A program on the PATH, e.g. pdftotext (Debian package named in <paramref name="package"/>).</summary>
    public static void Program(string name, string package)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, name)));
        if (!found)
        {
            throw new SkipTestException($"Needs {name} on the PATH (Debian: {package})." + Hint);
        }
    }

    /// <summary>Python's icalendar and dateutil, the calendar tests' second parser.</summary>
    public static void Python()
    {
        if (PythonICalendar.Value is { } reason)
        {
            throw new SkipTestException(reason);
        }
    }

    private static bool Runs(string program, params string[] arguments)
    {
        if (!File.Exists(program))
        {
            return false;
        }

        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start);
        if (process is null)
        {
            return false;
        }

        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}

/// <summary>
/// xunit 2 with one addition: a test that failed because of <see cref="SkipTestException"/> (thrown by the test, its class or
/// its fixture) is reported as skipped with the exception's message as the reason. Named by each test project's
/// [assembly: TestFramework].
/// </summary>
public sealed class SkippingTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        protected override void RunTestCases(
            IEnumerable<IXunitTestCase> testCases,
            IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions
        ) => base.RunTestCases(testCases, new SkipSink(executionMessageSink), executionOptions);
    }

    private sealed class SkipSink(IMessageSink inner) : LongLivedMarshalByRefObject, IMessageSink
    {
        private static readonly string SkipType = typeof(SkipTestException).FullName!;
        private int _skipped;

        public bool OnMessage(IMessageSinkMessage message)
        {
            switch (message)
            {
                case ITestFailed failed when Array.IndexOf(failed.ExceptionTypes, SkipType) is var index and >= 0:
                    Interlocked.Increment(ref _skipped);
                    return inner.OnMessage(new TestSkipped(failed.Test, failed.Messages[index]));
                case ITestAssemblyFinished finished when _skipped > 0:
                    return inner.OnMessage(
                        new TestAssemblyFinished(
                            finished.TestCases,
                            finished.TestAssembly,
                            finished.ExecutionTime,
                            finished.TestsRun,
                            finished.TestsFailed - _skipped,
                            finished.TestsSkipped + _skipped
                        )
                    );
                default:
                    return inner.OnMessage(message);
            }
        }
    }
}
