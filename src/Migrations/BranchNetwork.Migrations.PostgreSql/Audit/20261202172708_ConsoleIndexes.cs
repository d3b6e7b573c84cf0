using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.PostgreSql.Audit
{
    /// <inheritdoc />
    public partial class ConsoleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
