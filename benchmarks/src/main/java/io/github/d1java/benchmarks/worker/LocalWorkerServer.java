package io.github.d1java.benchmarks.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.d1java.D1Database;
import io.github.d1java.D1Exception;
import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.spi.AbstractD1PreparedStatement;
import io.github.d1java.spi.D1RawResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The d1-worker protocol ({@code POST /raw}, D1's envelope) served by the JDK's HTTP server over a
 * local engine, so that {@code D1Worker} and {@code D1Remote} (against {@code FakeD1Server}, the
 * same engine) are compared on equal servers. For benchmarks only: no token check, no sessions.
 */
final class LocalWorkerServer implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    // without it the JDK server's small writes meet delayed ACKs: ~40 ms per request on loopback
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final D1Database db;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  LocalWorkerServer(D1Database db) throws IOException {
    this.db = db;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/raw", this::raw);
    server.setExecutor(pool);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void raw(HttpExchange ex) throws IOException {
    byte[] out;
    int status = 200;
    try {
      JsonNode body = MAPPER.readTree(ex.getRequestBody());
      ObjectNode env = MAPPER.createObjectNode().put("success", true);
      env.putArray("errors");
      ArrayNode result = env.putArray("result");
      if (body.has("batch")) {
        List<D1PreparedStatement> statements = new ArrayList<>();
        for (JsonNode q : body.get("batch")) {
          statements.add(statement(q));
        }
        for (var r : db.batch(statements)) {
          // results of a batch come back as row objects; the benchmark only reads meta
          ObjectNode o = result.addObject().put("success", true);
          ObjectNode rs = o.putObject("results");
          rs.putArray("columns");
          rs.putArray("rows");
          meta(o.putObject("meta"), r.meta());
        }
      } else {
        D1RawResult r = ((AbstractD1PreparedStatement) statement(body)).rawResult();
        ObjectNode o = result.addObject().put("success", true);
        ObjectNode rs = o.putObject("results");
        ArrayNode cols = rs.putArray("columns");
        r.columns().forEach(cols::add);
        ArrayNode rows = rs.putArray("rows");
        for (List<Object> row : r.rows()) {
          ArrayNode a = rows.addArray();
          for (Object v : row) {
            a.addPOJO(v);
          }
        }
        meta(o.putObject("meta"), r.meta());
      }
      env.putNull("bookmark");
      out = MAPPER.writeValueAsBytes(env);
    } catch (D1Exception e) {
      status = 400;
      ObjectNode env = MAPPER.createObjectNode().put("success", false);
      env.putArray("errors").addObject().put("code", 7500).put("message", e.getMessage());
      out = MAPPER.writeValueAsBytes(env);
    }
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, out.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(out);
    }
  }

  private D1PreparedStatement statement(JsonNode q) {
    D1PreparedStatement s = db.prepare(q.get("sql").asText());
    JsonNode params = q.path("params");
    if (params.isMissingNode() || params.isEmpty()) {
      return s;
    }
    Object[] values = new Object[params.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode p = params.get(i);
      values[i] =
          p.isNull()
              ? null
              : p.isIntegralNumber() ? p.longValue() : p.isNumber() ? p.doubleValue() : p.asText();
    }
    return s.bind(values);
  }

  private static void meta(ObjectNode m, D1Meta meta) {
    m.put("duration", meta.duration())
        .put("changes", meta.changes())
        .put("last_row_id", meta.lastRowId())
        .put("changed_db", meta.changedDb())
        .put("size_after", meta.sizeAfter())
        .put("rows_read", meta.rowsRead())
        .put("rows_written", meta.rowsWritten());
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
