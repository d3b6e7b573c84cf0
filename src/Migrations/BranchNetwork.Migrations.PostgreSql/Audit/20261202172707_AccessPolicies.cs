using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.PostgreSql.Audit
{
    /// <inheritdoc />
    public partial class AccessPolicies : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_AccessPolicies_Name",
                schema: "audit",
                table: "AccessPolicies",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessPolicies",
                schema: "audit");
        }
    }
}
