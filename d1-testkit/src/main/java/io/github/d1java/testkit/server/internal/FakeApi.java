package io.github.d1java.testkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.D1Database;
import io.github.d1java.D1Exception;
import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.spi.D1Bookmarks;
import io.github.d1java.spi.D1RawResult;
import io.github.d1java.sql.SqlLexer;
import io.github.d1java.sql.SqlStatement;
import io.github.d1java.testkit.server.RecordedRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake D1 REST API: routing, the envelope, database CRUD, {@code /query} and {@code /raw},
 * export, import and time travel, on local engine databases. Thread-safe: requests to one database
 * are serialised.
 */
public final class FakeApi implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The Workers API endpoints of {@code d1 worker deploy}. */
  private final FakeWorkersApi workers = new FakeWorkersApi();
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]*");
  private static final Pattern ROUTE =
      Pattern.compile(
          "/accounts/([^/]+)/d1/database(?:/([^/]+)(?:/(query|raw|export|import|time_travel/bookmark|time_travel/restore))?)?");

  /** A failure answered with the D1 envelope. */
  static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final int code;

    ApiError(int status, int code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  private record Snapshot(Instant at, String bookmark, byte[] image) {}

  private record ImportState(String atBookmark, JsonNode outcome) {}

  private static final class Db {
    final String uuid;
    final String name;
    final Instant createdAt;
    volatile D1Database db;
    long seq;
    final List<Snapshot> history = new ArrayList<>();
    String readReplication = "disabled";
    String exportBookmark;
    String exportFile;
    ImportState importState;

    Db(String uuid, String name, Instant createdAt, D1Database db) {
      this.uuid = uuid;
      this.name = name;
      this.createdAt = createdAt;
      this.db = db;
    }
  }

  private final String accountId;
  private final String apiToken;
  private final Clock clock;
  private final boolean timeTravel;
  private final int maxDatabases;
  private final Supplier<D1Database> newDatabase;
  private final Function<byte[], D1Database> fromImage;
  private final Map<String, Db> databases = new LinkedHashMap<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, String> pendingUploads = new ConcurrentHashMap<>();
  private volatile String root = "";

  /**
   * @param accountId the only account
   * @param apiToken the only accepted token
   * @param clock time of creation and of time-travel snapshots
   * @param timeTravel whether to keep a snapshot after every change
   * @param maxDatabases the account's database limit
   * @param newDatabase makes an empty database
   * @param fromImage makes a database from an SQLite image
   */
  public FakeApi(
      String accountId,
      String apiToken,
      Clock clock,
      boolean timeTravel,
      int maxDatabases,
      Supplier<D1Database> newDatabase,
      Function<byte[], D1Database> fromImage) {
    this.accountId = accountId;
    this.apiToken = apiToken;
    this.clock = clock;
    this.timeTravel = timeTravel;
    this.maxDatabases = maxDatabases;
    this.newDatabase = newDatabase;
    this.fromImage = fromImage;
  }

  /**
   * @param root scheme, host and port of signed URLs, e.g. {@code http://127.0.0.1:1234}
   */
  public void root(String root) {
    this.root = root;
  }

  /**
   * Creates a database directly (no request recorded).
   *
   * @param name the name
   * @return the UUID
   */
  public String createDatabase(String name) {
    return create(name).uuid;
  }

  /**
   * The engine database behind a fake database (it changes on restore).
   *
   * @param idOrName a UUID or name
   * @return the database
   * @throws IllegalArgumentException if there is none
   */
  public D1Database database(String idOrName) {
    Db d = find(idOrName);
    if (d == null) {
      throw new IllegalArgumentException("no fake database " + idOrName);
    }
    return d.db;
  }

  /**
   * Answers one request.
   *
   * @param req the request
   * @return the reply
   */
  public Reply handle(RecordedRequest req) {
    try {
      return route(req);
    } catch (ApiError e) {
      return error(e.status, e.code, e.getMessage());
    }
  }

  private Reply route(RecordedRequest req) {
    String path = req.path();
    if (path.startsWith("/__fake/export/") && req.method().equals("GET")) {
      byte[] f = files.get(decode(path.substring("/__fake/export/".length())));
      if (f == null) {
        return new Reply(
            403,
            Map.of("Content-Type", "application/xml"),
            "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
                .getBytes(StandardCharsets.UTF_8));
      }
      return new Reply(200, Map.of("Content-Type", "application/sql"), f);
    }
    if (path.startsWith("/__fake/upload/") && req.method().equals("PUT")) {
      String name = decode(path.substring("/__fake/upload/".length()));
      if (!pendingUploads.containsKey(name)) {
        return new Reply(
            403,
            Map.of("Content-Type", "application/xml"),
            "<Error><Code>AccessDenied</Code></Error>".getBytes(StandardCharsets.UTF_8));
      }
      files.put(name, req.body());
      return new Reply(200, Map.of("ETag", "\"" + md5(req.body()) + "\""), new byte[0]);
    }
    Reply workerReply = workers.handle(req, apiToken, accountId, id -> find(id) != null);
    if (workerReply != null) {
      return workerReply;
    }
    int a = path.indexOf("/accounts/");
    Matcher m = a < 0 ? null : ROUTE.matcher(path.substring(a));
    if (m == null || !m.matches()) {
      throw new ApiError(404, 7003, "No route for the URI");
    }
    if (!("Bearer " + apiToken).equals(req.header("authorization"))) {
      throw new ApiError(401, 10000, "Authentication error");
    }
    if (!decode(m.group(1)).equals(accountId)) {
      throw new ApiError(
          403, 7403, "The given account is not valid or is not authorized to access this service");
    }
    String id = m.group(2) == null ? null : decode(m.group(2));
    String op = m.group(3);
    String method = req.method();
    Map<String, String> query = query(req.target());
    if (id == null) {
      if (method.equals("GET")) {
        return list(query);
      }
      if (method.equals("POST")) {
        JsonNode body = json(req);
        if (!body.path("name").isTextual()) {
          throw new ApiError(400, 7400, "Invalid property: name => Required");
        }
        Db d = create(body.get("name").asText());
        ObjectNode r =
            MAPPER
                .createObjectNode()
                .put("uuid", d.uuid)
                .put("name", d.name)
                .put("created_in_region", "ENAM")
                .put("created_at", d.createdAt.toString())
                .put("version", "production");
        return ok(200, r);
      }
      throw new ApiError(404, 7003, "No route for the URI");
    }
    Db d = find(id);
    if (d == null || (op != null && !d.uuid.equals(id))) {
      throw new ApiError(404, 7404, "The database " + id + " could not be found");
    }
    synchronized (d) {
      if (op == null) {
        if (method.equals("GET")) {
          return ok(200, info(d));
        }
        if (method.equals("PUT") || method.equals("PATCH")) {
          JsonNode body = json(req);
          JsonNode mode = body.path("read_replication").path("mode");
          if (mode.isMissingNode() && method.equals("PATCH")) {
            return ok(200, info(d));
          }
          if (!mode.isTextual()
              || !(mode.asText().equals("auto") || mode.asText().equals("disabled"))) {
            throw new ApiError(
                400, 7400, "Invalid property: read_replication.mode => must be auto or disabled");
          }
          d.readReplication = mode.asText();
          return ok(200, info(d));
        }
        if (method.equals("DELETE")) {
          synchronized (databases) {
            databases.remove(d.uuid);
          }
          d.db.close();
          return ok(200, MAPPER.nullNode());
        }
        throw new ApiError(404, 7003, "No route for the URI");
      }
      switch (op + " " + method) {
        case "query POST":
          return query(d, json(req), false);
        case "raw POST":
          return query(d, json(req), true);
        case "export POST":
          return export(d, json(req));
        case "import POST":
          return importSql(d, json(req));
        case "time_travel/bookmark GET":
          return ok(
              200,
              MAPPER
                  .createObjectNode()
                  .put(
                      "bookmark",
                      query.containsKey("timestamp")
                          ? at(d, query.get("timestamp")).bookmark
                          : bookmark(d)));
        case "time_travel/restore POST":
          return restore(d, query);
        default:
          throw new ApiError(404, 7003, "No route for the URI");
      }
    }
  }

  private Db create(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new ApiError(
          400, 7400, "Invalid property: name => must match ^[a-zA-Z0-9][a-zA-Z0-9_-]*$");
    }
    synchronized (databases) {
      if (databases.values().stream().anyMatch(x -> x.name.equals(name))) {
        throw new ApiError(400, 7502, "A database with that name already exists");
      }
      if (databases.size() >= maxDatabases) {
        throw new ApiError(
            400, 7406, "System limit reached: databases per account (" + maxDatabases + ")");
      }
      Db d = new Db(UUID.randomUUID().toString(), name, clock.instant(), newDatabase.get());
      if (timeTravel) {
        d.history.add(new Snapshot(clock.instant(), D1Bookmarks.format(0), d.db.dump()));
      }
      databases.put(d.uuid, d);
      return d;
    }
  }

  private Db find(String idOrName) {
    synchronized (databases) {
      Db d = databases.get(idOrName);
      if (d != null) {
        return d;
      }
      return databases.values().stream()
          .filter(x -> x.name.equals(idOrName))
          .findFirst()
          .orElse(null);
    }
  }

  private Reply list(Map<String, String> q) {
    int page = intParam(q, "page", 1, 1, Integer.MAX_VALUE);
    int perPage = intParam(q, "per_page", 1000, 10, 10000);
    String name = q.get("name");
    List<Db> all;
    synchronized (databases) {
      all = new ArrayList<>(databases.values());
    }
    if (name != null) {
      String n = name.toLowerCase(Locale.ROOT);
      all.removeIf(d -> !d.name.toLowerCase(Locale.ROOT).contains(n));
    }
    ArrayNode items = MAPPER.createArrayNode();
    long from = (long) (page - 1) * perPage;
    for (long i = from; i < Math.min(all.size(), from + perPage); i++) {
      Db d = all.get((int) i);
      items
          .addObject()
          .put("uuid", d.uuid)
          .put("name", d.name)
          .put("created_at", d.createdAt.toString())
          .put("version", "production")
          .putNull("jurisdiction");
    }
    ObjectNode env = envelope(items);
    env.putObject("result_info")
        .put("page", page)
        .put("per_page", perPage)
        .put("count", items.size())
        .put("total_count", all.size())
        .put("total_pages", (all.size() + perPage - 1) / perPage);
    return reply(200, env);
  }

  private static int intParam(Map<String, String> q, String name, int dflt, int min, int max) {
    String v = q.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      int i = Integer.parseInt(v);
      if (i >= min && i <= max) {
        return i;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new ApiError(
        400, 7400, "Invalid property: " + name + " => must be a number from " + min + " to " + max);
  }

  private ObjectNode info(Db d) {
    long tables = 0;
    long size = 0;
    try {
      D1Result<Map<String, Object>> r =
          d.db
              .prepare(
                  "SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE"
                      + " 'sqlite!_%' ESCAPE '!' AND name NOT LIKE '!_cf!_%' ESCAPE '!'")
              .all();
      tables = ((Number) r.results().get(0).get("n")).longValue();
      size = r.meta().sizeAfter();
    } catch (D1Exception e) {
      // an engine that hides its schema reports 0 tables
    }
    ObjectNode o =
        MAPPER
            .createObjectNode()
            .put("uuid", d.uuid)
            .put("name", d.name)
            .put("created_at", d.createdAt.toString())
            .put("version", "production")
            .put("num_tables", tables)
            .put("file_size", size)
            .put("running_in_region", "ENAM");
    o.putObject("read_replication").put("mode", d.readReplication);
    o.putNull("jurisdiction");
    return o;
  }

  private Reply query(Db d, JsonNode body, boolean raw) {
    List<D1RawResult> results = new ArrayList<>();
    try {
      if (body.has("batch")) {
        if (!body.get("batch").isArray()) {
          throw new ApiError(400, 7400, "The request is malformed: batch must be an array");
        }
        List<D1PreparedStatement> statements = new ArrayList<>();
        for (JsonNode item : body.get("batch")) {
          statements.add(statement(d, item));
        }
        for (D1Result<Map<String, Object>> r : d.db.batch(statements)) {
          results.add(RawQuery.fromResult(r));
        }
      } else {
        List<String> parts =
            SqlLexer.statements(body.path("sql").asText("")).stream()
                .map(SqlStatement::sql)
                .toList();
        if (parts.size() > 1 && body.path("params").size() > 0) {
          throw new ApiError(
              400,
              7400,
              "The request is malformed: params with multiple statements is not supported");
        }
        if (parts.size() > 1) { // D1 runs them as a batch and answers one result per statement
          List<D1PreparedStatement> statements = new ArrayList<>();
          parts.forEach(p -> statements.add(d.db.prepare(p)));
          for (D1Result<Map<String, Object>> r : d.db.batch(statements)) {
            results.add(RawQuery.fromResult(r));
          }
        } else {
          results.add(RawQuery.run(statement(d, body)));
        }
      }
    } catch (D1Exception e) {
      throw new ApiError(
          400, 7500, D1Exception.D1_ERROR.equals(e.code()) ? e.detail() : e.getMessage());
    }
    if (results.stream().anyMatch(r -> r.meta().changedDb())) {
      changed(d);
    }
    ArrayNode out = MAPPER.createArrayNode();
    for (D1RawResult r : results) {
      ObjectNode o = out.addObject();
      if (raw) {
        ObjectNode res = o.putObject("results");
        ArrayNode cols = res.putArray("columns");
        r.columns().forEach(cols::add);
        ArrayNode rows = res.putArray("rows");
        for (List<Object> row : r.rows()) {
          ArrayNode a = rows.addArray();
          row.forEach(v -> a.add(value(v)));
        }
      } else {
        ArrayNode rows = o.putArray("results");
        for (List<Object> row : r.rows()) {
          ObjectNode obj = rows.addObject();
          for (int i = 0; i < row.size(); i++) {
            obj.set(r.columns().get(i), value(row.get(i)));
          }
        }
      }
      o.put("success", true);
      o.set("meta", MAPPER.valueToTree(r.meta().toD1Map()));
    }
    return ok(200, out);
  }

  private static D1PreparedStatement statement(Db d, JsonNode q) {
    if (!q.path("sql").isTextual()) {
      throw new ApiError(400, 7400, "Invalid property: sql => Required");
    }
    D1PreparedStatement s = d.db.prepare(q.get("sql").asText());
    JsonNode params = q.path("params");
    if (params.isMissingNode() || params.isNull()) {
      return s;
    }
    if (!params.isArray()) {
      throw new ApiError(400, 7400, "Invalid property: params => must be an array");
    }
    Object[] values = new Object[params.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = param(params.get(i));
    }
    return s.bind(values);
  }

  private static Object param(JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isArray()) {
      byte[] b = new byte[v.size()];
      for (int i = 0; i < b.length; i++) {
        JsonNode e = v.get(i);
        if (!e.isIntegralNumber() || e.asInt() < 0 || e.asInt() > 255) {
          throw new ApiError(
              400,
              7400,
              "The request is malformed: params must be strings, numbers, null or byte arrays");
        }
        b[i] = (byte) e.asInt();
      }
      return b;
    }
    throw new ApiError(
        400,
        7400,
        "The request is malformed: params must be strings, numbers, null or byte arrays");
  }

  private static JsonNode value(Object v) {
    if (v == null) {
      return MAPPER.nullNode();
    }
    if (v instanceof Long) {
      return MAPPER.getNodeFactory().numberNode((Long) v);
    }
    if (v instanceof Double) {
      return MAPPER.getNodeFactory().numberNode((Double) v);
    }
    if (v instanceof byte[]) {
      ArrayNode a = MAPPER.createArrayNode();
      for (byte b : (byte[]) v) {
        a.add(b & 0xff);
      }
      return a;
    }
    return MAPPER.getNodeFactory().textNode(v.toString());
  }

  private void changed(Db d) {
    d.seq++;
    if (timeTravel) {
      d.history.add(new Snapshot(clock.instant(), bookmark(d), d.db.dump()));
    }
  }

  private static String bookmark(Db d) {
    return D1Bookmarks.format(d.seq);
  }

  private Snapshot at(Db d, String timestamp) {
    requireTimeTravel();
    Instant t;
    try {
      t = OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      throw new ApiError(
          400, 7400, "Invalid property: timestamp => not an ISO 8601 time: " + timestamp);
    }
    Snapshot best = null;
    for (Snapshot s : d.history) {
      if (!s.at.isAfter(t)) {
        best = s;
      }
    }
    if (best == null) {
      throw new ApiError(400, 7400, "No bookmark available at or before " + timestamp);
    }
    return best;
  }

  private void requireTimeTravel() {
    if (!timeTravel) {
      throw new ApiError(400, 7400, "Time travel is disabled on this FakeD1Server");
    }
  }

  private Reply restore(Db d, Map<String, String> q) {
    requireTimeTravel();
    Snapshot target;
    if (q.containsKey("bookmark")) {
      target =
          d.history.stream()
              .filter(s -> s.bookmark.equals(q.get("bookmark")))
              .reduce((x, y) -> y)
              .orElseThrow(() -> new ApiError(400, 7400, "Invalid bookmark: " + q.get("bookmark")));
    } else if (q.containsKey("timestamp")) {
      target = at(d, q.get("timestamp"));
    } else {
      throw new ApiError(400, 7400, "Invalid property: bookmark or timestamp => Required");
    }
    String previous = bookmark(d);
    D1Database old = d.db;
    d.db = fromImage.apply(target.image);
    old.close();
    changed(d);
    return ok(
        200,
        MAPPER
            .createObjectNode()
            .put("bookmark", target.bookmark)
            .put("previous_bookmark", previous)
            .put("message", "Database restored to bookmark " + target.bookmark));
  }

  private Reply export(Db d, JsonNode body) {
    if (!"polling".equals(body.path("output_format").asText())) {
      throw new ApiError(400, 7400, "Invalid property: output_format => must be \"polling\"");
    }
    ObjectNode r = MAPPER.createObjectNode().put("success", true).put("type", "export");
    String current = body.path("current_bookmark").asText(null);
    if (current == null) {
      JsonNode opts = body.path("dump_options");
      List<String> tables = new ArrayList<>();
      opts.path("tables").forEach(t -> tables.add(t.asText()));
      String sql;
      try {
        sql =
            SqlDump.dump(
                d.db,
                opts.path("no_schema").asBoolean(false),
                opts.path("no_data").asBoolean(false),
                tables);
      } catch (SqlDump.ExportError e) {
        return ok(
            200, MAPPER.createObjectNode().put("success", false).put("error", e.getMessage()));
      }
      d.exportBookmark = bookmark(d);
      d.exportFile = d.uuid + "-" + d.exportBookmark + ".sql";
      files.put(d.exportFile, sql.getBytes(StandardCharsets.UTF_8));
      r.put("at_bookmark", d.exportBookmark).put("status", "active");
      r.putArray("messages").add("Generating " + d.exportFile);
      return ok(202, r);
    }
    if (!current.equals(d.exportBookmark)) {
      return ok(
          200,
          MAPPER
              .createObjectNode()
              .put("success", false)
              .put("error", "Not currently exporting anything."));
    }
    r.put("at_bookmark", d.exportBookmark).put("status", "complete");
    r.putObject("result")
        .put("filename", d.exportFile)
        .put("signed_url", root + "/__fake/export/" + d.exportFile);
    r.putArray("messages")
        .add("Uploaded part 1")
        .add("Finished uploading " + d.exportFile + " in 1 parts.");
    d.exportBookmark = null;
    return ok(200, r);
  }

  private Reply importSql(Db d, JsonNode body) {
    String action = body.path("action").asText("");
    String etag = body.path("etag").asText("");
    switch (action) {
      case "init":
        {
          String filename = d.uuid + "-" + etag + ".sql";
          byte[] f = files.get(filename);
          if (f != null && md5(f).equals(etag)) {
            return ok(200, startImport(d, f));
          }
          pendingUploads.put(filename, etag);
          return ok(
              200,
              MAPPER
                  .createObjectNode()
                  .put("filename", filename)
                  .put("upload_url", root + "/__fake/upload/" + filename));
        }
      case "ingest":
        {
          byte[] f = files.get(body.path("filename").asText(""));
          if (f == null || !md5(f).equals(etag)) {
            return ok(
                200,
                MAPPER
                    .createObjectNode()
                    .put("success", false)
                    .put("error", "File not found or its etag does not match"));
          }
          return ok(200, startImport(d, f));
        }
      case "poll":
        {
          ImportState s = d.importState;
          if (s == null || !s.atBookmark.equals(body.path("current_bookmark").asText())) {
            return ok(
                200,
                MAPPER
                    .createObjectNode()
                    .put("success", false)
                    .put("error", "Not currently importing anything."));
          }
          d.importState = null;
          return ok(200, s.outcome);
        }
      default:
        throw new ApiError(400, 7400, "Invalid property: action => must be init, ingest or poll");
    }
  }

  /** Runs the import now; the answer says active, and the next poll gives the outcome. */
  private ObjectNode startImport(Db d, byte[] file) {
    String at = bookmark(d);
    List<String> sql =
        SqlLexer.statements(new String(file, StandardCharsets.UTF_8)).stream()
            .map(SqlStatement::sql)
            .toList();
    ObjectNode outcome =
        MAPPER.createObjectNode().put("success", true).put("type", "import").put("at_bookmark", at);
    try {
      if (sql.isEmpty()) {
        throw new ApiError(400, 7500, "No SQL statements detected.");
      }
      List<D1PreparedStatement> statements = new ArrayList<>();
      sql.forEach(s -> statements.add(d.db.prepare(s)));
      List<D1Result<Map<String, Object>>> results = d.db.batch(statements);
      changed(d);
      D1Meta.Builder meta = D1Meta.builder();
      long changes = 0;
      long read = 0;
      long written = 0;
      double duration = 0;
      D1Meta last = results.get(results.size() - 1).meta();
      for (D1Result<Map<String, Object>> r : results) {
        changes += r.meta().changes();
        read += r.meta().rowsRead();
        written += r.meta().rowsWritten();
        duration += r.meta().duration();
      }
      meta.changes(changes)
          .rowsRead(read)
          .rowsWritten(written)
          .duration(duration)
          .lastRowId(last.lastRowId())
          .changedDb(true)
          .sizeAfter(last.sizeAfter())
          .servedBy(last.servedBy());
      outcome.put("status", "complete");
      outcome.putArray("messages").add("Processed " + sql.size() + " queries.");
      ObjectNode result =
          outcome
              .putObject("result")
              .put("final_bookmark", bookmark(d))
              .put("num_queries", sql.size());
      result.set("meta", MAPPER.valueToTree(meta.build().toD1Map()));
    } catch (D1Exception | ApiError e) {
      String message =
          e instanceof D1Exception && D1Exception.D1_ERROR.equals(((D1Exception) e).code())
              ? ((D1Exception) e).detail()
              : e.getMessage();
      outcome.put("status", "error");
      outcome.putArray("messages").add("Starting import...");
      outcome.putArray("errors").add(message);
    }
    d.importState = new ImportState(at, outcome);
    ObjectNode active =
        MAPPER
            .createObjectNode()
            .put("success", true)
            .put("type", "import")
            .put("at_bookmark", at)
            .put("status", "active");
    active.putArray("messages").add("Starting import...");
    return active;
  }

  private static JsonNode json(RecordedRequest req) {
    try {
      JsonNode n = MAPPER.readTree(req.body());
      if (n == null || !n.isObject()) {
        throw new ApiError(400, 7400, "The request is malformed: the body must be a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw new ApiError(400, 7400, "The request is malformed: the body is not JSON");
    }
  }

  private static Map<String, String> query(String target) {
    Map<String, String> q = new LinkedHashMap<>();
    int i = target.indexOf('?');
    if (i < 0) {
      return q;
    }
    for (String kv : target.substring(i + 1).split("&")) {
      if (kv.isEmpty()) {
        continue;
      }
      int e = kv.indexOf('=');
      q.put(decode(e < 0 ? kv : kv.substring(0, e)), e < 0 ? "" : decode(kv.substring(e + 1)));
    }
    return q;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode envelope(JsonNode result) {
    ObjectNode env = MAPPER.createObjectNode();
    env.set("result", result);
    env.put("success", true);
    env.putArray("errors");
    env.putArray("messages");
    return env;
  }

  private static Reply ok(int status, JsonNode result) {
    return reply(status, envelope(result));
  }

  private static Reply error(int status, int code, String message) {
    ObjectNode env = MAPPER.createObjectNode();
    env.putArray("result");
    env.put("success", false);
    env.putArray("errors").addObject().put("code", code).put("message", message);
    env.putArray("messages");
    return new Reply(status, code == 7500 ? Map.of("cf-d1", "err=7500") : Map.of(), bytes(env));
  }

  private static Reply reply(int status, JsonNode body) {
    return new Reply(status, Map.of(), bytes(body));
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    synchronized (databases) {
      for (Db d : databases.values()) {
        d.db.close();
      }
      databases.clear();
    }
  }
}
