using System.Diagnostics;
using System.Net;
using System.Text;

namespace Rekindle.Testing;

/// <summary>
/// The app as a separate process (`dotnet Rekindle.Web.dll`, as an operator runs it) on a loopback
/// port, with its settings as environment variables: for tests that kill it, run two of it, or run
/// its commands (backup, restore).
/// </summary>
public sealed class AppProcess(IDictionary<string, string?> settings) : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private Process? _process;

    /// <summary>The web project's folder: the content root, as when it is run from the repository.</summary>
    public static string ProjectFolder { get; } = FindProjectFolder();

    /// <summary>The app built in the same configuration as the tests (Release in scripts/test.sh).</summary>
    public static string Dll { get; } = Path.Combine(ProjectFolder, "bin", Configuration, "net10.0", "Rekindle.Web.dll");

    public static string Configuration =>
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries) is var parts
        && Array.IndexOf(parts, "bin") is var i and >= 0
            ? parts[i + 1]
            : "Release";

    public int Port { get; } = TestMailbox.FreePort();

    public string Url => $"http://127.0.0.1:{Port}";

    public IDictionary<string, string?> Settings { get; } = settings;

    /// <summary>The working directory to start in; the web project's folder unless a test says otherwise.</summary>
    public string WorkingDirectory { get; init; } = ProjectFolder;

    /// <summary>How long the last start took until the first successful answer.</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>Everything the process printed, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task StartAsync(TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        _process = Launch(["--urls", Url]);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = clock.Elapsed + (timeout ?? TimeSpan.FromSeconds(60));
        while (clock.Elapsed < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped at start (exit {_process.ExitCode}): {Output}");
            }

            try
            {
                using var response = await probe.GetAsync(Url + "/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    StartedIn = clock.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }

            await Task.Delay(25);
        }

        throw new TimeoutException("The app did not answer in time: " + Output);
    }

    /// <summary>Only what the process wrote to standard error.</summary>
    public string Errors
    {
        get
        {
            lock (_output)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, as when the machine's power or the kernel takes it away.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Runs one of the app's commands to its end: its exit code and everything it printed.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args)
    {
        using var process = Launch(args);
        await process.WaitForExitAsync();
        process.WaitForExit();
        return (process.ExitCode, Output);
    }

    public TestBrowser NewBrowser(System.Net.CookieContainer? jar = null)
    {
        jar ??= new System.Net.CookieContainer();
        var handler = new CookieJar(jar)
        {
            InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false },
        };
        return new TestBrowser(new HttpClient(handler) { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) }, jar);
    }

    private Process Launch(string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Rekindle__PublicUrl"] = Url;
        foreach (var (key, value) in Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data, error: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string? line, bool error = false)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (error)
            {
                _errors.AppendLine(line);
            }
        }
    }

    private static string FindProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "Rekindle.Web");
            if (File.Exists(Path.Combine(candidate, "Rekindle.Web.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("src/Rekindle.Web not found above " + AppContext.BaseDirectory);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
