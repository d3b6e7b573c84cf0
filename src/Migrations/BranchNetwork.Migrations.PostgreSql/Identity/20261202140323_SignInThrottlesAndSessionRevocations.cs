using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BranchNetwork.Migrations.PostgreSql.Identity
{
    /// <inheritdoc />
    public partial class SignInThrottlesAndSessionRevocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IdentitySessionRevocations",
                schema: "identity",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentitySessionRevocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdentitySignInThrottles",
                schema: "identity",
                columns: table => new
                {
                    AccountKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AddressKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    Lockouts = table.Column<int>(type: "integer", nullable: false),
                    LastFailureAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSucceededAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentitySignInThrottles", x => new { x.AccountKey, x.AddressKey });
                });

            migrationBuilder.CreateIndex(
                name: "IX_IdentitySessionRevocations_RevokedAtUtc",
                schema: "identity",
                table: "IdentitySessionRevocations",
                column: "RevokedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_IdentitySignInThrottles_LastFailureAtUtc",
                schema: "identity",
                table: "IdentitySignInThrottles",
                column: "LastFailureAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdentitySessionRevocations",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "IdentitySignInThrottles",
                schema: "identity");
        }
    }
}
