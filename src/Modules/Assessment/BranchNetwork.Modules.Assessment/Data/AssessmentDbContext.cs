using BranchNetwork.Infrastructure.Outbox;
using BranchNetwork.Infrastructure.Persistence;

namespace BranchNetwork.Modules.Assessment.Data;

internal sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options, IClock clock)
    : DbContext(options), IOutboxDbContext, IProcessedMessagesDbContext
{
    public const string Schema = "assessment";
    public const string Module = "Assessment";

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<AssessmentScheme> Schemes => Set<AssessmentScheme>();

    public DbSet<SchemeIndicator> SchemeIndicators => Set<SchemeIndicator>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<AssessmentSheet> Sheets => Set<AssessmentSheet>();

    public DbSet<ProgressEntry> ProgressEntries => Set<ProgressEntry>();

    public DbSet<WarningRule> WarningRules => Set<WarningRule>();

    public DbSet<Warning> Warnings => Set<Warning>();

    public DbSet<Appeal> Appeals => Set<Appeal>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<Honour> Honours => Set<Honour>();

    public DbSet<ResultComment> ResultComments => Set<ResultComment>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Indicator>(i =>
        {
            i.ToTable("Indicators");
            i.HasKey(x => x.Id);
            i.Property(x => x.Code).HasMaxLength(Indicator.CodeMaxLength).IsRequired();
            i.Property(x => x.Name).HasMaxLength(Indicator.NameMaxLength).IsRequired();
            i.Property(x => x.Unit).HasMaxLength(Indicator.UnitMaxLength).IsRequired();
            i.Property(x => x.ComputedSourceKey).HasMaxLength(Indicator.SourceKeyMaxLength);
            i.Property(x => x.Description).HasMaxLength(Indicator.DescriptionMaxLength);
            Rule(i.Property(x => x.RuleCap), i.Property(x => x.RuleFloor), i.Property(x => x.RuleMinimumCompletion));
            i.Property(x => x.RuleBands).HasMaxLength(ScoringRule.BandsTextMaxLength);
            i.Ignore(x => x.Rule);
            i.HasIndex(x => x.Code).IsUnique();
        });
        modelBuilder.Entity<AssessmentScheme>(s =>
        {
            s.ToTable("AssessmentSchemes");
            s.HasKey(x => x.Id);
            s.Property(x => x.Name).HasMaxLength(AssessmentScheme.NameMaxLength).IsRequired();
            s.Property(x => x.ExcellentFrom).HasPrecision(7, 2);
            s.Property(x => x.GoodFrom).HasPrecision(7, 2);
            s.Property(x => x.FairFrom).HasPrecision(7, 2);
            s.Property(x => x.BehindMarginPoints).HasPrecision(7, 2);
            s.Ignore(x => x.Bands);
            s.Ignore(x => x.PeriodDays);
            s.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
            s.HasIndex(x => new { x.Status, x.StartDate });
        });
        modelBuilder.Entity<SchemeIndicator>(si =>
        {
            si.ToTable("SchemeIndicators");
            si.HasKey(x => x.Id);
            si.Property(x => x.Weight).HasPrecision(5, 2);
            si.Property(x => x.Code).HasMaxLength(Indicator.CodeMaxLength).IsRequired();
            si.Property(x => x.Name).HasMaxLength(Indicator.NameMaxLength).IsRequired();
            si.Property(x => x.Unit).HasMaxLength(Indicator.UnitMaxLength).IsRequired();
            si.Property(x => x.ComputedSourceKey).HasMaxLength(Indicator.SourceKeyMaxLength);
            Rule(si.Property(x => x.RuleCap), si.Property(x => x.RuleFloor), si.Property(x => x.RuleMinimumCompletion));
            si.Property(x => x.RuleBands).HasMaxLength(ScoringRule.BandsTextMaxLength);
            si.Ignore(x => x.Rule);
            si.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            si.HasIndex(x => new { x.SchemeId, x.IndicatorId }).IsUnique();
        });
        modelBuilder.Entity<Target>(t =>
        {
            t.ToTable("Targets");
            t.HasKey(x => x.Id);
            t.Property(x => x.Value).HasPrecision(18, 4);
            t.Property(x => x.ActualValue).HasPrecision(18, 4);
            t.Property(x => x.Completion).HasPrecision(18, 4);
            t.Property(x => x.Score).HasPrecision(9, 2);
            t.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
            // The all-sub-branches query reads one scheme's cells from this index alone (ADR 0008): the
            // columns it reads ride along, so no table row is visited. SQLite has no INCLUDE, hence a second index.
            var cell = t.HasIndex(x => new { x.SchemeId, x.SubBranchId, x.IndicatorId }).IsUnique();
            if (Database.IsNpgsql())
            {
                NpgsqlIndexBuilderExtensions.IncludeProperties(cell, x => new { x.Value, x.ActualValue, x.ActualAsOf, x.Completion, x.Score });
            }
            else if (Database.IsSqlServer())
            {
                SqlServerIndexBuilderExtensions.IncludeProperties(cell, x => new { x.Value, x.ActualValue, x.ActualAsOf, x.Completion, x.Score });
            }
            else
            {
                t.HasIndex(x => new { x.SchemeId, x.SubBranchId, x.IndicatorId, x.Value, x.ActualValue, x.ActualAsOf, x.Completion, x.Score }, "IX_Targets_Covering");
            }
        });
        modelBuilder.Entity<AssessmentSheet>(s =>
        {
            s.ToTable("AssessmentSheets");
            s.HasKey(x => x.Id);
            s.Property(x => x.SubBranchCode).HasMaxLength(AssessmentSheet.UnitCodeMaxLength).IsRequired();
            s.Property(x => x.SubBranchName).HasMaxLength(AssessmentSheet.UnitNameMaxLength).IsRequired();
            s.Property(x => x.ScoreAdjustment).HasPrecision(7, 2);
            s.Property(x => x.FinalScore).HasPrecision(7, 2);
            s.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
            s.HasIndex(x => new { x.SchemeId, x.SubBranchId }).IsUnique();
            s.HasIndex(x => x.SubBranchId);
        });
        modelBuilder.Entity<ProgressEntry>(p =>
        {
            p.ToTable("ProgressEntries");
            p.HasKey(x => x.Id);
            p.Property(x => x.Value).HasPrecision(18, 4);
            p.Property(x => x.EnteredByName).HasMaxLength(ProgressEntry.NameMaxLength).IsRequired();
            p.Property(x => x.Reason).HasMaxLength(ProgressEntry.ReasonMaxLength);
            p.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<ProgressEntry>().WithMany().HasForeignKey(x => x.SupersedesEntryId).OnDelete(DeleteBehavior.Restrict);
            p.HasIndex(x => new { x.SchemeId, x.SubBranchId, x.IndicatorId, x.Date });
        });
        modelBuilder.Entity<WarningRule>(r =>
        {
            r.ToTable("WarningRules");
            r.HasKey(x => x.Id);
            r.Property(x => x.Threshold).HasPrecision(9, 2);
            r.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Warning>(w =>
        {
            w.ToTable("Warnings");
            w.HasKey(x => x.Id);
            w.Property(x => x.Message).HasMaxLength(Warning.MessageMaxLength).IsRequired();
            w.Property(x => x.MessageKey).HasMaxLength(Warning.MessageKeyMaxLength);
            w.Property(x => x.MessageArgs).HasMaxLength(Warning.MessageArgsMaxLength);
            w.Property(x => x.Response).HasMaxLength(Warning.ResponseMaxLength);
            w.Property(x => x.OpenKey).HasMaxLength(Warning.OpenKeyMaxLength);
            w.Property(x => x.SubjectKind).HasMaxLength(Warning.SubjectKindMaxLength);
            w.Property(x => x.IssuedByName).HasMaxLength(Warning.NameMaxLength);
            w.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
            w.HasOne<WarningRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Restrict);
            w.HasIndex(x => x.OpenKey).IsUnique();
            w.HasIndex(x => new { x.SchemeId, x.SubBranchId, x.Status });
        });
        modelBuilder.Entity<ImportRun>(r =>
        {
            r.ToTable("ImportRuns");
            r.HasKey(x => x.Id);
            r.Property(x => x.ByName).HasMaxLength(ImportRun.ByNameMaxLength);
            r.Property(x => x.ErrorDetails).HasMaxLength(ImportRun.ErrorDetailsMaxLength).IsRequired();
            r.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
            r.HasIndex(x => x.CreatedAtUtc);
        });
        modelBuilder.Entity<Appeal>(a =>
        {
            a.ToTable("Appeals");
            a.HasKey(x => x.Id);
            a.Property(x => x.Reason).HasMaxLength(Appeal.ReasonMaxLength).IsRequired();
            a.Property(x => x.DecisionReason).HasMaxLength(Appeal.ReasonMaxLength);
            a.Property(x => x.FiledByName).HasMaxLength(Appeal.NameMaxLength).IsRequired();
            a.Property(x => x.DecidedByName).HasMaxLength(Appeal.NameMaxLength);
            a.Property(x => x.RequestedValue).HasPrecision(18, 4);
            a.Property(x => x.PreviousTarget).HasPrecision(18, 4);
            a.Property(x => x.NewTarget).HasPrecision(18, 4);
            a.Property(x => x.ScoreAdjustment).HasPrecision(7, 2);
            a.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
            a.HasIndex(x => new { x.SchemeId, x.SubBranchId });
        });
        modelBuilder.Entity<Honour>(h =>
        {
            h.ToTable("Honours");
            h.HasKey(x => x.Id);
            h.Property(x => x.Title).HasMaxLength(Honour.TitleMaxLength).IsRequired();
            h.Property(x => x.SubjectKind).HasMaxLength(Honour.SubjectKindMaxLength).IsRequired();
            h.Property(x => x.SubjectName).HasMaxLength(Honour.SubjectNameMaxLength).IsRequired();
            h.Property(x => x.Citation).HasMaxLength(Honour.CitationMaxLength);
            h.Property(x => x.AwardedByName).HasMaxLength(Appeal.NameMaxLength).IsRequired();
            h.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
            h.HasIndex(x => new { x.SchemeId, x.Title, x.SubjectKind, x.SubjectId }).IsUnique();
        });
        modelBuilder.Entity<ResultComment>(c =>
        {
            c.ToTable("ResultComments");
            c.HasKey(x => x.Id);
            c.Property(x => x.AuthorName).HasMaxLength(Appeal.NameMaxLength).IsRequired();
            c.Property(x => x.Body).HasMaxLength(ResultComment.BodyMaxLength).IsRequired();
            c.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => new { x.SchemeId, x.CreatedAtUtc });
        });
        modelBuilder.AddOutbox(Module);
        modelBuilder.AddProcessedMessages(Module);
        ModuleModel.Apply(modelBuilder, this, Schema);
    }

    /// <summary>Sheet sums moved by saves whose transaction has not committed yet (see <see cref="SheetScoreCommit"/>).</summary>
    private readonly List<SheetScoreMove> uncommittedMoves = [];

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(SheetScoreCommit.Instance);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ModuleModel.StampChanges(ChangeTracker, clock.UtcNow);
        var moves = SheetScoreMoves();
        if (moves.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The sums move when the cells' transaction commits, inside it (SheetScoreCommit): a save that writes one cell
        // must still have a transaction to commit, and the lock it takes is taken after every save interceptor has run.
        uncommittedMoves.AddRange(moves);
        var behaviour = Database.AutoTransactionBehavior;
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            // Nothing of a failed save was written (EF rolls its own transaction or savepoint back).
            foreach (var move in moves)
            {
                uncommittedMoves.Remove(move);
            }

            throw;
        }
        finally
        {
            Database.AutoTransactionBehavior = behaviour;
        }
    }

    /// <summary>
    /// Adds each sheet's share of the committing saves to its stored sum, in the committing transaction, as an increment
    /// the database applies to the row it locks: two saves on cells of one sheet at once both count.
    /// </summary>
    internal async Task ApplySheetScoreMovesAsync(System.Data.Common.DbTransaction transaction, CancellationToken ct)
    {
        if (uncommittedMoves.Count == 0)
        {
            return;
        }

        var moves = uncommittedMoves
            .GroupBy(m => (m.SchemeId, m.SubBranchId))
            .Select(g => new SheetScoreMove(g.Key.SchemeId, g.Key.SubBranchId, g.Sum(m => m.Cents)))
            .Where(m => m.Cents != 0)
            .OrderBy(m => m.SchemeId).ThenBy(m => m.SubBranchId)
            .ToList();
        uncommittedMoves.Clear();
        var sqlite = Database.IsSqlite();
        var table = sqlite ? "\"AssessmentSheets\"" : Database.IsSqlServer() ? $"[{Schema}].[AssessmentSheets]" : $"{Schema}.\"AssessmentSheets\"";
        var (sum, scheme, unit) = Database.IsSqlServer() ? ("[ScoreCents]", "[SchemeId]", "[SubBranchId]") : ("\"ScoreCents\"", "\"SchemeId\"", "\"SubBranchId\"");
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"UPDATE {table} SET {sum} = {sum} + @cents WHERE {scheme} = @scheme AND {unit} = @unit";
        var cents = Parameter(command, "@cents");
        var schemeId = Parameter(command, "@scheme");
        var unitId = Parameter(command, "@unit");
        foreach (var move in moves)
        {
            cents.Value = move.Cents;
            // SQLite keeps keys as upper-case text (EF Core's mapping); the other providers as uniqueidentifier / uuid.
            schemeId.Value = sqlite ? move.SchemeId.ToString().ToUpperInvariant() : move.SchemeId;
            unitId.Value = sqlite ? move.SubBranchId.ToString().ToUpperInvariant() : move.SubBranchId;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    internal void DiscardSheetScoreMoves() => uncommittedMoves.Clear();

    private static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private readonly record struct SheetScoreMove(Guid SchemeId, Guid SubBranchId, long Cents);

    /// <summary>How each sheet's sum of cell scores changes with this save.</summary>
    private List<SheetScoreMove> SheetScoreMoves()
    {
        var moves = new Dictionary<(Guid SchemeId, Guid SubBranchId), long>();
        foreach (var entry in ChangeTracker.Entries<Target>())
        {
            var cents = entry.State switch
            {
                EntityState.Added => AssessmentSheet.ToCents(entry.Entity.Score),
                EntityState.Deleted => -AssessmentSheet.ToCents(entry.Property(t => t.Score).OriginalValue),
                EntityState.Modified => AssessmentSheet.ToCents(entry.Entity.Score) - AssessmentSheet.ToCents(entry.Property(t => t.Score).OriginalValue),
                _ => 0,
            };
            if (cents != 0)
            {
                var key = (entry.Entity.SchemeId, entry.Entity.SubBranchId);
                moves[key] = moves.GetValueOrDefault(key) + cents;
            }
        }

        return moves.Where(m => m.Value != 0)
            .Select(m => new SheetScoreMove(m.Key.SchemeId, m.Key.SubBranchId, m.Value))
            .ToList();
    }

    private static void Rule(params Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder[] ratios)
    {
        foreach (var ratio in ratios)
        {
            ratio.HasPrecision(9, 4);
        }
    }
}
