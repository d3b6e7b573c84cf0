using System.Net;
using System.Text.Json;
using BranchNetwork.Modules.Community.Data;
using BranchNetwork.Modules.Community.Features.Shared;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Community.Feed;

/// <summary>CM-1 search: Chinese without word boundaries, threads and replies, only readable boards (ORG-3), only published content, never by an author's name, kept in step with edits.</summary>
[Trait("Spec", "CM-1")]
public sealed class SearchTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, string q)
    {
        var response = await client.GetAsync($"/api/community/search?q={Uri.EscapeDataString(q)}&pageSize=200");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.JsonAsync()).GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task Chinese_words_are_found_in_titles_bodies_and_replies_without_word_boundaries()
    {
        app.EnsureAvailable();
        var tag = CommunitySeed.Unique("zq");
        var board = await CommunitySeed.BoardAsync(app);
        var thread = await CommunitySeed.ThreadAsync(app, board, "staff0101", $"理财产品推介经验{tag}", "<p>如何向客户介绍<b>稳健型</b>产品</p>");
        var reply = await CommunitySeed.ReplyAsync(app, thread, "staff0102", $"<p>最近贷款利率下调，客户很关心{tag}</p>");
        var client = await app.ClientForAsync("staff0103");

        Assert.Contains(await SearchAsync(client, "理财产品"), h => h.GetProperty("threadId").GetGuid() == thread && h.GetProperty("replyId").ValueKind == JsonValueKind.Null);
        Assert.Contains(await SearchAsync(client, "稳健型"), h => h.GetProperty("threadId").GetGuid() == thread);
        var hit = Assert.Single(await SearchAsync(client, $"利率下调 {tag}"));
        Assert.Equal((thread, reply), (hit.GetProperty("threadId").GetGuid(), hit.GetProperty("replyId").GetGuid()));
        Assert.Contains("利率下调", hit.GetProperty("excerpt").GetString(), StringComparison.Ordinal);
        Assert.Equal($"理财产品推介经验{tag}", hit.GetProperty("threadTitle").GetString());

        // Full-width letters and upper case find the same; a word that is not there finds nothing of this tag.
        Assert.Single(await SearchAsync(client, $"贷款 {tag.ToUpperInvariant()}"));
        Assert.Empty(await SearchAsync(client, $"保险理财 {tag}"));
        Assert.Equal(2, (await SearchAsync(client, tag)).Count);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/community/search?q=")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/community/search?q=%20%2C%E3%80%82")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/community/search?q={new string('长', 51)}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/community/search?q=理财&after=garbage")).StatusCode);
    }

    [Fact]
    public async Task Another_sub_branchs_board_is_never_searched_and_anonymous_posts_are_not_found_by_their_authors_name()
    {
        app.EnsureAvailable();
        var tag = CommunitySeed.Unique("zs");
        var own = await CommunitySeed.BoardAsync(app, subBranchOf: "staff0101");
        await CommunitySeed.ThreadAsync(app, own, "staff0101", $"支行内部业绩{tag}", "<p>只在支行01内部</p>");
        Assert.Single(await SearchAsync(await app.ClientForAsync("staff0102"), tag));
        Assert.Empty(await SearchAsync(await app.ClientForAsync("head02"), tag));
        Assert.Single(await SearchAsync(await app.ClientForAsync("auditor"), tag));

        var open = await CommunitySeed.BoardAsync(app, anonymous: true);
        var author = await CommunitySeed.UserAsync(app, "staff0102");
        var anonymous = await CommunitySeed.ThreadAsync(app, open, "staff0102", $"匿名建议{tag}", "<p>希望改进排班</p>", anonymous: true);
        var hits = await SearchAsync(await app.ClientForAsync("moderator"), $"匿名建议{tag}");
        var hit = Assert.Single(hits);
        Assert.True(hit.GetProperty("author").GetProperty("isAnonymous").GetBoolean());
        Assert.StartsWith(Pseudonyms.Prefix, hit.GetProperty("author").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("author").GetProperty("userId").ValueKind);
        Assert.DoesNotContain(hits, h => h.GetRawText().Contains(author.DisplayName, StringComparison.Ordinal));
        Assert.DoesNotContain(await SearchAsync(await app.ClientForAsync("moderator"), author.DisplayName), h => h.GetProperty("threadId").GetGuid() == anonymous);
    }

    [Fact]
    public async Task Edited_words_are_found_and_old_ones_no_longer_and_removed_or_pending_content_is_not_found()
    {
        app.EnsureAvailable();
        var tag = CommunitySeed.Unique("ze");
        var board = await CommunitySeed.BoardAsync(app);
        var thread = await CommunitySeed.ThreadAsync(app, board, "staff0101", $"原来的标题{tag}", "<p>旧内容</p>");
        var client = await app.ClientForAsync("staff0103");
        Assert.Single(await SearchAsync(client, $"原来 {tag}"));

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
            var t = await db.Threads.FirstAsync(x => x.Id == thread);
            db.Revisions.Add(t.Edit($"修改后的题目{tag}", RichText.Sanitize("<p>新内容</p>"), t.AuthorId, hold: false, scope.ServiceProvider.GetRequiredService<IClock>().UtcNow));
            await db.SaveChangesAsync();
        }

        Assert.Empty(await SearchAsync(client, $"原来 {tag}"));
        Assert.Single(await SearchAsync(client, $"修改后 {tag}"));
        Assert.Single(await SearchAsync(client, $"新内容 {tag}"));

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
            (await db.Threads.FirstAsync(x => x.Id == thread)).Remove("违规");
            await db.SaveChangesAsync();
        }

        Assert.Empty(await SearchAsync(client, tag));
    }
}
