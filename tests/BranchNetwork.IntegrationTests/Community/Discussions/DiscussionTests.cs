using System.Net;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Tasks.Plans;
using BranchNetwork.Modules.Community.Contracts;
using BranchNetwork.Modules.Community.Data;
using BranchNetwork.Modules.Community.Domain;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Community.Discussions;

/// <summary>CM-2 全员点评: one discussion thread per published results or excellent plan, in the whole-branch board, checked through the other modules' contracts.</summary>
[Trait("Spec", "CM-2")]
public sealed class DiscussionTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private static Task<HttpResponseMessage> OpenAsync(HttpClient client, string kind, Guid id) => client.PostAsync($"/api/community/discussions/{kind}/{id}", null);

    private static async Task<JsonElement> OpenedAsync(HttpClient client, string kind, Guid id)
    {
        var response = await OpenAsync(client, kind, id);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    [Fact]
    public async Task Published_results_get_one_discussion_in_the_whole_branch_board_even_when_many_open_it_at_once()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)]);
        var clients = await Task.WhenAll(new[] { "staff0101", "staff0102", "head02", "supervisor", "manager01", "staff0103", "head01", "moderator" }.Select(u => app.ClientForAsync(u)));
        var opened = await Task.WhenAll(clients.Select(c => OpenedAsync(c, "AssessmentResults", scheme.Id)));
        var threadId = Assert.Single(opened.Select(o => o.GetProperty("threadId").GetGuid()).Distinct());
        Assert.Equal(1, opened.Count(o => o.GetProperty("created").GetBoolean()));
        Assert.Contains(scheme.Name, opened[0].GetProperty("title").GetString(), StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var thread = await db.Threads.AsNoTracking().SingleAsync(t => t.Id == threadId);
        Assert.Equal((DiscussionSubjectKind.AssessmentResults, scheme.Id, PostState.Published), (thread.SubjectKind!.Value, thread.SubjectId!.Value, thread.State));
        var board = await db.Boards.AsNoTracking().Include(b => b.Moderators).SingleAsync(b => b.Id == thread.BoardId);
        Assert.Equal(BoardAudienceKind.WholeBranch, board.AudienceKind);
        Assert.Single(await db.SystemBoards.AsNoTracking().Where(s => s.Key == SystemBoard.Discussions).ToListAsync());
        var moderator = await Feed.CommunitySeed.UserAsync(app, "moderator");
        Assert.Contains(board.Moderators, m => m.UserId == moderator.Id);

        // The auditor writes nothing, not even the opening of a discussion (the platform's read-only rule); a second
        // scheme's discussion goes to the same board.
        Assert.Equal(HttpStatusCode.Forbidden, (await OpenAsync(await app.ClientForAsync("auditor"), "AssessmentResults", scheme.Id)).StatusCode);
        var second = await AssessmentApi.PublishedSchemeAsync(app, [("贷款", 100m, false)]);
        Assert.Equal(HttpStatusCode.Forbidden, (await OpenAsync(await app.ClientForAsync("auditor"), "AssessmentResults", second.Id)).StatusCode);
        var other = await OpenedAsync(clients[0], "AssessmentResults", second.Id);
        Assert.Equal(board.Id, other.GetProperty("boardId").GetGuid());
        Assert.NotEqual(threadId, other.GetProperty("threadId").GetGuid());
    }

    [Fact]
    public async Task A_draft_an_unknown_subject_an_idea_or_a_plan_not_marked_excellent_is_404_and_nothing_is_stored()
    {
        app.EnsureAvailable();
        var staff = await app.ClientForAsync("staff0101");
        var draft = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)], publish: false);
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(staff, "AssessmentResults", draft.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(staff, "AssessmentResults", Guid.NewGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(staff, "ExcellentPlan", Guid.NewGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(staff, "Idea", Guid.NewGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(staff, "Galaxy", Guid.NewGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(staff, "1", draft.Id)).StatusCode);
        var (_, approvedPlan, _) = await PlansApi.PlanAsync(app, "approved");
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(staff, "ExcellentPlan", approvedPlan)).StatusCode);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        Assert.False(await db.DiscussionLinks.AnyAsync(l => l.SubjectId == draft.Id || l.SubjectId == approvedPlan));
    }

    [Fact]
    public async Task An_excellent_plan_is_discussed_by_staff_of_every_sub_branch()
    {
        app.EnsureAvailable();
        var (_, planId, _) = await PlansApi.PlanAsync(app, "excellent");
        var opened = await OpenedAsync(await app.ClientForAsync("staff0301"), "ExcellentPlan", planId);
        Assert.True(opened.GetProperty("created").GetBoolean());
        Assert.Contains("支行01", opened.GetProperty("title").GetString(), StringComparison.Ordinal);
        var again = await OpenedAsync(await app.ClientForAsync("head02"), "ExcellentPlan", planId);
        Assert.Equal(opened.GetProperty("threadId").GetGuid(), again.GetProperty("threadId").GetGuid());
        Assert.False(again.GetProperty("created").GetBoolean());
    }
}
