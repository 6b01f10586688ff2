package io.github.d1java.jdbc.internal;

import io.github.d1java.D1Database;
import io.github.d1java.D1Exception;
import io.github.d1java.remote.D1Remote;
import io.github.d1java.sqlite.D1Sqlite;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * A parsed {@code jdbc:d1:} URL: its kind ({@code file}, {@code mem}, {@code wrangler}, {@code
 * remote}, {@code worker}), its target and its properties (from the {@code Properties} given to the
 * driver, overridden by a {@code ?key=value&...} query). Immutable.
 *
 * @param kind the kind, lower case
 * @param target what follows the kind, without the query
 * @param properties the merged properties
 */
public record JdbcUrl(String kind, String target, Properties properties) {

  /** The prefix every URL of this driver starts with. */
  public static final String PREFIX = "jdbc:d1:";

  static final String WORKER_CLASS = "io.github.d1java.worker.D1Worker";
  static final String WRANGLER_CLASS = "io.github.d1java.wrangler.WranglerProject";

  /**
   * Parses a URL.
   *
   * @param url the URL; must start with {@link #PREFIX}
   * @param info properties, or null
   * @return the parsed URL
   * @throws SQLException if the URL is malformed
   */
  public static JdbcUrl parse(String url, Properties info) throws SQLException {
    if (url == null || !url.startsWith(PREFIX)) {
      throw new SQLNonTransientConnectionException("not a D1 URL: " + url, "08001");
    }
    String rest = url.substring(PREFIX.length());
    int colon = rest.indexOf(':');
    if (colon < 0) {
      throw malformed(url);
    }
    String kind = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    String target = rest.substring(colon + 1);
    Properties props = new Properties();
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        props.setProperty(name, info.getProperty(name));
      }
    }
    int q = target.indexOf('?');
    if (q >= 0 && !kind.equals("worker")) {
      for (String pair : target.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String k = decode(eq < 0 ? pair : pair.substring(0, eq));
        String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
        props.setProperty(k, v);
      }
      target = target.substring(0, q);
    }
    switch (kind) {
      case "file":
      case "mem":
      case "wrangler":
      case "remote":
      case "worker":
        break;
      default:
        throw new SQLNonTransientConnectionException(
            "unknown D1 URL kind '"
                + kind
                + "' (file, mem, wrangler, remote or worker): "
                + PREFIX
                + kind
                + ":...",
            "08001");
    }
    if (target.isEmpty() && !kind.equals("remote") && !kind.equals("worker")) {
      throw malformed(url);
    }
    return new JdbcUrl(kind, target, props);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static SQLException malformed(String url) {
    return new SQLNonTransientConnectionException(
        "malformed D1 URL (jdbc:d1:file:<path>, jdbc:d1:mem:<name>, jdbc:d1:wrangler:<binding>,"
            + " jdbc:d1:remote:<accountId>/<databaseId>, jdbc:d1:worker:<https-url>): "
            + redact(url),
        "08001");
  }

  /** The URL without its query, which may hold a token. */
  static String redact(String url) {
    int q = url == null ? -1 : url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?...";
  }

  /** The URL for messages, without properties. */
  public String describe() {
    return PREFIX + kind + ":" + target;
  }

  /**
   * Opens the backend this URL names.
   *
   * @param env environment variables (for the remote and worker defaults)
   * @return the backend
   * @throws SQLException if it cannot be opened
   */
  public Backend open(Function<String, String> env) throws SQLException {
    try {
      switch (kind) {
        case "file":
          return file(Path.of(target));
        case "mem":
          return SharedDatabases.acquire("mem:" + target, describe(), D1Sqlite::inMemory);
        case "wrangler":
          return file(wranglerFile());
        case "remote":
          return Backend.owned(remote(env), describe());
        default:
          return Backend.owned(worker(env), describe());
      }
    } catch (D1Exception e) {
      throw Errors.of(e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new SQLNonTransientConnectionException(describe() + ": " + e.getMessage(), "08001", e);
    }
  }

  private Backend file(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return SharedDatabases.acquire(
        "file:" + abs, describe(), () -> D1Sqlite.builder().file(abs).build());
  }

  private String prop(String name, Function<String, String> env, String envName) {
    String v = properties.getProperty(name);
    if ((v == null || v.isBlank()) && envName != null) {
      v = env.apply(envName);
    }
    return v == null || v.isBlank() ? null : v.trim();
  }

  private D1Database remote(Function<String, String> env) throws SQLException {
    String account;
    String database;
    if (target.isEmpty()) {
      account = env.apply(D1Remote.ENV_ACCOUNT_ID);
      database = env.apply(D1Remote.ENV_DATABASE_ID);
      if (database == null || database.isBlank()) {
        database = env.apply("D1_DATABASE_ID");
      }
    } else {
      int slash = target.indexOf('/');
      if (slash <= 0 || slash == target.length() - 1) {
        throw malformed(describe());
      }
      account = target.substring(0, slash);
      database = target.substring(slash + 1);
    }
    if (account == null || account.isBlank() || database == null || database.isBlank()) {
      throw new SQLNonTransientConnectionException(
          "jdbc:d1:remote: needs <accountId>/<databaseId> in the URL or "
              + D1Remote.ENV_ACCOUNT_ID
              + " and "
              + D1Remote.ENV_DATABASE_ID,
          "08001");
    }
    String token = prop("token", env, D1Remote.ENV_API_TOKEN);
    if (token == null) {
      token = prop("password", env, null);
    }
    if (token == null) {
      throw new SQLInvalidAuthorizationSpecException(
          "jdbc:d1:remote: needs an API token: property 'token' (or 'password') or "
              + D1Remote.ENV_API_TOKEN,
          "28000");
    }
    D1Remote.Builder b =
        D1Remote.builder().accountId(account.trim()).databaseId(database.trim()).apiToken(token);
    String baseUrl = prop("baseUrl", env, D1Remote.ENV_BASE_URL);
    if (baseUrl != null) {
      b.baseUrl(baseUrl);
    }
    return b.build();
  }

  private Path wranglerFile() throws SQLException {
    Class<?> project = optionalClass(WRANGLER_CLASS, "d1-wrangler", "wrangler");
    Path cwd = Path.of(properties.getProperty("cwd", "")).toAbsolutePath();
    String config = properties.getProperty("config");
    String env = properties.getProperty("env");
    try {
      Object p =
          config == null
              ? project.getMethod("find", Path.class, String.class).invoke(null, cwd, env)
              : project
                  .getMethod("of", Path.class, Path.class, String.class)
                  .invoke(null, cwd, Path.of(config), env);
      Method localFile = project.getMethod("localFile", String.class, String.class);
      Path file = (Path) localFile.invoke(p, target, properties.getProperty("persistTo"));
      java.nio.file.Files.createDirectories(file.getParent());
      return file;
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new SQLNonTransientConnectionException(
          describe() + ": " + cause.getMessage(), "08001", cause);
    } catch (ReflectiveOperationException | java.io.IOException e) {
      throw new SQLNonTransientConnectionException(describe() + ": " + e, "08001", e);
    }
  }

  private D1Database worker(Function<String, String> env) throws SQLException {
    Class<?> worker = optionalClass(WORKER_CLASS, "d1-worker", "worker");
    String url = target.isEmpty() ? env.apply("D1_WORKER_URL") : target;
    if (url == null || url.isBlank()) {
      throw new SQLNonTransientConnectionException(
          "jdbc:d1:worker: needs the Worker's URL (jdbc:d1:worker:https://...) or D1_WORKER_URL",
          "08001");
    }
    String token = prop("token", env, "D1_WORKER_TOKEN");
    if (token == null) {
      throw new SQLInvalidAuthorizationSpecException(
          "jdbc:d1:worker: needs a token: property 'token' or D1_WORKER_TOKEN", "28000");
    }
    try {
      Object builder = worker.getMethod("builder").invoke(null);
      builder = builder.getClass().getMethod("url", URI.class).invoke(builder, URI.create(url));
      builder = builder.getClass().getMethod("token", String.class).invoke(builder, token);
      return (D1Database) builder.getClass().getMethod("build").invoke(builder);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof D1Exception) {
        throw Errors.of((D1Exception) cause);
      }
      throw new SQLNonTransientConnectionException(
          describe() + ": " + cause.getMessage(), "08001", cause);
    } catch (ReflectiveOperationException e) {
      throw new SQLNonTransientConnectionException(
          describe() + ": the d1-worker client does not have the expected builder: " + e,
          "08001",
          e);
    }
  }

  private static Class<?> optionalClass(String name, String artifact, String kind)
      throws SQLException {
    try {
      return Class.forName(name, true, JdbcUrl.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new SQLNonTransientConnectionException(
          "jdbc:d1:" + kind + ": URLs need io.github.d1java:" + artifact + " on the class path",
          "08001",
          e);
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
