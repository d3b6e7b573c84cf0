using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.SqlServer.Tasks
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "tasks");

            migrationBuilder.CreateTable(
                name: "RemindersSent",
                schema: "tasks",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Slot = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemindersSent", x => new { x.TaskId, x.Slot });
                });

            migrationBuilder.CreateTable(
                name: "SupervisionPrompts",
                schema: "tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    TaskId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Text = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionPrompts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TasksOutboxMessages",
                schema: "tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", maxLength: 100000, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ParkedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LockedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LockedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TasksOutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TasksProcessedMessages",
                schema: "tasks",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Handler = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TasksProcessedMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "WorkPlans",
                schema: "tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SchemeName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SubBranchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubBranchName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    VersionNumber = table.Column<int>(type: "int", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    IsExcellent = table.Column<bool>(type: "bit", nullable: false),
                    ExcellentCitation = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    MarkedExcellentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanComments",
                schema: "tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VersionNumber = table.Column<int>(type: "int", nullable: false),
                    MeasureId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanComments_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalSchema: "tasks",
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanMeasures",
                schema: "tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    OwnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OwnerName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ContingencyTrigger = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ContingencyActions = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Milestones = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanMeasures_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalSchema: "tasks",
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanVersions",
                schema: "tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    SubmittedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubmittedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", maxLength: 1000000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanVersions_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalSchema: "tasks",
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WeeklyTasks",
                schema: "tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeasureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeasureTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SchemeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    Recurrence = table.Column<int>(type: "int", nullable: false),
                    RecursUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    SeriesId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CarriedFromTaskId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ActualQuantity = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    EvidenceFileId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ClosedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ClosedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklyTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeeklyTasks_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalSchema: "tasks",
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskAssignees",
                schema: "tasks",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskAssignees", x => new { x.TaskId, x.UserId });
                    table.ForeignKey(
                        name: "FK_TaskAssignees_WeeklyTasks_TaskId",
                        column: x => x.TaskId,
                        principalSchema: "tasks",
                        principalTable: "WeeklyTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskHistory",
                schema: "tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TaskId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskHistory_WeeklyTasks_TaskId",
                        column: x => x.TaskId,
                        principalSchema: "tasks",
                        principalTable: "WeeklyTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanComments_PlanId_WrittenAtUtc",
                schema: "tasks",
                table: "PlanComments",
                columns: new[] { "PlanId", "WrittenAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasures_PlanId_IndicatorId",
                schema: "tasks",
                table: "PlanMeasures",
                columns: new[] { "PlanId", "IndicatorId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_PlanId_Number",
                schema: "tasks",
                table: "PlanVersions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionPrompts_SubBranchId_WeekStart",
                schema: "tasks",
                table: "SupervisionPrompts",
                columns: new[] { "SubBranchId", "WeekStart" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionPrompts_TaskId",
                schema: "tasks",
                table: "SupervisionPrompts",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignees_UserId",
                schema: "tasks",
                table: "TaskAssignees",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskHistory_SeriesId_AtUtc",
                schema: "tasks",
                table: "TaskHistory",
                columns: new[] { "SeriesId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskHistory_TaskId",
                schema: "tasks",
                table: "TaskHistory",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_TasksOutboxMessages_LockedBy",
                schema: "tasks",
                table: "TasksOutboxMessages",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_TasksOutboxMessages_ProcessedAtUtc_ParkedAtUtc_NextAttemptAtUtc",
                schema: "tasks",
                table: "TasksOutboxMessages",
                columns: new[] { "ProcessedAtUtc", "ParkedAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyTasks_PlanId",
                schema: "tasks",
                table: "WeeklyTasks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyTasks_SchemeId_WeekStart_SubBranchId_State_DueDate",
                schema: "tasks",
                table: "WeeklyTasks",
                columns: new[] { "SchemeId", "WeekStart", "SubBranchId", "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyTasks_SeriesId",
                schema: "tasks",
                table: "WeeklyTasks",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyTasks_State_DueDate",
                schema: "tasks",
                table: "WeeklyTasks",
                columns: new[] { "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyTasks_SubBranchId_WeekStart",
                schema: "tasks",
                table: "WeeklyTasks",
                columns: new[] { "SubBranchId", "WeekStart" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_SchemeId_SubBranchId",
                schema: "tasks",
                table: "WorkPlans",
                columns: new[] { "SchemeId", "SubBranchId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_State_SubmittedAtUtc",
                schema: "tasks",
                table: "WorkPlans",
                columns: new[] { "State", "SubmittedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanComments",
                schema: "tasks");

            migrationBuilder.DropTable(
                name: "PlanMeasures",
                schema: "tasks");

            migrationBuilder.DropTable(
                name: "PlanVersions",
                schema: "tasks");

            migrationBuilder.DropTable(
                name: "RemindersSent",
                schema: "tasks");

            migrationBuilder.DropTable(
                name: "SupervisionPrompts",
                schema: "tasks");

            migrationBuilder.DropTable(
                name: "TaskAssignees",
                schema: "tasks");

            migrationBuilder.DropTable(
                name: "TaskHistory",
                schema: "tasks");

            migrationBuilder.DropTable(
                name: "TasksOutboxMessages",
                schema: "tasks");

            migrationBuilder.DropTable(
                name: "TasksProcessedMessages",
                schema: "tasks");

            migrationBuilder.DropTable(
                name: "WeeklyTasks",
                schema: "tasks");

            migrationBuilder.DropTable(
                name: "WorkPlans",
                schema: "tasks");
        }
    }
}
