using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The real objects the matrix calls, made through the API and owned by 支行01 (SB01) and head01: a published scheme
/// (indicator that heads may enter), a draft with targets, a closed scheme, a progress entry, a warning, head01's appeal
/// with evidence, head01's notification, an announcement, a spare user and unit. Destructive operations get a fresh
/// object per call from the <c>Fresh…</c> helpers, so no cell depends on another.
/// </summary>
internal sealed class MatrixWorld
{
    public const string SparePassword = "Matrix#2026pass";

    private readonly Dictionary<string, HttpClient> clients = [];

    /// <summary>Per operation, the object refused callers share (see <see cref="ObjectAsync{T}"/>).</summary>
    private readonly ConcurrentDictionary<string, object> spares = new();

    private readonly AsyncLocal<(string Key, bool Refused)> cell = new();

    private MatrixWorld(BranchNetworkFactory app, HttpClient anonymous)
    {
        App = app;
        Anonymous = anonymous;
    }

    public BranchNetworkFactory App { get; }

    public HttpClient Anonymous { get; }

    public HttpClient TaskAdmin => clients["taskadmin"];

    public HttpClient Supervisor => clients["supervisor"];

    public HttpClient Head01 => clients["head01"];

    public HttpClient Admin => clients["admin"];

    public HttpClient Security => clients["security"];

    public Dictionary<string, Guid> Units { get; private set; } = [];

    public Guid Sb01 => Units["SB01"];

    public PublishedScheme Published { get; private set; } = null!;

    /// <summary>The published scheme's indicator; heads may enter it for their own sub-branch.</summary>
    public Guid Indicator => Published.Indicators["存款"];

    public string IndicatorCode { get; private set; } = "";

    public Guid Draft { get; private set; }

    public Guid Closed { get; private set; }

    public Guid EntryId { get; private set; }

    public Guid WarningId { get; private set; }

    public Guid AppealId { get; private set; }

    public Guid FileId { get; private set; }

    public Guid Head01NotificationId { get; private set; }

    public Guid SpareUserId { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Ids of 支行01's private items: none may appear in anything an outsider reads.</summary>
    public IReadOnlyList<Guid> PrivateIds => [EntryId, WarningId, AppealId, FileId, Head01NotificationId, .. areaPrivateIds];

    private readonly ConcurrentBag<Guid> areaPrivateIds = [];

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> areaObjects = new(StringComparer.Ordinal);

    /// <summary>
    /// An object a module area's requests share (e.g. 支行01's work plan), made once through the API on first use.
    /// <paramref name="privateIds"/> are 支行01's private ids in it, which must never reach an outsider.
    /// </summary>
    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> make, Func<T, IEnumerable<Guid>>? privateIds = null)
        where T : notnull
    {
        var made = areaObjects.GetOrAdd(key, _ => new Lazy<Task<object>>(async () =>
        {
            var value = await make();
            foreach (var id in privateIds?.Invoke(value) ?? [])
            {
                areaPrivateIds.Add(id);
            }

            return value;
        }));
        return (T)await made.Value;
    }

    public HttpClient For(string? user) => user is null ? Anonymous : clients[user];

