using System.Globalization;
using System.Net.Http.Json;
using BranchNetwork.Modules.Tasks.Domain;
using static BranchNetwork.IntegrationTests.Security.Expect;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>The Tasks module's supervision area in the authorisation matrix: its rows (columns as <see cref="AuthorizationMatrix.Callers"/>) and requests.</summary>
internal static class TasksSupervisionMatrix
{
    /// <summary>Head office's overview and drill-in: supervisor, task admin and auditor read every sub-branch; nobody else (docs/modules/tasks.md, supervision).</summary>
    private static readonly Expect[] HeadOfficeReaders = [E401, E403, E403, E403, E403, Ok, Ok, E403, Ok, E403, E403];

    private static readonly Expect[] SupervisorOnly = [E401, E403, E403, E403, E403, Ok, E403, E403, E403, E403, E403];

    /// <summary>支行01's prompts: its members and head office's task roles; everyone else 404.</summary>
    private static readonly Expect[] Sb01Private = [E401, Ok, Ok, E404, Ok, Ok, Ok, E404, Ok, E404, E404];

    public static readonly MatrixRow[] Rows =
    [
        new("GET /api/tasks/supervision", HeadOfficeReaders),
        new("GET /api/tasks/supervision/{subBranchId}", HeadOfficeReaders),
        new("POST /api/tasks/prompts", SupervisorOnly),
        new("GET /api/tasks/prompts", Sb01Private),
    ];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>
        {
            ["GET /api/tasks/supervision"] = w => Get($"/api/tasks/supervision?schemeId={w.Published.Id}&{Week(w)}"),
            ["GET /api/tasks/supervision/{subBranchId}"] = w => Get($"/api/tasks/supervision/{w.Sb01}?schemeId={w.Published.Id}&{Week(w)}"),
            ["POST /api/tasks/prompts"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/tasks/prompts")
            {
                Content = JsonContent.Create(new { subBranchId = w.Sb01, year = TaskWeek.Of(w.Today).Year, week = TaskWeek.Of(w.Today).Number, text = "矩阵督导提示" }),
            }),
            ["GET /api/tasks/prompts"] = async w =>
            {
                // A prompt to 支行01 so that the list has something only its readers may see.
                _ = await w.OnceAsync("tasks.prompt", async () =>
                    (await MatrixWorld.Ok(await w.Supervisor.PostAsJsonAsync("/api/tasks/prompts", new { subBranchId = w.Sb01, year = TaskWeek.Of(w.Today).Year, week = TaskWeek.Of(w.Today).Number, text = "支行01的督导提示" })))
                        .GetProperty("id").GetGuid(),
                    id => [id]);
                return new HttpRequestMessage(HttpMethod.Get, $"/api/tasks/prompts?subBranchId={w.Sb01}&{Week(w)}");
            },
        };

    private static string Week(MatrixWorld w) =>
        string.Create(CultureInfo.InvariantCulture, $"year={TaskWeek.Of(w.Today).Year}&week={TaskWeek.Of(w.Today).Number}");

    private static Task<HttpRequestMessage> Get(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));
}
