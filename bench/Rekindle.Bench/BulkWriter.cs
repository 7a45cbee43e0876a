using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Rekindle.Web.Data;

namespace Rekindle.Bench;

/// <summary>
/// Writes entities of the app's own model in bulk on the context's connection (a prepared insert on
/// SQLite, binary COPY on PostgreSQL): the table, columns, value converters (SealedText, enums) and
/// types all come from EF's model, so what lands is exactly what SaveChanges would have written,
/// many times faster.
/// The seeded entities are made with the app's own classes and sealed by its Sealer beforehand.
/// </summary>
public sealed class BulkWriter(AppDbContext db)
{
    private readonly Dictionary<Type, Shape> _shapes = [];
    private DbTransaction? _transaction;

    public long Rows { get; private set; }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // Seeding only: keep the indexes' pages in memory and skip the wait for the disk.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA cache_size = -1000000; PRAGMA synchronous = OFF;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        _transaction = await connection.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>
    /// SQLite: drops the secondary indexes for the load and returns their exact definitions, so
    /// <see cref="RestoreIndexesAsync"/> rebuilds them as they were (building an index from the
    /// finished table is several times faster than growing it row by row). PostgreSQL: nothing.
    /// </summary>
    public async Task<List<string>> DropSecondaryIndexesAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return [];
        }

        var definitions = await db.Database
            .SqlQueryRaw<IndexDefinition>("SELECT name AS \"Name\", sql AS \"Sql\" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name LIKE 'IX_%'")
            .ToListAsync(cancellationToken);
        foreach (var index in definitions)
        {
            // The name comes from sqlite_master, not from outside.
            var drop = "DROP INDEX \"" + index.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
        }

        return definitions.ConvertAll(d => d.Sql);
    }

    public async Task RestoreIndexesAsync(List<string> definitions, CancellationToken cancellationToken)
    {
        foreach (var sql in definitions)
        {
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var shape = ShapeOf(typeof(T));
        if (db.Database.IsSqlite())
        {
            // SQLite: one prepared single-row statement, its parameters reset per row. SQLite has no
            // round trips to save, and binding many-parameter statements by name costs more than it saves.
            var command = shape.Single ??= Prepare(shape);
            command.Transaction = _transaction;
            foreach (var row in rows)
            {
                for (var c = 0; c < shape.Columns.Count; c++)
                {
                    var column = shape.Columns[c];
                    var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(row);
                    if (value is not null && column.Mapping.Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    command.Parameters[c].Value = value ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            Rows += rows.Count;
            return;
        }

        if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
        {
            // PostgreSQL: binary COPY, typed by each column's store type, in the open transaction.
            var copy = $"COPY \"{shape.Table}\" ({string.Join(", ", shape.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
            await using var import = await npgsql.BeginBinaryImportAsync(copy, cancellationToken);
            foreach (var row in rows)
            {
                await import.StartRowAsync(cancellationToken);
                foreach (var column in shape.Columns)
                {
                    var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(row);
                    if (value is not null && column.Mapping.Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    if (value is null)
                    {
                        await import.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await import.WriteAsync(value, column.StoreType, cancellationToken);
                    }
                }
            }

            await import.CompleteAsync(cancellationToken);
            Rows += rows.Count;
            return;
        }

        // Other providers: many rows a statement, to save round trips.
        for (var start = 0; start < rows.Count; start += shape.BatchSize)
        {
            var count = Math.Min(shape.BatchSize, rows.Count - start);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = shape.Sql(count);
            var p = 0;
            for (var r = start; r < start + count; r++)
            {
                foreach (var column in shape.Columns)
                {
                    // The mapping converts (SealedText to its envelope, enums to numbers) and types the parameter.
                    var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(rows[r]);
                    command.Parameters.Add(column.Mapping.CreateParameter(command, "@p" + p++, value, column.Property.IsNullable));
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        Rows += rows.Count;
    }

    private DbCommand Prepare(Shape shape)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = shape.Sql(1);
        for (var c = 0; c < shape.Columns.Count; c++)
        {
            // Typed once by the mapping (a Guid as text on SQLite, say); later rows only change the value.
            var parameter = shape.Columns[c].Mapping.CreateParameter(command, "@p" + c, null, nullable: true);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private Shape ShapeOf(Type type)
    {
        if (_shapes.TryGetValue(type, out var known))
        {
            return known;
        }

        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && !p.IsShadowProperty())
            .Select(p => new Column(p, p.GetColumnName(table)!, (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        // SQLite allows 32,766 parameters a statement and PostgreSQL 65,535; stay well under both.
        var shape = new Shape(table.Name, columns, Math.Max(1, Math.Min(500, 8000 / columns.Count)));
        _shapes[type] = shape;
        return shape;
    }

    private sealed record IndexDefinition(string Name, string Sql);

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        /// <summary>The column's type without its length ("character varying(40)" is written as "character varying").</summary>
        public string StoreType { get; } = Mapping.StoreTypeNameBase;
    }

    private sealed class Shape(string table, List<Column> columns, int batchSize)
    {
        public string Table { get; } = table;

        private readonly Dictionary<int, string> _sql = [];

        public List<Column> Columns { get; } = columns;

        public int BatchSize { get; } = batchSize;

        public DbCommand? Single { get; set; }

        public string Sql(int rows)
        {
            if (_sql.TryGetValue(rows, out var known))
            {
                return known;
            }

            var sql = new StringBuilder($"INSERT INTO \"{Table}\" (")
                .Append(string.Join(", ", Columns.Select(c => $"\"{c.Name}\"")))
                .Append(") VALUES ");
            var p = 0;
            for (var r = 0; r < rows; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < Columns.Count; c++)
                {
                    sql.Append(c == 0 ? "" : ", ").Append("@p").Append(p++);
                }

                sql.Append(')');
            }

            return _sql[rows] = sql.ToString();
        }
    }
}
