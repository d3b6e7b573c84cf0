using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using BranchNetwork.Infrastructure.Text;
using BranchNetwork.IntegrationTests.Assessment;
using BranchNetwork.IntegrationTests.Identity;
using BranchNetwork.Testing;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace BranchNetwork.IntegrationTests.Platform;

/// <summary>
/// Finding 8 of issue 9: bidirectional controls (U+202E and the others) are refused in names and codes, from forms
/// and from imports alike, and removed from free text, so nothing a user names displays as something else.
/// </summary>
[Trait("Spec", "ORG-1")]
[Trait("Spec", "AS-8")]
[Trait("Spec", "AS-3")]
public sealed class BidiControlTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    private const string Override = "\u202E";

    [Fact]
    public async Task A_unit_name_with_a_direction_override_is_a_400_on_the_name()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var unit = (await UserAdministrationTests.UnitsByCodeAsync(admin))["SB04-T1"];

        var rename = await admin.PutAsJsonAsync($"/api/identity/units/{unit}", new { name = "支行04" + Override + "组一营销", version = 1 });
        var isolate = await admin.PutAsJsonAsync($"/api/identity/units/{unit}", new { name = "营销\u2067组", version = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);
        Assert.True((await rename.JsonAsync()).GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(HttpStatusCode.BadRequest, isolate.StatusCode);
        Assert.DoesNotContain(Override, (await (await admin.GetAsync("/api/identity/units")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_with_a_direction_override_is_stored_without_it()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)]);
        var staff = await app.ClientForAsync("staff0101");

        var response = await staff.PostAsJsonAsync($"/api/assessment/schemes/{scheme.Id}/comments", new { body = "做得好" + Override + "！\u200F" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = (await staff.AllItemsAsync($"/api/assessment/schemes/{scheme.Id}/comments")).Single().GetProperty("body").GetString();
        Assert.Equal("做得好！", stored);
    }

    [Fact]
    public async Task A_target_import_row_with_a_direction_override_is_refused_with_a_row_error()
    {
        app.EnsureAvailable();
        var scheme = await AssessmentApi.PublishedSchemeAsync(app, [("存款", 100m, false)], target: 1m, publish: false);
        var taskAdmin = await app.ClientForAsync("taskadmin");
        var code = (await (await taskAdmin.GetAsync($"/api/assessment/schemes/{scheme.Id}")).JsonAsync()).GetProperty("indicators")[0].GetProperty("code").GetString()!;
        var csv = "支行代码,指标代码,目标值\r\n" + string.Concat(scheme.SubBranches.Keys.Select((c, n) => $"{(n == 0 ? c + Override : c)},{code},900\r\n"));

        var response = await taskAdmin.PostAsync($"/api/assessment/schemes/{scheme.Id}/targets/import", new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "t.csv" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains(TextRules.BidiControlMessage, errors.GetProperty("row2.subBranch").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_user_import_row_with_a_direction_override_is_refused_with_a_row_error_and_nobody_is_created()
    {
        app.EnsureAvailable();
        var admin = await app.ClientForAsync("admin");
        var csv = "UserName,DisplayName,UnitCode,Password\r\nbidi.one,正常,SB01,Import#2026z\r\nbidi.two,王" + Override + "五,SB01,Import#2026z\r\n";

        var response = await admin.PostAsync("/api/identity/users/import", new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "users.csv" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("row3.displayName", out _));
        Assert.DoesNotContain(await admin.AllItemsAsync("/api/identity/users?search=bidi."), u => u.GetProperty("userName").GetString()!.StartsWith("bidi.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_name_and_code_field_of_every_request_refuses_direction_controls()
    {
        app.EnsureAvailable();
        await using var scope = app.Services.CreateAsyncScope();
        var requests = new[] { typeof(Modules.Identity.IdentityModule), typeof(Modules.Assessment.AssessmentModule), typeof(Modules.Notifications.NotificationsModule), typeof(Modules.Audit.AuditModule), typeof(Modules.Files.FilesModule), typeof(Modules.Tasks.TasksModule), typeof(Modules.WorkLogs.WorkLogsModule), typeof(Modules.Resources.ResourcesModule) }
            .SelectMany(m => m.Assembly.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.Namespace == "Mediator" && i.Name is "IBaseCommand"))
            .ToList();
        Assert.NotEmpty(requests);

        var missing = new List<string>();
        foreach (var request in requests)
        {
            // A file's name is not refused but sanitised by the file store (FileNames.Sanitise drops every format character).
            // A title names a thing to everyone who sees it (an honour, an announcement); a kind from a closed set
            // (HonourSubjectKinds) needs no rule of its own.
            var names = request.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(string) && p.Name != "FileName" && (p.Name.EndsWith("Name", StringComparison.Ordinal) || p.Name.EndsWith("Code", StringComparison.Ordinal) || p.Name is "Position" or "Unit" or "Role" or "Title"))
                .Select(p => p.Name)
                .ToList();
            if (names.Count == 0)
            {
                continue;
            }

            var validators = scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(request)).OfType<IValidator>().ToList();
            foreach (var name in names)
            {
                var guarded = validators.Any(v => v.CreateDescriptor().GetValidatorsForMember(name).Any(r => r.Validator.Name == "NoControlCharactersValidator"));
                if (!guarded)
                {
                    missing.Add($"{request.Name}.{name}");
                }
            }
        }

        Assert.True(missing.Count == 0, "Name or code fields without NoControlCharacters(): " + string.Join(", ", missing));
    }
}
