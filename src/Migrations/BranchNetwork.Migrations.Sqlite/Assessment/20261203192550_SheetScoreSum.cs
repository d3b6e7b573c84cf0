using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.Sqlite.Assessment
{
    /// <inheritdoc />
    public partial class SheetScoreSum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ScoreCents",
                table: "AssessmentSheets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Sheets issued before the column: their stored sum is the sum of their cells' scores (two decimals each).
            migrationBuilder.Sql("""
                UPDATE "AssessmentSheets" SET "ScoreCents" = COALESCE((SELECT CAST(ROUND(SUM(CAST(t."Score" AS REAL)) * 100.0) AS INTEGER) FROM "Targets" AS t WHERE t."SchemeId" = "AssessmentSheets"."SchemeId" AND t."SubBranchId" = "AssessmentSheets"."SubBranchId"), 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ScoreCents",
                table: "AssessmentSheets");
        }
    }
}
