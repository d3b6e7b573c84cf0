using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.Sqlite.Identity
{
    /// <inheritdoc />
    public partial class SignInThrottlesAndSessionRevocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IdentitySessionRevocations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentitySessionRevocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdentitySignInThrottles",
                columns: table => new
                {
                    AccountKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AddressKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    Lockouts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSucceededAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentitySignInThrottles", x => new { x.AccountKey, x.AddressKey });
                });

            migrationBuilder.CreateIndex(
                name: "IX_IdentitySessionRevocations_RevokedAtUtc",
                table: "IdentitySessionRevocations",
                column: "RevokedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_IdentitySignInThrottles_LastFailureAtUtc",
                table: "IdentitySignInThrottles",
                column: "LastFailureAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdentitySessionRevocations");

            migrationBuilder.DropTable(
                name: "IdentitySignInThrottles");
        }
    }
}
