/**
 * Wrangler-compatible D1 migrations on any {@link io.github.d1java.D1Database}, local or remote:
 * {@link io.github.d1java.migrations.D1Migrations} (create, list, apply) and {@link
 * io.github.d1java.migrations.D1Scripts} (run an SQL file atomically, with errors that name the
 * file and the failing statement).
 */
package io.github.d1java.migrations;
