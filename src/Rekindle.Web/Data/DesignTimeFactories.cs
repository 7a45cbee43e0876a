using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rekindle.Web.Data;

// Used only by `dotnet ef` (scripts/add-migration.sh): no database is opened to make a migration.
// Identity picks its schema version (version 3 has passkeys) from the app's options, so design time
// is given the same options as the running app; otherwise migrations would miss the passkey table.
internal static class DesignTime
{
    public static IServiceProvider IdentityServices() =>
        new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite("Data Source=design-time.db")
                .UseApplicationServiceProvider(DesignTime.IdentityServices())
                .Options
        );
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<PostgresAppDbContext>()
                .UseNpgsql("Host=localhost;Database=rekindle_design")
                .UseApplicationServiceProvider(DesignTime.IdentityServices())
                .Options
        );
}
