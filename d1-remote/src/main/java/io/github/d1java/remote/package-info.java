/**
 * D1 over Cloudflare's REST API: {@link io.github.d1java.remote.D1Remote} builds a {@link
 * io.github.d1java.D1Database} that runs every call as an HTTP request to {@code /raw}, and a
 * {@link io.github.d1java.remote.D1Account} for database management, export, import and time
 * travel.
 */
package io.github.d1java.remote;
