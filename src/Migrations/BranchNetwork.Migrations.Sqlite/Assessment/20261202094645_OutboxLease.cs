using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.Sqlite.Assessment
{
    /// <inheritdoc />
    public partial class OutboxLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LockedBy",
                table: "AssessmentOutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntilUtc",
                table: "AssessmentOutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentOutboxMessages_LockedBy",
                table: "AssessmentOutboxMessages",
                column: "LockedBy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AssessmentOutboxMessages_LockedBy",
                table: "AssessmentOutboxMessages");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                table: "AssessmentOutboxMessages");

            migrationBuilder.DropColumn(
                name: "LockedUntilUtc",
                table: "AssessmentOutboxMessages");
        }
    }
}
