using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.SqlServer.Assessment
{
    /// <inheritdoc />
    public partial class SheetScoreSum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ScoreCents",
                schema: "assessment",
                table: "AssessmentSheets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Sheets issued before the column: their stored sum is the sum of their cells' scores (two decimals each).
            migrationBuilder.Sql("""
                UPDATE s SET ScoreCents = COALESCE((SELECT ROUND(SUM(t.Score) * 100, 0) FROM assessment.Targets AS t WHERE t.SchemeId = s.SchemeId AND t.SubBranchId = s.SubBranchId), 0) FROM assessment.AssessmentSheets AS s;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ScoreCents",
                schema: "assessment",
                table: "AssessmentSheets");
        }
    }
}
