using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.Sqlite.Tasks
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RemindersSent",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slot = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemindersSent", x => new { x.TaskId, x.Slot });
                });

            migrationBuilder.CreateTable(
                name: "SupervisionPrompts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionPrompts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TasksOutboxMessages",
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
                    ParkedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TasksOutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TasksProcessedMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TasksProcessedMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "WorkPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubBranchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubBranchName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsExcellent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExcellentCitation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MarkedExcellentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanComments_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContingencyTrigger = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ContingencyActions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Milestones = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanMeasures_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 1000000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanVersions_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WeeklyTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Recurrence = table.Column<int>(type: "INTEGER", nullable: false),
                    RecursUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CarriedFromTaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActualQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EvidenceFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklyTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeeklyTasks_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskAssignees",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskAssignees", x => new { x.TaskId, x.UserId });
                    table.ForeignKey(
                        name: "FK_TaskAssignees_WeeklyTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "WeeklyTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskHistory_WeeklyTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "WeeklyTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanComments_PlanId_WrittenAtUtc",
                table: "PlanComments",
                columns: new[] { "PlanId", "WrittenAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanMeasures_PlanId_IndicatorId",
                table: "PlanMeasures",
                columns: new[] { "PlanId", "IndicatorId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_PlanId_Number",
                table: "PlanVersions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionPrompts_SubBranchId_WeekStart",
                table: "SupervisionPrompts",
                columns: new[] { "SubBranchId", "WeekStart" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionPrompts_TaskId",
                table: "SupervisionPrompts",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignees_UserId",
                table: "TaskAssignees",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskHistory_SeriesId_AtUtc",
                table: "TaskHistory",
                columns: new[] { "SeriesId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskHistory_TaskId",
                table: "TaskHistory",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_TasksOutboxMessages_LockedBy",
                table: "TasksOutboxMessages",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_TasksOutboxMessages_ProcessedAtUtc_ParkedAtUtc_NextAttemptAtUtc",
                table: "TasksOutboxMessages",
                columns: new[] { "ProcessedAtUtc", "ParkedAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyTasks_PlanId",
                table: "WeeklyTasks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyTasks_SchemeId_WeekStart_SubBranchId_State_DueDate",
                table: "WeeklyTasks",
                columns: new[] { "SchemeId", "WeekStart", "SubBranchId", "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyTasks_SeriesId",
                table: "WeeklyTasks",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyTasks_State_DueDate",
                table: "WeeklyTasks",
                columns: new[] { "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyTasks_SubBranchId_WeekStart",
                table: "WeeklyTasks",
                columns: new[] { "SubBranchId", "WeekStart" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_SchemeId_SubBranchId",
                table: "WorkPlans",
                columns: new[] { "SchemeId", "SubBranchId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_State_SubmittedAtUtc",
                table: "WorkPlans",
                columns: new[] { "State", "SubmittedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanComments");

            migrationBuilder.DropTable(
                name: "PlanMeasures");

            migrationBuilder.DropTable(
                name: "PlanVersions");

            migrationBuilder.DropTable(
                name: "RemindersSent");

            migrationBuilder.DropTable(
                name: "SupervisionPrompts");

            migrationBuilder.DropTable(
                name: "TaskAssignees");

            migrationBuilder.DropTable(
                name: "TaskHistory");

            migrationBuilder.DropTable(
                name: "TasksOutboxMessages");

            migrationBuilder.DropTable(
                name: "TasksProcessedMessages");

            migrationBuilder.DropTable(
                name: "WeeklyTasks");

            migrationBuilder.DropTable(
                name: "WorkPlans");
        }
    }
}
