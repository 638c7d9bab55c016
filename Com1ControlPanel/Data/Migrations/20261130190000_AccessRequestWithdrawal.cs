using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <summary>
    /// An agent may withdraw their own access request while it waits: who withdrew it is kept with the request, and the
    /// trigger that lets a request leave "pending" once also allows "withdrawn", by the agent who asked and nobody else.
    /// </summary>
    public partial class AccessRequestWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WithdrawnByUserId",
                table: "SupportAccessRequests",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                foreach (var sql in AccessRequestWithdrawalRules.Up)
                {
                    migrationBuilder.Sql(sql);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                foreach (var sql in AccessRequestWithdrawalRules.Down)
                {
                    migrationBuilder.Sql(sql);
                }
            }

            migrationBuilder.DropColumn(
                name: "WithdrawnByUserId",
                table: "SupportAccessRequests");
        }
    }
}
