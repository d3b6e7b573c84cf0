using System.Data.Common;
using System.Linq.Expressions;
using BranchNetwork.Modules.Audit.Features.Shared;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BranchNetwork.Modules.Audit.Features.RecordAccess;

/// <summary>
/// Writes a batch of access-log entries as one append to the access-log chain (ADR 0022, 0025): the head row is locked,
/// the entries are sealed after it in their order and inserted in bulk — PostgreSQL's binary COPY, on SQLite one
/// prepared statement run once per row — and the head moves, all in one transaction. Other providers insert through
/// EF Core. Columns, conversions and parameter types come from the EF model, so the rows are the ones EF would write and
/// the chain verifier reads them back unchanged.
/// </summary>
internal sealed class AccessLogStore(IServiceScopeFactory scopes, AccessLogStoreFault fault)
{
    private static readonly Lock ColumnsGate = new();
    private static Column[]? columns;

    public async Task AppendAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        fault.ThrowIfUnavailable();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        await ChainAppender.AppendAsync(db, ChainNames.AccessLog, entries, cancellationToken, (records, token) => InsertAsync(db, records, token));
    }

    /// <summary>Which of these entries are stored already (a replay after a crash between the commit and the file's deletion).</summary>
    public async Task<HashSet<Guid>> StoredAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        fault.ThrowIfUnavailable();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var list = ids.ToList();
        return [.. await db.AccessLogEntries.AsNoTracking().Where(e => list.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken)];
    }

    private static async Task InsertAsync(AuditDbContext db, IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var all = Columns(db);
        var entity = db.Model.FindEntityType(typeof(AccessLogEntry))!;
        var table = entity.GetSchema() is { Length: > 0 } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var names = string.Join(", ", all.Select(c => $"\"{c.Name}\""));
        if (connection is NpgsqlConnection npgsql)
        {
            // COPY runs in the connection's open transaction: the rows commit with the head's move or not at all.
            await using var import = await npgsql.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var entry in entries)
            {
                await import.StartRowAsync(cancellationToken);
                foreach (var column in all)
                {
                    if (column.Read(entry) is { } value)
                    {
                        await import.WriteAsync(value, cancellationToken);
                    }
                    else
                    {
                        await import.WriteNullAsync(cancellationToken);
                    }
                }
            }

            await import.CompleteAsync(cancellationToken);
            return;
        }

        if (!db.Database.IsSqlite())
        {
            db.AccessLogEntries.AddRange(entries);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", all.Select((_, i) => "$p" + i))})";
        var parameters = new DbParameter[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            parameters[i] = all[i].Mapping.CreateParameter(insert, "$p" + i, null, nullable: true);
            insert.Parameters.Add(parameters[i]);
        }

        await insert.PrepareAsync(cancellationToken);
        foreach (var entry in entries)
        {
            for (var i = 0; i < all.Length; i++)
            {
                parameters[i].Value = all[i].Read(entry) ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static Column[] Columns(AuditDbContext db)
    {
        lock (ColumnsGate)
        {
            if (columns is not null)
            {
                return columns;
            }

            var entity = db.Model.FindEntityType(typeof(AccessLogEntry))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            columns = [.. entity.GetProperties().Select(property =>
            {
                var mapping = property.GetRelationalTypeMapping();
                var parameter = Expression.Parameter(typeof(AccessLogEntry));
                var getter = Expression.Lambda<Func<AccessLogEntry, object?>>(
                    Expression.Convert(Expression.Property(parameter, property.PropertyInfo!), typeof(object)), parameter).Compile();
                var converter = mapping.Converter;
                return new Column(
                    property.GetColumnName(table)!,
                    mapping,
                    entry => getter(entry) is { } value ? (converter is null ? value : converter.ConvertToProvider(value)) : null);
            })];
            return columns;
        }
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<AccessLogEntry, object?> Read);
}

/// <summary>
/// A fault point for the spill tests (ADR 0019's pattern): while set, every access-log write fails as if the database
/// were unreachable. <c>Faults:AccessLogStorageUnavailable=true</c> sets it at start; unset it costs one field read.
/// </summary>
internal sealed class AccessLogStoreFault(IConfiguration configuration)
{
    private volatile bool unavailable = configuration.GetValue<bool>("Faults:AccessLogStorageUnavailable");

    public bool Unavailable
    {
        get => unavailable;
        set => unavailable = value;
    }

    public void ThrowIfUnavailable()
    {
        if (unavailable)
        {
            throw new InvalidOperationException("The access-log storage is unavailable (fault point Faults:AccessLogStorageUnavailable).");
        }
    }
}
