using Npgsql;
using Rekindle.Testing;

namespace Rekindle.Tests.Reliability;

/// <summary>
/// Settings for instances run as processes (<see cref="AppProcess"/>): a data folder, a master key
/// made on first start, email to a test mailbox, and the database: a SQLite file in the data folder,
/// or a pair of fresh PostgreSQL databases (main and key store) on the test server.
/// </summary>
public sealed class Instances : IAsyncDisposable
{
    private readonly List<string> _databases = [];
    private readonly List<string> _folders = [];

    public TestMailbox Mail { get; } = new();

    public static string AdminConnection => Needs.Postgres();

    public string NewFolder()
    {
        var folder = Directory.CreateTempSubdirectory("rekindle-process-").FullName;
        _folders.Add(folder);
        return folder;
    }

    /// <summary>Settings for one instance's data; several processes given the same settings are servers of one instance.</summary>
    public Dictionary<string, string?> Settings(TestProvider provider, string? dataFolder = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Rekindle:DataPath"] = dataFolder ?? NewFolder(),
            ["Keys:CreateIfMissing"] = "true",
            ["GuessLimits:PermitLimit"] = "100000",
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:SmtpSecurity"] = "None",
            ["Email:From"] = "rekindle@example.org",
            ["Database:Provider"] = provider.ToString(),
        };
        if (provider == TestProvider.Postgres)
        {
            var (main, keys) = NewPostgresPair();
            settings["Database:ConnectionString"] = main;
            settings["KeyStore:ConnectionString"] = keys;
        }

        return settings;
    }

    /// <summary>Two fresh databases, for the main data and the key store; dropped at the end.</summary>
    public (string Main, string Keys) NewPostgresPair()
    {
        var name = "rekindle_process_" + Guid.NewGuid().ToString("N");
        CreateDatabase(name);
        CreateDatabase(name + "_keys");
        return (ConnectionTo(name), ConnectionTo(name + "_keys"));
    }

    public void CreateDatabase(string name)
    {
        using var connection = new NpgsqlConnection(AdminConnection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        command.ExecuteNonQuery();
        _databases.Add(name);
    }

    public static string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnection) { Database = database }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        await Mail.DisposeAsync();
        if (_databases.Count > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(AdminConnection);
            await connection.OpenAsync();
            foreach (var name in _databases)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                await command.ExecuteNonQueryAsync();
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in _folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) { }
        }
    }
}
