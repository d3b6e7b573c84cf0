using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.PostgreSql.Assessment
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "assessment");

            migrationBuilder.CreateTable(
                name: "AssessmentOutboxMessages",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ParkedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentOutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentProcessedMessages",
                schema: "assessment",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentProcessedMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "AssessmentSchemes",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PeriodKind = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    BusinessLineId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ExcellentFrom = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    GoodFrom = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    FairFrom = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    BehindMarginPoints = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSchemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BusinessLineId = table.Column<Guid>(type: "uuid", nullable: true),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    DataSource = table.Column<int>(type: "integer", nullable: false),
                    ComputedSourceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RuleKind = table.Column<int>(type: "integer", nullable: false),
                    RuleCap = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    RuleFloor = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    RuleMinimumCompletion = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    RuleBands = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    AllowSubBranchEntry = table.Column<bool>(type: "boolean", nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Appeals",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequestedValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    FiledById = table.Column<Guid>(type: "uuid", nullable: false),
                    FiledByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PreviousTarget = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    NewTarget = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    ScoreAdjustment = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appeals_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalSchema: "assessment",
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentSheets",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubBranchCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubBranchName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ScoreAdjustment = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    FinalScore = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    FinalGrade = table.Column<int>(type: "integer", nullable: true),
                    FinalRank = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentSheets_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalSchema: "assessment",
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Honours",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubBranchId = table.Column<Guid>(type: "uuid", nullable: true),
                    Citation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AwardedById = table.Column<Guid>(type: "uuid", nullable: false),
                    AwardedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Honours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Honours_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalSchema: "assessment",
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgressEntries",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    EnteredById = table.Column<Guid>(type: "uuid", nullable: false),
                    EnteredByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SupersedesEntryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressEntries_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalSchema: "assessment",
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressEntries_ProgressEntries_SupersedesEntryId",
                        column: x => x.SupersedesEntryId,
                        principalSchema: "assessment",
                        principalTable: "ProgressEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultComments",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultComments_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalSchema: "assessment",
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Targets",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    ActualValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    ActualAsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualEntryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Completion = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Targets_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalSchema: "assessment",
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WarningRules",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Threshold = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WarningRules_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalSchema: "assessment",
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SchemeIndicators",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    DataSource = table.Column<int>(type: "integer", nullable: false),
                    ComputedSourceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AllowSubBranchEntry = table.Column<bool>(type: "boolean", nullable: false),
                    RuleKind = table.Column<int>(type: "integer", nullable: false),
                    RuleCap = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    RuleFloor = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    RuleMinimumCompletion = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    RuleBands = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchemeIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchemeIndicators_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalSchema: "assessment",
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SchemeIndicators_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalSchema: "assessment",
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Warnings",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    RuleId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OpenKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    IssuedById = table.Column<Guid>(type: "uuid", nullable: true),
                    IssuedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Response = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AcknowledgedById = table.Column<Guid>(type: "uuid", nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CloseReason = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Warnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Warnings_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalSchema: "assessment",
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Warnings_WarningRules_RuleId",
                        column: x => x.RuleId,
                        principalSchema: "assessment",
                        principalTable: "WarningRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_SchemeId_SubBranchId",
                schema: "assessment",
                table: "Appeals",
                columns: new[] { "SchemeId", "SubBranchId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentOutboxMessages_ProcessedAtUtc_ParkedAtUtc_NextAtt~",
                schema: "assessment",
                table: "AssessmentOutboxMessages",
                columns: new[] { "ProcessedAtUtc", "ParkedAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSchemes_Status_StartDate",
                schema: "assessment",
                table: "AssessmentSchemes",
                columns: new[] { "Status", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSheets_SchemeId_SubBranchId",
                schema: "assessment",
                table: "AssessmentSheets",
                columns: new[] { "SchemeId", "SubBranchId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSheets_SubBranchId",
                schema: "assessment",
                table: "AssessmentSheets",
                column: "SubBranchId");

            migrationBuilder.CreateIndex(
                name: "IX_Honours_SchemeId_Title_SubjectKind_SubjectId",
                schema: "assessment",
                table: "Honours",
                columns: new[] { "SchemeId", "Title", "SubjectKind", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Code",
                schema: "assessment",
                table: "Indicators",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressEntries_SchemeId_SubBranchId_IndicatorId_Date",
                schema: "assessment",
                table: "ProgressEntries",
                columns: new[] { "SchemeId", "SubBranchId", "IndicatorId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressEntries_SupersedesEntryId",
                schema: "assessment",
                table: "ProgressEntries",
                column: "SupersedesEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultComments_SchemeId_CreatedAtUtc",
                schema: "assessment",
                table: "ResultComments",
                columns: new[] { "SchemeId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SchemeIndicators_IndicatorId",
                schema: "assessment",
                table: "SchemeIndicators",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_SchemeIndicators_SchemeId_IndicatorId",
                schema: "assessment",
                table: "SchemeIndicators",
                columns: new[] { "SchemeId", "IndicatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Targets_SchemeId_SubBranchId_IndicatorId",
                schema: "assessment",
                table: "Targets",
                columns: new[] { "SchemeId", "SubBranchId", "IndicatorId" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "Value", "ActualValue", "ActualAsOf", "Completion", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_WarningRules_SchemeId",
                schema: "assessment",
                table: "WarningRules",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_OpenKey",
                schema: "assessment",
                table: "Warnings",
                column: "OpenKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_RuleId",
                schema: "assessment",
                table: "Warnings",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_SchemeId_SubBranchId_Status",
                schema: "assessment",
                table: "Warnings",
                columns: new[] { "SchemeId", "SubBranchId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appeals",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "AssessmentOutboxMessages",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "AssessmentProcessedMessages",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "AssessmentSheets",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "Honours",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "ProgressEntries",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "ResultComments",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "SchemeIndicators",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "Targets",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "Warnings",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "Indicators",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "WarningRules",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "AssessmentSchemes",
                schema: "assessment");
        }
    }
}
