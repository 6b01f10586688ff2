package io.github.d1java.jdbc.internal;

import io.github.d1java.jdbc.internal.JdbcResultSet.TypeNames;
import io.github.d1java.spi.D1RawResult;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Database metadata from the PRAGMAs D1 allows ({@code pragma_table_info}, {@code
 * pragma_index_list}, {@code pragma_index_info}, {@code pragma_foreign_key_list}) and {@code
 * sqlite_master}, read through the connection (so a local transaction sees its own DDL). D1's
 * internal {@code _cf_*} tables and SQLite's {@code sqlite_*} tables are hidden. The product name
 * is {@code SQLite}, which Flyway, Liquibase and jOOQ recognise. Not thread-safe.
 */
final class JdbcDatabaseMetaData extends UnsupportedDatabaseMetaData {

  /** The driver's version, reported by {@link #getDriverVersion()}. */
  static final String DRIVER_VERSION = "0.1";

  private static final List<String> TABLE_COLUMNS =
      List.of(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "TABLE_TYPE",
          "REMARKS",
          "TYPE_CAT",
          "TYPE_SCHEM",
          "TYPE_NAME",
          "SELF_REFERENCING_COL_NAME",
          "REF_GENERATION");
  private static final List<String> COLUMN_COLUMNS =
      List.of(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "COLUMN_NAME",
          "DATA_TYPE",
          "TYPE_NAME",
          "COLUMN_SIZE",
          "BUFFER_LENGTH",
          "DECIMAL_DIGITS",
          "NUM_PREC_RADIX",
          "NULLABLE",
          "REMARKS",
          "COLUMN_DEF",
          "SQL_DATA_TYPE",
          "SQL_DATETIME_SUB",
          "CHAR_OCTET_LENGTH",
          "ORDINAL_POSITION",
          "IS_NULLABLE",
          "SCOPE_CATALOG",
          "SCOPE_SCHEMA",
          "SCOPE_TABLE",
          "SOURCE_DATA_TYPE",
          "IS_AUTOINCREMENT",
          "IS_GENERATEDCOLUMN");
  private static final List<String> PK_COLUMNS =
      List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
  private static final List<String> INDEX_COLUMNS =
      List.of(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "NON_UNIQUE",
          "INDEX_QUALIFIER",
          "INDEX_NAME",
          "TYPE",
          "ORDINAL_POSITION",
          "COLUMN_NAME",
          "ASC_OR_DESC",
          "CARDINALITY",
          "PAGES",
          "FILTER_CONDITION");
  private static final List<String> FK_COLUMNS =
      List.of(
          "PKTABLE_CAT",
          "PKTABLE_SCHEM",
          "PKTABLE_NAME",
          "PKCOLUMN_NAME",
          "FKTABLE_CAT",
          "FKTABLE_SCHEM",
          "FKTABLE_NAME",
          "FKCOLUMN_NAME",
          "KEY_SEQ",
          "UPDATE_RULE",
          "DELETE_RULE",
          "FK_NAME",
          "PK_NAME",
          "DEFERRABILITY");

  /** The SQLite version D1 runs. */
  static final String D1_SQLITE_VERSION = "3.47.0";

  private final JdbcConnection connection;

  JdbcDatabaseMetaData(JdbcConnection connection) {
    this.connection = connection;
  }

