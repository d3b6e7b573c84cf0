using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Infrastructure.Web;
using BranchNetwork.Modules.Assessment.Contracts;
using BranchNetwork.Modules.Assessment.Features.AcknowledgeWarning;
using BranchNetwork.Modules.Assessment.Features.AttachAppealEvidence;
using BranchNetwork.Modules.Assessment.Features.AwardHonour;
using BranchNetwork.Modules.Assessment.Features.CloseScheme;
using BranchNetwork.Modules.Assessment.Features.CloseWarning;
using BranchNetwork.Modules.Assessment.Features.CommentOnResults;
using BranchNetwork.Modules.Assessment.Features.CorrectProgress;
using BranchNetwork.Modules.Assessment.Features.CreateIndicator;
using BranchNetwork.Modules.Assessment.Features.CreateScheme;
using BranchNetwork.Modules.Assessment.Features.DecideAppeal;
using BranchNetwork.Modules.Assessment.Features.DeleteIndicator;
using BranchNetwork.Modules.Assessment.Features.EvaluateWarnings;
using BranchNetwork.Modules.Assessment.Features.ExportScores;
using BranchNetwork.Modules.Assessment.Features.FileAppeal;
using BranchNetwork.Modules.Assessment.Features.GetAppeal;
using BranchNetwork.Modules.Assessment.Features.GetHomeFigures;
using BranchNetwork.Modules.Assessment.Features.GetIndicatorResults;
using BranchNetwork.Modules.Assessment.Features.GetResults;
using BranchNetwork.Modules.Assessment.Features.GetScheme;
using BranchNetwork.Modules.Assessment.Features.GetSheet;
using BranchNetwork.Modules.Assessment.Features.GetTargets;
using BranchNetwork.Modules.Assessment.Features.GetTrend;
using BranchNetwork.Modules.Assessment.Features.ImportProgress;
using BranchNetwork.Modules.Assessment.Features.ImportTargets;
using BranchNetwork.Modules.Assessment.Features.IssueWarning;
using BranchNetwork.Modules.Assessment.Features.ListAppealEvidence;
using BranchNetwork.Modules.Assessment.Features.ListAppeals;
using BranchNetwork.Modules.Assessment.Features.ListComputedSources;
using BranchNetwork.Modules.Assessment.Features.ListHonours;
using BranchNetwork.Modules.Assessment.Features.ListIndicators;
using BranchNetwork.Modules.Assessment.Features.ListMySheets;
using BranchNetwork.Modules.Assessment.Features.ListProgressHistory;
using BranchNetwork.Modules.Assessment.Features.ListResultComments;
using BranchNetwork.Modules.Assessment.Features.ListSchemes;
using BranchNetwork.Modules.Assessment.Features.ListWarnings;
using BranchNetwork.Modules.Assessment.Features.PublishScheme;
using BranchNetwork.Modules.Assessment.Features.RecordProgress;
using BranchNetwork.Modules.Assessment.Features.RetireIndicator;
using BranchNetwork.Modules.Assessment.Features.SetTargets;
using BranchNetwork.Modules.Assessment.Features.SetWarningRules;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Features.UpdateScheme;
using BranchNetwork.Modules.Assessment.Resources;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Localization;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

// Validation messages name fields through this module's FieldName_* keys (SharedKernel FieldNames).
[assembly: BranchNetwork.SharedKernel.Localization.FieldNames(typeof(BranchNetwork.Modules.Assessment.Resources.AssessmentText))]

namespace BranchNetwork.Modules.Assessment;

