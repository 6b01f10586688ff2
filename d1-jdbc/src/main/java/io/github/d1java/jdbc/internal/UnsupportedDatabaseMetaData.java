package io.github.d1java.jdbc.internal;

import java.sql.SQLException;

/**
 * {@code DatabaseMetaData} with every method refused by {@link Unsupported#feature} (or answering
 * false or 0); subclasses override what D1 supports.
 */
@SuppressWarnings({"deprecation", "unchecked", "rawtypes"})
abstract class UnsupportedDatabaseMetaData implements java.sql.DatabaseMetaData {

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public boolean allProceduresAreCallable() throws SQLException {
    return false;
  }

  @Override
  public boolean allTablesAreSelectable() throws SQLException {
    return false;
  }

  @Override
  public String getURL() throws SQLException {
    throw Unsupported.feature("getURL");
  }

  @Override
  public String getUserName() throws SQLException {
    throw Unsupported.feature("getUserName");
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return false;
  }

  @Override
  public boolean nullsAreSortedHigh() throws SQLException {
    return false;
  }

  @Override
  public boolean nullsAreSortedLow() throws SQLException {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtStart() throws SQLException {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtEnd() throws SQLException {
    return false;
  }

  @Override
  public String getDatabaseProductName() throws SQLException {
    throw Unsupported.feature("getDatabaseProductName");
  }

  @Override
  public String getDatabaseProductVersion() throws SQLException {
    throw Unsupported.feature("getDatabaseProductVersion");
  }

  @Override
  public String getDriverName() throws SQLException {
    throw Unsupported.feature("getDriverName");
  }

  @Override
  public String getDriverVersion() throws SQLException {
    throw Unsupported.feature("getDriverVersion");
  }

  @Override
  public int getDriverMajorVersion() {
    return 0;
  }

  @Override
  public int getDriverMinorVersion() {
    return 0;
  }

  @Override
  public boolean usesLocalFiles() throws SQLException {
    return false;
  }

  @Override
  public boolean usesLocalFilePerTable() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesUpperCaseIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesLowerCaseIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public String getIdentifierQuoteString() throws SQLException {
    throw Unsupported.feature("getIdentifierQuoteString");
  }

  @Override
  public String getSQLKeywords() throws SQLException {
    throw Unsupported.feature("getSQLKeywords");
  }

  @Override
  public String getNumericFunctions() throws SQLException {
    throw Unsupported.feature("getNumericFunctions");
  }

  @Override
  public String getStringFunctions() throws SQLException {
    throw Unsupported.feature("getStringFunctions");
  }

  @Override
  public String getSystemFunctions() throws SQLException {
    throw Unsupported.feature("getSystemFunctions");
  }

  @Override
  public String getTimeDateFunctions() throws SQLException {
    throw Unsupported.feature("getTimeDateFunctions");
  }

  @Override
  public String getSearchStringEscape() throws SQLException {
    throw Unsupported.feature("getSearchStringEscape");
  }

  @Override
  public String getExtraNameCharacters() throws SQLException {
    throw Unsupported.feature("getExtraNameCharacters");
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsColumnAliasing() throws SQLException {
    return false;
  }

  @Override
  public boolean nullPlusNonNullIsNull() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsConvert() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsConvert(int a0, int a1) throws SQLException {
    return false;
  }

  @Override
  public boolean supportsTableCorrelationNames() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsExpressionsInOrderBy() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsOrderByUnrelated() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsGroupBy() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsGroupByUnrelated() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsGroupByBeyondSelect() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsLikeEscapeClause() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMultipleResultSets() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMultipleTransactions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsNonNullableColumns() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMinimumSQLGrammar() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCoreSQLGrammar() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsExtendedSQLGrammar() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsANSI92FullSQL() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsOuterJoins() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsFullOuterJoins() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsLimitedOuterJoins() throws SQLException {
    return false;
  }

  @Override
  public String getSchemaTerm() throws SQLException {
    throw Unsupported.feature("getSchemaTerm");
  }

  @Override
  public String getProcedureTerm() throws SQLException {
    throw Unsupported.feature("getProcedureTerm");
  }

  @Override
  public String getCatalogTerm() throws SQLException {
    throw Unsupported.feature("getCatalogTerm");
  }

  @Override
  public boolean isCatalogAtStart() throws SQLException {
    return false;
  }

  @Override
  public String getCatalogSeparator() throws SQLException {
    throw Unsupported.feature("getCatalogSeparator");
  }

  @Override
  public boolean supportsSchemasInDataManipulation() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsPositionedDelete() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsPositionedUpdate() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSelectForUpdate() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsStoredProcedures() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSubqueriesInComparisons() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSubqueriesInExists() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSubqueriesInIns() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCorrelatedSubqueries() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsUnion() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsUnionAll() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
    return false;
  }

  @Override
  public int getMaxBinaryLiteralLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxCharLiteralLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInGroupBy() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInIndex() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInOrderBy() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInSelect() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInTable() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxConnections() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxCursorNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxIndexLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxSchemaNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxProcedureNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxCatalogNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxRowSize() throws SQLException {
    return 0;
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
    return false;
  }

  @Override
  public int getMaxStatementLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxStatements() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxTableNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxTablesInSelect() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxUserNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getDefaultTransactionIsolation() throws SQLException {
    return 0;
  }

  @Override
  public boolean supportsTransactions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int a0) throws SQLException {
    return false;
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
    return false;
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
    return false;
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
    return false;
  }

  @Override
  public java.sql.ResultSet getProcedures(String a0, String a1, String a2) throws SQLException {
    throw Unsupported.feature("getProcedures");
  }

  @Override
  public java.sql.ResultSet getProcedureColumns(String a0, String a1, String a2, String a3)
      throws SQLException {
    throw Unsupported.feature("getProcedureColumns");
  }

  @Override
  public java.sql.ResultSet getTables(String a0, String a1, String a2, String[] a3)
      throws SQLException {
    throw Unsupported.feature("getTables");
  }

  @Override
  public java.sql.ResultSet getSchemas() throws SQLException {
    throw Unsupported.feature("getSchemas");
  }

  @Override
  public java.sql.ResultSet getCatalogs() throws SQLException {
    throw Unsupported.feature("getCatalogs");
  }

  @Override
  public java.sql.ResultSet getTableTypes() throws SQLException {
    throw Unsupported.feature("getTableTypes");
  }

  @Override
  public java.sql.ResultSet getColumns(String a0, String a1, String a2, String a3)
      throws SQLException {
    throw Unsupported.feature("getColumns");
  }

  @Override
  public java.sql.ResultSet getColumnPrivileges(String a0, String a1, String a2, String a3)
      throws SQLException {
    throw Unsupported.feature("getColumnPrivileges");
  }

  @Override
  public java.sql.ResultSet getTablePrivileges(String a0, String a1, String a2)
      throws SQLException {
    throw Unsupported.feature("getTablePrivileges");
  }

  @Override
  public java.sql.ResultSet getBestRowIdentifier(
      String a0, String a1, String a2, int a3, boolean a4) throws SQLException {
    throw Unsupported.feature("getBestRowIdentifier");
  }

  @Override
  public java.sql.ResultSet getVersionColumns(String a0, String a1, String a2) throws SQLException {
    throw Unsupported.feature("getVersionColumns");
  }

  @Override
  public java.sql.ResultSet getPrimaryKeys(String a0, String a1, String a2) throws SQLException {
    throw Unsupported.feature("getPrimaryKeys");
  }

  @Override
  public java.sql.ResultSet getImportedKeys(String a0, String a1, String a2) throws SQLException {
    throw Unsupported.feature("getImportedKeys");
  }

  @Override
  public java.sql.ResultSet getExportedKeys(String a0, String a1, String a2) throws SQLException {
    throw Unsupported.feature("getExportedKeys");
  }

  @Override
  public java.sql.ResultSet getCrossReference(
      String a0, String a1, String a2, String a3, String a4, String a5) throws SQLException {
    throw Unsupported.feature("getCrossReference");
  }

  @Override
  public java.sql.ResultSet getTypeInfo() throws SQLException {
    throw Unsupported.feature("getTypeInfo");
  }

  @Override
  public java.sql.ResultSet getIndexInfo(String a0, String a1, String a2, boolean a3, boolean a4)
      throws SQLException {
    throw Unsupported.feature("getIndexInfo");
  }

  @Override
  public boolean supportsResultSetType(int a0) throws SQLException {
    return false;
  }

  @Override
  public boolean supportsResultSetConcurrency(int a0, int a1) throws SQLException {
    return false;
  }

  @Override
  public boolean ownUpdatesAreVisible(int a0) throws SQLException {
    return false;
  }

  @Override
  public boolean ownDeletesAreVisible(int a0) throws SQLException {
    return false;
  }

  @Override
  public boolean ownInsertsAreVisible(int a0) throws SQLException {
    return false;
  }

  @Override
  public boolean othersUpdatesAreVisible(int a0) throws SQLException {
    return false;
  }

  @Override
  public boolean othersDeletesAreVisible(int a0) throws SQLException {
    return false;
  }

  @Override
  public boolean othersInsertsAreVisible(int a0) throws SQLException {
    return false;
  }

  @Override
  public boolean updatesAreDetected(int a0) throws SQLException {
    return false;
  }

  @Override
  public boolean deletesAreDetected(int a0) throws SQLException {
    return false;
  }

  @Override
  public boolean insertsAreDetected(int a0) throws SQLException {
    return false;
  }

  @Override
  public boolean supportsBatchUpdates() throws SQLException {
    return false;
  }

  @Override
  public java.sql.ResultSet getUDTs(String a0, String a1, String a2, int[] a3) throws SQLException {
    throw Unsupported.feature("getUDTs");
  }

  @Override
  public java.sql.Connection getConnection() throws SQLException {
    throw Unsupported.feature("getConnection");
  }

  @Override
  public boolean supportsSavepoints() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsNamedParameters() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMultipleOpenResults() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsGetGeneratedKeys() throws SQLException {
    return false;
  }

  @Override
  public java.sql.ResultSet getSuperTypes(String a0, String a1, String a2) throws SQLException {
    throw Unsupported.feature("getSuperTypes");
  }

  @Override
  public java.sql.ResultSet getSuperTables(String a0, String a1, String a2) throws SQLException {
    throw Unsupported.feature("getSuperTables");
  }

  @Override
  public java.sql.ResultSet getAttributes(String a0, String a1, String a2, String a3)
      throws SQLException {
    throw Unsupported.feature("getAttributes");
  }

  @Override
  public boolean supportsResultSetHoldability(int a0) throws SQLException {
    return false;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    return 0;
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    return 0;
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    return 0;
  }

  @Override
  public int getJDBCMajorVersion() throws SQLException {
    return 0;
  }

  @Override
  public int getJDBCMinorVersion() throws SQLException {
    return 0;
  }

  @Override
  public int getSQLStateType() throws SQLException {
    return 0;
  }

  @Override
  public boolean locatorsUpdateCopy() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsStatementPooling() throws SQLException {
    return false;
  }

  @Override
  public java.sql.RowIdLifetime getRowIdLifetime() throws SQLException {
    throw Unsupported.feature("getRowIdLifetime");
  }

  @Override
  public java.sql.ResultSet getSchemas(String a0, String a1) throws SQLException {
    throw Unsupported.feature("getSchemas");
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
    return false;
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
    return false;
  }

  @Override
  public java.sql.ResultSet getClientInfoProperties() throws SQLException {
    throw Unsupported.feature("getClientInfoProperties");
  }

  @Override
  public java.sql.ResultSet getFunctions(String a0, String a1, String a2) throws SQLException {
    throw Unsupported.feature("getFunctions");
  }

  @Override
  public java.sql.ResultSet getFunctionColumns(String a0, String a1, String a2, String a3)
      throws SQLException {
    throw Unsupported.feature("getFunctionColumns");
  }

  @Override
  public java.sql.ResultSet getPseudoColumns(String a0, String a1, String a2, String a3)
      throws SQLException {
    throw Unsupported.feature("getPseudoColumns");
  }

  @Override
  public boolean generatedKeyAlwaysReturned() throws SQLException {
    return false;
  }
}
