package io.github.d1java.wrangler;

/**
 * What {@link SqlImport} did. Immutable and thread-safe.
 *
 * @param statements statements executed and committed
 * @param transactions transactions (batches or scripts) committed
 * @param changes rows inserted, updated or deleted by those statements (triggers included), the sum
 *     of D1's {@code meta.changes}
 * @param sizeAfter the database size in bytes after the last commit, D1's {@code size_after}; 0
 *     when nothing ran or the backend does not report it
 */
public record ImportSummary(long statements, long transactions, long changes, long sizeAfter) {}
