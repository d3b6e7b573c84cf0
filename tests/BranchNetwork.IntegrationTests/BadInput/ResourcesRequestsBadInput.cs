using System.Text.Json.Nodes;
using BranchNetwork.IntegrationTests.Resources.Requests;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>The Resources module's requests area in the bad-input suite: its objects (kept in <see cref="BadInputWorld.Area"/>) and write rows.</summary>
internal static class ResourcesRequestsBadInput
{
    public static IReadOnlyDictionary<string, Func<BadInputWorld, WriteOperation>> Rows { get; } =
        new Dictionary<string, Func<BadInputWorld, WriteOperation>>(StringComparer.Ordinal)
        {
            // head01 files a material request; every variant spoils one thing, so nothing is ever stored.
            ["POST /api/resources/requests"] = _ => new("head01", WriteOperations.PathIds(), InputKind.Json, Body(version: null)),
            ["PUT /api/resources/requests/{id}"] = w =>
            {
                var (id, version) = ((Guid, long))w.Area["requests.draft"];
                return new("head01", WriteOperations.PathIds(("id", id)), InputKind.Json, Body(version));
            },
            ["POST /api/resources/requests/{id}/submit"] = w => new("head01", WriteOperations.PathIds(("id", (((Guid, long))w.Area["requests.draft"]).Item1)), InputKind.None),
            ["POST /api/resources/requests/{id}/recall"] = w => new("head01", WriteOperations.PathIds(("id", (Guid)w.Area["requests.submitted"])), InputKind.None),
            // A draft of its own: the uploads the suite lets through (text files are an accepted type) never touch the draft the edit rows use.
            ["POST /api/resources/requests/{id}/attachments"] = w =>
                new("head01", WriteOperations.PathIds(("id", (Guid)w.Area["requests.files"])), InputKind.Upload, UploadName: "报价单.pdf"),
            ["POST /api/resources/requests/{id}/withdraw"] = w => new("head01", WriteOperations.PathIds(("id", (Guid)w.Area["requests.submitted"])), InputKind.None),
        };

    /// <summary>A draft of head01 to edit and submit, one to attach files to, and a submitted request of head01 to recall and withdraw.</summary>
    public static async Task SeedAsync(BranchNetworkFactory app, BadInputWorld world)
    {
        var head = await app.ClientForAsync("head01");
        var draft = await head.CreatedAsync(RequestsApi.Material("坏输入草稿"));
        world.Area["requests.draft"] = (draft.GetProperty("id").GetGuid(), draft.GetProperty("version").GetInt64());
        var submitted = await head.SubmittedAsync(RequestsApi.Material("坏输入已提交"));
        world.Area["requests.submitted"] = submitted.GetProperty("id").GetGuid();
        world.Area["requests.files"] = (await head.CreatedAsync(RequestsApi.Material("坏输入附件"))).GetProperty("id").GetGuid();
    }

    private static JsonObject Body(long? version)
    {
        var body = new JsonObject
        {
            ["title"] = "坏输入申请",
            ["justification"] = "补充网点宣传物料。",
            ["itemName"] = "宣传折页",
            ["quantity"] = 500m,
            ["unit"] = "份",
            ["neededBy"] = RequestsApi.NeededBy,
        };
        if (version is { } v)
        {
            body["version"] = v;
        }
        else
        {
            body["kind"] = "Material";
        }

        return body;
    }
}
