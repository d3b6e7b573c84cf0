using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.Sqlite.Audit
{
    /// <inheritdoc />
    public partial class ConsoleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
