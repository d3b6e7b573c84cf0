using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.Sqlite.Audit
{
    /// <inheritdoc />
    public partial class ConsoleArchivesAndPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    PathPatterns = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WorkingDaysOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    FromLocal = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ToLocal = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    AllowedNetworks = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FileExtensions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MaxUploadBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    LinkDomains = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChainArchives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Chain = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FirstSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CheckpointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RecordCount = table.Column<long>(type: "INTEGER", nullable: false),
                    ArchivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainArchives", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_ActorName_TimeUtc",
                table: "AuditRecords",
                columns: new[] { "ActorName", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_ActorUnitId_TimeUtc",
                table: "AuditRecords",
                columns: new[] { "ActorUnitId", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_EntityType_EntityId_TimeUtc",
                table: "AuditRecords",
                columns: new[] { "EntityType", "EntityId", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Module_EntityType_EntityId_Seq",
                table: "AuditRecords",
                columns: new[] { "Module", "EntityType", "EntityId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Module_TimeUtc",
                table: "AuditRecords",
                columns: new[] { "Module", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Operation_TimeUtc",
                table: "AuditRecords",
                columns: new[] { "Operation", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_TimeUtc_Id",
                table: "AuditRecords",
                columns: new[] { "TimeUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_RouteTemplate_TimeUtc",
                table: "AccessLogEntries",
                columns: new[] { "RouteTemplate", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_Status_TimeUtc",
                table: "AccessLogEntries",
                columns: new[] { "Status", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_TimeUtc_Id",
                table: "AccessLogEntries",
                columns: new[] { "TimeUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_UnitId_TimeUtc",
                table: "AccessLogEntries",
                columns: new[] { "UnitId", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_UserId_TimeUtc",
                table: "AccessLogEntries",
                columns: new[] { "UserId", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessPolicies_Name",
                table: "AccessPolicies",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChainArchives_Chain_LastSeq",
                table: "ChainArchives",
                columns: new[] { "Chain", "LastSeq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessPolicies");

            migrationBuilder.DropTable(
                name: "ChainArchives");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_ActorName_TimeUtc",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_ActorUnitId_TimeUtc",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_EntityType_EntityId_TimeUtc",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_Module_EntityType_EntityId_Seq",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_Module_TimeUtc",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_Operation_TimeUtc",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_TimeUtc_Id",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_RouteTemplate_TimeUtc",
                table: "AccessLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_Status_TimeUtc",
                table: "AccessLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_TimeUtc_Id",
                table: "AccessLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_UnitId_TimeUtc",
                table: "AccessLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_UserId_TimeUtc",
                table: "AccessLogEntries");
        }
    }
}
