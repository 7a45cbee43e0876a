using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Tests.Platform;

/// <summary>
/// The app starts with compiled EF models (Data/Generated/*/CompiledModels, made by scripts/add-migration.sh)
/// instead of building its models at start-up (docs/PERFORMANCE.md, finding 14). EF uses a compiled
/// model as it is, so one left behind by a change to the entities would silently map the old shape:
/// these tests compare each compiled model with the model the code builds now.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Contexts => new() { "Sqlite", "Postgres", "SqliteKeyStore", "PostgresKeyStore" };

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_app_starts_with_its_compiled_model(string context)
    {
        using var db = Create(context);
        Assert.Equal(
            $"Rekindle.Web.Data.Generated.{Namespace(context)}.CompiledModels.{db.GetType().Name}Model",
            db.Model.GetType().FullName
        );
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_compiled_model_matches_the_model_in_code(string context)
    {
        using var db = Create(context);
        var compiled = db.Model;
        var fresh = db.GetService<IDesignTimeModel>().Model;
        Assert.NotSame(compiled, fresh);

        const string Hint = "Run scripts/add-migration.sh --compiled-models: the compiled model is older than the entities.";
        // The schema as each model maps it (EF's migration differ cannot read a compiled model).
        Assert.Equal(Schema(fresh.GetRelationalModel()), Schema(compiled.GetRelationalModel()));

        // What the schema comparison cannot see: how each value is converted on its way in and out
        // (sealed text, UTC dates), and which CLR type carries it.
        Assert.Equal(Names(fresh.GetEntityTypes()), Names(compiled.GetEntityTypes()));
        foreach (var entity in fresh.GetEntityTypes())
        {
            var other = compiled.FindEntityType(entity.Name)!;
            Assert.Equal(
                entity.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal),
                other.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal)
            );
            foreach (var property in entity.GetProperties())
            {
                var twin = other.FindProperty(property.Name)!;
                Assert.True(property.ClrType == twin.ClrType, $"{entity.Name}.{property.Name}: {Hint}");
                Assert.True(property.IsNullable == twin.IsNullable, $"{entity.Name}.{property.Name}: {Hint}");
                Assert.True(
                    property.GetValueConverter()?.GetType() == twin.GetValueConverter()?.GetType(),
                    $"{entity.Name}.{property.Name}: {Hint}"
                );
            }
        }
    }

    private static List<string> Schema(IRelationalModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            lines.Add($"table {table.Schema}.{table.Name}");
            lines.AddRange(table.Columns.Select(c => $"  column {c.Name} {c.StoreType} null={c.IsNullable}").Order(StringComparer.Ordinal));
            lines.Add($"  key {Columns(table.PrimaryKey?.Columns)}");
            lines.AddRange(table.UniqueConstraints.Select(u => $"  unique {u.Name} {Columns(u.Columns)}").Order(StringComparer.Ordinal));
            lines.AddRange(
                table.Indexes.Select(i => $"  index {i.Name} {Columns(i.Columns)} unique={i.IsUnique}").Order(StringComparer.Ordinal)
            );
            lines.AddRange(
                table
                    .ForeignKeyConstraints.Select(f =>
                        $"  foreign {f.Name} {Columns(f.Columns)} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"
                    )
                    .Order(StringComparer.Ordinal)
            );
        }

        return lines;
    }

    private static string Columns(IEnumerable<IColumn>? columns) => string.Join(",", columns?.Select(c => c.Name) ?? []);

    private static string[] Names(IEnumerable<IReadOnlyEntityType> types) =>
        types.Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();

    private static string Namespace(string context) =>
        context.EndsWith("KeyStore", StringComparison.Ordinal) ? "KeyStore." + context[..^"KeyStore".Length] : context;

    // The design-time factories: they configure each context as the app does, without opening a database.
    private static DbContext Create(string context) =>
        context switch
        {
            "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
            "Postgres" => new PostgresDesignTimeFactory().CreateDbContext([]),
            "SqliteKeyStore" => new SqliteKeyStoreDesignTimeFactory().CreateDbContext([]),
            "PostgresKeyStore" => new PostgresKeyStoreDesignTimeFactory().CreateDbContext([]),
            _ => throw new ArgumentOutOfRangeException(nameof(context)),
        };
}
