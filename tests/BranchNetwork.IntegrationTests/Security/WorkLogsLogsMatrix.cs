using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.WorkLogs.Logs;
using static BranchNetwork.IntegrationTests.Security.Expect;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The WorkLogs module's logs area in the authorisation matrix: its rows (columns as <see cref="AuthorizationMatrix.Callers"/>) and
/// requests. From docs/modules/worklogs.md, "Authorisation": members of a sub-branch write their own logs (head office
/// has none: 403); only the author amends (a reader of the log 403, anyone else 404); SystemAdmin and TaskAdmin keep templates.
/// </summary>
internal static class WorkLogsLogsMatrix
{
    private static readonly Expect[] Members = [E401, Ok, Ok, Ok, Ok, E403, E403, E403, E403, E403, E403];

    private static readonly Expect[] Keepers = [E401, E403, E403, E403, E403, E403, Ok, E403, E403, Ok, E403];

    private static readonly string[] Writers = ["staff0101", "head01", "head02", "manager01"];

    public static readonly MatrixRow[] Rows =
    [
        //                                                                     anon  staff head01 head02 mgr01 superv task  moder audit admin secur
        new("GET /api/worklogs/days/{day}", Members),
        new("PUT /api/worklogs/days/{day}", Members),
        new("POST /api/worklogs/days/{day}/submit", Members),
        new("POST /api/worklogs/logs/{id}/amendments",                         [E401, Ok,   E403,  E404,  E403, E403,  E403, E403, E403, E403, E403]),
        new("GET /api/worklogs/mine", Members),
        new("GET /api/worklogs/templates", Keepers),
        new("POST /api/worklogs/templates", Keepers),
        new("PUT /api/worklogs/templates/{id}", Keepers),
        new("POST /api/worklogs/templates/{id}/retire", Keepers),
    ];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>
        {
            ["GET /api/worklogs/days/{day}"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, $"/api/worklogs/days/{LogsApi.Day(w.Today)}")),
            ["PUT /api/worklogs/days/{day}"] = async w =>
            {
                await DraftsAsync(w);
                return new HttpRequestMessage(HttpMethod.Put, $"/api/worklogs/days/{LogsApi.Day(w.Today)}") { Content = JsonContent.Create(new { done = "矩阵日志", sharedWithTeam = false }) };
            },
            ["POST /api/worklogs/days/{day}/submit"] = async w =>
            {
                await DraftsAsync(w);
                return new HttpRequestMessage(HttpMethod.Post, $"/api/worklogs/days/{LogsApi.Day(w.Today)}/submit");
            },
            ["POST /api/worklogs/logs/{id}/amendments"] = async w =>
            {
                var id = await w.OnceAsync("worklogs.logs.closed", () => LogsApi.SubmittedClosedDayAsync(w.App, "staff0101", "矩阵昨日日志"), id => [id]);
                return new HttpRequestMessage(HttpMethod.Post, $"/api/worklogs/logs/{id}/amendments") { Content = JsonContent.Create(new { text = "矩阵补充说明" }) };
            },
            ["GET /api/worklogs/mine"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, $"/api/worklogs/mine?month={LogsApi.Day(w.Today)[..7]}")),
            ["GET /api/worklogs/templates"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, "/api/worklogs/templates")),
            ["POST /api/worklogs/templates"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/worklogs/templates") { Content = JsonContent.Create(TemplateBody(null)) }),
            ["PUT /api/worklogs/templates/{id}"] = async w =>
            {
                var (id, version) = await w.ObjectAsync(() => FreshTemplateAsync(w));
                return new HttpRequestMessage(HttpMethod.Put, $"/api/worklogs/templates/{id}") { Content = JsonContent.Create(TemplateBody(version)) };
            },
            ["POST /api/worklogs/templates/{id}/retire"] = async w =>
                new HttpRequestMessage(HttpMethod.Post, $"/api/worklogs/templates/{(await w.ObjectAsync(() => FreshTemplateAsync(w))).Id}/retire"),
        };

    /// <summary>
    /// Today's log of every member the matrix has, saved once before the first write of the area: the writes that follow
    /// edit or submit it instead of racing to create it.
    /// </summary>
    private static Task<bool> DraftsAsync(MatrixWorld w) =>
        w.OnceAsync("worklogs.logs.drafts", async () =>
        {
            foreach (var user in Writers)
            {
                _ = await MatrixWorld.Ok(await w.For(user).PutAsJsonAsync($"/api/worklogs/days/{LogsApi.Day(w.Today)}", new { done = "矩阵日志", sharedWithTeam = false }));
            }

            return true;
        });

    private static Dictionary<string, object> TemplateBody(long? version)
    {
        var body = new Dictionary<string, object>
        {
            ["name"] = "矩阵模板",
            ["position"] = AssessmentApi.Unique("矩阵岗位"),
            ["fields"] = new object[] { new { key = "visits", label = "走访户数", type = "Number", required = false, unit = "户" } },
        };
        if (version is { } v)
        {
            body["version"] = v;
        }

        return body;
    }

    private static async Task<(Guid Id, long Version)> FreshTemplateAsync(MatrixWorld w)
    {
        var created = await MatrixWorld.Ok(await w.TaskAdmin.PostAsJsonAsync("/api/worklogs/templates", TemplateBody(null)));
        return (created.GetProperty("id").GetGuid(), created.GetProperty("version").GetInt64());
    }
}
