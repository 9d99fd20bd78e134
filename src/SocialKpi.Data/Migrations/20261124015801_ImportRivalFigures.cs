using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialKpi.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportRivalFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportCompetitorChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompetitorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Week = table.Column<int>(type: "INTEGER", nullable: false),
                    OldValue = table.Column<double>(type: "REAL", nullable: true),
                    NewValue = table.Column<double>(type: "REAL", nullable: false),
                    NewVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportCompetitorChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportCompetitorChanges_Competitors_CompetitorId",
                        column: x => x.CompetitorId,
                        principalTable: "Competitors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImportCompetitorChanges_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportCompetitorChanges_BatchId",
                table: "ImportCompetitorChanges",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportCompetitorChanges_CompetitorId",
                table: "ImportCompetitorChanges",
                column: "CompetitorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportCompetitorChanges");
        }
    }
}
