using System.Text.Json.Nodes;
using BranchNetwork.Modules.Tasks.Domain;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>The Tasks module's supervision area in the bad-input suite: its objects (kept in <see cref="BadInputWorld.Area"/>) and write rows.</summary>
internal static class TasksSupervisionBadInput
{
    /// <summary>A prompt on 支行01's current week by head office's supervisor (no task: the week prompt needs none).</summary>
    public static IReadOnlyDictionary<string, Func<BadInputWorld, WriteOperation>> Rows { get; } =
        new Dictionary<string, Func<BadInputWorld, WriteOperation>>(StringComparer.Ordinal)
        {
            ["POST /api/tasks/prompts"] = w => new(
                "supervisor",
                WriteOperations.PathIds(),
                InputKind.Json,
                new JsonObject { ["subBranchId"] = w.SubBranch01, ["year"] = TaskWeek.Of(w.Today).Year, ["week"] = TaskWeek.Of(w.Today).Number, ["text"] = "请加快本周任务进度" }),
        };

    public static Task SeedAsync(BranchNetworkFactory app, BadInputWorld world) => Task.CompletedTask;
}
