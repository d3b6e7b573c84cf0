using BranchNetwork.Infrastructure.Jobs;
using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Features.AcknowledgeWarning;
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
using BranchNetwork.Modules.Assessment.Features.GetIndicatorResults;
using BranchNetwork.Modules.Assessment.Features.GetResults;
using BranchNetwork.Modules.Assessment.Features.GetScheme;
using BranchNetwork.Modules.Assessment.Features.GetSheet;
using BranchNetwork.Modules.Assessment.Features.GetTargets;
using BranchNetwork.Modules.Assessment.Features.GetTrend;
using BranchNetwork.Modules.Assessment.Features.ImportProgress;
using BranchNetwork.Modules.Assessment.Features.ImportTargets;
using BranchNetwork.Modules.Assessment.Features.IssueWarning;
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
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Localization;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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
        builder.Services.AddScoped<SheetNotifier>();
        builder.Services.AddScoped<ProgressWriter>();
        builder.Services.AddScoped<WarningEvaluator>();
        builder.Services.AddScoped<EvaluateWarningsJob>();
        builder.Services.AddSingleton<IRecurringJobSource, AssessmentJobs>();
        builder.Services.AddScoped<IDemoDataSeeder, AssessmentDemoData>();
        // Notification texts are stored as assessment:<key> and rendered from these resources in the reader's language.
        builder.Services.AddSingleton(new ModuleTextResource(SheetNotifier.Kind, typeof(AssessmentText)));
    }

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
