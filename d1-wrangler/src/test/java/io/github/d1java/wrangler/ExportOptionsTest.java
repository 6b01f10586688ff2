package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.remote.D1Account;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One options value for local and remote exports. */
class ExportOptionsTest {

  @Test
  void theRemoteFormMakesTheSameChoice() {
    assertThat(ExportOptions.ALL.remote()).isEqualTo(D1Account.ExportOptions.ALL);
    assertThat(ExportOptions.ALL.schemaOnly().withTables(List.of("a")).remote())
        .isEqualTo(new D1Account.ExportOptions(true, false, List.of("a")));
    assertThat(ExportOptions.ALL.dataOnly().remote())
        .isEqualTo(new D1Account.ExportOptions(false, true, List.of()));
  }
}
