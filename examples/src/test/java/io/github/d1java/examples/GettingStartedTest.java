package io.github.d1java.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.d1java.D1Database;
import io.github.d1java.sqlite.D1Sqlite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The getting-started service end to end, over loopback HTTP, on a database file. */
class GettingStartedTest {

  @TempDir Path dir;
  D1Database db;
  HttpServer server;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    db = D1Sqlite.open(dir.resolve("getting-started.db"));
    GettingStarted.applySchema(db);
    server = GettingStarted.start(db, 0);
  }

  @AfterEach
  void stop() {
    server.stop(0);
    db.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void beveragesListsEveryoneAtBsBeverages() throws Exception {
    HttpResponse<String> r = get("/api/beverages");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    List<Map<String, Object>> rows =
        new ObjectMapper().readValue(r.body(), new TypeReference<List<Map<String, Object>>>() {});
    assertThat(rows)
        .containsExactly(
            Map.<String, Object>of(
                "CustomerId",
                11,
                "CompanyName",
                "Bs Beverages",
                "ContactName",
                "Victoria Ashworth"),
            Map.<String, Object>of(
                "CustomerId", 13, "CompanyName", "Bs Beverages", "ContactName", "Random Name"));
  }

  @Test
  void otherPathsExplainTheRoute() throws Exception {
    assertThat(get("/").body())
        .isEqualTo("Call /api/beverages to see everyone who works at Bs Beverages");
  }

  @Test
  void schemaCanBeAppliedAgainBecauseItDropsTheTableFirst() throws Exception {
    GettingStarted.applySchema(db);
    assertThat(db.prepare("SELECT count(*) AS n FROM Customers").<Long>first("n")).isEqualTo(4L);
  }

  @Test
  void aBrokenDatabaseAnswers500WithD1sMessage() throws Exception {
    db.exec("DROP TABLE Customers");
    HttpResponse<String> r = get("/api/beverages");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).isEqualTo("D1_ERROR: no such table: Customers: SQLITE_ERROR");
  }

  @Test
  void readmeExampleRuns() {
    ReadmeExample.main(new String[0]);
  }
}
