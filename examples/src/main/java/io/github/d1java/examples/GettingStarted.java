package io.github.d1java.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.d1java.D1Database;
import io.github.d1java.D1Exception;
import io.github.d1java.sqlite.D1Sqlite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * D1's getting-started tutorial in Java: a small HTTP service whose {@code /api/beverages} answers
 * from the {@code Customers} table, created from {@code schema.sql}, on a local database file.
 *
 * <p>Run it with {@code ./mvnw -q -pl examples -am package -DskipTests -Dstart}, then open
 * http://localhost:8787/api/beverages.
 */
public final class GettingStarted {

  /** The port {@code wrangler dev} uses, and so this example. */
  public static final int DEFAULT_PORT = 8787;

  private static final ObjectMapper JSON = new ObjectMapper();

  private GettingStarted() {}

  /**
   * Starts the service.
   *
   * @param args {@code [database-file] [port]}; defaults {@code target/getting-started.db} and 8787
   * @throws IOException if the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "target/getting-started.db");
    int port = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_PORT;
    Files.createDirectories(file.toAbsolutePath().getParent());
    D1Database db = D1Sqlite.open(file);
    applySchema(db);
    HttpServer server = start(db, port);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop(0);
                  db.close();
                }));
    System.out.printf(
        "Database %s ready. Listening on http://localhost:%d/api/beverages (Ctrl+C to stop)%n",
        file, server.getAddress().getPort());
  }

  /**
   * Creates and fills the {@code Customers} table from {@code schema.sql}, as {@code wrangler d1
   * execute --file=schema.sql} does in the tutorial.
   *
   * @param db the database
   */
  public static void applySchema(D1Database db) {
    try (InputStream in = GettingStarted.class.getResourceAsStream("/schema.sql")) {
      db.exec(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Serves the tutorial's two routes on loopback.
   *
   * @param db the database to answer from
   * @param port the port, 0 for any free one
   * @return the running server; stop it when done
   * @throws IOException if the port cannot be bound
   */
  public static HttpServer start(D1Database db, int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/api/beverages")) {
              send(
                  exchange,
                  200,
                  "text/plain;charset=UTF-8",
                  "Call /api/beverages to see everyone who works at Bs Beverages"
                      .getBytes(StandardCharsets.UTF_8));
              return;
            }
            byte[] body;
            try {
              List<Map<String, Object>> results =
                  db.prepare("SELECT * FROM Customers WHERE CompanyName = ?")
                      .bind("Bs Beverages")
                      .all()
                      .results();
              body = JSON.writeValueAsBytes(results);
            } catch (D1Exception e) {
              send(
                  exchange,
                  500,
                  "text/plain;charset=UTF-8",
                  e.getMessage().getBytes(StandardCharsets.UTF_8));
              return;
            }
            send(exchange, 200, "application/json", body);
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return server;
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
