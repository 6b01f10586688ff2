package io.github.d1java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class D1RecordsTest {

  @Test
  void resultCopiesAndFreezesItsRows() {
    List<String> rows = new ArrayList<>(List.of("a"));
    D1Result<String> r = new D1Result<>(true, rows, D1Meta.builder().build());
    rows.add("b");
    assertThat(r.results()).containsExactly("a");
    assertThatThrownBy(() -> r.results().add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void resultRejectsNullParts() {
    assertThatThrownBy(() -> new D1Result<>(true, null, D1Meta.builder().build()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("results");
    assertThatThrownBy(() -> new D1Result<>(true, List.of(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("meta");
  }

  @Test
  void resultMapKeepsMeta() {
    D1Meta meta = D1Meta.builder().changes(2).build();
    D1Result<Integer> r = new D1Result<>(true, List.of("ab", "c"), meta).map(String::length);
    assertThat(r.results()).containsExactly(2, 1);
    assertThat(r.meta()).isSameAs(meta);
  }

  @Test
  void metaRejectsNegativeCountsNamingTheField() {
    assertThatThrownBy(() -> D1Meta.builder().rowsRead(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rowsRead must not be negative: -1");
    assertThatThrownBy(() -> D1Meta.builder().duration(Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void metaPrintsD1FieldNamesInD1Order() {
    D1Meta local =
        D1Meta.builder()
            .servedBy("x")
            .duration(0.5)
            .changes(1)
            .lastRowId(7)
            .changedDb(true)
            .sizeAfter(8192)
            .rowsRead(1)
            .rowsWritten(2)
            .build();
    assertThat(local.toD1Map().keySet())
        .containsExactly(
            "served_by",
            "duration",
            "changes",
            "last_row_id",
            "changed_db",
            "size_after",
            "rows_read",
            "rows_written");
    D1Meta remote =
        local.toBuilder()
            .servedByRegion("WEUR")
            .servedByPrimary(true)
            .sqlDurationMs(0.25)
            .totalAttempts(2)
            .build();
    Map<String, Object> m = remote.toD1Map();
    assertThat(m).containsEntry("served_by_region", "WEUR").containsEntry("total_attempts", 2);
    assertThat(m.get("timings")).isEqualTo(Map.of("sql_duration_ms", 0.25));
    assertThat(remote.toBuilder().build()).isEqualTo(remote);
  }

  @Test
  void execResultValidates() {
    assertThat(new D1ExecResult(3, 0.0).count()).isEqualTo(3);
    assertThatThrownBy(() -> new D1ExecResult(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
