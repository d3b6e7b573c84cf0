using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.PostgreSql.WorkLogs
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "worklogs");

            migrationBuilder.CreateTable(
                name: "ChasesSent",
                schema: "worklogs",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChasesSent", x => new { x.UserId, x.Day, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "DailyLogs",
                schema: "worklogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubBranchId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: true),
                    TemplateName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Done = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Problems = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Plan = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SharedWithTeam = table.Column<bool>(type: "boolean", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Timeliness = table.Column<int>(type: "integer", nullable: true),
                    LastSavedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attachments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    TemplateFields = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyLogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Templates",
                schema: "worklogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Position = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false),
                    Fields = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkLogsOutboxMessages",
                schema: "worklogs",
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
                    table.PrimaryKey("PK_WorkLogsOutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkLogsProcessedMessages",
                schema: "worklogs",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkLogsProcessedMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "LogAmendments",
                schema: "worklogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LogId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LogAmendments_DailyLogs_LogId",
                        column: x => x.LogId,
                        principalSchema: "worklogs",
                        principalTable: "DailyLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LogComments",
                schema: "worklogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LogId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LogComments_DailyLogs_LogId",
                        column: x => x.LogId,
                        principalSchema: "worklogs",
                        principalTable: "DailyLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LogFieldValues",
                schema: "worklogs",
                columns: table => new
                {
                    LogId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogFieldValues", x => new { x.LogId, x.Key });
                    table.ForeignKey(
                        name: "FK_LogFieldValues_DailyLogs_LogId",
                        column: x => x.LogId,
                        principalSchema: "worklogs",
                        principalTable: "DailyLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LogLikes",
                schema: "worklogs",
                columns: table => new
                {
                    LogId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LikedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogLikes", x => new { x.LogId, x.UserId });
                    table.ForeignKey(
                        name: "FK_LogLikes_DailyLogs_LogId",
                        column: x => x.LogId,
                        principalSchema: "worklogs",
                        principalTable: "DailyLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LogReads",
                schema: "worklogs",
                columns: table => new
                {
                    LogId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReaderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReaderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FirstReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogReads", x => new { x.LogId, x.ReaderId });
                    table.ForeignKey(
                        name: "FK_LogReads_DailyLogs_LogId",
                        column: x => x.LogId,
                        principalSchema: "worklogs",
                        principalTable: "DailyLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LogTaskLines",
                schema: "worklogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LogId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogTaskLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LogTaskLines_DailyLogs_LogId",
                        column: x => x.LogId,
                        principalSchema: "worklogs",
                        principalTable: "DailyLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DailyLogs_AuthorId_Day",
                schema: "worklogs",
                table: "DailyLogs",
                columns: new[] { "AuthorId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DailyLogs_Day_State",
                schema: "worklogs",
                table: "DailyLogs",
                columns: new[] { "Day", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyLogs_SubBranchId_Day_State",
                schema: "worklogs",
                table: "DailyLogs",
                columns: new[] { "SubBranchId", "Day", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_LogAmendments_LogId",
                schema: "worklogs",
                table: "LogAmendments",
                column: "LogId");

            migrationBuilder.CreateIndex(
                name: "IX_LogComments_LogId_WrittenAtUtc",
                schema: "worklogs",
                table: "LogComments",
                columns: new[] { "LogId", "WrittenAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LogFieldValues_Key_Value",
                schema: "worklogs",
                table: "LogFieldValues",
                columns: new[] { "Key", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_LogTaskLines_LogId",
                schema: "worklogs",
                table: "LogTaskLines",
                column: "LogId");

            migrationBuilder.CreateIndex(
                name: "IX_LogTaskLines_TaskId",
                schema: "worklogs",
                table: "LogTaskLines",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Templates_Position_IsRetired",
                schema: "worklogs",
                table: "Templates",
                columns: new[] { "Position", "IsRetired" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkLogsOutboxMessages_LockedBy",
                schema: "worklogs",
                table: "WorkLogsOutboxMessages",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_WorkLogsOutboxMessages_ProcessedAtUtc_ParkedAtUtc_NextAttem~",
                schema: "worklogs",
                table: "WorkLogsOutboxMessages",
                columns: new[] { "ProcessedAtUtc", "ParkedAtUtc", "NextAttemptAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChasesSent",
                schema: "worklogs");

            migrationBuilder.DropTable(
                name: "LogAmendments",
                schema: "worklogs");

            migrationBuilder.DropTable(
                name: "LogComments",
                schema: "worklogs");

            migrationBuilder.DropTable(
                name: "LogFieldValues",
                schema: "worklogs");

            migrationBuilder.DropTable(
                name: "LogLikes",
                schema: "worklogs");

            migrationBuilder.DropTable(
                name: "LogReads",
                schema: "worklogs");

            migrationBuilder.DropTable(
                name: "LogTaskLines",
                schema: "worklogs");

            migrationBuilder.DropTable(
                name: "Templates",
                schema: "worklogs");

            migrationBuilder.DropTable(
                name: "WorkLogsOutboxMessages",
                schema: "worklogs");

            migrationBuilder.DropTable(
                name: "WorkLogsProcessedMessages",
                schema: "worklogs");

            migrationBuilder.DropTable(
                name: "DailyLogs",
                schema: "worklogs");
        }
    }
}
