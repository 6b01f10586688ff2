/**
 * The local D1 engine: {@link io.github.d1java.sqlite.D1Sqlite} opens a {@link
 * io.github.d1java.D1Database} backed by SQLite (sqlite-jdbc) that behaves as D1's Workers binding
 * does under workerd and Miniflare. Deliberate differences are listed in DIVERGENCES.md.
 */
package io.github.d1java.sqlite;
