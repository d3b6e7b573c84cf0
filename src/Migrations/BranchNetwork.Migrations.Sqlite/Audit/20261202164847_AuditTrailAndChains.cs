using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace BranchNetwork.Migrations.Sqlite.Audit
{
    /// <inheritdoc />
    public partial class AuditTrailAndChains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_UserName",
                table: "AccessLogEntries");

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AccessLogEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PrevHash",
                table: "AccessLogEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "AccessLogEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AuditOutboxMessages",
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
                    table.PrimaryKey("PK_AuditOutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditProcessedMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditProcessedMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "AuditRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    PrevHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActorRoles = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ActorUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Module = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CorrelationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Changes = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChainCheckpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Chain = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChainHeads",
                columns: table => new
                {
                    Chain = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainHeads", x => x.Chain);
                });

            migrationBuilder.InsertData(
                table: "ChainHeads",
                columns: new[] { "Chain", "Hash", "Seq" },
                values: new object[,]
                {
                    { "access", "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { "trail", "0000000000000000000000000000000000000000000000000000000000000000", 0L }
                });

            // Entries written before the chain existed keep their order at negative positions: outside the chain
            // (which starts at 1), and unique, so the index below can be built.
            migrationBuilder.Sql("""UPDATE "AccessLogEntries" SET "Seq" = -numbered.n FROM (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "TimeUtc", "Id") AS n FROM "AccessLogEntries") AS numbered WHERE numbered."Id" = "AccessLogEntries"."Id";""");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_Seq",
                table: "AccessLogEntries",
                column: "Seq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_UserName_TimeUtc",
                table: "AccessLogEntries",
                columns: new[] { "UserName", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditOutboxMessages_LockedBy",
                table: "AuditOutboxMessages",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_AuditOutboxMessages_ProcessedAtUtc_ParkedAtUtc_NextAttemptAtUtc",
                table: "AuditOutboxMessages",
                columns: new[] { "ProcessedAtUtc", "ParkedAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_ActorUserId_TimeUtc",
                table: "AuditRecords",
                columns: new[] { "ActorUserId", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Module_EntityType_EntityId",
                table: "AuditRecords",
                columns: new[] { "Module", "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Seq",
                table: "AuditRecords",
                column: "Seq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_TimeUtc",
                table: "AuditRecords",
                column: "TimeUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ChainCheckpoints_Chain_Seq",
                table: "ChainCheckpoints",
                columns: new[] { "Chain", "Seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditOutboxMessages");

            migrationBuilder.DropTable(
                name: "AuditProcessedMessages");

            migrationBuilder.DropTable(
                name: "AuditRecords");

            migrationBuilder.DropTable(
                name: "ChainCheckpoints");

            migrationBuilder.DropTable(
                name: "ChainHeads");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_Seq",
                table: "AccessLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_UserName_TimeUtc",
                table: "AccessLogEntries");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AccessLogEntries");

            migrationBuilder.DropColumn(
                name: "PrevHash",
                table: "AccessLogEntries");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "AccessLogEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_UserName",
                table: "AccessLogEntries",
                column: "UserName");
        }
    }
}
