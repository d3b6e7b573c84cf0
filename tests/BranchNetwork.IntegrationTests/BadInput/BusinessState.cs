using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>
/// A fingerprint of every module's business rows: for each module DbContext the app registers, every table of its
/// model read through the raw connection, rows sorted and hashed. Platform bookkeeping that a refused request may
/// legitimately touch (access log, outboxes, processed messages, Data Protection keys, the record of a refused
/// import) is left out, and so is the
/// audit trail with its chain heads and checkpoints: it follows the business rows (a change of theirs is caught
/// there) and is delivered in the background, so the set-up's own records may land between two fingerprints.
/// </summary>
internal sealed class BusinessState(IServiceProvider services)
{
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "AccessLogEntry", "OutboxMessage", "ProcessedMessage", "DataProtectionKey", "ImportRun",
        "AuditRecord", "ChainHead", "ChainCheckpoint", "ChainArchive",
    };

    private readonly Type[] contexts = AppDomain.CurrentDomain.GetAssemblies()
        .Where(a => a.GetName().Name?.StartsWith("BranchNetwork.Modules.", StringComparison.Ordinal) == true)
        .SelectMany(a => a.GetTypes())
        .Where(t => !t.IsAbstract && typeof(DbContext).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Table → hash of its sorted rows.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TakeAsync()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var scope = services.CreateScope();
        foreach (var type in contexts)
        {
            if (scope.ServiceProvider.GetService(type) is not DbContext db)
            {
                continue;
            }

            var tables = db.Model.GetEntityTypes()
                .Where(e => !Bookkeeping.Contains(e.ClrType.Name) && e.GetTableName() is not null)
                .Select(e => (Schema: e.GetSchema(), Table: e.GetTableName()!))
                .Where(t => !t.Table.Contains("Hangfire", StringComparison.OrdinalIgnoreCase))
                .Distinct()
                .ToList();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                foreach (var (schema, table) in tables)
                {
                    result[$"{type.Name}:{schema}.{table}"] = await HashTableAsync(connection, schema, table);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        return result;
    }

    /// <summary>Waits until two looks a moment apart agree (outbox deliveries of the set-up have landed).</summary>
    public async Task<IReadOnlyDictionary<string, string>> SettledAsync()
    {
        var last = await TakeAsync();
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(250);
            var next = await TakeAsync();
            if (Differences(last, next).Count == 0)
            {
                return next;
            }

            last = next;
        }

        return last;
    }

    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || b != a)
            .ToList();

    private static async Task<string> HashTableAsync(DbConnection connection, string? schema, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = schema is null ? $"SELECT * FROM \"{table}\"" : $"SELECT * FROM \"{schema}\".\"{table}\"";
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    row.Append(value switch
                    {
                        byte[] bytes => Convert.ToBase64String(bytes),
                        DBNull => "∅",
                        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
                    }).Append('\u001f');
                }

                rows.Add(row.ToString());
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows)))) + $"/{rows.Count}";
    }
}
