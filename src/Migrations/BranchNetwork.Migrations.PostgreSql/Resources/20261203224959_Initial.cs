using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.PostgreSql.Resources
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "resources");

            migrationBuilder.CreateTable(
                name: "Requests",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubBranchId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubBranchName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequesterId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequesterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    DurationDays = table.Column<int>(type: "integer", nullable: true),
                    ItemName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    BudgetCategory = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    NeededBy = table.Column<DateOnly>(type: "date", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    IndicatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MeasureId = table.Column<Guid>(type: "uuid", nullable: true),
                    MeasureTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    CurrentStepIndex = table.Column<int>(type: "integer", nullable: true),
                    Granted = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FulfilledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastActionAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attachments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResourcesOutboxMessages",
                schema: "resources",
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
                    ParkedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourcesOutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResourcesProcessedMessages",
                schema: "resources",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourcesProcessedMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "Routes",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    LeaderThreshold = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    LeaderApproverIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Steps = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Routes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RequestActions",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StepName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Granted = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Detail = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestActions_Requests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "resources",
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequestSteps",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    DueWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    IsLeaderStep = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastRemindedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Cc = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestSteps_Requests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "resources",
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StepApprovers",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StepId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Granted = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    TransferredFromId = table.Column<Guid>(type: "uuid", nullable: true),
                    AddedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StepApprovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StepApprovers_RequestSteps_StepId",
                        column: x => x.StepId,
                        principalSchema: "resources",
                        principalTable: "RequestSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RequestActions_RequestId_AtUtc",
                schema: "resources",
                table: "RequestActions",
                columns: new[] { "RequestId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_LastActionAtUtc",
                schema: "resources",
                table: "Requests",
                columns: new[] { "State", "LastActionAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_SubBranchId_State",
                schema: "resources",
                table: "Requests",
                columns: new[] { "SubBranchId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_SubmittedAtUtc_Kind",
                schema: "resources",
                table: "Requests",
                columns: new[] { "SubmittedAtUtc", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestSteps_Outcome_DueAtUtc",
                schema: "resources",
                table: "RequestSteps",
                columns: new[] { "Outcome", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestSteps_RequestId_Round_Index",
                schema: "resources",
                table: "RequestSteps",
                columns: new[] { "RequestId", "Round", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourcesOutboxMessages_LockedBy",
                schema: "resources",
                table: "ResourcesOutboxMessages",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_ResourcesOutboxMessages_ProcessedAtUtc_ParkedAtUtc_NextAtte~",
                schema: "resources",
                table: "ResourcesOutboxMessages",
                columns: new[] { "ProcessedAtUtc", "ParkedAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Routes_Kind",
                schema: "resources",
                table: "Routes",
                column: "Kind",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StepApprovers_StepId",
                schema: "resources",
                table: "StepApprovers",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_StepApprovers_UserId_Status",
                schema: "resources",
                table: "StepApprovers",
                columns: new[] { "UserId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RequestActions",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "ResourcesOutboxMessages",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "ResourcesProcessedMessages",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "Routes",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "StepApprovers",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "RequestSteps",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "Requests",
                schema: "resources");
        }
    }
}
