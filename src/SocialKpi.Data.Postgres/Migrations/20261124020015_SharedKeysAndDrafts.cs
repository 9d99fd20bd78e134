using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialKpi.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SharedKeysAndDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EntryDrafts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    Sheet = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Week = table.Column<int>(type: "integer", nullable: false),
                    Cells = table.Column<string>(type: "text", nullable: false),
                    KeptAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryDrafts", x => new { x.UserId, x.WorkspaceId, x.Sheet, x.Week });
                    table.ForeignKey(
                        name: "FK_EntryDrafts_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EntryDrafts_KeptAt",
                table: "EntryDrafts",
                column: "KeptAt");

            migrationBuilder.CreateIndex(
                name: "IX_EntryDrafts_WorkspaceId",
                table: "EntryDrafts",
                column: "WorkspaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EntryDrafts");
        }
    }
}
