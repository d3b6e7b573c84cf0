using System.Net;
using System.Net.Http.Json;
using System.Text;
using BranchNetwork.IntegrationTests.Files;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Assessment;

/// <summary>AS-7 evidence through the platform file store: who may attach, who may download, and what is refused.</summary>
[Trait("Spec", "AS-7")]
public sealed class AppealEvidenceTests(FilesFactory app) : IClassFixture<FilesFactory>
{
    [Fact]
    public async Task The_appeals_head_uploads_evidence_and_head_office_downloads_the_same_bytes_under_a_safe_name()
    {
        app.EnsureAvailable();
        var appeal = await FileAppealAsync("head01", "SB01");
        var head01 = await app.ClientForAsync("head01");
        var pdf = SampleFiles.Pdf();

        var uploaded = await head01.PostAsync($"/api/assessment/appeals/{appeal}/attachments", SampleFiles.Form(pdf, "..\\..\\系统故障\u202E截图<1>.pdf"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var attachment = await uploaded.JsonAsync();
        Assert.Equal("系统故障截图_1_.pdf", attachment.GetProperty("fileName").GetString());
        Assert.Equal(pdf.Length, attachment.GetProperty("sizeBytes").GetInt64());

        // The appeal lists it, for its sub-branch and for head office.
        var supervisor = await app.ClientForAsync("supervisor");
        var listed = (await (await supervisor.GetAsync($"/api/assessment/appeals/{appeal}")).JsonAsync()).GetProperty("attachments");
        var entry = Assert.Single(listed.EnumerateArray());
        var link = entry.GetProperty("downloadUrl").GetString()!;
        Assert.Equal($"/api/files/{attachment.GetProperty("id").GetGuid()}", link);

        foreach (var reader in new[] { supervisor, head01, await app.ClientForAsync("auditor") })
        {
            var download = await reader.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("系统故障截图_1_.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Fact]
    public async Task Another_sub_branchs_head_neither_sees_downloads_nor_attaches_and_an_auditor_may_not_attach()
    {
        app.EnsureAvailable();
        var appeal = await FileAppealAsync("head02", "SB02");
        var head02 = await app.ClientForAsync("head02");
        var uploaded = await head02.PostAsync($"/api/assessment/appeals/{appeal}/attachments", SampleFiles.Form(SampleFiles.Pdf(), "说明.pdf"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var link = (await uploaded.JsonAsync()).GetProperty("downloadUrl").GetString()!;

        var head03 = await app.ClientForAsync("head03");
        Assert.Equal(HttpStatusCode.NotFound, (await head03.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head03.GetAsync($"/api/assessment/appeals/{appeal}/attachments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head03.PostAsync($"/api/assessment/appeals/{appeal}/attachments", SampleFiles.Form(SampleFiles.Pdf(), "x.pdf"))).StatusCode);
        // Staff of another sub-branch, and an id that never existed, look the same.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("staff0301")).GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head02.GetAsync($"/api/files/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAnonymousClient().GetAsync(link)).StatusCode);

        var auditor = await app.ClientForAsync("auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync($"/api/assessment/appeals/{appeal}/attachments", SampleFiles.Form(SampleFiles.Pdf(), "审计.pdf"))).StatusCode);
        var view = await (await head02.GetAsync($"/api/assessment/appeals/{appeal}/attachments")).JsonAsync();
        Assert.Single(view.GetProperty("attachments").EnumerateArray());
        Assert.True(view.GetProperty("canAttach").GetBoolean());
        Assert.False((await (await auditor.GetAsync($"/api/assessment/appeals/{appeal}/attachments")).JsonAsync()).GetProperty("canAttach").GetBoolean());
    }

    [Fact]
    public async Task An_executable_named_pdf_and_an_oversize_file_are_refused_on_the_file_field_and_nothing_is_stored()
    {
        app.EnsureAvailable();
        var appeal = await FileAppealAsync("head04", "SB04");
        var head04 = await app.ClientForAsync("head04");
        var blobsBefore = app.BlobsOnDisk();

        var executable = await head04.PostAsync($"/api/assessment/appeals/{appeal}/attachments", SampleFiles.Form(SampleFiles.Executable(), "证明.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, executable.StatusCode);
        Assert.Contains("不支持此文件类型", (await executable.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        // Text is an allowed type: only the size is wrong (10 MB + 1 byte).
        var oversize = await head04.PostAsync($"/api/assessment/appeals/{appeal}/attachments", SampleFiles.Form(Encoding.ASCII.GetBytes(new string('a', (10 * 1024 * 1024) + 1)), "流水.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, oversize.StatusCode);
        Assert.Contains("10 MB", (await oversize.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        var missing = await head04.PostAsync($"/api/assessment/appeals/{appeal}/attachments", SampleFiles.Form(SampleFiles.Pdf(), "x.pdf", field: "other"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));

        Assert.Empty((await (await head04.GetAsync($"/api/assessment/appeals/{appeal}")).JsonAsync()).GetProperty("attachments").EnumerateArray());
        Assert.Equal(blobsBefore, app.BlobsOnDisk());
    }

    [Fact]
    public async Task Evidence_cannot_be_added_once_the_appeal_is_decided()
    {
        app.EnsureAvailable();
        var appeal = await FileAppealAsync("head05", "SB05");
        var supervisor = await app.ClientForAsync("supervisor");
        var version = (await (await supervisor.GetAsync($"/api/assessment/appeals/{appeal}")).JsonAsync()).GetProperty("version").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/assessment/appeals/{appeal}/decide", new { accept = false, reason = "材料不足", version })).StatusCode);

        var late = await (await app.ClientForAsync("head05")).PostAsync($"/api/assessment/appeals/{appeal}/attachments", SampleFiles.Form(SampleFiles.Pdf(), "补充.pdf"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    private async Task<Guid> FileAppealAsync(string head, string subBranch)
    {
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)]);
        var filed = await (await app.ClientForAsync(head)).PostAsJsonAsync("/api/assessment/appeals", new
        {
            schemeId = scheme.Id,
            subBranchId = scheme.SubBranches[subBranch],
            kind = "Score",
            reason = "系统故障三天无法办理业务",
            requestedValue = 3m,
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        return (await filed.JsonAsync()).GetProperty("id").GetGuid();
    }
}
