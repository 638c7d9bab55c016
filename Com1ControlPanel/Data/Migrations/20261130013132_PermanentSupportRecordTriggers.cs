using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Com1ControlPanel.Data.Migrations
{
    /// <summary>
    /// Support records become append-only like the consent records: the database allows only the transitions the panel
    /// makes (a session ends once and is handed back once; a request is answered once) and no deletion. A migration of its
    /// own, after PermanentSupportRecords rebuilt the SignInRecords table: a rebuild would drop triggers made before it.
    /// </summary>
    public partial class PermanentSupportRecordTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                foreach (var sql in SupportRecordRules.Create)
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
                foreach (var trigger in SupportRecordRules.Names)
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
                }
            }
        }
    }
}
