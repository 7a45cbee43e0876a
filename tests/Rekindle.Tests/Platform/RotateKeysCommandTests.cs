using System.Diagnostics;

namespace Rekindle.Tests.Platform;

/// <summary>The operator's command, run as a real process the way the docs say.</summary>
public sealed class RotateKeysCommandTests
{
    [Fact]
    public async Task Rotate_keys_runs_migrates_rotates_and_exits_without_serving()
    {
        var folder = Directory.CreateTempSubdirectory("rekindle-rotate-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { typeof(Program).Assembly.Location, "rotate-keys" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Rekindle__DataPath"] = folder;
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, await errors);
            Assert.Contains("Rotated the keys of 0 owners and re-sealed 0 values", await output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "rekindle.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
