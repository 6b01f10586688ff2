package io.github.d1java.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.D1LimitExceededException;
import io.github.d1java.D1Meta;
import io.github.d1java.remote.internal.Codec;
import io.github.d1java.remote.internal.RemoteDatabase;
import io.github.d1java.remote.internal.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account-level D1 operations over the REST API: create (with jurisdiction, location hint and read
 * replication), list, get (with {@code fields=}), switch read replication and delete databases;
 * query insights; export to a file; import an SQL file; time travel. Get one from {@link
 * D1Remote.Builder#buildAccount()} or {@link D1RemoteDatabase#account()}.
 *
 * <p>Reads (list, get, bookmarks, export and import polls) are retried like read-only queries;
 * create, delete, ingest and restore are never retried. Thread-safe and stateless apart from the
 * shared HTTP client.
 *
 * <p>Every method throws {@link io.github.d1java.D1Exception} subclasses: {@link D1ApiException}
 * for API refusals (unknown database, name taken, failed export or import), {@link
 * io.github.d1java.D1AuthenticationException}, {@link io.github.d1java.D1RateLimitException},
 * {@link io.github.d1java.D1TransportException} and {@link io.github.d1java.D1TimeoutException}.
 */
public final class D1Account {

  private static final Logger LOG = LoggerFactory.getLogger("io.github.d1java.remote");
  static final int DEFAULT_PAGE_SIZE = 1000;

  private final Transport transport;
  private final String path;

  D1Account(Transport transport) {
    this.transport = transport;
    this.path = "/accounts/" + Transport.segment(transport.config().accountId()) + "/d1/database";
  }

  /**
   * Options of an export: D1's {@code dump_options}.
   *
   * @param noData export only the schema
   * @param noSchema export only the rows
   * @param tables the tables to export; empty for all; not null
   */
  public record ExportOptions(boolean noData, boolean noSchema, List<String> tables) {
    /** Everything: schema and data of all tables. */
    public static final ExportOptions ALL = new ExportOptions(false, false, List.of());

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if both {@code noData} and {@code noSchema} are set
     */
    public ExportOptions {
      tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
      if (noData && noSchema) {
        throw new IllegalArgumentException(
            "Cannot use noSchema and noData together: at least one of schema or data must be"
                + " included in the export");
      }
    }
  }

  /**
   * A finished export.
   *
   * @param filename the name D1 gave the file
   * @param atBookmark the bookmark the export was taken at
   * @param bytes the number of bytes written to the target file
   */
  public record ExportResult(String filename, String atBookmark, long bytes) {}

  /**
   * A finished import.
   *
   * @param numQueries the number of statements run
   * @param finalBookmark the bookmark right after the import
   * @param meta what D1 reports about the import
   */
  public record ImportResult(long numQueries, String finalBookmark, D1Meta meta) {}

  /**
   * The outcome of a time-travel restore.
   *
   * @param bookmark the bookmark the database was restored to
   * @param previousBookmark the bookmark before the restore: restore to it to undo
   * @param message D1's message
   */
  public record RestoreResult(String bookmark, String previousBookmark, String message) {}

  /**
   * The account id.
   *
   * @return the id; never null
   */
  public String accountId() {
    return transport.config().accountId();
  }

  /**
   * A database client for a database of this account, sharing this client's configuration.
   *
   * @param databaseId the database UUID; not null
   * @return a database; close it when done
   */
  public D1RemoteDatabase database(String databaseId) {
    D1Remote.requireId("databaseId", databaseId);
    return new RemoteDatabase(transport, databaseId, () -> this);
  }

  /**
   * What to create: D1's create request. Immutable.
   *
   * @param name the name, {@code [a-zA-Z0-9][a-zA-Z0-9_-]*}; not null
   * @param jurisdiction {@code eu}, {@code fedramp} or {@code us} (the data stays there; the
   *     location hint is then ignored); null for none
   * @param primaryLocationHint {@code wnam}, {@code enam}, {@code weur}, {@code eeur}, {@code apac}
   *     or {@code oc}; null to let D1 choose
   * @param readReplication {@code auto} or {@code disabled}; null for D1's default
   */
  public record CreateOptions(
      String name, String jurisdiction, String primaryLocationHint, String readReplication) {

    /** The jurisdictions D1 accepts. */
    public static final List<String> JURISDICTIONS = List.of("eu", "fedramp", "us");

    /** The location hints D1 accepts. */
    public static final List<String> LOCATION_HINTS =
        List.of("wnam", "enam", "weur", "eeur", "apac", "oc");

    /** The read replication modes D1 accepts. */
    public static final List<String> READ_REPLICATION_MODES = List.of("auto", "disabled");

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the property whose value D1 does not accept
     */
    public CreateOptions {
      Objects.requireNonNull(name, "name");
      check("jurisdiction", jurisdiction, JURISDICTIONS);
      check("primaryLocationHint", primaryLocationHint, LOCATION_HINTS);
      check("readReplication", readReplication, READ_REPLICATION_MODES);
    }

    /**
     * A database with D1's defaults.
     *
     * @param name the name; not null
     * @return the options
     */
    public static CreateOptions named(String name) {
      return new CreateOptions(name, null, null, null);
    }

    /**
     * @param value {@code eu}, {@code fedramp} or {@code us}; null for none
     * @return a copy with this jurisdiction
     */
    public CreateOptions withJurisdiction(String value) {
      return new CreateOptions(name, value, primaryLocationHint, readReplication);
    }

    /**
     * @param value a location hint; null to let D1 choose
     * @return a copy with this hint
     */
    public CreateOptions withPrimaryLocationHint(String value) {
      return new CreateOptions(name, jurisdiction, value, readReplication);
    }

    /**
     * @param value {@code auto} or {@code disabled}; null for D1's default
     * @return a copy with this mode
     */
    public CreateOptions withReadReplication(String value) {
      return new CreateOptions(name, jurisdiction, primaryLocationHint, value);
    }
  }

  static void check(String property, String value, List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw new IllegalArgumentException(
          property + " must be one of " + String.join(", ", allowed) + ", got " + value);
    }
  }

  /**
   * Creates a database.
   *
   * @param name the name, {@code [a-zA-Z0-9][a-zA-Z0-9_-]*}; not null
   * @return the new database (with {@code region} set to {@code created_in_region})
   * @throws D1ApiException if the name is taken (7502)
   * @throws io.github.d1java.D1LimitExceededException if the account has as many databases as it
   *     may (7406)
   */
  public D1DatabaseInfo create(String name) {
    return create(CreateOptions.named(name));
  }

  /**
   * Creates a database near a location.
   *
   * @param name the name; not null
   * @param primaryLocationHint {@code wnam}, {@code enam}, {@code weur}, {@code eeur}, {@code apac}
   *     or {@code oc}; null to let D1 choose
   * @return the new database
   * @throws D1ApiException if the name is taken (7502)
   * @throws io.github.d1java.D1LimitExceededException at the account's database limit (7406)
   */
  public D1DatabaseInfo create(String name, String primaryLocationHint) {
    return create(CreateOptions.named(name).withPrimaryLocationHint(primaryLocationHint));
  }

  /**
   * Creates a database with D1's options: jurisdiction, location hint, read replication.
   *
   * @param options what to create; not null
   * @return the new database
   * @throws D1ApiException if the name is taken (7502) or D1 refuses an option (7400)
   * @throws io.github.d1java.D1LimitExceededException at the account's database limit (7406)
   */
  public D1DatabaseInfo create(CreateOptions options) {
    Objects.requireNonNull(options, "options");
    ObjectNode body = Transport.MAPPER.createObjectNode().put("name", options.name());
    if (options.primaryLocationHint() != null) {
      body.put("primary_location_hint", options.primaryLocationHint());
    }
    if (options.jurisdiction() != null) {
      body.put("jurisdiction", options.jurisdiction());
    }
    if (options.readReplication() != null) {
      body.putObject("read_replication").put("mode", options.readReplication());
    }
    try {
      return info(transport.call("create database", "POST", path, body, false).path("result"));
    } catch (D1ApiException e) {
      if (e.apiCode() == 7406) {
        throw new D1LimitExceededException(
            D1LimitExceededException.Limit.DATABASE_COUNT, e.detail(), e);
      }
      throw e;
    }
  }

  /**
   * Turns read replication on ({@code auto}) or off ({@code disabled}) with {@code PUT}.
   *
   * @param databaseId the UUID; not null
   * @param mode {@code auto} or {@code disabled}; not null
   * @return the database after the change
   * @throws IllegalArgumentException if {@code mode} is neither
   */
  public D1DatabaseInfo setReadReplication(String databaseId, String mode) {
    return replication("PUT", databaseId, mode);
  }

  /**
   * As {@link #setReadReplication}, with {@code PATCH} (a partial update; D1 treats both alike for
   * this one field).
   *
   * @param databaseId the UUID; not null
   * @param mode {@code auto} or {@code disabled}; not null
   * @return the database after the change
   * @throws IllegalArgumentException if {@code mode} is neither
   */
  public D1DatabaseInfo patchReadReplication(String databaseId, String mode) {
    return replication("PATCH", databaseId, mode);
  }

  private D1DatabaseInfo replication(String method, String databaseId, String mode) {
    D1Remote.requireId("databaseId", databaseId);
    Objects.requireNonNull(mode, "mode");
    check("mode", mode, CreateOptions.READ_REPLICATION_MODES);
    ObjectNode body = Transport.MAPPER.createObjectNode();
    body.putObject("read_replication").put("mode", mode);
    return info(
        transport
            .call("update read replication", method, path + "/" + databaseId, body, true)
            .path("result"));
  }

  /**
   * Lists every database of the account, following all pages.
   *
   * @return the databases, in the API's order
   */
  public List<D1DatabaseInfo> list() {
    return list(null, DEFAULT_PAGE_SIZE);
  }

  /**
   * Lists the databases whose name matches {@code name} as the API searches (possibly by
   * substring), following all pages.
   *
   * @param name the name to search for, or null for all
   * @return the databases
   */
  public List<D1DatabaseInfo> list(String name) {
    return list(name, DEFAULT_PAGE_SIZE);
  }

  /**
   * Pages until the API says it is done, as the official SDKs do: an empty page, or {@code
   * result_info} showing the last page ({@code page >= total_pages}) or every item ({@code
   * total_count}). A page shorter than {@code per_page} is not the end (the API may cap {@code
   * per_page}).
   */
  List<D1DatabaseInfo> list(String name, int perPage) {
    List<D1DatabaseInfo> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      String q = "?page=" + page + "&per_page=" + perPage;
      if (name != null) {
        q += "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
      }
      JsonNode env = transport.call("list databases", "GET", path + q, null, true);
      JsonNode items = env.path("result");
      for (JsonNode item : items) {
        all.add(info(item));
      }
      JsonNode ri = env.path("result_info");
      boolean lastPage =
          ri.hasNonNull("total_pages")
              && ri.path("page").asLong(page) >= ri.get("total_pages").asLong();
      boolean everything =
          ri.hasNonNull("total_count") && all.size() >= ri.get("total_count").asLong();
      if (items.size() == 0 || lastPage || everything) {
        return Collections.unmodifiableList(all);
      }
    }
  }

  /**
   * Looks a database up by UUID or by name.
   *
   * @param idOrName a UUID or a database name; not null
   * @return the database, or empty when the API answers 404
   */
  public Optional<D1DatabaseInfo> get(String idOrName) {
    return get(idOrName, List.of());
  }

  /**
   * Looks a database up, asking only for some fields ({@code fields=}); the others are null in the
   * answer. The UUID and name are always asked for.
   *
   * @param idOrName a UUID or a database name; not null
   * @param fields API field names: {@code uuid}, {@code name}, {@code created_at}, {@code version},
   *     {@code jurisdiction}, {@code num_tables}, {@code file_size}, {@code running_in_region},
   *     {@code read_replication}; empty for all; not null
   * @return the database, or empty when the API answers 404
   * @throws D1ApiException if the API refuses a field (7400)
   */
  public Optional<D1DatabaseInfo> get(String idOrName, List<String> fields) {
    Objects.requireNonNull(idOrName, "idOrName");
    Objects.requireNonNull(fields, "fields");
    String q = "";
    if (!fields.isEmpty()) {
      Set<String> asked = new LinkedHashSet<>(List.of("uuid", "name"));
      asked.addAll(fields);
      q = "?fields=" + URLEncoder.encode(String.join(",", asked), StandardCharsets.UTF_8);
    }
    try {
      return Optional.of(
          info(
              transport
                  .call(
                      "get database",
                      "GET",
                      path + "/" + Transport.segment(idOrName) + q,
                      null,
                      true)
                  .path("result")));
    } catch (D1ApiException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Query insights of one database: its queries, most rows read first, and the indexes D1
   * recommends.
   *
   * @param databaseId the UUID; not null
   * @param limit how many queries, 1 to 100
   * @return the insights
   * @throws IllegalArgumentException if {@code limit} is out of range
   */
  public D1Insights insights(String databaseId, int limit) {
    D1Remote.requireId("databaseId", databaseId);
    return fetchInsights(path + "/" + databaseId + "/insights", limit);
  }

  /**
   * Query insights of every database of the account.
   *
   * @param limit how many queries, 1 to 100
   * @return the insights
   * @throws IllegalArgumentException if {@code limit} is out of range
   */
  public D1Insights insights(int limit) {
    return fetchInsights(
        path.substring(0, path.length() - "/database".length()) + "/insights", limit);
  }

  /** Follows {@code result_info.cursor} until {@code limit} queries or the last page. */
  private D1Insights fetchInsights(String url, int limit) {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be from 1 to 100, got " + limit);
    }
    List<D1Insights.Query> queries = new ArrayList<>();
    List<D1Insights.IndexRecommendation> recommendations = new ArrayList<>();
    String cursor = null;
    do {
      String q = "?limit=" + (limit - queries.size());
      if (cursor != null) {
        q += "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
      }
      JsonNode env = transport.call("query insights", "GET", url + q, null, true);
      JsonNode r = env.path("result");
      for (JsonNode n : r.path("queries")) {
        queries.add(
            new D1Insights.Query(
                text(n, "database_id"),
                n.path("query").asText(""),
                n.path("count").asLong(),
                n.path("sum_rows_read").asLong(),
                n.path("sum_rows_written").asLong(),
                n.path("sum_rows_returned").asLong(),
                n.path("sum_query_duration_ms").asDouble()));
      }
      if (cursor == null) {
        for (JsonNode n : r.path("recommendations")) {
          List<String> columns = new ArrayList<>();
          n.path("columns").forEach(c -> columns.add(c.asText()));
          recommendations.add(
              new D1Insights.IndexRecommendation(
                  text(n, "database_id"),
                  n.path("table").asText(""),
                  columns,
                  n.path("sql").asText(""),
                  n.path("cost_impact").asLong()));
        }
      }
      cursor = text(env.path("result_info"), "cursor");
      if (r.path("queries").size() == 0) {
        cursor = null;
      }
    } while (cursor != null && queries.size() < limit);
    return new D1Insights(queries, recommendations);
  }

  /**
   * Deletes a database.
   *
   * @param databaseId the UUID; not null
   * @throws D1ApiException with status 404 if there is no such database
   */
  public void delete(String databaseId) {
    D1Remote.requireId("databaseId", databaseId);
    transport.call("delete database", "DELETE", path + "/" + databaseId, null, false);
  }

  /**
   * Exports a database as SQL to {@code target} with D1's polling protocol: start, poll until
   * complete, download the signed URL (without the API token). The database cannot serve queries
   * while D1 generates the file.
   *
   * @param databaseId the UUID; not null
   * @param target the file to write (replaced); not null
   * @return the export's file name, bookmark and size
   */
  public ExportResult export(String databaseId, Path target) {
    return export(databaseId, target, ExportOptions.ALL);
  }

  /**
   * Exports with options; see {@link #export(String, Path)}.
   *
   * @param databaseId the UUID; not null
   * @param target the file to write (replaced); not null
   * @param options what to export; not null
   * @return the export's file name, bookmark and size
   * @throws D1ApiException if D1 reports the export failed
   * @throws io.github.d1java.D1TimeoutException if it is still active after the poll timeout
   */
  public ExportResult export(String databaseId, Path target, ExportOptions options) {
    D1Remote.requireId("databaseId", databaseId);
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");
    if (Files.isDirectory(target)) {
      throw new IllegalArgumentException(
          "Please specify a file path for the export, not a directory: " + target);
    }
    String url = path + "/" + databaseId + "/export";
    ObjectNode body = Transport.MAPPER.createObjectNode().put("output_format", "polling");
    ObjectNode dump = body.putObject("dump_options");
    dump.put("no_data", options.noData()).put("no_schema", options.noSchema());
    options.tables().forEach(dump.putArray("tables")::add);
    long start = transport.now();
    JsonNode status = pollingResult(transport.call("export", "POST", url, body, false), "export");
    String bookmark = status.path("at_bookmark").asText(null);
    while ("active".equals(status.path("status").asText())) {
      transport.pollPause("export", start);
      body.put("current_bookmark", bookmark);
      status = pollingResult(transport.call("export poll", "POST", url, body, true), "export");
    }
    if (!"complete".equals(status.path("status").asText())) {
      throw new D1ApiException(
          -1, 0, "D1 reset before export completed! " + status.path("error").asText(""), false);
    }
    String filename = status.path("result").path("filename").asText(null);
    String signedUrl = status.path("result").path("signed_url").asText(null);
    if (signedUrl == null) {
      throw new D1ApiException(-1, 0, "export completed without a signed_url", false);
    }
    long bytes = transport.download("export download", URI.create(signedUrl), target);
    return new ExportResult(filename, bookmark, bytes);
  }

  /**
   * Imports an SQL file with D1's protocol: init with the file's MD5, upload to the presigned URL
   * (skipped when D1 already has the file), ingest, then poll until done. D1 runs the whole file in
   * one transaction: on failure nothing is applied.
   *
   * @param databaseId the UUID; not null
   * @param sqlFile the SQL file; not null
   * @param progress receives D1's progress messages ({@code Processed N queries.}); may be null
   * @return the number of statements and the bookmark after the import
   * @throws D1ApiException if the upload or the import fails, with D1's errors
   * @throws io.github.d1java.D1TimeoutException if it is still active after the poll timeout
   * @throws UncheckedIOException if the file cannot be read
   */
  public ImportResult importSql(String databaseId, Path sqlFile, Consumer<String> progress) {
    D1Remote.requireId("databaseId", databaseId);
    Objects.requireNonNull(sqlFile, "sqlFile");
    Consumer<String> out = progress == null ? m -> {} : progress;
    String etag = md5(sqlFile);
    String url = path + "/" + databaseId + "/import";
    ObjectNode init = Transport.MAPPER.createObjectNode().put("action", "init").put("etag", etag);
    JsonNode r = pollingResult(transport.call("import init", "POST", url, init, true), "import");
    if (r.hasNonNull("upload_url")) {
      String filename = r.path("filename").asText();
      String got =
          transport.upload("import upload", URI.create(r.get("upload_url").asText()), sqlFile);
      if (got == null) {
        throw new D1ApiException(-1, 0, "File did not upload successfully. Please retry.", true);
      }
      if (!got.equals(etag)) {
        throw new D1ApiException(
            -1, 0, "File contents did not upload successfully. Please retry.", true);
      }
      ObjectNode ingest =
          Transport.MAPPER
              .createObjectNode()
              .put("action", "ingest")
              .put("etag", etag)
              .put("filename", filename);
      r = pollingResult(transport.call("import ingest", "POST", url, ingest, false), "import");
    } else {
      out.accept("File already uploaded. Processing.");
    }
    r.path("messages").forEach(m -> out.accept(m.asText()));
    long start = transport.now();
    while ("active".equals(r.path("status").asText())) {
      transport.pollPause("import", start);
      ObjectNode poll =
          Transport.MAPPER
              .createObjectNode()
              .put("action", "poll")
              .put("current_bookmark", r.path("at_bookmark").asText());
      r = pollingResult(transport.call("import poll", "POST", url, poll, true), "import");
      r.path("messages").forEach(m -> out.accept(m.asText()));
    }
    if ("error".equals(r.path("status").asText())) {
      List<String> errors = new ArrayList<>();
      r.path("errors").forEach(e -> errors.add(e.asText()));
      if (errors.isEmpty()) {
        errors.add(r.path("error").asText("import failed"));
      }
      throw new D1ApiException(-1, 0, transport.scrub(String.join("\n", errors)), false);
    }
    if (!"complete".equals(r.path("status").asText())) {
      throw new D1ApiException(-1, 0, "D1 reset before execute completed!", false);
    }
    JsonNode result = r.path("result");
    return new ImportResult(
        result.path("num_queries").asLong(0),
        result.path("final_bookmark").asText(null),
        Codec.meta(result.path("meta")));
  }

  /**
   * The database's current time-travel bookmark.
   *
   * @param databaseId the UUID; not null
   * @return the bookmark
   */
  public String bookmark(String databaseId) {
    return bookmark(databaseId, null);
  }

  /**
   * The nearest bookmark at or before {@code timestamp}.
   *
   * @param databaseId the UUID; not null
   * @param timestamp the time, or null for now
   * @return the bookmark
   */
  public String bookmark(String databaseId, Instant timestamp) {
    D1Remote.requireId("databaseId", databaseId);
    String q =
        timestamp == null
            ? ""
            : "?timestamp=" + URLEncoder.encode(timestamp.toString(), StandardCharsets.UTF_8);
    JsonNode env =
        transport.call(
            "time travel bookmark",
            "GET",
            path + "/" + databaseId + "/time_travel/bookmark" + q,
            null,
            true);
    return env.path("result").path("bookmark").asText(null);
  }

  /**
   * Restores the database to a bookmark (undo by restoring to {@code previousBookmark}). Cancels
   * queries in flight. Never retried.
   *
   * @param databaseId the UUID; not null
   * @param bookmark the bookmark; not null
   * @return the new and previous bookmarks
   */
  public RestoreResult restore(String databaseId, String bookmark) {
    D1Remote.requireId("databaseId", databaseId);
    Objects.requireNonNull(bookmark, "bookmark");
    String q = "?bookmark=" + URLEncoder.encode(bookmark, StandardCharsets.UTF_8);
    JsonNode r =
        transport
            .call(
                "time travel restore",
                "POST",
                path + "/" + databaseId + "/time_travel/restore" + q,
                null,
                false)
            .path("result");
    return new RestoreResult(
        r.path("bookmark").asText(null),
        r.path("previous_bookmark").asText(null),
        r.path("message").asText(null));
  }

  @Override
  public String toString() {
    return "D1Account[" + transport.config().accountId() + "]";
  }

  private JsonNode pollingResult(JsonNode envelope, String what) {
    JsonNode r = envelope.path("result");
    if (r.has("success") && !r.path("success").asBoolean(true)) {
      throw new D1ApiException(
          -1, 0, transport.scrub(r.path("error").asText(what + " failed")), false);
    }
    r.path("messages").forEach(m -> LOG.debug("{}: {}", what, m.asText()));
    return r;
  }

  private static D1DatabaseInfo info(JsonNode r) {
    return new D1DatabaseInfo(
        r.path("uuid").asText(),
        r.path("name").asText(),
        text(r, "created_at"),
        text(r, "version"),
        r.hasNonNull("num_tables") ? r.get("num_tables").asLong() : null,
        r.hasNonNull("file_size") ? r.get("file_size").asLong() : null,
        r.hasNonNull("running_in_region")
            ? r.get("running_in_region").asText()
            : text(r, "created_in_region"),
        text(r, "jurisdiction"),
        r.path("read_replication").hasNonNull("mode")
            ? r.path("read_replication").get("mode").asText()
            : null);
  }

  private static String text(JsonNode r, String field) {
    return r.hasNonNull(field) ? r.get(field).asText() : null;
  }

  static String md5(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("MD5");
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JDK", e);
    }
  }
}