    public static async Task<MatrixWorld> BuildAsync(BranchNetworkFactory app)
    {
        var world = new MatrixWorld(app, app.CreateAnonymousClient());
        var users = AuthorizationMatrix.Callers.OfType<string>().ToArray();
        var signedIn = await Task.WhenAll(users.Select(u => app.ClientForAsync(u)));
        for (var n = 0; n < users.Length; n++)
        {
            world.clients[users[n]] = signedIn[n];
        }

        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        Today = AssessmentApi.Today(App);
        Units = (await UserAdministrationTests.UnitsByCodeAsync(Admin)).ToDictionary(u => u.Key, u => Guid.Parse(u.Value));
        Published = await AssessmentApi.PublishedSchemeAsync(App, [("存款", 100m, true)]);
        IndicatorCode = (await Ok(await TaskAdmin.GetAsync($"/api/assessment/schemes/{Published.Id}"))).GetProperty("indicators")[0].GetProperty("code").GetString()!;
        // Independent objects, made side by side.
        await Task.WhenAll(
            Run(async () => Draft = (await FreshDraftAsync()).Id),
            Run(async () =>
            {
                Closed = (await FreshPublishedAsync()).Id;
                _ = await Ok(await TaskAdmin.PostAsJsonAsync($"/api/assessment/schemes/{Closed}/close", new { version = await TaskAdmin.VersionAsync(Closed) }));
                _ = await Ok(await Supervisor.PostAsJsonAsync($"/api/assessment/schemes/{Closed}/honours", new { title = "优秀支行", subjectKind = "SubBranch", subjectId = Sb01 }));
            }),
            Run(async () => _ = await Ok(await Head01.PostAsJsonAsync($"/api/assessment/schemes/{Published.Id}/comments", new { body = "支行01本季度稳步推进" }))),
            Run(async () => EntryId = await FreshEntryAsync()),
            Run(async () => WarningId = await FreshWarningAsync()),
            Run(async () =>
            {
                (AppealId, _) = await FreshAppealAsync();
                var attached = await Ok(await Head01.PostAsync($"/api/assessment/appeals/{AppealId}/attachments", EvidenceForm()));
                FileId = attached.GetProperty("id").GetGuid();
            }),
            Run(async () => _ = await Ok(await Supervisor.PostAsJsonAsync("/api/notifications/announcements", new { title = "矩阵通知", body = "请各支行按时完成。" }))),
            Run(async () => SpareUserId = await FreshUserAsync()));
        var inbox = await Eventually.WaitAsync(
            async () => await Ok(await Head01.GetAsync("/api/notifications")),
            page => page.GetProperty("items").GetArrayLength() > 0,
            "head01's first notification");
        Head01NotificationId = inbox.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    private static Task Run(Func<Task> step) => step();

    /// <summary>Sets the cell whose request is being built (flows into the builder).</summary>
    public void EnterCell(string key, bool refused) => cell.Value = (key, refused);

    /// <summary>
    /// The object a destructive operation acts on: a fresh one for a caller who is expected to succeed; for refused
    /// callers one object per operation, shared, since a refusal changes nothing. <see cref="Spoil"/> drops it when a
    /// refused caller was let through, so the next one meets an unused object again.
    /// </summary>
    public async Task<T> ObjectAsync<T>(Func<Task<T>> make)
    {
        var (key, refused) = cell.Value;
        if (!refused || key is null)
        {
            return await make();
        }

        return await (Task<T>)spares.GetOrAdd(key, _ => make());
    }

    public void Spoil(string key) => spares.TryRemove(key, out _);

    public async Task<Guid> FreshIndicatorAsync() => await TaskAdmin.CreateIndicatorAsync(AssessmentApi.Unique("MX"), AssessmentApi.Unique("矩阵指标"));

    /// <summary>A draft on the published scheme's indicator with a target in every sub-branch's cell: ready to publish.</summary>
    public async Task<(Guid Id, long Version)> FreshDraftAsync()
    {
        var created = await Ok(await TaskAdmin.CreateSchemeAsync(AssessmentApi.Unique("矩阵方案"), Published.Start, Published.End, (Indicator, 100m)));
        var id = created.GetProperty("id").GetGuid();
        var cells = Published.SubBranches.Values.Select(s => new { subBranchId = s, indicatorId = Indicator, value = 100m }).ToArray();
        _ = await Ok(await TaskAdmin.PutAsJsonAsync($"/api/assessment/schemes/{id}/targets", new { cells }));
        return (id, await TaskAdmin.VersionAsync(id));
    }

    public async Task<(Guid Id, long Version)> FreshPublishedAsync()
    {
        var (id, version) = await FreshDraftAsync();
        var published = await Ok(await TaskAdmin.PostAsJsonAsync($"/api/assessment/schemes/{id}/publish", new { version }));
        return (id, published.GetProperty("version").GetInt64());
    }

    public async Task<Guid> FreshEntryAsync()
    {
        var recorded = await Ok(await Supervisor.RecordAsync(Published, "SB01", "存款", Today, 40m));
        return recorded.GetProperty("entries")[0].GetProperty("id").GetGuid();
    }

    public async Task<Guid> FreshWarningAsync()
    {
        var issued = await Ok(await Supervisor.PostAsJsonAsync("/api/assessment/warnings", new { schemeId = Published.Id, subBranchId = Sb01, indicatorId = Indicator, kind = "Warning", message = "存款进度落后,请说明" }));
        return issued.GetProperty("id").GetGuid();
    }

    public async Task<(Guid Id, long Version)> FreshAppealAsync()
    {
        var filed = await Ok(await Head01.PostAsJsonAsync("/api/assessment/appeals", AppealBody()));
        return (filed.GetProperty("id").GetGuid(), filed.GetProperty("version").GetInt64());
    }

    public object AppealBody() => new { schemeId = Published.Id, subBranchId = Sb01, kind = "Score", reason = "系统数据延迟,申请加分", requestedValue = 1m };

    public async Task<Guid> FreshUserAsync()
    {
        var created = await Ok(await Admin.PostAsJsonAsync("/api/identity/users", new { userName = AssessmentApi.Unique("mx.user").ToLowerInvariant(), displayName = "矩阵用户", unitId = Sb01, position = "柜员", password = SparePassword }));
        return created.GetProperty("id").GetGuid();
    }

    public async Task<Guid> FreshTeamAsync()
    {
        var created = await Ok(await Admin.PostAsJsonAsync("/api/identity/units", new { code = AssessmentApi.Unique("SB01-M").ToUpperInvariant(), name = AssessmentApi.Unique("支行01矩阵组"), kind = "Team", parentId = Sb01 }));
        return created.GetProperty("id").GetGuid();
    }

    public static MultipartFormDataContent EvidenceForm()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "证明.pdf");
        return form;
    }

    public static MultipartFormDataContent CsvForm(string csv, string fileName)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", fileName);
        return form;
    }

    /// <summary>The answer of a fixture call, which must succeed: a failure here is the fixture's, not a cell's.</summary>
    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Matrix fixture: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} gave {(int)response.StatusCode} {body}");
        return string.IsNullOrEmpty(body) ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
