using System.Net;
using System.Net.Http.Json;
using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Domain;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>
/// Two people saving the same thing at once: the second save breaks a unique index after its own check
/// passed. That is a conflict for the user (409), never a server error, on every provider.
/// </summary>
[Trait("Spec", "ORG-4")]
[Trait("Spec", "AS-1")]
public sealed class DuplicateSaveTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task The_provider_error_for_a_broken_unique_index_is_read_as_a_duplicate_and_a_broken_foreign_key_is_not()
    {
        app.EnsureAvailable();
        var code = AssessmentApi.Unique("DUP");
        await SaveAsync(db => db.Indicators.Add(NewIndicator(code)));

        var duplicate = await Assert.ThrowsAnyAsync<DbUpdateException>(() => SaveAsync(db => db.Indicators.Add(NewIndicator(code))));
        var orphan = await Assert.ThrowsAnyAsync<DbUpdateException>(() => SaveAsync(db => db.SchemeIndicators.Add(new SchemeIndicator
        {
            SchemeId = Guid.NewGuid(),
            IndicatorId = Guid.NewGuid(),
            Code = "ORPHAN",
            Name = "无主指标",
            Unit = "户",
        })));

        Assert.True(DatabaseErrors.IsUniqueViolation(duplicate), duplicate.InnerException?.Message);
        Assert.False(DatabaseErrors.IsUniqueViolation(orphan), orphan.InnerException?.Message);
    }

    [Fact]
    public async Task The_same_indicator_created_by_several_requests_at_once_is_saved_once_and_nobody_gets_a_server_error()
    {
        app.EnsureAvailable();
        var taskAdmin = await app.ClientForAsync("taskadmin");
        var code = AssessmentApi.Unique("RACE");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => taskAdmin.PostAsJsonAsync("/api/assessment/indicators", new
        {
            code,
            name = "并发新增存款",
            unit = "万元",
            direction = "HigherIsBetter",
            dataSource = "Manual",
            ruleKind = "Ratio",
        })));

        // The loser of a race learns it from the index (409) or from the check before the save (400 on the code field).
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.BadRequest }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("duplicate_conflict", (await conflict.JsonAsync()).GetProperty("code").GetString());
        }

        var listed = await (await taskAdmin.GetAsync("/api/assessment/indicators?pageSize=200")).JsonAsync();
        Assert.Single(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == code);
    }

    private static Indicator NewIndicator(string code) => new() { Code = code, Name = "重复编码指标", Unit = "户" };

    private async Task SaveAsync(Action<AssessmentDbContext> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }
}
