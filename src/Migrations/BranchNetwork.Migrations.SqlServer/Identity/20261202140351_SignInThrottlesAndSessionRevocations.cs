using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.SqlServer.Identity
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                    AccountKey = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AddressKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "int", nullable: false),
                    Lockouts = table.Column<int>(type: "int", nullable: false),
                    LastFailureAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LockedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastSucceededAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
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
