using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <inheritdoc />
    public partial class PermanentSupportRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SignInRecords_AspNetUsers_UserId",
                table: "SignInRecords");

            migrationBuilder.AddColumn<DateTime>(
                name: "AgentSignedInAt",
                table: "SupportSessions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "AgentStampHash",
                table: "SupportSessions",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "AgentUsedSecondFactor",
                table: "SupportSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "HandBackId",
                table: "SupportSessions",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTime>(
                name: "HandedBackAt",
                table: "SupportSessions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgentSignedInAt",
                table: "SupportSessions");

            migrationBuilder.DropColumn(
                name: "AgentStampHash",
                table: "SupportSessions");

            migrationBuilder.DropColumn(
                name: "AgentUsedSecondFactor",
                table: "SupportSessions");

            migrationBuilder.DropColumn(
                name: "HandBackId",
                table: "SupportSessions");

            migrationBuilder.DropColumn(
                name: "HandedBackAt",
                table: "SupportSessions");

            migrationBuilder.AddForeignKey(
                name: "FK_SignInRecords_AspNetUsers_UserId",
                table: "SignInRecords",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