  private List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
    D1RawResult r = connection.run(sql, Arrays.asList(params), SqlWords.of(sql), true);
    List<Map<String, Object>> out = new ArrayList<>(r.rows().size());
    for (List<Object> row : r.rows()) {
      Map<String, Object> m = new HashMap<>();
      for (int i = 0; i < r.columns().size(); i++) {
        m.put(r.columns().get(i), row.get(i));
      }
      out.add(m);
    }
    return out;
  }

  static boolean hidden(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("_cf_") || n.startsWith("sqlite_");
  }

  /** JDBC's LIKE-style pattern ({@code %}, {@code _}, escape {@code \}) as a regex. */
  static Pattern pattern(String p) {
    if (p == null) {
      return null;
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\' && i + 1 < p.length()) {
        re.append(Pattern.quote(String.valueOf(p.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  private static boolean matches(Pattern p, String s) {
    return p == null || p.matcher(s).matches();
  }

  /** Tables and views (name, type), hidden ones left out, in name order. */
  private List<String[]> objects(String namePattern) throws SQLException {
    Pattern p = pattern(namePattern);
    List<String[]> out = new ArrayList<>();
    for (Map<String, Object> row :
        query(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")) {
      String name = (String) row.get("name");
      if (!hidden(name) && matches(p, name)) {
        out.add(new String[] {name, ((String) row.get("type")).toUpperCase(Locale.ROOT)});
      }
    }
    return out;
  }

  private static boolean schemaMatches(String schemaPattern) {
    return schemaPattern == null
        || schemaPattern.isEmpty()
        || pattern(schemaPattern).matcher("main").matches();
  }

  @Override
  public ResultSet getTables(
      String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    if (schemaMatches(schemaPattern)) {
      for (String[] o : objects(tableNamePattern)) {
        if (types == null
            || Arrays.stream(types).anyMatch(t -> t != null && t.equalsIgnoreCase(o[1]))) {
          rows.add(Arrays.asList(null, null, o[0], o[1], null, null, null, null, null, null));
        }
      }
    }
    return JdbcResultSet.of(TABLE_COLUMNS, rows);
  }

  @Override
  public ResultSet getColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    Pattern cp = pattern(columnNamePattern);
    if (schemaMatches(schemaPattern)) {
      for (String[] o : objects(tableNamePattern)) {
        for (Map<String, Object> c :
            query(
                "SELECT cid, name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)",
                o[0])) {
          String name = (String) c.get("name");
          if (!matches(cp, name)) {
            continue;
          }
          String type = c.get("type") == null ? "" : (String) c.get("type");
          boolean notNull = ((Long) c.get("notnull")) != 0;
          int position = (int) ((Long) c.get("cid") + 1);
          List<Object> row = new ArrayList<>();
          row.addAll(Arrays.asList(null, null, o[0], name, TypeNames.declaredType(type), type));
          row.addAll(Arrays.asList(null, null, null, 10));
          row.add(notNull ? DatabaseMetaData.columnNoNulls : DatabaseMetaData.columnNullable);
          row.addAll(Arrays.asList(null, c.get("dflt_value"), null, null, null, position));
          row.add(notNull ? "NO" : "YES");
          row.addAll(Arrays.asList(null, null, null, null));
          boolean rowid = type.equalsIgnoreCase("INTEGER") && ((Long) c.get("pk")) == 1;
          row.add(rowid ? "YES" : "NO");
          row.add("NO");
          rows.add(row);
        }
      }
    }
    return JdbcResultSet.of(COLUMN_COLUMNS, rows);
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    if (table != null && !hidden(table) && schemaMatches(schema)) {
      List<Object[]> keys = new ArrayList<>();
      for (Map<String, Object> c : query("SELECT name, pk FROM pragma_table_info(?)", table)) {
        long pk = (Long) c.get("pk");
        if (pk > 0) {
          keys.add(new Object[] {c.get("name"), pk});
        }
      }
      keys.sort((a, b) -> String.valueOf(a[0]).compareTo(String.valueOf(b[0])));
      for (Object[] k : keys) {
        rows.add(Arrays.asList(null, null, table, k[0], (int) (long) (Long) k[1], null));
      }
    }
    return JdbcResultSet.of(PK_COLUMNS, rows);
  }

  @Override
  public ResultSet getIndexInfo(
      String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    if (table != null && !hidden(table) && schemaMatches(schema)) {
      for (Map<String, Object> ix :
          query(
              "SELECT name, \"unique\", partial FROM pragma_index_list(?) ORDER BY name", table)) {
        boolean isUnique = ((Long) ix.get("unique")) != 0;
        if (unique && !isUnique) {
          continue;
        }
        String index = (String) ix.get("name");
        for (Map<String, Object> col :
            query("SELECT seqno, name FROM pragma_index_info(?) ORDER BY seqno", index)) {
          rows.add(
              Arrays.asList(
                  null,
                  null,
                  table,
                  !isUnique,
                  null,
                  index,
                  (int) DatabaseMetaData.tableIndexOther,
                  (int) ((Long) col.get("seqno") + 1),
                  col.get("name"),
                  "A",
                  0L,
                  0L,
                  null));
        }
      }
    }
    return JdbcResultSet.of(INDEX_COLUMNS, rows);
  }

  private List<List<Object>> foreignKeys(String fkTable) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    Map<Long, String> names = new HashMap<>();
    for (Map<String, Object> fk :
        query(
            "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete"
                + " FROM pragma_foreign_key_list(?) ORDER BY id, seq",
            fkTable)) {
      String pkTable = (String) fk.get("table");
      Object to = fk.get("to");
      if (to == null) {
        // REFERENCES t without columns: the parent's primary key, in order
        List<Map<String, Object>> pk =
            query("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", pkTable);
        int seq = (int) (long) (Long) fk.get("seq");
        to = seq < pk.size() ? pk.get(seq).get("name") : null;
      }
      long id = (Long) fk.get("id");
      String name = names.computeIfAbsent(id, k -> "fk_" + fkTable + "_" + k);
      rows.add(
          Arrays.asList(
              null,
              null,
              pkTable,
              to,
              null,
              null,
              fkTable,
              fk.get("from"),
              (int) ((Long) fk.get("seq") + 1),
              rule((String) fk.get("on_update")),
              rule((String) fk.get("on_delete")),
              name,
              null,
              (int) DatabaseMetaData.importedKeyNotDeferrable));
    }
    return rows;
  }

  private static int rule(String action) {
    switch (action == null ? "" : action.toUpperCase(Locale.ROOT)) {
      case "CASCADE":
        return DatabaseMetaData.importedKeyCascade;
      case "SET NULL":
        return DatabaseMetaData.importedKeySetNull;
      case "SET DEFAULT":
        return DatabaseMetaData.importedKeySetDefault;
      case "RESTRICT":
        return DatabaseMetaData.importedKeyRestrict;
      default:
        return DatabaseMetaData.importedKeyNoAction;
    }
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    if (table != null && !hidden(table) && schemaMatches(schema)) {
      rows.addAll(foreignKeys(table));
      rows.sort(
          (a, b) -> {
            int c = String.valueOf(a.get(2)).compareTo(String.valueOf(b.get(2)));
            return c != 0 ? c : Integer.compare((Integer) a.get(8), (Integer) b.get(8));
          });
    }
    return JdbcResultSet.of(FK_COLUMNS, rows);
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    if (table != null && !hidden(table) && schemaMatches(schema)) {
      for (String[] o : objects(null)) {
        if (!o[1].equals("TABLE")) {
          continue;
        }
        for (List<Object> fk : foreignKeys(o[0])) {
          if (table.equalsIgnoreCase((String) fk.get(2))) {
            rows.add(fk);
          }
        }
      }
    }
    return JdbcResultSet.of(FK_COLUMNS, rows);
  }

  @Override
  public ResultSet getCrossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    if (foreignTable != null && parentTable != null && !hidden(foreignTable)) {
      for (List<Object> fk : foreignKeys(foreignTable)) {
        if (parentTable.equalsIgnoreCase((String) fk.get(2))) {
          rows.add(fk);
        }
      }
    }
    return JdbcResultSet.of(FK_COLUMNS, rows);
  }

  @Override
  public ResultSet getSchemas() {
    return JdbcResultSet.of(List.of("TABLE_SCHEM", "TABLE_CATALOG"), List.of());
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) {
    return getSchemas();
  }

  @Override
  public ResultSet getCatalogs() {
    return JdbcResultSet.of(List.of("TABLE_CAT"), List.of());
  }

  @Override
  public ResultSet getTableTypes() {
    return JdbcResultSet.of(List.of("TABLE_TYPE"), List.of(List.of("TABLE"), List.of("VIEW")));
  }

  @Override
  public ResultSet getTypeInfo() {
    List<String> columns =
        List.of(
            "TYPE_NAME",
            "DATA_TYPE",
            "PRECISION",
            "LITERAL_PREFIX",
            "LITERAL_SUFFIX",
            "CREATE_PARAMS",
            "NULLABLE",
            "CASE_SENSITIVE",
            "SEARCHABLE",
            "UNSIGNED_ATTRIBUTE",
            "FIXED_PREC_SCALE",
            "AUTO_INCREMENT",
            "LOCAL_TYPE_NAME",
            "MINIMUM_SCALE",
            "MAXIMUM_SCALE",
            "SQL_DATA_TYPE",
            "SQL_DATETIME_SUB",
            "NUM_PREC_RADIX");
    List<List<Object>> rows = new ArrayList<>();
    Object[][] types = {
      {"BLOB", Types.BLOB},
      {"INTEGER", Types.BIGINT},
      {"NULL", Types.NULL},
      {"REAL", Types.DOUBLE},
      {"TEXT", Types.VARCHAR}
    };
    for (Object[] t : types) {
      rows.add(
          Arrays.asList(
              t[0],
              t[1],
              0,
              null,
              null,
              null,
              (short) DatabaseMetaData.typeNullable,
              t[0].equals("TEXT"),
              (short) DatabaseMetaData.typeSearchable,
              false,
              false,
              t[0].equals("INTEGER"),
              t[0],
              (short) 0,
              (short) 0,
              0,
              0,
              10));
    }
    return JdbcResultSet.of(columns, rows);
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String namePattern) {
    return JdbcResultSet.of(
        List.of(
            "PROCEDURE_CAT",
            "PROCEDURE_SCHEM",
            "PROCEDURE_NAME",
            "R4",
            "R5",
            "R6",
            "REMARKS",
            "PROCEDURE_TYPE",
            "SPECIFIC_NAME"),
        List.of());
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String namePattern) {
    return JdbcResultSet.of(
        List.of(
            "FUNCTION_CAT",
            "FUNCTION_SCHEM",
            "FUNCTION_NAME",
            "REMARKS",
            "FUNCTION_TYPE",
            "SPECIFIC_NAME"),
        List.of());
  }

  @Override
  public ResultSet getClientInfoProperties() {
    return JdbcResultSet.of(List.of("NAME", "MAX_LEN", "DEFAULT_VALUE", "DESCRIPTION"), List.of());
  }

  // --- identity ---

  @Override
  public String getDatabaseProductName() {
    return "SQLite";
  }

  /**
   * The SQLite version D1 runs (spec: d1-2026-notes, "The engine D1 runs"). D1 does not authorize
   * {@code sqlite_version()}, so the version cannot be asked; the local engine follows D1's rules.
   */
  @Override
  public String getDatabaseProductVersion() {
    return D1_SQLITE_VERSION;
  }

  private int versionPart(int i) {
    String[] parts = getDatabaseProductVersion().split("\\.");
    return i < parts.length ? Integer.parseInt(parts[i]) : 0;
  }

  @Override
  public int getDatabaseMajorVersion() {
    return versionPart(0);
  }

  @Override
  public int getDatabaseMinorVersion() {
    return versionPart(1);
  }

  @Override
  public String getDriverName() {
    return "D1 JDBC (d1-java)";
  }

  @Override
  public String getDriverVersion() {
    return DRIVER_VERSION;
  }

  @Override
  public int getDriverMajorVersion() {
    return 0;
  }

  @Override
  public int getDriverMinorVersion() {
    return 1;
  }

  @Override
  public int getJDBCMajorVersion() {
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() {
    return 3;
  }

  @Override
  public String getURL() {
    return connection.backend().description();
  }

  @Override
  public String getUserName() {
    return "";
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return connection.isReadOnly();
  }

  // --- SQL dialect ---

  @Override
  public String getIdentifierQuoteString() {
    return "\"";
  }

  @Override
  public String getSQLKeywords() {
    return "ABORT,ACTION,AFTER,ANALYZE,ATTACH,AUTOINCREMENT,CONFLICT,DATABASE,DEFERRED,DETACH,"
        + "EXCLUSIVE,EXPLAIN,FAIL,GLOB,IF,IGNORE,INDEXED,INSTEAD,ISNULL,KEY,LIMIT,NOTNULL,"
        + "OFFSET,PLAN,PRAGMA,QUERY,RAISE,REGEXP,REINDEX,RENAME,REPLACE,RETURNING,ROWID,"
        + "TEMP,VACUUM,VIRTUAL,WITHOUT";
  }

  @Override
  public String getNumericFunctions() {
    return "abs,ceil,floor,max,min,mod,pi,power,random,round,sign,sqrt";
  }

  @Override
  public String getStringFunctions() {
    return "concat,instr,length,lower,ltrim,replace,rtrim,substr,trim,upper";
  }

  @Override
  public String getSystemFunctions() {
    return "changes,last_insert_rowid,sqlite_version,total_changes,typeof";
  }

  @Override
  public String getTimeDateFunctions() {
    return "date,datetime,julianday,strftime,time,unixepoch";
  }

  @Override
  public String getSearchStringEscape() {
    return "\\";
  }

  @Override
  public String getExtraNameCharacters() {
    return "";
  }

  @Override
  public String getSchemaTerm() {
    return "schema";
  }

  @Override
  public String getProcedureTerm() {
    return "";
  }

  @Override
  public String getCatalogTerm() {
    return "";
  }

  @Override
  public String getCatalogSeparator() {
    return ".";
  }

  @Override
  public int getDefaultTransactionIsolation() {
    return Connection.TRANSACTION_SERIALIZABLE;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getSQLStateType() {
    return DatabaseMetaData.sqlStateSQL;
  }

  @Override
  public RowIdLifetime getRowIdLifetime() {
    return RowIdLifetime.ROWID_UNSUPPORTED;
  }

  @Override
  public int getMaxColumnsInTable() {
    return 100;
  }

  @Override
  public int getMaxStatementLength() {
    return 100_000;
  }

  @Override
  public boolean supportsTransactions() {
    return true;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_SERIALIZABLE;
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() {
    return true;
  }

  @Override
  public boolean supportsMultipleTransactions() {
    return true;
  }

  @Override
  public boolean supportsSavepoints() {
    return true;
  }

  @Override
  public boolean supportsBatchUpdates() {
    return true;
  }

  @Override
  public boolean supportsGetGeneratedKeys() {
    return true;
  }

  @Override
  public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public boolean nullsAreSortedLow() {
    return true;
  }

  @Override
  public boolean nullPlusNonNullIsNull() {
    return true;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() {
    return true;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() {
    return true;
  }

  @Override
  public boolean usesLocalFiles() {
    return connection.backend().local();
  }

  @Override
  public boolean allTablesAreSelectable() {
    return true;
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() {
    return true;
  }

  @Override
  public boolean supportsColumnAliasing() {
    return true;
  }

  @Override
  public boolean supportsExpressionsInOrderBy() {
    return true;
  }

  @Override
  public boolean supportsOrderByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupBy() {
    return true;
  }

  @Override
  public boolean supportsGroupByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsLikeEscapeClause() {
    return true;
  }

  @Override
  public boolean supportsNonNullableColumns() {
    return true;
  }

  @Override
  public boolean supportsMinimumSQLGrammar() {
    return true;
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() {
    return true;
  }

  @Override
  public boolean supportsOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsFullOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsLimitedOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInComparisons() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInExists() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInIns() {
    return true;
  }

  @Override
  public boolean supportsCorrelatedSubqueries() {
    return true;
  }

  @Override
  public boolean supportsUnion() {
    return true;
  }

  @Override
  public boolean supportsUnionAll() {
    return true;
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() {
    return true;
  }
}
