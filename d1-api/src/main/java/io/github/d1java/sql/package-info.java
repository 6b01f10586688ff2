/**
 * SQL text read the way SQLite reads it: {@link io.github.d1java.sql.SqlLexer} (tokens, statement
 * boundaries, {@code sqlite3_complete}), {@link io.github.d1java.sql.SqlStatement} (a statement
 * with its tokens and classification), and {@link io.github.d1java.sql.SqlSplitter} for files, with
 * a streaming form for large ones and the explicit removal of one {@code BEGIN TRANSACTION}/{@code
 * COMMIT} pair that {@code wrangler d1} performs on {@code sqlite3 .dump} output.
 */
package io.github.d1java.sql;
