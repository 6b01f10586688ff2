/**
 * Wrangler interop: read {@code d1_databases} from a wrangler config ({@link
 * io.github.d1java.wrangler.WranglerConfig}), find the SQLite file wrangler's local mode uses
 * ({@link io.github.d1java.wrangler.WranglerLocalState}), run SQL files of any size ({@link
 * io.github.d1java.wrangler.SqlImport}) and export in {@code wrangler d1 export}'s format ({@link
 * io.github.d1java.wrangler.SqlExport}).
 */
package io.github.d1java.wrangler;
