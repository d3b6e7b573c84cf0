using System.Net.Http.Headers;
using BranchNetwork.IntegrationTests.Notifications;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Assessment;

/// <summary>
/// Issue 11 (English mode): a warning a rule raised is kept as a resource key with its figures, so a head reading in
/// English sees it and its notification in English and a head reading in Chinese in Chinese — the same warning.
/// </summary>
[Trait("Spec", "AS-6")]
public sealed class WarningLanguageTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    [Fact]
    public async Task A_rule_raised_warning_and_its_notification_read_in_the_readers_language()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 50m, false), ("客户", 50m, false)]);
        var supervisor = await app.ClientForAsync("supervisor");
        var today = AssessmentApi.Today(app);
        // Time progress is 50 %: 支行01 is behind on both indicators, 支行02 on deposits only.
        foreach (var code in scheme.SubBranches.Keys)
        {
            await supervisor.RecordAsync(scheme, code, "存款", today, code is "SB01" or "SB02" ? 30m : 60m);
            await supervisor.RecordAsync(scheme, code, "客户", today, code == "SB01" ? 25.5m : 60m);
        }

        var chinese = await app.ClientForAsync("head02");
        var english = await app.ClientForAsync("head02");
        english.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        // A run whose save fails (a concurrent run, a busy database under load) is discarded and logged: evaluate until raised.
        var raised = await Eventually.WaitAsync(
            async () =>
            {
                Assert.True((await supervisor.PostAsync(new Uri("/api/assessment/warnings/evaluate", UriKind.Relative), null)).IsSuccessStatusCode);
                return await MessagesAsync(chinese, scheme.Id);
            },
            m => m.Count > 0,
            "head02's warning");
        Assert.Equal("存款：完成率 30%，时间进度 50%，落后 20 个百分点。", Assert.Single(raised));
        Assert.Equal("存款: completion 30%, time progress 50%, behind by 20 points.", Assert.Single(await MessagesAsync(english, scheme.Id)));

        var zh = await Eventually.WaitAsync(() => NoticeAsync(chinese, $"预警：{scheme.Name}"), n => n is not null, "head02's warning notification");
        Assert.Equal("存款：完成率 30%，时间进度 50%，落后 20 个百分点。", zh!.Value.Body);
        var en = await NoticeAsync(english, $"Warning: {scheme.Name}");
        Assert.NotNull(en);
        Assert.Equal("存款: completion 30%, time progress 50%, behind by 20 points.", en.Value.Body);

        // Two warnings at once: one notification that counts them, in each reader's language.
        var head01 = await app.ClientForAsync("head01");
        head01.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var both = await MessagesAsync(head01, scheme.Id);
        Assert.Contains("客户: completion 25.5%, time progress 50%, behind by 24.5 points.", both);
        var count = await Eventually.WaitAsync(() => NoticeAsync(head01, $"Warning: {scheme.Name}"), n => n is not null, "head01's warning notification");
        Assert.Equal("2 new warnings: open the sheet to read and acknowledge them.", count!.Value.Body);
        Assert.Equal("新增 2 条预警，请打开考核表查看并签收。", (await NoticeAsync(await app.ClientForAsync("head01"), $"预警：{scheme.Name}"))!.Value.Body);
    }

    private static async Task<List<string>> MessagesAsync(HttpClient client, Guid schemeId) =>
        (await (await client.GetAsync(new Uri($"/api/assessment/warnings?schemeId={schemeId}", UriKind.Relative))).JsonAsync())
            .GetProperty("items").EnumerateArray().Select(w => w.GetProperty("message").GetString()!).ToList();

    // By its whole title: the scheme's publication notice also names the scheme, and under load it may be delivered after the warning.
    private static async Task<(string Title, string Body)?> NoticeAsync(HttpClient client, string title)
    {
        var inbox = await client.InboxAsync();
        return inbox.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("title").GetString() == title)
            .Select(i => ((string Title, string Body)?)(i.GetProperty("title").GetString()!, i.GetProperty("body").GetString()!))
            .FirstOrDefault();
    }
}
