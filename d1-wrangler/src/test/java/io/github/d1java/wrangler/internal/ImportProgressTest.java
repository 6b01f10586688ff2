package io.github.d1java.wrangler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.wrangler.WranglerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportProgressTest {

  @TempDir Path dir;

  @Test
  void hashesTheFileOnItsOwnThreadAndRecordsTheHash() throws Exception {
    Path sql = dir.resolve("dump.sql");
    byte[] text = "INSERT INTO t VALUES(1);\n".repeat(50_000).getBytes(StandardCharsets.UTF_8);
    Files.write(sql, text);
    ImportProgress progress = ImportProgress.open(dir.resolve("db-import"), sql, text.length);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    assertThat(progress.sha256()).isEqualTo(expected);
    assertThat(progress.markerUpdate(7).get(1)).contains("'" + expected + "', 7");
    progress.committed(7, 7);
    assertThat(Files.readString(dir.resolve("db-import"))).contains("sha256=" + expected);
  }

  @Test
  void aFileThatCannotBeReadFailsWhereTheHashIsNeededWithAClearMessage() {
    Path missing = dir.resolve("gone.sql");
    ImportProgress progress = ImportProgress.open(dir.resolve("db-import"), missing, 10);
    assertThatThrownBy(() -> progress.markerUpdate(1))
        .isInstanceOf(WranglerException.class)
        .hasMessageContaining("Unable to read SQL text file")
        .hasMessageContaining("gone.sql");
  }

  @Test
  void aReleasedProgressNoLongerHashes() throws Exception {
    Path sql = dir.resolve("dump.sql");
    Files.writeString(sql, "SELECT 1;\n");
    ImportProgress progress = ImportProgress.open(dir.resolve("db-import"), sql, 10);
    progress.release();
    assertThatThrownBy(progress::sha256)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("released");
  }
}
