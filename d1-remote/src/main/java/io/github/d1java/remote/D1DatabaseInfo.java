package io.github.d1java.remote;

import java.util.Objects;

/**
 * A D1 database as the REST API describes it. Fields the API did not send are null. Immutable.
 *
 * @param uuid the database id; never null
 * @param name the database name; never null
 * @param createdAt ISO-8601 creation time; nullable
 * @param version {@code alpha}, {@code beta} or {@code production}; nullable
 * @param numTables the number of tables; nullable
 * @param fileSize the size in bytes; nullable
 * @param region {@code running_in_region}, or {@code created_in_region} for a database just created
 *     (upper case, e.g. {@code WEUR}); nullable
 * @param jurisdiction {@code eu}, {@code fedramp} or {@code us}; nullable
 * @param readReplication the read replication mode, {@code auto} or {@code disabled}; nullable
 */
public record D1DatabaseInfo(
    String uuid,
    String name,
    String createdAt,
    String version,
    Long numTables,
    Long fileSize,
    String region,
    String jurisdiction,
    String readReplication) {

  /** Validates. */
  public D1DatabaseInfo {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(name, "name");
  }
}
