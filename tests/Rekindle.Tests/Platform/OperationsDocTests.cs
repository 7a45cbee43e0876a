using System.Reflection;

namespace Rekindle.Tests.Platform;

/// <summary>docs/OPERATIONS.md is the configuration reference: every option the app reads is in it.</summary>
public sealed class OperationsDocTests
{
    [Fact]
    public void Every_option_is_documented()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "docs", "OPERATIONS.md")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        var doc = File.ReadAllText(Path.Combine(folder.FullName, "docs", "OPERATIONS.md"));
        var options = typeof(Program)
            .Assembly.GetTypes()
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x =>
                x.Section is { IsLiteral: true }
                && x.Section.FieldType == typeof(string)
                && x.Type.Name.EndsWith("Options", StringComparison.Ordinal)
            )
            .ToList();
        Assert.True(options.Count >= 15, $"found only {options.Count} option classes");

        var missing = options
            .SelectMany(x =>
                x.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.SetMethod is { IsPublic: true })
                    .Select(p => $"{x.Section!.GetRawConstantValue()}:{p.Name}")
            )
            .Where(key => !doc.Contains($"`{key}`", StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, "Not in docs/OPERATIONS.md: " + string.Join(", ", missing));
    }
}
