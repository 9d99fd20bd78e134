using Microsoft.EntityFrameworkCore.Migrations;
using SocialKpi.Data.Configurations;

#nullable disable

namespace SocialKpi.Data.Migrations
{
    /// <summary>The history triggers stand aside inside a bulk write that records the history itself (see HistoryTriggers).</summary>
    public partial class HistoryBulkWriteGuard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(HistoryTriggers.CreateGuardTable);
            Replace(migrationBuilder, HistoryTriggers.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Replace(migrationBuilder, HistoryTriggers.CreateUnguarded);
            migrationBuilder.Sql(HistoryTriggers.DropGuardTable);
        }

        private static void Replace(MigrationBuilder migrationBuilder, IReadOnlyList<string> triggers)
        {
            foreach (var statement in HistoryTriggers.Drop.Concat(triggers))
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
