using BranchNetwork.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BranchNetwork.Infrastructure.Persistence;

/// <summary>Model conventions every module shares: schema, UTC times, app-managed versions.</summary>
public static class ModuleModel
{
    private static readonly ValueConverter<DateTime, DateTime> UtcConverter = new(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> NullableUtcConverter = new(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

    public static void Apply(ModelBuilder modelBuilder, DbContext context, string schema)
    {
        // SQLite has no schemas: table names are unique across modules instead.
        if (!context.Database.IsSqlite())
        {
            modelBuilder.HasDefaultSchema(schema);
        }

        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entityType.ClrType))
            {
                modelBuilder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }

            foreach (var property in entityType.GetProperties())
            {
                if (property.ClrType == typeof(DateTime))
                {
                    property.SetValueConverter(UtcConverter);
                }
                else if (property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(NullableUtcConverter);
                }
            }
        }
    }

    /// <summary>Bumps versions and stamps times before a save; the old version stays the concurrency check.</summary>
    public static void StampChanges(ChangeTracker changeTracker, DateTime utcNow)
    {
        foreach (var entry in changeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.Version = 1;
                if (entry.Entity is Entity added)
                {
                    added.CreatedAtUtc = utcNow;
                    added.UpdatedAtUtc = utcNow;
                }
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
                if (entry.Entity is Entity modified)
                {
                    modified.UpdatedAtUtc = utcNow;
                }
            }
        }
    }
}
