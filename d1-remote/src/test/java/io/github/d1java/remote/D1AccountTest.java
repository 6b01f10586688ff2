package io.github.d1java.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1Database;
import io.github.d1java.testkit.server.FakeD1Server;
import io.github.d1java.testkit.server.FakeResponse;
import io.github.d1java.testkit.server.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class D1AccountTest {

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2026-11-01T10:00:00Z"));

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  MutableClock time = new MutableClock();
  FakeD1Server server;
  D1Account account;
  TestClock clock = new TestClock();

  @BeforeEach
  void setUp() {
    server = FakeD1Server.builder().clock(time).maxDatabases(30).start();
    account =
        D1Remote.builder()
            .baseUrl(server.baseUrl())
            .accountId(server.accountId())
            .apiToken(server.apiToken())
            .pollInterval(Duration.ofMillis(250))
            .clock(clock)
            .buildAccount();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Nested
  class Databases {
    @Test
    void createGetListAndDelete() {
      D1DatabaseInfo created = account.create("orders", "weur");
      assertThat(created.name()).isEqualTo("orders");
      assertThat(created.region()).isEqualTo("WEUR");
      assertThat(server.takeRequest().json().toString())
          .isEqualTo("{\"name\":\"orders\",\"primary_location_hint\":\"weur\"}");
      assertThat(account.get(created.uuid()))
          .get()
          .extracting(D1DatabaseInfo::name)
          .isEqualTo("orders");
      assertThat(account.get("orders"))
          .get()
          .extracting(D1DatabaseInfo::uuid)
          .isEqualTo(created.uuid());
      assertThat(account.list()).extracting(D1DatabaseInfo::uuid).containsExactly(created.uuid());
      account.delete(created.uuid());
      assertThat(account.get(created.uuid())).isEmpty();
      assertThat(account.list()).isEmpty();
    }

    @Test
    void listFollowsEveryPage() {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 23; i++) {
        ids.add(server.createDatabase("db" + i));
      }
      assertThat(account.list(null, 10))
          .extracting(D1DatabaseInfo::uuid)
          .containsExactlyElementsOf(ids);
      List<String> pages = new ArrayList<>();
      for (RecordedRequest r = server.takeRequest(Duration.ZERO);
          r != null;
          r = server.takeRequest(Duration.ZERO)) {
        pages.add(r.target().replaceAll(".*\\?", ""));
      }
      assertThat(pages)
          .containsExactly("page=1&per_page=10", "page=2&per_page=10", "page=3&per_page=10");
    }

    @Test
    void aTakenNameIsAnApiError() {
      account.create("dup");
      assertThatThrownBy(() -> account.create("dup"))
          .isInstanceOfSatisfying(
              D1ApiException.class, e -> assertThat(e.apiCode()).isEqualTo(7502))
          .hasMessageContaining("already exists");
    }

    @Test
    void anInvalidNameIsAnApiError() {
      assertThatThrownBy(() -> account.create("-bad name"))
          .isInstanceOfSatisfying(
              D1ApiException.class, e -> assertThat(e.apiCode()).isEqualTo(7400));
    }

    @Test
    void deletingAnUnknownDatabaseIs404() {
      assertThatThrownBy(() -> account.delete("00000000-0000-0000-0000-000000000000"))
          .isInstanceOfSatisfying(
              D1ApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.apiCode()).isEqualTo(7404);
              });
    }

    @Test
    void queryingAnUnknownDatabaseIs404() {
      D1RemoteDatabase db = account.database("00000000-0000-0000-0000-000000000000");
      assertThatThrownBy(() -> db.prepare("SELECT 1").all())
          .isInstanceOf(D1ApiException.class)
          .hasMessageContaining("could not be found [code: 7404]");
    }

    @Test
    void listIsRetriedButCreateIsNot() {
      server.enqueue(FakeResponse.internalError());
      assertThat(account.list()).isEmpty();
      server.enqueue(FakeResponse.internalError());
      assertThatThrownBy(() -> account.create("x")).isInstanceOf(D1ApiException.class);
      assertThat(server.requestCount()).isEqualTo(3);
    }
  }

  @Nested
  class ExportAndImport {
    String id;

    @BeforeEach
    void seed() {
      id = server.createDatabase("src");
      D1Database local = server.database(id);
      local.exec(
          "CREATE TABLE foo(id INTEGER PRIMARY KEY, value TEXT)\n"
              + "INSERT INTO foo VALUES (1, 'it''s'), (2, NULL)");
    }

    @Test
    void exportPollsThenDownloadsTheFile(@TempDir Path dir) throws IOException {
      Path out = dir.resolve("dump.sql");
      D1Account.ExportResult r = account.export(id, out);
      assertThat(Files.readString(out))
          .isEqualTo(
              "PRAGMA defer_foreign_keys=TRUE;\n"
                  + "CREATE TABLE foo(id INTEGER PRIMARY KEY, value TEXT);\n"
                  + "INSERT INTO \"foo\" (\"id\",\"value\") VALUES(1,'it''s');\n"
                  + "INSERT INTO \"foo\" (\"id\",\"value\") VALUES(2,NULL);");
      assertThat(r.bytes()).isEqualTo(Files.size(out));
      assertThat(r.filename()).startsWith(id);
      RecordedRequest start = server.takeRequest();
      assertThat(start.json().get("output_format").asText()).isEqualTo("polling");
      assertThat(start.json().has("current_bookmark")).isFalse();
      assertThat(server.takeRequest().json().get("current_bookmark").asText())
          .isEqualTo(r.atBookmark());
      RecordedRequest download = server.takeRequest();
      assertThat(download.header("authorization")).isNull();
      assertThat(clock.sleeps).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void exportWithOptionsSendsDumpOptions(@TempDir Path dir) throws IOException {
      Path out = dir.resolve("schema.sql");
      account.export(id, out, new D1Account.ExportOptions(true, false, List.of("foo")));
      assertThat(Files.readString(out)).doesNotContain("INSERT");
      assertThat(server.takeRequest().json().get("dump_options").toString())
          .isEqualTo("{\"no_data\":true,\"no_schema\":false,\"tables\":[\"foo\"]}");
    }

    @Test
    void exportOptionsRefuseNoDataWithNoSchema() {
      assertThatThrownBy(() -> new D1Account.ExportOptions(true, true, List.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExportThatStaysActiveFailsAfterThePollTimeout(@TempDir Path dir) {
      D1Account impatient =
          D1Remote.builder()
              .baseUrl(server.baseUrl())
              .accountId(server.accountId())
              .apiToken(server.apiToken())
              .pollInterval(Duration.ofSeconds(1))
              .pollTimeout(Duration.ofSeconds(3))
              .clock(clock)
              .buildAccount();
      String active =
          "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"success\":true,"
              + "\"type\":\"export\",\"at_bookmark\":\"b\",\"status\":\"active\",\"messages\":[]}}";
      for (int i = 0; i < 10; i++) {
        server.enqueue(FakeResponse.json(200, active));
      }
      assertThatThrownBy(() -> impatient.export(id, dir.resolve("x.sql")))
          .isInstanceOf(io.github.d1java.D1TimeoutException.class)
          .hasMessageContaining("export did not complete within the poll timeout of 3000 ms");
      assertThat(clock.sleeps).hasSize(3);
    }

    @Test
    void aFailedExportPollIsAnApiError(@TempDir Path dir) {
      server.enqueue(
          FakeResponse.json(
              200,
              "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"success\":false,\"error\":\"D1"
                  + " reset\"}}"));
      assertThatThrownBy(() -> account.export(id, dir.resolve("x.sql")))
          .isInstanceOf(D1ApiException.class)
          .hasMessageContaining("D1 reset");
    }

    /**
     * A one-statement SQL file, and the init request passed through so the next answer is the
     * upload's.
     */
    private Path smallImport(Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("in.sql"), "SELECT 1;");
      server.enqueue(FakeResponse.passThrough());
      return file;
    }

    @Test
    void anUploadWithAWrongETagIsRefused(@TempDir Path dir) throws IOException {
      String target = server.createDatabase("dst4");
      Path file = smallImport(dir);
      server.enqueue(FakeResponse.json(200, "").withHeader("ETag", "\"0000\""));
      assertThatThrownBy(() -> account.importSql(target, file, null))
          .isInstanceOf(D1ApiException.class)
          .hasMessage("D1_API_ERROR: File contents did not upload successfully. Please retry.");
      server.enqueue(FakeResponse.passThrough());
      server.enqueue(FakeResponse.json(200, ""));
      assertThatThrownBy(() -> account.importSql(target, file, null))
          .hasMessage("D1_API_ERROR: File did not upload successfully. Please retry.");
    }

    @Test
    void aRefusedUploadIsRetriedThenReported(@TempDir Path dir) throws IOException {
      String target = server.createDatabase("dst5");
      Path file = smallImport(dir);
      for (int i = 0; i < 3; i++) {
        server.enqueue(FakeResponse.json(503, "busy"));
      }
      assertThatThrownBy(() -> account.importSql(target, file, null))
          .isInstanceOf(D1ApiException.class)
          .hasMessageContaining("File could not be uploaded. Please retry.\nGot response: busy");
    }

    @Test
    void aRefusedDownloadIsATransportError(@TempDir Path dir) {
      server.enqueue(FakeResponse.passThrough());
      server.enqueue(FakeResponse.passThrough());
      server.enqueue(FakeResponse.json(403, "<Error><Code>AccessDenied</Code></Error>"));
      Path out = dir.resolve("x.sql");
      assertThatThrownBy(() -> account.export(id, out))
          .isInstanceOfSatisfying(
              io.github.d1java.D1TransportException.class,
              e -> assertThat(e.status()).isEqualTo(403))
          .hasMessageContaining("AccessDenied");
      assertThat(out).doesNotExist();
      assertThat(dir).isEmptyDirectory();
    }

    @Test
    void exportRefusesADirectoryTarget(@TempDir Path dir) {
      assertThatThrownBy(() -> account.export(id, dir))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exportOfVirtualTablesFailsWithD1sMessage(@TempDir Path dir) {
      server.database(id).exec("CREATE VIRTUAL TABLE docs USING fts5(body)");
      assertThatThrownBy(() -> account.export(id, dir.resolve("x.sql")))
          .isInstanceOf(D1ApiException.class)
          .hasMessageContaining("cannot export databases with Virtual Tables (fts5)");
    }

    @Test
    void importUploadsIngestsAndPollsWithProgress(@TempDir Path dir) throws IOException {
      String target = server.createDatabase("dst");
      Path file = dir.resolve("in.sql");
      Files.writeString(
          file,
          "CREATE TABLE bar(x);\nINSERT INTO bar VALUES (1);\nINSERT INTO bar VALUES ('a;b');\n");
      List<String> progress = new ArrayList<>();
      D1Account.ImportResult r = account.importSql(target, file, progress::add);
      assertThat(r.numQueries()).isEqualTo(3);
      assertThat(r.finalBookmark()).isNotNull();
      assertThat(progress).containsExactly("Starting import...", "Processed 3 queries.");
      assertThat(server.database(target).prepare("SELECT x FROM bar ORDER BY rowid").raw())
          .containsExactly(List.of(1L), List.of("a;b"));
      RecordedRequest init = server.takeRequest();
      assertThat(init.json().get("etag").asText()).isEqualTo(D1Account.md5(file));
      RecordedRequest upload = server.takeRequest();
      assertThat(upload.method()).isEqualTo("PUT");
      assertThat(upload.header("authorization")).isNull();
      assertThat(upload.bodyText()).isEqualTo(Files.readString(file));
    }

    @Test
    void aRoundTripThroughExportAndImportKeepsTheData(@TempDir Path dir) {
      Path out = dir.resolve("dump.sql");
      server.database(id).prepare("INSERT INTO foo VALUES (3, ?)").bind("line1\r\nline2").run();
      account.export(id, out);
      String target = server.createDatabase("copy");
      account.importSql(target, out, null);
      assertThat(
              server
                  .database(target)
                  .prepare("SELECT value FROM foo WHERE id = 3")
                  .<String>first("value"))
          .isEqualTo("line1\r\nline2");
    }

    @Test
    void aFailingImportAppliesNothingAndReportsTheError(@TempDir Path dir) throws IOException {
      String target = server.createDatabase("dst2");
      Path file = dir.resolve("bad.sql");
      Files.writeString(file, "CREATE TABLE ok(x);\nINSERT INTO missing VALUES (1);");
      assertThatThrownBy(() -> account.importSql(target, file, null))
          .isInstanceOf(D1ApiException.class)
          .hasMessageContaining("no such table: missing");
      assertThat(
              server
                  .database(target)
                  .prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'ok'")
                  .<Long>first("n"))
          .isZero();
    }

    @Test
    void aFileAlreadyUploadedIsNotUploadedAgain(@TempDir Path dir) throws IOException {
      String target = server.createDatabase("dst3");
      Path file = dir.resolve("in.sql");
      Files.writeString(file, "CREATE TABLE IF NOT EXISTS z(x);");
      account.importSql(target, file, null);
      int before = server.requestCount();
      List<String> progress = new ArrayList<>();
      account.importSql(target, file, progress::add);
      assertThat(server.requestCount() - before).isEqualTo(2); // init (starts at once) and one poll
      assertThat(progress).first().isEqualTo("File already uploaded. Processing.");
    }
  }

  @Nested
  class TimeTravel {
    @Test
    void restoreToABookmarkAtATimeAndUndoIt() {
      String id = server.createDatabase("tt");
      D1RemoteDatabase db = account.database(id);
      db.prepare("CREATE TABLE t(v)").run();
      db.prepare("INSERT INTO t VALUES ('before')").run();
      Instant checkpoint = time.instant();
      time.now.set(checkpoint.plusSeconds(60));
      db.prepare("INSERT INTO t VALUES ('after')").run();
      String current = account.bookmark(id);
      String then = account.bookmark(id, checkpoint.plusSeconds(30));
      assertThat(then).isLessThan(current);

      D1Account.RestoreResult r = account.restore(id, then);
      assertThat(r.bookmark()).isEqualTo(then);
      assertThat(r.previousBookmark()).isEqualTo(current);
      assertThat(db.prepare("SELECT v FROM t").raw()).containsExactly(List.of("before"));

      account.restore(id, r.previousBookmark());
      assertThat(db.prepare("SELECT v FROM t ORDER BY rowid").raw())
          .containsExactly(List.of("before"), List.of("after"));
      assertThat(server.takeRequest(Duration.ZERO)).isNotNull();
    }

    @Test
    void restoreIsNeverRetried() {
      String id = server.createDatabase("tt2");
      String b = account.bookmark(id);
      server.enqueue(FakeResponse.internalError());
      int before = server.requestCount();
      assertThatThrownBy(() -> account.restore(id, b)).isInstanceOf(D1ApiException.class);
      assertThat(server.requestCount() - before).isEqualTo(1);
    }

    @Test
    void anUnknownBookmarkIsRefused() {
      String id = server.createDatabase("tt3");
      assertThatThrownBy(
              () ->
                  account.restore(
                      id, "ffffffff-ffffffff-ffffffff-ffffffffffffffffffffffffffffffff"))
          .isInstanceOf(D1ApiException.class)
          .hasMessageContaining("Invalid bookmark");
    }

    @Test
    void aConstraintErrorThroughTheAccountsDatabaseIsTheUsualException() {
      String id = server.createDatabase("tt4");
      D1RemoteDatabase db = account.database(id);
      db.exec("CREATE TABLE u(v UNIQUE)");
      db.prepare("INSERT INTO u VALUES (1)").run();
      assertThatThrownBy(() -> db.prepare("INSERT INTO u VALUES (1)").run())
          .isInstanceOf(D1ConstraintException.class);
      assertThat(
              new String(
                  db.prepare("SELECT 'ok' AS s")
                      .<String>first("s")
                      .getBytes(StandardCharsets.UTF_8),
                  StandardCharsets.UTF_8))
          .isEqualTo("ok");
    }
  }
}
