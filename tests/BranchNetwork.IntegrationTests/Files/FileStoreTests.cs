using System.Net;
using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Files.Data;
using BranchNetwork.Modules.Files.Domain;
using BranchNetwork.Modules.Files.Jobs;
using BranchNetwork.Modules.Files.Storage;
using BranchNetwork.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Files;

/// <summary>The disk store: the page download route, and the orphan sweep.</summary>
[Trait("Spec", "AS-7")]
public sealed class DiskFileStoreTests(FilesFactory app) : IClassFixture<FilesFactory>
{
    [Fact]
    public async Task A_page_downloads_with_the_sign_in_cookie_and_the_bytes_are_on_disk_outside_wwwroot()
    {
        app.EnsureAvailable();
        var (_, fileId) = await FileStoreScenario.UploadEvidenceAsync(app, "head06", "SB06");

        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await CookieSignIn.LoginAsync(browser, "head06", BranchNetworkFactory.DemoPassword);
        var download = await browser.GetAsync($"/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SampleFiles.Pdf(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);

        // A cookie never opens /api, and another sub-branch's cookie opens nothing.
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync($"/api/files/{fileId}")).StatusCode);
        var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await CookieSignIn.LoginAsync(other, "head07", BranchNetworkFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/files/{fileId}")).StatusCode);

        Assert.True(File.Exists(Path.Combine(app.FilesFolder, fileId.ToString("N")[..2], fileId.ToString("N"))));
        using var scope = app.Services.CreateScope();
        Assert.Equal(BlobLocation.Disk, (await scope.ServiceProvider.GetRequiredService<FilesDbContext>().Files.SingleAsync(f => f.Id == fileId)).Location);
        Assert.Equal(4, fileId.Version);
    }

    [Fact]
    public async Task Pending_uploads_older_than_a_day_and_unrecorded_blobs_are_swept_while_attached_files_stay()
    {
        app.EnsureAvailable();
        var (_, attached) = await FileStoreScenario.UploadEvidenceAsync(app, "head08", "SB08");

        Guid pending;
        Guid fresh;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FilesDbContext>();
            var disk = scope.ServiceProvider.GetRequiredService<DiskBlobStore>();
            pending = await AddPendingAsync(db, disk);
            fresh = await AddPendingAsync(db, disk);
            // Two days old: the sweep's cut-off is 24 hours. The attached file is as old and must stay.
            await db.Files.Where(f => f.Id == pending || f.Id == attached).ExecuteUpdateAsync(s => s.SetProperty(f => f.CreatedAtUtc, app.Clock.UtcNow.AddDays(-2)));
        }

        var stray = Guid.NewGuid();
        var strayPath = Path.Combine(app.FilesFolder, stray.ToString("N")[..2], stray.ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(strayPath)!);
        await File.WriteAllBytesAsync(strayPath, [1, 2, 3]);
        File.SetLastWriteTimeUtc(strayPath, app.Clock.UtcNow.AddDays(-2));

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeleteOrphanFilesJob>().RunAsync(CancellationToken.None);
        }

        using (var scope = app.Services.CreateScope())
        {
            var ids = await scope.ServiceProvider.GetRequiredService<FilesDbContext>().Files.Select(f => f.Id).ToListAsync();
            Assert.DoesNotContain(pending, ids);
            Assert.Contains(fresh, ids);
            Assert.Contains(attached, ids);
        }

        Assert.False(File.Exists(Path.Combine(app.FilesFolder, pending.ToString("N")[..2], pending.ToString("N"))));
        Assert.False(File.Exists(strayPath));
        Assert.True(File.Exists(Path.Combine(app.FilesFolder, attached.ToString("N")[..2], attached.ToString("N"))));
    }

    [Fact]
    public void The_orphan_sweep_is_a_recurring_job()
    {
        app.EnsureAvailable();
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == DeleteOrphanFilesJob.Id);
    }

    private static async Task<Guid> AddPendingAsync(FilesDbContext db, DiskBlobStore disk)
    {
        var file = StoredFile.Create("assessment.appeal", null, "草稿.pdf", FileKind.Pdf, "application/pdf", 3, new string('0', 64), BlobLocation.Disk, Guid.NewGuid(), "head08", DateTime.UtcNow);
        await disk.WriteAsync(file.Id, [1, 2, 3], CancellationToken.None);
        db.Files.Add(file);
        await db.SaveChangesAsync();
        return file.Id;
    }
}

/// <summary><c>Files:Store</c> = <c>Database</c>: the bytes live in the files schema, nothing on disk, same answers.</summary>
[Trait("Spec", "AS-7")]
public sealed class DatabaseFileStoreTests(DatabaseFilesFactory app) : IClassFixture<DatabaseFilesFactory>
{
    [Fact]
    public async Task The_database_store_keeps_the_bytes_in_the_database_and_gives_them_back_unchanged()
    {
        app.EnsureAvailable();
        var (head, fileId) = await FileStoreScenario.UploadEvidenceAsync(app, "head01", "SB01");

        var download = await head.GetAsync($"/api/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SampleFiles.Pdf(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("head02")).GetAsync($"/api/files/{fileId}")).StatusCode);

        Assert.Equal(0, app.BlobsOnDisk());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FilesDbContext>();
        Assert.Equal(SampleFiles.Pdf(), (await db.Contents.SingleAsync(c => c.FileId == fileId)).Content);
    }
}

internal static class FileStoreScenario
{
    /// <summary>A published scheme, an appeal by the head of <paramref name="subBranch"/>, and one PDF attached to it.</summary>
    public static async Task<(HttpClient Head, Guid FileId)> UploadEvidenceAsync(BranchNetworkFactory app, string head, string subBranch)
    {
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)]);
        var client = await app.ClientForAsync(head);
        var filed = await client.PostAsJsonAsync("/api/assessment/appeals", new { schemeId = scheme.Id, subBranchId = scheme.SubBranches[subBranch], kind = "Score", reason = "附证明材料", requestedValue = 1m });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var appeal = (await filed.JsonAsync()).GetProperty("id").GetGuid();
        var uploaded = await client.PostAsync($"/api/assessment/appeals/{appeal}/attachments", SampleFiles.Form(SampleFiles.Pdf(), "证明.pdf"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        return (client, (await uploaded.JsonAsync()).GetProperty("id").GetGuid());
    }
}
