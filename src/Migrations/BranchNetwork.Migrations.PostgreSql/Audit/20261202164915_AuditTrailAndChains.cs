using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace BranchNetwork.Migrations.PostgreSql.Audit
{
    /// <inheritdoc />
    public partial class AuditTrailAndChains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_UserName",
                schema: "audit",
                table: "AccessLogEntries");

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                schema: "audit",
                table: "AccessLogEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PrevHash",
                schema: "audit",
                table: "AccessLogEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                schema: "audit",
                table: "AccessLogEntries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AuditOutboxMessages",
                schema: "audit",
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
                    table.PrimaryKey("PK_AuditOutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditProcessedMessages",
                schema: "audit",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditProcessedMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "AuditRecords",
                schema: "audit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    PrevHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorKind = table.Column<int>(type: "integer", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ActorRoles = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ActorUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Module = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Operation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CorrelationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Changes = table.Column<string>(type: "character varying(60000)", maxLength: 60000, nullable: true),
                    Detail = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChainCheckpoints",
                schema: "audit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Chain = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Signature = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChainHeads",
                schema: "audit",
                columns: table => new
                {
                    Chain = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainHeads", x => x.Chain);
                });

            migrationBuilder.InsertData(
                schema: "audit",
                table: "ChainHeads",
                columns: new[] { "Chain", "Hash", "Seq" },
                values: new object[,]
                {
                    { "access", "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { "trail", "0000000000000000000000000000000000000000000000000000000000000000", 0L }
                });

            // Entries written before the chain existed keep their order at negative positions: outside the chain
            // (which starts at 1), and unique, so the index below can be built.
            migrationBuilder.Sql("""UPDATE audit."AccessLogEntries" AS e SET "Seq" = -numbered.n FROM (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "TimeUtc", "Id") AS n FROM audit."AccessLogEntries") AS numbered WHERE numbered."Id" = e."Id";""");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_Seq",
                schema: "audit",
                table: "AccessLogEntries",
                column: "Seq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_UserName_TimeUtc",
                schema: "audit",
                table: "AccessLogEntries",
                columns: new[] { "UserName", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditOutboxMessages_LockedBy",
                schema: "audit",
                table: "AuditOutboxMessages",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_AuditOutboxMessages_ProcessedAtUtc_ParkedAtUtc_NextAttemptA~",
                schema: "audit",
                table: "AuditOutboxMessages",
                columns: new[] { "ProcessedAtUtc", "ParkedAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_ActorUserId_TimeUtc",
                schema: "audit",
                table: "AuditRecords",
                columns: new[] { "ActorUserId", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Module_EntityType_EntityId",
                schema: "audit",
                table: "AuditRecords",
                columns: new[] { "Module", "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Seq",
                schema: "audit",
                table: "AuditRecords",
                column: "Seq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_TimeUtc",
                schema: "audit",
                table: "AuditRecords",
                column: "TimeUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ChainCheckpoints_Chain_Seq",
                schema: "audit",
                table: "ChainCheckpoints",
                columns: new[] { "Chain", "Seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditOutboxMessages",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "AuditProcessedMessages",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "AuditRecords",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "ChainCheckpoints",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "ChainHeads",
                schema: "audit");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_Seq",
                schema: "audit",
                table: "AccessLogEntries");

            migrationBuilder.DropIndex(
                name: "IX_AccessLogEntries_UserName_TimeUtc",
                schema: "audit",
                table: "AccessLogEntries");

            migrationBuilder.DropColumn(
                name: "Hash",
                schema: "audit",
                table: "AccessLogEntries");

            migrationBuilder.DropColumn(
                name: "PrevHash",
                schema: "audit",
                table: "AccessLogEntries");

            migrationBuilder.DropColumn(
                name: "Seq",
                schema: "audit",
                table: "AccessLogEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_UserName",
                schema: "audit",
                table: "AccessLogEntries",
                column: "UserName");
        }
    }
}
