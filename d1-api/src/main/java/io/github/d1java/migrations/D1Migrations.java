package io.github.d1java.migrations;

import io.github.d1java.D1Database;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.sql.SqlStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Wrangler's D1 migrations ({@code wrangler d1 migrations create|list|apply}) on any {@link
 * D1Database}, so that a database migrated here and one migrated by wrangler agree on what is
 * applied.
 *
 * <pre>{@code
 * D1Migrations migrations = D1Migrations.of(Path.of("migrations"));
 * List<D1Migration> applied = migrations.apply(db);
 * }</pre>
 *
 * <p>Wrangler's model, reproduced:
 *
 * <ul>
 *   <li>Migrations are the files matching {@link Builder#pattern(String) pattern} (default {@value
 *       #DEFAULT_PATTERN}) under the {@link Builder#directory(Path) directory} (default {@value
 *       #DEFAULT_DIRECTORY}). A migration's name is its path relative to the directory, {@code
 *       .sql} included.
 *   <li>They run in wrangler's order, {@link #ORDER}: by the leading integer of each path segment,
 *       numbered before unnumbered, then by text.
 *   <li>Applied names are kept in the table {@value #DEFAULT_TABLE} (configurable), created with
 *       wrangler's exact DDL, {@link #createTableSql(String)}.
 *   <li>{@link #apply(D1Database)} runs each unapplied migration together with the {@code INSERT}
 *       that records it in one {@link D1Database#batch(List) batch}: both commit or neither does.
 *       The first failure stops the run; earlier migrations stay applied. Wrangler does the same
 *       locally; remotely it sends each file as one {@code /query}, which D1 also runs as one
 *       transaction, so the outcome is the same.
 * </ul>
 *
 * <p>Immutable and thread-safe. Two concurrent {@code apply} calls on one database may both try a
 * migration; the second fails on the table's {@code UNIQUE} name, and nothing is applied twice.
 */
public final class D1Migrations {

  /** Wrangler's default migrations directory, {@code migrations_dir}. */
  public static final String DEFAULT_DIRECTORY = "migrations";

  /** Wrangler's default migrations table, {@code migrations_table}. */
  public static final String DEFAULT_TABLE = "d1_migrations";

  /** The default file pattern, a glob relative to the directory: wrangler's {@code *.sql}. */
  public static final String DEFAULT_PATTERN = "*.sql";

  /**
   * Wrangler's {@code compareMigrationPaths} on migration names: segment by segment (split on
   * {@code /}), by JavaScript's {@code parseInt} of the text before the first {@code _}, numbered
   * before unnumbered, then by UTF-16 text order; a shorter path first when all shared segments are
   * equal. So {@code 1_a.sql, 9_b.sql, 10_c.sql} sort as numbered.
   */
  public static final Comparator<String> ORDER = D1Migrations::compareMigrationPaths;

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path directory;
  private final String table;
  private final String pattern;
  private final Clock clock;

  private D1Migrations(Builder builder) {
    this.directory = builder.directory;
    this.table = builder.table;
    this.pattern = builder.pattern;
    this.clock = builder.clock;
  }

  /**
   * Migrations in {@code directory}, with the default table and pattern.
   *
   * @param directory the migrations directory; not null
   * @return the migrations
   */
  public static D1Migrations of(Path directory) {
    return builder().directory(directory).build();
  }

  /**
   * A builder with wrangler's defaults: directory {@value #DEFAULT_DIRECTORY} (relative to the
   * working directory), table {@value #DEFAULT_TABLE}, pattern {@value #DEFAULT_PATTERN}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The migrations directory.
   *
   * @return the directory; never null
   */
  public Path directory() {
    return directory;
  }

  /**
   * The migrations table.
   *
   * @return the table name, unquoted; never null
   */
  public String table() {
    return table;
  }

  /**
   * The file pattern.
   *
   * @return a glob relative to the directory; never null
   */
  public String pattern() {
    return pattern;
  }

  /**
   * Wrangler's DDL for the migrations table, with the name quoted as an identifier.
   *
   * @param table the table name; not null
   * @return {@code CREATE TABLE IF NOT EXISTS "<table>"(...)}
   */
  public static String createTableSql(String table) {
    return "CREATE TABLE IF NOT EXISTS "
        + quote(table)
        + "(\n\t\tid         INTEGER PRIMARY KEY AUTOINCREMENT,\n"
        + "\t\tname       TEXT UNIQUE,\n"
        + "\t\tapplied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL\n);";
  }

  /**
   * The migration files, in wrangler's order. Reads the file system, not the database.
   *
   * @return every migration, applied or not
   * @throws IllegalStateException with wrangler's message {@code No migrations present at <absolute
   *     path>.} when the directory does not exist
   * @throws UncheckedIOException if the directory cannot be read
   */
  public List<D1Migration> migrations() {
    Path root = existingDirectory();
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    List<D1Migration> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              file -> {
                Path relative = root.relativize(file);
                if (matcher.matches(relative) && !hidden(relative)) {
                  found.add(new D1Migration(slashes(relative), file));
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root + ": " + e, e);
    }
    found.sort(Comparator.comparing(D1Migration::name, ORDER));
    return found;
  }

  /**
   * The names recorded as applied in the migrations table, in the order they were applied. Creates
   * the table if it is missing, as wrangler does.
   *
   * @param db the database; not null
   * @return the applied names
   * @throws io.github.d1java.D1Exception if the database fails
   */
  public List<String> applied(D1Database db) {
    Objects.requireNonNull(db, "db");
    db.prepare(createTableSql(table)).run();
    List<String> names = new ArrayList<>();
    for (Map<String, Object> row :
        db.prepare("SELECT *\n\t\tFROM " + quote(table) + "\n\t\tORDER BY id").all().results()) {
      names.add(String.valueOf(row.get("name")));
    }
    return names;
  }

  /**
   * The migrations not yet applied to {@code db}, in the order {@link #apply} would run them:
   * {@code wrangler d1 migrations list}. Creates the migrations table if it is missing.
   *
   * @param db the database; not null
   * @return the unapplied migrations; empty when all are applied
   * @throws IllegalStateException when the directory does not exist
   * @throws io.github.d1java.D1Exception if the database fails
   */
  public List<D1Migration> unapplied(D1Database db) {
    List<D1Migration> all = migrations();
    Set<String> applied = new HashSet<>(applied(db));
    List<D1Migration> pending = new ArrayList<>();
    for (D1Migration migration : all) {
      if (!applied.contains(migration.name())) {
        pending.add(migration);
      }
    }
    return pending;
  }

  /**
   * Applies every unapplied migration in order: {@code wrangler d1 migrations apply}.
   *
   * @param db the database; not null
   * @return the migrations applied by this call, in order; empty when there were none
   * @throws D1ScriptException for the first migration that fails, naming its file and failing
   *     statement; that migration was rolled back, earlier ones stay applied, later ones were not
   *     tried
   * @throws IllegalStateException when the directory does not exist
   * @throws io.github.d1java.D1Exception if the database fails otherwise
   */
  public List<D1Migration> apply(D1Database db) {
    return apply(db, migration -> {});
  }

  /**
   * Like {@link #apply(D1Database)}, calling {@code onApplied} after each migration commits, for
   * progress output.
   *
   * @param db the database; not null
   * @param onApplied called with each migration once it is committed; not null
   * @return the migrations applied by this call, in order
   * @throws D1ScriptException for the first migration that fails, as {@link #apply(D1Database)}
   */
  public List<D1Migration> apply(D1Database db, Consumer<? super D1Migration> onApplied) {
    Objects.requireNonNull(onApplied, "onApplied");
    List<D1Migration> done = new ArrayList<>();
    for (D1Migration migration : unapplied(db)) {
      List<SqlStatement> statements = D1Scripts.parse(migration.name(), migration.sql());
      D1PreparedStatement record =
          db.prepare("INSERT INTO " + quote(table) + " (name)\nvalues (?)").bind(migration.name());
      D1Scripts.batch(db, migration.name(), statements, List.of(record));
      done.add(migration);
      onApplied.accept(migration);
    }
    return done;
  }

  /**
   * Creates the next migration file: {@code wrangler d1 migrations create}. The file is {@code
   * NNNN_<message with spaces replaced by _>.sql}, where NNNN is one more than the highest leading
   * number among the existing migrations (so the first is {@code 0001}), zero-padded to four
   * digits, and holds the single line {@code -- Migration number: NNNN \t <ISO instant>}. Creates
   * the directory if it is missing.
   *
   * @param message what the migration does, e.g. {@code create users}; not null or blank, no {@code
   *     /} or {@code \}
   * @return the new migration
   * @throws IllegalArgumentException if the message is blank or contains a path separator
   * @throws UncheckedIOException if the file cannot be written, or already exists
   */
  public D1Migration create(String message) {
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank");
    }
    if (message.contains("/") || message.contains("\\")) {
      throw new IllegalArgumentException(
          "message must not contain \"/\" or \"\\\" (it becomes a file name): " + message);
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + directory.toAbsolutePath() + ": " + e, e);
    }
    double highest = 0;
    for (D1Migration migration : migrations()) {
      double number = parseInt(migration.name().split("/", -1)[0].split("_", -1)[0]);
      if (number > highest) {
        highest = number;
      }
    }
    String number = pad4((long) highest + 1);
    String name = number + "_" + message.replace(' ', '_') + ".sql";
    Path file = directory.resolve(name);
    String content =
        "-- Migration number: " + number + " \t " + ISO_MILLIS.format(clock.instant()) + "\n";
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + file.toAbsolutePath() + ": " + e, e);
    }
    return new D1Migration(name, file);
  }

  private Path existingDirectory() {
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException(
          "No migrations present at " + directory.toAbsolutePath().normalize() + ".");
    }
    return directory;
  }

  private static String pad4(long number) {
    StringBuilder text = new StringBuilder(Long.toString(number));
    while (text.length() < 4) {
      text.insert(0, '0');
    }
    return text.toString();
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static boolean hidden(Path relative) {
    for (Path segment : relative) {
      if (segment.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String slashes(Path relative) {
    StringBuilder name = new StringBuilder();
    for (Path segment : relative) {
      if (name.length() > 0) {
        name.append('/');
      }
      name.append(segment);
    }
    return name.toString();
  }

  private static int compareMigrationPaths(String a, String b) {
    String[] left = a.split("/", -1);
    String[] right = b.split("/", -1);
    int shared = Math.min(left.length, right.length);
    for (int i = 0; i < shared; i++) {
      int cmp = compareSegments(left[i], right[i]);
      if (cmp != 0) {
        return cmp;
      }
    }
    return Integer.compare(left.length, right.length);
  }

  private static int compareSegments(String a, String b) {
    double left = parseInt(a.split("_", -1)[0]);
    double right = parseInt(b.split("_", -1)[0]);
    boolean leftNumbered = Double.isFinite(left);
    boolean rightNumbered = Double.isFinite(right);
    if (leftNumbered && rightNumbered && left != right) {
      return Double.compare(left, right);
    }
    if (leftNumbered != rightNumbered) {
      return leftNumbered ? -1 : 1;
    }
    return a.compareTo(b);
  }

  /** JavaScript's {@code parseInt(text, 10)}: NaN when there are no leading digits. */
  static double parseInt(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    int start = i;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    if (i == start) {
      return Double.NaN;
    }
    double value = Double.parseDouble(text.substring(start, i));
    return negative ? -value : value;
  }

  /** Builds {@link D1Migrations}. Not thread-safe; the built object is. */
  public static final class Builder {
    private Path directory = Path.of(DEFAULT_DIRECTORY);
    private String table = DEFAULT_TABLE;
    private String pattern = DEFAULT_PATTERN;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The migrations directory, wrangler's {@code migrations_dir}.
     *
     * @param directory the directory; not null
     * @return this builder
     */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The migrations table, wrangler's {@code migrations_table}.
     *
     * @param table the table name, unquoted; not null or blank
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder table(String table) {
      Objects.requireNonNull(table, "table");
      if (table.isBlank()) {
        throw new IllegalArgumentException("table must not be blank");
      }
      this.table = table;
      return this;
    }

    /**
     * Which files are migrations: a glob relative to the directory, wrangler's {@code
     * migrations_pattern} without its {@code <migrations_dir>/} prefix. {@code *} does not cross
     * {@code /}; {@code **} does; files and directories starting with {@code .} never match. For
     * example {@code *}{@code /migration.sql} for drizzle's layout.
     *
     * @param pattern the glob; not null or blank
     * @return this builder
     * @throws IllegalArgumentException if blank or not a valid glob
     */
    public Builder pattern(String pattern) {
      Objects.requireNonNull(pattern, "pattern");
      if (pattern.isBlank()) {
        throw new IllegalArgumentException("pattern must not be blank");
      }
      try {
        FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("pattern is not a valid glob: " + pattern, e);
      }
      this.pattern = pattern;
      return this;
    }

    /**
     * The clock that dates files made by {@link D1Migrations#create(String)}.
     *
     * @param clock the clock; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds.
     *
     * @return the migrations
     */
    public D1Migrations build() {
      return new D1Migrations(this);
    }
  }
}
