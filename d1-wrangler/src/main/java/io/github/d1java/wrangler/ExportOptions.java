package io.github.d1java.wrangler;

import java.util.List;
import java.util.Objects;

/**
 * What {@link SqlExport} writes, as {@code wrangler d1 export}'s {@code --table}, {@code
 * --no-schema} and {@code --no-data}; {@link #remote()} gives the same choice for a remote export.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tables the tables to export (and, as in wrangler, the indexes, triggers and views whose
 *     own name is listed); empty for everything; never null
 * @param schema whether to write {@code CREATE} statements
 * @param data whether to write {@code INSERT} statements
 */
public record ExportOptions(List<String> tables, boolean schema, boolean data) {

  /** Schema and data of every table. */
  public static final ExportOptions ALL = new ExportOptions(List.of(), true, true);

  /**
   * Validates.
   *
   * @throws WranglerException with wrangler's message when both schema and data are excluded
   * @throws NullPointerException if {@code tables} or one of its names is null
   */
  public ExportOptions {
    tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
    if (!schema && !data) {
      throw new WranglerException(
          "Cannot use --no-schema and --no-data together. At least one of schema or data must be"
              + " included in the export. Remove one of the flags.");
    }
  }

  /**
   * @param names the tables to export; empty for all
   * @return a copy limited to those tables
   */
  public ExportOptions withTables(List<String> names) {
    return new ExportOptions(names, schema, data);
  }

  /**
   * @return a copy without {@code INSERT} statements
   */
  public ExportOptions schemaOnly() {
    return new ExportOptions(tables, true, false);
  }

  /**
   * @return a copy without {@code CREATE} statements
   */
  public ExportOptions dataOnly() {
    return new ExportOptions(tables, false, true);
  }

  /**
   * The same choice as the REST API's {@code dump_options}, for {@link
   * io.github.d1java.remote.D1Account#export(String, java.nio.file.Path,
   * io.github.d1java.remote.D1Account.ExportOptions)}, so that one options value serves local and
   * remote exports.
   *
   * @return the remote form of these options; never null
   */
  public io.github.d1java.remote.D1Account.ExportOptions remote() {
    return new io.github.d1java.remote.D1Account.ExportOptions(!data, !schema, tables);
  }
}
