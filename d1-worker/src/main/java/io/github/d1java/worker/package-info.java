/**
 * D1 through a Worker: {@link io.github.d1java.worker.D1Worker} builds a {@link
 * io.github.d1java.D1Database} that calls the Worker script shipped with this module, which holds
 * the D1 binding and so gives real sessions, bookmarks and read replicas.
 */
package io.github.d1java.worker;
