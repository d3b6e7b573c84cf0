using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.PostgreSql.Notifications
{
    /// <inheritdoc />
    public partial class OutboxLeaseAndLocalizedText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_SourceEventId_RecipientId",
                schema: "notifications",
                table: "Notifications");

            migrationBuilder.AddColumn<Guid>(
                name: "LockedBy",
                schema: "notifications",
                table: "NotificationsOutboxMessages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntilUtc",
                schema: "notifications",
                table: "NotificationsOutboxMessages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyArgs",
                schema: "notifications",
                table: "Notifications",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyKey",
                schema: "notifications",
                table: "Notifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceItem",
                schema: "notifications",
                table: "Notifications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TitleArgs",
                schema: "notifications",
                table: "Notifications",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleKey",
                schema: "notifications",
                table: "Notifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationsOutboxMessages_LockedBy",
                schema: "notifications",
                table: "NotificationsOutboxMessages",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SourceEventId_SourceItem_RecipientId",
                schema: "notifications",
                table: "Notifications",
                columns: new[] { "SourceEventId", "SourceItem", "RecipientId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NotificationsOutboxMessages_LockedBy",
                schema: "notifications",
                table: "NotificationsOutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_SourceEventId_SourceItem_RecipientId",
                schema: "notifications",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                schema: "notifications",
                table: "NotificationsOutboxMessages");

            migrationBuilder.DropColumn(
                name: "LockedUntilUtc",
                schema: "notifications",
                table: "NotificationsOutboxMessages");

            migrationBuilder.DropColumn(
                name: "BodyArgs",
                schema: "notifications",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "BodyKey",
                schema: "notifications",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "SourceItem",
                schema: "notifications",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "TitleArgs",
                schema: "notifications",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "TitleKey",
                schema: "notifications",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SourceEventId_RecipientId",
                schema: "notifications",
                table: "Notifications",
                columns: new[] { "SourceEventId", "RecipientId" },
                unique: true);
        }
    }
}
