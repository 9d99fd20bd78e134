using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialKpi.Data.Migrations
{
    /// <inheritdoc />
    public partial class ValueHistoryTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SocialKpi.Data.Configurations.HistoryTriggers.CreateUnguarded)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SocialKpi.Data.Configurations.HistoryTriggers.Drop)
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
