using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.Sqlite.Notifications
{
    /// <inheritdoc />
    public partial class OutboxLeaseAndLocalizedText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_SourceEventId_RecipientId",
                table: "Notifications");

            migrationBuilder.AddColumn<Guid>(
                name: "LockedBy",
                table: "NotificationsOutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntilUtc",
                table: "NotificationsOutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyArgs",
                table: "Notifications",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyKey",
                table: "Notifications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceItem",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TitleArgs",
                table: "Notifications",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleKey",
                table: "Notifications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationsOutboxMessages_LockedBy",
                table: "NotificationsOutboxMessages",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SourceEventId_SourceItem_RecipientId",
                table: "Notifications",
                columns: new[] { "SourceEventId", "SourceItem", "RecipientId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NotificationsOutboxMessages_LockedBy",
                table: "NotificationsOutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_SourceEventId_SourceItem_RecipientId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                table: "NotificationsOutboxMessages");

            migrationBuilder.DropColumn(
                name: "LockedUntilUtc",
                table: "NotificationsOutboxMessages");

            migrationBuilder.DropColumn(
                name: "BodyArgs",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "BodyKey",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "SourceItem",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "TitleArgs",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "TitleKey",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SourceEventId_RecipientId",
                table: "Notifications",
                columns: new[] { "SourceEventId", "RecipientId" },
                unique: true);
        }
    }
}
