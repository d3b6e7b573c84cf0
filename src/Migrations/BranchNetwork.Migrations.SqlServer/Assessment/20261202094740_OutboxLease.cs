using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.SqlServer.Assessment
{
    /// <inheritdoc />
    public partial class OutboxLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LockedBy",
                schema: "assessment",
                table: "AssessmentOutboxMessages",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntilUtc",
                schema: "assessment",
                table: "AssessmentOutboxMessages",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentOutboxMessages_LockedBy",
                schema: "assessment",
                table: "AssessmentOutboxMessages",
                column: "LockedBy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AssessmentOutboxMessages_LockedBy",
                schema: "assessment",
                table: "AssessmentOutboxMessages");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                schema: "assessment",
                table: "AssessmentOutboxMessages");

            migrationBuilder.DropColumn(
                name: "LockedUntilUtc",
                schema: "assessment",
                table: "AssessmentOutboxMessages");
        }
    }
}
