package io.github.d1java.wrangler;

import io.github.d1java.D1Database;
import io.github.d1java.wrangler.internal.SqlLiterals;
import io.github.d1java.wrangler.internal.TableOrder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Exports a database as SQL in {@code wrangler d1 export}'s format (D1's {@code dumpSql}, spec §9):
 * {@code PRAGMA defer_foreign_keys=TRUE;}, then each table's {@code CREATE} followed by its {@code
 * INSERT}s in creation order ({@code sqlite_sequence} last), then indexes, triggers and views.
 * Unlike wrangler, a table is moved after the tables its foreign keys reference when it was created
 * before them (so that the file imports back: filling a table needs its parent tables to exist),
 * and the tables of a cycle of foreign keys are all created before any of them is filled; when
 * creation order already works the output is wrangler's, byte for byte. Statements are separated by
 * {@code \n}, with no newline at the end. {@code _cf_*} and internal {@code sqlite_*} tables are
 * skipped; a virtual table fails the export, as in D1.
 *
 * <p>Rows are read in pages, so memory stays constant whatever the database size. Values are
 * written so that importing the file gives back the same values; where that differs from D1's text
 * (integers above 2^53, integer-valued REALs) see {@link SqlLiterals#literal(Object)}.
 *
 * <p>Stateless and thread-safe; the database must not change during an export.
 */
public final class SqlExport {

  /** Rows read per query. */
  public static final int PAGE_SIZE = 1000;

  private static final Pattern QUOTED_CREATE = Pattern.compile("CREATE TABLE ['\"].*");
  private static final Pattern WITHOUT_ROWID =
      Pattern.compile("\\)\\s*WITHOUT\\s+ROWID", Pattern.CASE_INSENSITIVE);

  private SqlExport() {}

  /**
   * Exports to a file. The file is written next to its final name and moved into place only when
   * the export succeeded, so a failed export leaves an existing file untouched.
   *
   * @param db the database; not null
   * @param file the output file; not null, not a directory
   * @param options what to export; not null
   * @param progress progress listener (rows written of all rows); not null
   * @return the number of statements written
   * @throws WranglerException if {@code file} is a directory or cannot be written
   * @throws io.github.d1java.D1Exception if reading the database fails, or {@code D1 Export error:
   *     cannot export databases with Virtual Tables (fts5)}
   */
  public static long export(D1Database db, Path file, ExportOptions options, SqlProgress progress) {
    Objects.requireNonNull(file, "file");
    if (Files.isDirectory(file)) {
      throw new WranglerException("Please specify a file path for --output, not a directory.");
    }
    Path abs = file.toAbsolutePath();
    Path tmp = null;
    try {
      Files.createDirectories(abs.getParent());
      // Not Files.createTempFile: its owner-only permissions would stick to the export.
      tmp = abs.resolveSibling("." + abs.getFileName() + "." + UUID.randomUUID() + ".partial");
      long count;
      try (Writer w =
          new BufferedWriter(
              Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW),
              1 << 16)) {
        count = export(db, w, options, progress);
      }
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
      return count;
    } catch (IOException | UncheckedIOException e) {
      throw new WranglerException("Could not write " + abs + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the export's own failure is the one to report
        }
      }
    }
  }

  /**
   * Exports to a writer, which is not closed.
   *
   * @param db the database; not null
   * @param out where to write; not null
   * @param options what to export; not null
   * @param progress progress listener (rows written of all rows); not null
   * @return the number of statements written
   * @throws UncheckedIOException if writing fails
   * @throws io.github.d1java.D1Exception if reading the database fails, or {@code D1 Export error:
   *     cannot export databases with Virtual Tables (fts5)}
   */
  public static long export(
      D1Database db, Writer out, ExportOptions options, SqlProgress progress) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    try {
      return new Run(db, out, options, progress).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Run {
    private final D1Database db;
    private final Writer out;
    private final ExportOptions options;
    private final SqlProgress progress;
    private long statements;
    private long rowsDone;
    private long rowsTotal = -1;

    /** The INSERT being written, reused from row to row. */
    private final StringBuilder line = new StringBuilder(256);

    Run(D1Database db, Writer out, ExportOptions options, SqlProgress progress) {
      this.db = db;
      this.out = out;
      this.options = options;
      this.progress = progress;
    }

    long run() throws IOException {
      emit("PRAGMA defer_foreign_keys=TRUE;");
      List<List<Object>> tables =
          db.prepare(
                  "SELECT name, type, sql FROM sqlite_schema AS o WHERE (true) AND type=='table'"
                      + " AND sql NOT NULL ORDER BY tbl_name='sqlite_sequence', rowid")
              .raw();
      List<String[]> selected = new ArrayList<>();
      for (List<Object> row : tables) {
        String name = (String) row.get(0);
        String sql = (String) row.get(2);
        if (!options.tables().isEmpty() && !options.tables().contains(name)) {
          continue;
        }
        if (sql.toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL TABLE")) {
          throw new WranglerException(
              "D1 Export error: cannot export databases with Virtual Tables (fts5)");
        }
        selected.add(new String[] {name, sql});
      }
      if (options.data()) {
        rowsTotal = 0;
        for (String[] t : selected) {
          if (exported(t[0])) {
            rowsTotal += count(t[0]);
          }
        }
      }
      for (List<String[]> group : TableOrder.groups(selected, this::references)) {
        // a cycle of foreign keys: every table of it exists before any of them is filled
        for (String[] t : group) {
          tableSchema(t[0], t[1]);
        }
        for (String[] t : group) {
          tableData(t[0], t[1]);
        }
      }
      if (options.schema()) {
        List<List<Object>> others =
            db.prepare(
                    "SELECT name, sql, tbl_name FROM sqlite_schema AS o WHERE (true) AND sql NOT"
                        + " NULL AND type IN ('index', 'trigger', 'view') ORDER BY type COLLATE"
                        + " NOCASE")
                .raw();
        for (List<Object> row : others) {
          String name = (String) row.get(0);
          if (!options.tables().isEmpty() && !options.tables().contains(name)) {
            continue;
          }
          if (isReserved(name) || isReserved((String) row.get(2))) {
            continue;
          }
          emit(row.get(1) + ";");
        }
      }
      progress.update(rowsDone, rowsTotal);
      return statements;
    }

    private static boolean isReserved(String name) {
      return name.toLowerCase(Locale.ROOT).startsWith("_cf_");
    }

    private static boolean exported(String name) {
      return name.equals("sqlite_sequence")
          || name.startsWith("sqlite_stat")
          || (!isReserved(name) && !name.startsWith("sqlite_"));
    }

    private long count(String table) {
      Number n =
          db.prepare("SELECT count(*) FROM " + SqlLiterals.identifier(table)).first("count(*)");
      return n.longValue();
    }

    /** The tables {@code table}'s foreign keys reference, as written in its schema. */
    private List<String> references(String table) {
      if (!exported(table)) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      for (List<Object> fk :
          db.prepare("PRAGMA foreign_key_list(" + SqlLiterals.identifier(table) + ")").raw()) {
        names.add((String) fk.get(2));
      }
      return names;
    }

    private void tableSchema(String name, String sql) throws IOException {
      if (!options.schema()) {
        return;
      }
      if (name.equals("sqlite_sequence")) {
        emit("DELETE FROM sqlite_sequence;");
      } else if (name.startsWith("sqlite_stat")) {
        emit("ANALYZE sqlite_schema;");
      } else if (!exported(name)) {
        return;
      } else if (QUOTED_CREATE.matcher(sql).find()) {
        emit("CREATE TABLE IF NOT EXISTS " + sql.substring(13) + ";");
      } else {
        emit(sql + ";");
      }
    }

    private void tableData(String name, String sql) throws IOException {
      if (options.data() && exported(name)) {
        rows(name, WITHOUT_ROWID.matcher(sql).find());
      }
    }

    private void rows(String table, boolean withoutRowid) throws IOException {
      List<String> columns = new ArrayList<>();
      List<List<Object>> infos =
          db.prepare("PRAGMA table_info(" + SqlLiterals.identifier(table) + ")").raw();
      String[] pk = new String[infos.size()];
      int pkColumns = 0;
      for (List<Object> info : infos) {
        columns.add((String) info.get(1));
        int position = ((Number) info.get(5)).intValue();
        if (position > 0) {
          pk[position - 1] = SqlLiterals.identifier((String) info.get(1));
          pkColumns++;
        }
      }
      StringBuilder selected = new StringBuilder();
      StringBuilder insert = new StringBuilder("INSERT INTO ");
      insert.append(SqlLiterals.identifier(table)).append(" (");
      for (int i = 0; i < columns.size(); i++) {
        String q = SqlLiterals.identifier(columns.get(i));
        selected.append(i == 0 ? "" : ", ").append(q);
        insert.append(i == 0 ? "" : ",").append(q);
      }
      insert.append(") VALUES(");
      String prefix = insert.toString();
      String from = " FROM " + SqlLiterals.identifier(table);
      if (withoutRowid) {
        keyset(prefix, selected.toString(), from, columns, Arrays.asList(pk).subList(0, pkColumns));
        return;
      }
      String rowid = rowidAlias(columns);
      if (rowid == null) {
        // Every rowid alias is shadowed by a column: page by offset.
        String sql = "SELECT " + selected + from + " LIMIT ? OFFSET ?";
        for (long offset = 0; ; offset += PAGE_SIZE) {
          List<List<Object>> page = db.prepare(sql).bind(PAGE_SIZE, offset).raw();
          for (List<Object> row : page) {
            insertRow(prefix, row, 0);
          }
          if (page.size() < PAGE_SIZE) {
            return;
          }
        }
      }
      String sql =
          "SELECT "
              + rowid
              + ", "
              + selected
              + from
              + " WHERE "
              + rowid
              + " > ? ORDER BY "
              + rowid
              + " LIMIT ?";
      long last = Long.MIN_VALUE;
      while (true) {
        List<List<Object>> page = db.prepare(sql).bind(last, PAGE_SIZE).raw();
        for (List<Object> row : page) {
          insertRow(prefix, row, 1);
          last = ((Number) row.get(0)).longValue();
        }
        if (page.size() < PAGE_SIZE) {
          return;
        }
      }
    }

    /** Pages a WITHOUT ROWID table by its primary key: {@code WHERE (k1, k2) > (?, ?)}. */
    private void keyset(
        String prefix, String selected, String from, List<String> columns, List<String> pk)
        throws IOException {
      String keys = String.join(", ", pk);
      String order = " ORDER BY " + keys + " LIMIT ?";
      int[] at = new int[pk.size()];
      for (int i = 0; i < at.length; i++) {
        at[i] =
            columns.indexOf(pk.get(i).substring(1, pk.get(i).length() - 1).replace("\"\"", "\""));
      }
      String first = "SELECT " + selected + from + order;
      String next =
          "SELECT "
              + selected
              + from
              + " WHERE ("
              + keys
              + ") > ("
              + String.join(", ", Collections.nCopies(pk.size(), "?"))
              + ")"
              + order;
      List<Object> last = null;
      while (true) {
        List<List<Object>> page;
        if (last == null) {
          page = db.prepare(first).bind(PAGE_SIZE).raw();
        } else {
          List<Object> params = new ArrayList<>(last);
          params.add(PAGE_SIZE);
          page = db.prepare(next).bind(params.toArray()).raw();
        }
        for (List<Object> row : page) {
          insertRow(prefix, row, 0);
          last = new ArrayList<>(at.length);
          for (int i : at) {
            last.add(row.get(i));
          }
        }
        if (page.size() < PAGE_SIZE) {
          return;
        }
      }
    }

    private static String rowidAlias(List<String> columns) {
      for (String alias : List.of("rowid", "_rowid_", "oid")) {
        if (columns.stream().noneMatch(c -> c.equalsIgnoreCase(alias))) {
          return alias;
        }
      }
      return null;
    }

    private void insertRow(String prefix, List<Object> row, int from) throws IOException {
      StringBuilder sb = line;
      sb.setLength(0);
      sb.append(prefix);
      for (int i = from; i < row.size(); i++) {
        if (i > from) {
          sb.append(',');
        }
        SqlLiterals.appendLiteral(sb, row.get(i));
      }
      emit(sb.append(");"));
      if (++rowsDone % PAGE_SIZE == 0) {
        progress.update(rowsDone, rowsTotal);
      }
    }

    private void emit(CharSequence statement) throws IOException {
      if (statements++ > 0) {
        out.write('\n');
      }
      out.append(statement);
    }
  }
}
