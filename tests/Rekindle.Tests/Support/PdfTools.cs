using System.Diagnostics;
using Rekindle.Testing;

namespace Rekindle.Tests.Support;

/// <summary>
/// Reads a PDF with programs that share nothing with our writer: poppler's pdftotext and pdfinfo
/// (what most Linux viewers use) and qpdf's structure check. scripts/test.sh installs them.
/// </summary>
public static class PdfTools
{
    /// <summary>The text of every page, in reading order, with runs of white space made single spaces.</summary>
    public static string Text(byte[] pdf) =>
        string.Join(' ', Run("pdftotext", pdf, "-enc UTF-8 {0} -").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static int Pages(byte[] pdf)
    {
        var line = Run("pdfinfo", pdf, "{0}").Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>qpdf's full check of the file's structure, cross-reference table and streams; throws with its report when it finds a
    /// problem.</summary>
    public static void Check(byte[] pdf) => Run("qpdf", pdf, "--check {0}");

    private static string Run(string program, byte[] pdf, string arguments)
    {
        Needs.Program(program, program == "qpdf" ? "qpdf" : "poppler-utils");
        var file = Path.Combine(Path.GetTempPath(), "rekindle-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(file, pdf);
        if (Environment.GetEnvironmentVariable("REKINDLE_KEEP_PDFS") is { Length: > 0 } keep)
        {
            // To look at what the tests read: REKINDLE_KEEP_PDFS=/tmp/pdfs dotnet test ...
            Directory.CreateDirectory(keep);
            File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), overwrite: true);
        }

        try
        {
            var start = new ProcessStartInfo(program, string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, file))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start (is it installed?)");
            var errors = new System.Text.StringBuilder();
            process.ErrorDataReceived += (_, e) => errors.Append(e.Data);
            process.BeginErrorReadLine();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(
                process.ExitCode == 0 && errors.ToString().Trim().Length == 0,
                $"{program} found a problem (exit {process.ExitCode}): {errors} {output}"
            );
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
