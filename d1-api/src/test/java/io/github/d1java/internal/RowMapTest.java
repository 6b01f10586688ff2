package io.github.d1java.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowMapTest {

  private static Map<String, Object> expected(List<String> columns, List<Object> values) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      m.put(columns.get(i), values.get(i));
    }
    return m;
  }

  @Test
  void keepsColumnOrderAndEqualsTheLinkedHashMapD1Builds() {
    List<String> cols = List.of("b", "a", "c");
    List<Object> vals = Arrays.asList(1L, null, "x");
    RowMap row = new RowMap(new RowMap.Columns(cols), vals);
    assertThat(row).containsExactly(entry("b", 1L), entry("a", null), entry("c", "x"));
    assertThat(row).isEqualTo(expected(cols, vals));
    assertThat(row.hashCode()).isEqualTo(expected(cols, vals).hashCode());
    assertThat(row.toString()).isEqualTo("{b=1, a=null, c=x}");
    assertThat(row.containsKey("a")).isTrue();
    assertThat(row.get("a")).isNull();
    assertThat(row.containsKey("z")).isFalse();
    assertThat(row.get("z")).isNull();
  }

  @Test
  void aDuplicateNameKeepsTheFirstPositionAndTheLastValue() {
    List<String> cols = List.of("id", "name", "id", "x");
    List<Object> vals = List.of(1L, "a", 2L, 3L);
    RowMap row = new RowMap(new RowMap.Columns(cols), vals);
    assertThat(row).hasSize(3);
    assertThat(row.keySet()).containsExactly("id", "name", "x");
    assertThat(row.get("id")).isEqualTo(2L);
    assertThat(row).isEqualTo(expected(cols, vals));
  }

  @Test
  void manyColumnsAreLookedUpByName() {
    List<String> cols = new ArrayList<>();
    List<Object> vals = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      cols.add("c" + (i % 15));
      vals.add((long) i);
    }
    RowMap row = new RowMap(new RowMap.Columns(cols), vals);
    assertThat(row).hasSize(15).isEqualTo(expected(cols, vals));
    assertThat(row.get("c3")).isEqualTo(18L);
    assertThat(row.get("c14")).isEqualTo(14L);
    assertThat(row.get("nope")).isNull();
  }

  @Test
  void changesCopyTheRowAndLeaveTheValuesAlone() {
    List<Object> vals = List.of(1L, "a");
    RowMap.Columns columns = new RowMap.Columns(List.of("id", "name"));
    RowMap row = new RowMap(columns, vals);
    RowMap sibling = new RowMap(columns, vals);
    assertThat(row.put("name", "b")).isEqualTo("a");
    row.put("extra", true);
    assertThat(row.remove("id")).isEqualTo(1L);
    assertThat(row).containsExactly(entry("name", "b"), entry("extra", true));
    assertThat(sibling).containsExactly(entry("id", 1L), entry("name", "a"));
    row.clear();
    assertThat(row).isEmpty();
  }

  @Test
  void anEntryWritesThroughToTheRow() {
    RowMap row = new RowMap(new RowMap.Columns(List.of("id")), List.of(1L));
    Map.Entry<String, Object> e = row.entrySet().iterator().next();
    assertThat(e).isEqualTo(Map.entry("id", 1L));
    assertThat(e.setValue(5L)).isEqualTo(1L);
    assertThat(row.get("id")).isEqualTo(5L);
  }

  @Test
  void theIteratorEndsAndRefusesRemove() {
    RowMap row = new RowMap(new RowMap.Columns(List.of("id")), List.of(1L));
    var it = row.entrySet().iterator();
    it.next();
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
    assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rowMapperGivesALinkedHashMapWhenAskedForOne() {
    List<String> cols = List.of("id");
    @SuppressWarnings("rawtypes")
    RowMapper<LinkedHashMap> m = RowMapper.of(LinkedHashMap.class, cols);
    assertThat(m.map(List.of(1L))).isInstanceOf(LinkedHashMap.class).containsEntry("id", 1L);
    @SuppressWarnings("rawtypes")
    RowMapper<Map> plain = RowMapper.of(Map.class, cols);
    assertThat(plain.map(List.of(2L))).containsEntry("id", 2L);
  }
}
