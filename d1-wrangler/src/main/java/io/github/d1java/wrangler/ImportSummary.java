package io.github.d1java.wrangler;

/**
 * What {@link SqlImport} did. Immutable and thread-safe.
 *
 * @param statements statements executed and committed
 * @param transactions transactions (batches) committed
 */
public record ImportSummary(long statements, long transactions) {}
