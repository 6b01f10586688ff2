/**
 * Splitting SQL text into statements: {@link io.github.d1java.sql.SqlSplitter}, with a streaming
 * form for large files, and the explicit removal of one {@code BEGIN TRANSACTION}/{@code COMMIT}
 * pair that {@code wrangler d1} performs on {@code sqlite3 .dump} output.
 */
package io.github.d1java.sql;