/// <summary>考核督导 (AS-1..AS-9): indicators, schemes, targets, progress, early warning, appeals, scoring, ranking and reports.</summary>
internal sealed class AssessmentModule : IModule
{
    public string Name => AssessmentDbContext.Module;

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<AssessmentDbContext>(Name, AssessmentDbContext.Schema);
        builder.Services.AddModuleOutbox<AssessmentDbContext>(Name);
        builder.Services.AddScoped<AssessmentAccess>();
        builder.Services.AddScoped<SchemeResultsReader>();
        builder.Services.AddScoped<SchemeDetailReader>();
        builder.Services.AddScoped<SchemeCoverage>();
        builder.Services.AddScoped<ImportLog>();
        builder.Services.AddScoped<IAssessmentSheets, SheetOutlines>();
        builder.Services.AddScoped<IDiscussableResults, DiscussableResultsReader>();
        builder.Services.AddScoped<SheetNotifier>();
        builder.Services.AddScoped<ProgressWriter>();
        builder.Services.AddScoped<WarningEvaluator>();
        builder.Services.AddScoped<EvaluateWarningsJob>();
        builder.Services.AddScoped<IDemoDataSeeder, AssessmentDemoData>();
        builder.Services.AddScoped<AppealEvidencePolicy>();
        builder.Services.AddScoped<IFileAccessPolicy>(sp => sp.GetRequiredService<AppealEvidencePolicy>());
    }

    /// <summary>Menu and card labels, and the notification texts stored as <c>assessment:&lt;key&gt;</c> (rendered in the reader's language).</summary>
    public ModuleTextResource Text { get; } = new(SheetNotifier.Kind, typeof(AssessmentText));

    public IReadOnlyList<NavGroup> NavigationGroups { get; } =
    [
        new("assessment", "NavAssessment", Icons.Material.Filled.Assessment, 30, TestId: "nav-assessment-group"),
    ];

    public IReadOnlyList<NavEntry> Navigation { get; } =
    [
        new("/assessment", "NavAssessmentSchemes", 1, Group: "assessment", MatchAll: true, TestId: "nav-assessment"),
        new("/assessment/warnings", "NavAssessmentWarnings", 2, Group: "assessment", TestId: "nav-assessment-warnings"),
        new("/assessment/indicators", "NavAssessmentIndicators", 3, Group: "assessment", Roles: [BankRoles.TaskAdmin], TestId: "nav-assessment-indicators"),
    ];

    public IReadOnlyList<HomeCard> HomeCards { get; } =
    [
        new(AssessmentHomeCards.SheetStanding, "Card_SheetStanding_Title", 10, Icons.Material.Filled.Assessment, [BankRoles.SubBranchHead]),
        new(AssessmentHomeCards.OpenWarnings, "Card_OpenWarnings_Title", 8, Icons.Material.Filled.NotificationImportant, [BankRoles.SubBranchHead]),
        new(AssessmentHomeCards.MyAppeals, "Card_MyAppeals_Title", 18, Icons.Material.Filled.Gavel, [BankRoles.SubBranchHead]),
        new(AssessmentHomeCards.BehindUnits, "Card_BehindUnits_Title", 20, Icons.Material.Filled.TrendingDown, [BankRoles.HeadOfficeSupervisor]),
        new(AssessmentHomeCards.UnansweredWarnings, "Card_UnansweredWarnings_Title", 21, Icons.Material.Filled.NotificationImportant, [BankRoles.HeadOfficeSupervisor]),
        new(AssessmentHomeCards.AppealsToDecide, "Card_AppealsToDecide_Title", 22, Icons.Material.Filled.Gavel, [BankRoles.HeadOfficeSupervisor]),
        new(AssessmentHomeCards.DraftSchemes, "Card_DraftSchemes_Title", 30, Icons.Material.Filled.EditNote, [BankRoles.TaskAdmin]),
        new(AssessmentHomeCards.TargetsMissing, "Card_TargetsMissing_Title", 31, Icons.Material.Filled.GridOn, [BankRoles.TaskAdmin]),
        new(AssessmentHomeCards.LastImport, "Card_LastImport_Title", 32, Icons.Material.Filled.UploadFile, [BankRoles.TaskAdmin]),
    ];

    public Task<IReadOnlyList<HomeFigure>> ReadHomeFiguresAsync(IServiceProvider services, IReadOnlyCollection<string> cardKeys, CancellationToken cancellationToken) =>
        services.GetRequiredService<IPageSender>().Send(new GetHomeFiguresQuery(cardKeys), cancellationToken).AsTask();

    /// <summary>AS-6: the daily warning evaluation, at 08:00 China time unless configured otherwise.</summary>
    public IReadOnlyList<ModuleRecurringJob> RecurringJobs(IConfiguration configuration) =>
    [
        new(
            EvaluateWarningsJob.Id,
            configuration["Assessment:WarningsCron"] is { Length: > 0 } cron ? cron : EvaluateWarningsJob.DefaultCron,
            configuration["Assessment:WarningsTimeZone"] is { Length: > 0 } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : SharedKernel.BankCalendar.Zone,
            (services, ct) => services.GetRequiredService<EvaluateWarningsJob>().RunAsync(ct)),
    ];

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/assessment").WithTags("Assessment").RequireAuthorization(AuthPolicies.Api);
        AcknowledgeWarningEndpoint.Map(api);
        AwardHonourEndpoint.Map(api);
        CloseSchemeEndpoint.Map(api);
        CloseWarningEndpoint.Map(api);
        CommentOnResultsEndpoint.Map(api);
        CorrectProgressEndpoint.Map(api);
        CreateIndicatorEndpoint.Map(api);
        CreateSchemeEndpoint.Map(api);
        DecideAppealEndpoint.Map(api);
        AttachAppealEvidenceEndpoint.Map(api);
        ListAppealEvidenceEndpoint.Map(api);
        DeleteIndicatorEndpoint.Map(api);
        EvaluateWarningsEndpoint.Map(api);
        ExportScoresEndpoint.Map(api);
        FileAppealEndpoint.Map(api);
        GetAppealEndpoint.Map(api);
        GetIndicatorResultsEndpoint.Map(api);
        GetResultsEndpoint.Map(api);
        GetSchemeEndpoint.Map(api);
        GetSheetEndpoint.Map(api);
        GetTargetsEndpoint.Map(api);
        GetTrendEndpoint.Map(api);
        ImportProgressEndpoint.Map(api);
        ImportTargetsEndpoint.Map(api);
        IssueWarningEndpoint.Map(api);
        ListAppealsEndpoint.Map(api);
        ListComputedSourcesEndpoint.Map(api);
        ListHonoursEndpoint.Map(api);
        ListIndicatorsEndpoint.Map(api);
        ListMySheetsEndpoint.Map(api);
        ListProgressHistoryEndpoint.Map(api);
        ListResultCommentsEndpoint.Map(api);
        ListSchemesEndpoint.Map(api);
        ListWarningsEndpoint.Map(api);
        PublishSchemeEndpoint.Map(api);
        RecordProgressEndpoint.Map(api);
        RetireIndicatorEndpoint.Map(api);
        SetTargetsEndpoint.Map(api);
        SetWarningRulesEndpoint.Map(api);
        UpdateSchemeEndpoint.Map(api);

        // Cookie-authenticated file download for the pages (the API group accepts bearer tokens only).
        Pages.ExportDownloadEndpoint.Map(endpoints);
    }
}
