using BranchNetwork.Infrastructure.Jobs;
using BranchNetwork.Infrastructure.Persistence;
using BranchNetwork.Modules.Assessment.Data;
using BranchNetwork.Modules.Assessment.Features.AttachAppealEvidence;
using BranchNetwork.Modules.Assessment.Features.AwardHonour;
using BranchNetwork.Modules.Assessment.Features.CommentOnResults;
using BranchNetwork.Modules.Assessment.Features.CreateScheme;
using BranchNetwork.Modules.Assessment.Features.DecideAppeal;
using BranchNetwork.Modules.Assessment.Features.EvaluateWarnings;
using BranchNetwork.Modules.Assessment.Features.ExportScores;
using BranchNetwork.Modules.Assessment.Features.FileAppeal;
using BranchNetwork.Modules.Assessment.Features.GetResults;
using BranchNetwork.Modules.Assessment.Features.GetScheme;
using BranchNetwork.Modules.Assessment.Features.GetSheet;
using BranchNetwork.Modules.Assessment.Features.ImportProgress;
using BranchNetwork.Modules.Assessment.Features.ImportTargets;
using BranchNetwork.Modules.Assessment.Features.IssueWarning;
using BranchNetwork.Modules.Assessment.Features.ListAppealEvidence;
using BranchNetwork.Modules.Assessment.Features.ListAppeals;
using BranchNetwork.Modules.Assessment.Features.ListWarnings;
using BranchNetwork.Modules.Assessment.Features.ManageIndicators;
using BranchNetwork.Modules.Assessment.Features.PublishScheme;
using BranchNetwork.Modules.Assessment.Features.RecordProgress;
using BranchNetwork.Modules.Assessment.Features.RespondToWarning;
using BranchNetwork.Modules.Assessment.Features.SetTargets;
using BranchNetwork.Modules.Assessment.Features.SetWarningRules;
using BranchNetwork.Modules.Assessment.Features.Shared;
using BranchNetwork.Modules.Assessment.Features.UpdateScheme;
using BranchNetwork.Modules.Assessment.Services;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Identity.Contracts;
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
        builder.Services.AddScoped<AppealEvidencePolicy>();
        builder.Services.AddScoped<IFileAccessPolicy>(sp => sp.GetRequiredService<AppealEvidencePolicy>());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/assessment").WithTags("Assessment").RequireAuthorization(AuthPolicies.Api);
        ManageIndicatorsEndpoints.Map(api);
        GetSchemeEndpoints.Map(api);
        CreateSchemeEndpoint.Map(api);
        UpdateSchemeEndpoint.Map(api);
        SetTargetsEndpoints.Map(api);
        ImportTargetsEndpoint.Map(api);
        PublishSchemeEndpoints.Map(api);
        RecordProgressEndpoints.Map(api);
        ImportProgressEndpoint.Map(api);
        GetResultsEndpoints.Map(api);
        GetSheetEndpoints.Map(api);
        ExportScoresEndpoint.Map(api);
        SetWarningRulesEndpoint.Map(api);
        EvaluateWarningsEndpoint.Map(api);
        ListWarningsEndpoint.Map(api);
        IssueWarningEndpoint.Map(api);
        RespondToWarningEndpoints.Map(api);
        FileAppealEndpoint.Map(api);
        ListAppealsEndpoints.Map(api);
        DecideAppealEndpoint.Map(api);
        AttachAppealEvidenceEndpoint.Map(api);
        ListAppealEvidenceEndpoint.Map(api);
        AwardHonourEndpoints.Map(api);
        CommentOnResultsEndpoints.Map(api);

        // Cookie-authenticated file download for the pages (the API group accepts bearer tokens only).
        Pages.ExportDownloadEndpoint.Map(endpoints);
    }
}
