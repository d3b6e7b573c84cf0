using System.Net.Http.Json;
using BranchNetwork.IntegrationTests.Resources.Requests;
using static BranchNetwork.IntegrationTests.Security.Expect;

namespace BranchNetwork.IntegrationTests.Security;

/// <summary>
/// The Resources module's requests area in the authorisation matrix: its rows (columns as <see cref="AuthorizationMatrix.Callers"/>) and
/// requests. From docs/modules/resources.md, "Authorisation" (ORG-3): a sub-branch's heads and managers file requests and
/// read their sub-branch's once submitted; a draft and every change of it are the requester's alone (404 for anyone else who
/// could not read it, 403 for a reader who is not the requester); head office's supervisors and the auditor read every
/// submitted request; staff and the roles without a part here 403. The objects are head01's (支行01).
/// </summary>
internal static class ResourcesRequestsMatrix
{
    private static readonly Expect[] Readers = [E401, E403, Ok, Ok, Ok, Ok, E403, E403, Ok, E403, E403];

    private static readonly Expect[] Filers = [E401, E403, Ok, Ok, Ok, E403, E403, E403, E403, E403, E403];

    /// <summary>head01's draft: only head01; manager01 of the same sub-branch cannot even read a draft (404).</summary>
    private static readonly Expect[] OwnDraft = [E401, E403, Ok, E404, E404, E403, E403, E403, E403, E403, E403];

    /// <summary>head01's submitted request: only head01 changes it; manager01 reads it but is not the requester (403).</summary>
    private static readonly Expect[] OwnSubmitted = [E401, E403, Ok, E404, E403, E403, E403, E403, E403, E403, E403];

    public static readonly MatrixRow[] Rows =
    [
        //                                                                     anon  staff head01 head02 mgr01 superv task  moder audit admin secur
        new("GET /api/resources/requests", Readers, Scoped: true),
        new("POST /api/resources/requests", Filers),
        new("GET /api/resources/requests/{id}",                                [E401, E403, Ok,    E404,  Ok,   Ok,    E403, E403, Ok,   E403, E403]),
        new("PUT /api/resources/requests/{id}", OwnDraft),
        new("POST /api/resources/requests/{id}/submit", OwnDraft),
        new("POST /api/resources/requests/{id}/recall", OwnSubmitted),
        new("POST /api/resources/requests/{id}/withdraw", OwnSubmitted),
        new("GET /api/resources/route-preview", Readers),
        new("GET /api/resources/link-options", Filers),
        new("POST /api/resources/requests/{id}/attachments", OwnDraft),
    ];

    public static readonly IReadOnlyDictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>> Requests =
        new Dictionary<string, Func<MatrixWorld, Task<HttpRequestMessage>>>
        {
            ["GET /api/resources/requests"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, "/api/resources/requests")),
            ["POST /api/resources/requests"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/resources/requests") { Content = JsonContent.Create(RequestsApi.Material("矩阵申请")) }),
            ["GET /api/resources/requests/{id}"] = async w =>
            {
                var id = await w.OnceAsync("resources.requests.submitted", async () => await SubmittedAsync(w), id => [id]);
                return new HttpRequestMessage(HttpMethod.Get, $"/api/resources/requests/{id}");
            },
            ["PUT /api/resources/requests/{id}"] = async w =>
            {
                var (id, version) = await w.ObjectAsync(() => DraftAsync(w));
                return new HttpRequestMessage(HttpMethod.Put, $"/api/resources/requests/{id}")
                {
                    Content = JsonContent.Create(new { title = "矩阵申请（改）", justification = "补充网点物料。", itemName = "宣传折页", quantity = 600m, unit = "份", neededBy = RequestsApi.NeededBy, version }),
                };
            },
            ["POST /api/resources/requests/{id}/submit"] = async w =>
                new HttpRequestMessage(HttpMethod.Post, $"/api/resources/requests/{(await w.ObjectAsync(() => DraftAsync(w))).Id}/submit"),
            ["POST /api/resources/requests/{id}/recall"] = async w =>
                new HttpRequestMessage(HttpMethod.Post, $"/api/resources/requests/{await w.ObjectAsync(() => SubmittedAsync(w))}/recall"),
            ["POST /api/resources/requests/{id}/withdraw"] = async w =>
                new HttpRequestMessage(HttpMethod.Post, $"/api/resources/requests/{await w.ObjectAsync(() => SubmittedAsync(w))}/withdraw"),
            ["GET /api/resources/route-preview"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, "/api/resources/route-preview?kind=Money&amount=80000")),
            ["GET /api/resources/link-options"] = w => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, "/api/resources/link-options")),
            ["POST /api/resources/requests/{id}/attachments"] = async w =>
                new HttpRequestMessage(HttpMethod.Post, $"/api/resources/requests/{(await w.ObjectAsync(() => DraftAsync(w))).Id}/attachments") { Content = MatrixWorld.EvidenceForm() },
        };

    private static async Task<(Guid Id, long Version)> DraftAsync(MatrixWorld w)
    {
        var created = await MatrixWorld.Ok(await w.Head01.PostAsJsonAsync("/api/resources/requests", RequestsApi.Material("矩阵草稿")));
        return (created.GetProperty("id").GetGuid(), created.GetProperty("version").GetInt64());
    }

    private static async Task<Guid> SubmittedAsync(MatrixWorld w)
    {
        var (id, _) = await DraftAsync(w);
        _ = await MatrixWorld.Ok(await w.Head01.PostAsync($"/api/resources/requests/{id}/submit", null));
        return id;
    }
}
