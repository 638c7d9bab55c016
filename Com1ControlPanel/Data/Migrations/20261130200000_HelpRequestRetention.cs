using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <summary>
    /// The retention of a closed account also removes what the customer wrote in their help requests and their name on the
    /// requests' steps: the rules in <see cref="HelpRequestRetentionRules"/>. Triggers only: the model does not change.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261130200000_HelpRequestRetention")]
    public partial class HelpRequestRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                foreach (var sql in HelpRequestRetentionRules.Up)
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
                foreach (var sql in HelpRequestRetentionRules.Down)
                {
                    migrationBuilder.Sql(sql);
                }
            }
        }
    }
}
