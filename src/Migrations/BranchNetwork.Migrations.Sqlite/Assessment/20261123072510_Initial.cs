using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.Sqlite.Assessment
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentOutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ParkedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentOutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentProcessedMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentProcessedMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "AssessmentSchemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PeriodKind = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    BusinessLineId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ExcellentFrom = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    GoodFrom = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    FairFrom = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    BehindMarginPoints = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSchemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BusinessLineId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    DataSource = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedSourceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RuleKind = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleCap = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    RuleFloor = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    RuleMinimumCompletion = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    RuleBands = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    AllowSubBranchEntry = table.Column<bool>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Appeals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    FiledById = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiledByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PreviousTarget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    NewTarget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    ScoreAdjustment = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appeals_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentSheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubBranchCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubBranchName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ScoreAdjustment = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    FinalScore = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: true),
                    FinalGrade = table.Column<int>(type: "INTEGER", nullable: true),
                    FinalRank = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentSheets_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Honours",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubBranchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Citation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AwardedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    AwardedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Honours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Honours_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgressEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredById = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SupersedesEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressEntries_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressEntries_ProgressEntries_SupersedesEntryId",
                        column: x => x.SupersedesEntryId,
                        principalTable: "ProgressEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultComments_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    ActualValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    ActualAsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActualEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Completion = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Targets_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WarningRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WarningRules_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SchemeIndicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    DataSource = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedSourceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AllowSubBranchEntry = table.Column<bool>(type: "INTEGER", nullable: false),
                    RuleKind = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleCap = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    RuleFloor = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    RuleMinimumCompletion = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    RuleBands = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchemeIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchemeIndicators_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SchemeIndicators_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Warnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RuleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    IssuedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    IssuedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AcknowledgedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CloseReason = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Warnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Warnings_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Warnings_WarningRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "WarningRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_SchemeId_SubBranchId",
                table: "Appeals",
                columns: new[] { "SchemeId", "SubBranchId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentOutboxMessages_ProcessedAtUtc_ParkedAtUtc_NextAttemptAtUtc",
                table: "AssessmentOutboxMessages",
                columns: new[] { "ProcessedAtUtc", "ParkedAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSchemes_Status_StartDate",
                table: "AssessmentSchemes",
                columns: new[] { "Status", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSheets_SchemeId_SubBranchId",
                table: "AssessmentSheets",
                columns: new[] { "SchemeId", "SubBranchId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSheets_SubBranchId",
                table: "AssessmentSheets",
                column: "SubBranchId");

            migrationBuilder.CreateIndex(
                name: "IX_Honours_SchemeId_Title_SubjectKind_SubjectId",
                table: "Honours",
                columns: new[] { "SchemeId", "Title", "SubjectKind", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Code",
                table: "Indicators",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressEntries_SchemeId_SubBranchId_IndicatorId_Date",
                table: "ProgressEntries",
                columns: new[] { "SchemeId", "SubBranchId", "IndicatorId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressEntries_SupersedesEntryId",
                table: "ProgressEntries",
                column: "SupersedesEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultComments_SchemeId_CreatedAtUtc",
                table: "ResultComments",
                columns: new[] { "SchemeId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SchemeIndicators_IndicatorId",
                table: "SchemeIndicators",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_SchemeIndicators_SchemeId_IndicatorId",
                table: "SchemeIndicators",
                columns: new[] { "SchemeId", "IndicatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Targets_Covering",
                table: "Targets",
                columns: new[] { "SchemeId", "SubBranchId", "IndicatorId", "Value", "ActualValue", "ActualAsOf", "Completion", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_Targets_SchemeId_SubBranchId_IndicatorId",
                table: "Targets",
                columns: new[] { "SchemeId", "SubBranchId", "IndicatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WarningRules_SchemeId",
                table: "WarningRules",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_OpenKey",
                table: "Warnings",
                column: "OpenKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_RuleId",
                table: "Warnings",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_SchemeId_SubBranchId_Status",
                table: "Warnings",
                columns: new[] { "SchemeId", "SubBranchId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appeals");

            migrationBuilder.DropTable(
                name: "AssessmentOutboxMessages");

            migrationBuilder.DropTable(
                name: "AssessmentProcessedMessages");

            migrationBuilder.DropTable(
                name: "AssessmentSheets");

            migrationBuilder.DropTable(
                name: "Honours");

            migrationBuilder.DropTable(
                name: "ProgressEntries");

            migrationBuilder.DropTable(
                name: "ResultComments");

            migrationBuilder.DropTable(
                name: "SchemeIndicators");

            migrationBuilder.DropTable(
                name: "Targets");

            migrationBuilder.DropTable(
                name: "Warnings");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "WarningRules");

            migrationBuilder.DropTable(
                name: "AssessmentSchemes");
        }
    }
}
