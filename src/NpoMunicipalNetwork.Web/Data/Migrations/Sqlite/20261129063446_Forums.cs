using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NpoMunicipalNetwork.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Forums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Forums",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VenueName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VenueAddress = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    VenueAccess = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    RegistrationClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegistrationSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Forums", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Speakers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Affiliation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Speakers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ForumHosts",
                columns: table => new
                {
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    GovernmentCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PlaceNote = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumHosts", x => new { x.ForumId, x.GovernmentCode });
                    table.ForeignKey(
                        name: "FK_ForumHosts_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ForumHosts_Governments_GovernmentCode",
                        column: x => x.GovernmentCode,
                        principalTable: "Governments",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ForumOrganizers",
                columns: table => new
                {
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumOrganizers", x => new { x.ForumId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ForumOrganizers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ForumOrganizers_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ForumSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    EndTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Room = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForumSessions_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Registrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Organization = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    AccessibilityNeeds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CancelToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Registrations_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ForumMaterials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileId = table.Column<int>(type: "INTEGER", nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsMemberOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForumMaterials_ForumSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ForumSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ForumMaterials_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ForumMaterials_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ForumReportVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForumId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumReportVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForumReportVersions_ForumSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ForumSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ForumReportVersions_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ForumSessionCases",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumSessionCases", x => new { x.SessionId, x.CaseId });
                    table.ForeignKey(
                        name: "FK_ForumSessionCases_ForumSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ForumSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ForumSessionCases_PolicyCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "PolicyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ForumSessionSpeakers",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    SpeakerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumSessionSpeakers", x => new { x.SessionId, x.SpeakerId });
                    table.ForeignKey(
                        name: "FK_ForumSessionSpeakers_ForumSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ForumSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ForumSessionSpeakers_Speakers_SpeakerId",
                        column: x => x.SpeakerId,
                        principalTable: "Speakers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationSessions",
                columns: table => new
                {
                    RegistrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationSessions", x => new { x.RegistrationId, x.SessionId });
                    table.ForeignKey(
                        name: "FK_RegistrationSessions_ForumSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ForumSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RegistrationSessions_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ForumHosts_GovernmentCode",
                table: "ForumHosts",
                column: "GovernmentCode");

            migrationBuilder.CreateIndex(
                name: "IX_ForumMaterials_FileId",
                table: "ForumMaterials",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_ForumMaterials_ForumId_Order",
                table: "ForumMaterials",
                columns: new[] { "ForumId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_ForumMaterials_SessionId",
                table: "ForumMaterials",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_ForumOrganizers_UserId",
                table: "ForumOrganizers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ForumReportVersions_ForumId_SessionId_Number",
                table: "ForumReportVersions",
                columns: new[] { "ForumId", "SessionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ForumReportVersions_SessionId",
                table: "ForumReportVersions",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Forums_Edition",
                table: "Forums",
                column: "Edition",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Forums_FiscalYear",
                table: "Forums",
                column: "FiscalYear");

            migrationBuilder.CreateIndex(
                name: "IX_ForumSessionCases_CaseId",
                table: "ForumSessionCases",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ForumSessions_ForumId_Date_StartTime",
                table: "ForumSessions",
                columns: new[] { "ForumId", "Date", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_ForumSessionSpeakers_SpeakerId",
                table: "ForumSessionSpeakers",
                column: "SpeakerId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_CancelToken",
                table: "Registrations",
                column: "CancelToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_ForumId_NormalizedEmail",
                table: "Registrations",
                columns: new[] { "ForumId", "NormalizedEmail" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_ForumId_Status_Sequence",
                table: "Registrations",
                columns: new[] { "ForumId", "Status", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationSessions_SessionId",
                table: "RegistrationSessions",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Speakers_Name",
                table: "Speakers",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ForumHosts");

            migrationBuilder.DropTable(
                name: "ForumMaterials");

            migrationBuilder.DropTable(
                name: "ForumOrganizers");

            migrationBuilder.DropTable(
                name: "ForumReportVersions");

            migrationBuilder.DropTable(
                name: "ForumSessionCases");

            migrationBuilder.DropTable(
                name: "ForumSessionSpeakers");

            migrationBuilder.DropTable(
                name: "RegistrationSessions");

            migrationBuilder.DropTable(
                name: "Speakers");

            migrationBuilder.DropTable(
                name: "ForumSessions");

            migrationBuilder.DropTable(
                name: "Registrations");

            migrationBuilder.DropTable(
                name: "Forums");
        }
    }
}
