using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.PostgreSql.Audit
{
    /// <inheritdoc />
    public partial class ConsoleArchivesAndPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessPolicies",
                schema: "audit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    PathPatterns = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Roles = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WorkingDaysOnly = table.Column<bool>(type: "boolean", nullable: false),
                    FromLocal = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    ToLocal = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    AllowedNetworks = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FileExtensions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    MaxUploadBytes = table.Column<long>(type: "bigint", nullable: true),
                    LinkDomains = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChainArchives",
                schema: "audit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Chain = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FirstSeq = table.Column<long>(type: "bigint", nullable: false),
                    LastSeq = table.Column<long>(type: "bigint", nullable: false),
                    LastHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CheckpointId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordCount = table.Column<long>(type: "bigint", nullable: false),
                    ArchivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainArchives", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_ActorName_TimeUtc",
                schema: "audit",
                table: "AuditRecords",
                columns: new[] { "ActorName", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_ActorUnitId_TimeUtc",
                schema: "audit",
                table: "AuditRecords",
                columns: new[] { "ActorUnitId", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_EntityType_EntityId_TimeUtc",
                schema: "audit",
                table: "AuditRecords",
                columns: new[] { "EntityType", "EntityId", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Module_EntityType_EntityId_Seq",
                schema: "audit",
                table: "AuditRecords",
                columns: new[] { "Module", "EntityType", "EntityId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Module_TimeUtc",
                schema: "audit",
                table: "AuditRecords",
                columns: new[] { "Module", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Operation_TimeUtc",
                schema: "audit",
                table: "AuditRecords",
                columns: new[] { "Operation", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_TimeUtc_Id",
                schema: "audit",
                table: "AuditRecords",
                columns: new[] { "TimeUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_RouteTemplate_TimeUtc",
                schema: "audit",
                table: "AccessLogEntries",
                columns: new[] { "RouteTemplate", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_Status_TimeUtc",
                schema: "audit",
                table: "AccessLogEntries",
                columns: new[] { "Status", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_TimeUtc_Id",
                schema: "audit",
                table: "AccessLogEntries",
                columns: new[] { "TimeUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_UnitId_TimeUtc",
                schema: "audit",
                table: "AccessLogEntries",
                columns: new[] { "UnitId", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_UserId_TimeUtc",
                schema: "audit",
                table: "AccessLogEntries",
                columns: new[] { "UserId", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessPolicies_Name",
                schema: "audit",
                table: "AccessPolicies",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChainArchives_Chain_LastSeq",
                schema: "audit",
                table: "ChainArchives",
                columns: new[] { "Chain", "LastSeq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessPolicies",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "ChainArchives",
                schema: "audit");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_ActorName_TimeUtc",
                schema: "audit",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_ActorUnitId_TimeUtc",
                schema: "audit",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_EntityType_EntityId_TimeUtc",
                schema: "audit",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_Module_EntityType_EntityId_Seq",
                schema: "audit",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_Module_TimeUtc",
                schema: "audit",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_Operation_TimeUtc",
                schema: "audit",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_TimeUtc_Id",
                schema: "audit",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_RouteTemplate_TimeUtc",
                schema: "audit",
                table: "AccessLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_Status_TimeUtc",
                schema: "audit",
                table: "AccessLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_TimeUtc_Id",
                schema: "audit",
                table: "AccessLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_UnitId_TimeUtc",
                schema: "audit",
                table: "AccessLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_UserId_TimeUtc",
                schema: "audit",
                table: "AccessLogEntries");
        }
    }
}
