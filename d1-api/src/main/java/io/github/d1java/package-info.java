/**
 * Cloudflare D1's Workers binding API for Java: {@link io.github.d1java.D1Database}, {@link
 * io.github.d1java.D1PreparedStatement}, {@link io.github.d1java.D1Result} and the {@link
 * io.github.d1java.D1Exception} tree. Backends: {@code io.github.d1java.sqlite.D1Sqlite} (local)
 * and {@code io.github.d1java.remote.D1Remote} (REST).
 */
package io.github.d1java;
