package io.github.d1java.examples;

import static io.github.d1java.testkit.D1Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.d1java.D1Database;
import io.github.d1java.testkit.D1Inject;
import io.github.d1java.testkit.D1Test;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The getting-started service tested with the testkit: every test gets a fresh database built from
 * the tutorial's {@code schema.sql}, and the service answers over loopback HTTP.
 */
@D1Test(schema = "schema.sql")
class GettingStartedWithTestkitTest {

  @D1Inject D1Database db;
  HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = GettingStarted.start(db, 0);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  String beverages() throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/beverages");
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void schemaIsLoaded() {
    assertThat(db)
        .table("Customers")
        .hasRowCount(4)
        .containsRow("CustomerId", 11, "ContactName", "Victoria Ashworth");
  }

  @Test
  void newEmployeeShowsUp() throws Exception {
    db.prepare("INSERT INTO Customers VALUES (?, ?, ?)").bind(20, "Bs Beverages", "New Hire").run();
    assertThat(beverages()).contains("\"ContactName\":\"New Hire\"");
  }

  @Test
  void eachTestStartsFromTheSchemaAgain() throws Exception {
    // newEmployeeShowsUp's insert is not visible here, whichever order the tests run in.
    assertThat(beverages())
        .isEqualTo(
            "[{\"CustomerId\":11,\"CompanyName\":\"Bs Beverages\",\"ContactName\":\"Victoria Ashworth\"},"
                + "{\"CustomerId\":13,\"CompanyName\":\"Bs Beverages\",\"ContactName\":\"Random Name\"}]");
  }
}
