using System.Net.Http.Json;
using System.Text.Json;
using BranchNetwork.Modules.Resources.Data;
using BranchNetwork.Modules.Resources.Domain;
using BranchNetwork.SharedKernel;
using BranchNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Resources.Requests;

/// <summary>The requests area through its API, and the few steps of another area (a decision, a return) done on the entity until that area's API is merged.</summary>
internal static class RequestsApi
{
    /// <summary>A day the test clock's today (2026-05-27) still has ahead.</summary>
    public const string NeededBy = "2026-06-30";

    public static object Material(string title = "网点宣传折页", decimal quantity = 500m) => new
    {
        kind = "Material",
        title,
        justification = "开门红期间各网点需补充宣传折页。",
        itemName = "宣传折页",
        quantity,
        unit = "份",
        neededBy = NeededBy,
    };

    public static object Money(decimal amount, string title = "客户沙龙费用") => new
    {
        kind = "Money",
        title,
        justification = "举办三场客户沙龙，需场地与礼品费用。",
        amount,
        budgetCategory = "营销费用",
        neededBy = NeededBy,
    };

    public static object People(decimal persons = 2m, int days = 14) => new
    {
        kind = "People",
        title = "借调客户经理",
        justification = "代发工资营销旺季，需两名客户经理支援两周。",
        quantity = persons,
        durationDays = days,
        neededBy = NeededBy,
    };

    public static async Task<JsonElement> CreatedAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/resources/requests", body);
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    public static async Task<JsonElement> SubmittedAsync(this HttpClient client, object body)
    {
        var id = (await client.CreatedAsync(body)).GetProperty("id").GetGuid();
        var response = await client.PostAsync($"/api/resources/requests/{id}/submit", null);
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    public static async Task<JsonElement> DetailAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/resources/requests/{id}");
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    public static string Code(JsonElement problem) => problem.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "";

    /// <summary>How many requests are stored: a refused request stores nothing.</summary>
    public static async Task<int> CountAsync(BranchNetworkFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ResourcesDbContext>().Requests.CountAsync();
    }

    /// <summary>Changes a request through its entity, as the approvals area's endpoints will (a decision, a return).</summary>
    public static async Task OnEntityAsync(BranchNetworkFactory app, Guid id, Action<ResourceRequest, DateTime> change)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourcesDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<IClock>();
        var request = await db.RequestsWithSteps.SingleAsync(r => r.Id == id);
        change(request, clock.UtcNow);
        await db.SaveChangesAsync();
    }

    public static readonly StepDueAt TwoDays = (start, days) => start.AddDays(days);
}
