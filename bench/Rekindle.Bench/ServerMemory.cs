using System.Globalization;

namespace Rekindle.Bench;

/// <summary>
/// The server's resident memory while a step runs, read from /proc every quarter second, so memory
/// is reported per load level (docs/PERFORMANCE.md: idle, under the target load) rather than as one peak
/// over a whole run that includes sign-ins and overload. Linux only; elsewhere it reports nothing.
/// </summary>
public sealed class ServerMemory(int processId)
{
    /// <summary>Runs <paramref name="step"/> and returns its result with the highest RSS seen meanwhile, in MB (null when unreadable).</summary>
    public async Task<(T Result, double? PeakMb)> WhileAsync<T>(Func<Task<T>> step)
    {
        using var stop = new CancellationTokenSource();
        var peak = 0L;
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, RssKb() ?? 0);
                try
                {
                    await Task.Delay(250, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        var result = await step();
        await stop.CancelAsync();
        await sampler;
        peak = Math.Max(peak, RssKb() ?? 0);
        return (result, peak > 0 ? Math.Round(peak / 1024.0, 1) : null);
    }

    private long? RssKb()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
