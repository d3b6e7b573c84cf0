using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.Sqlite.Audit
{
    /// <inheritdoc />
    public partial class AccessPolicies : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_AccessPolicies_Name",
                table: "AccessPolicies",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessPolicies");
        }
    }
}
