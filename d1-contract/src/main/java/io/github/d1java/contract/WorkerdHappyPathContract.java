package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ExecException;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * workerd's {@code testD1ApiQueriesHappyPath}, ported call by call (spec §14 item 8).
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class WorkerdHappyPathContract extends ContractSupport {

  private final Map<String, Object> albert =
      row(
          "user_id",
          1L,
          "name",
          "Albert Ross",
          "home",
          "sky",
          "features",
          "wingspan",
          "land_based",
          0L);
  private final Map<String, Object> alDente =
      row(
          "user_id",
          2L,
          "name",
          "Al Dente",
          "home",
          "bowl",
          "features",
          "mouthfeel",
          "land_based",
          1L);
  private static final String INSERT_RETURNING =
      "\n        INSERT INTO users (name, home, features, land_based) VALUES\n"
          + "          ('Albert Ross', 'sky', 'wingspan', false),\n"
          + "          ('Al Dente', 'bowl', 'mouthfeel', true)\n"
          + "        RETURNING *\n    ";

  @Test
  void runsTheHappyPath() {
    D1Result<Map<String, Object>> created =
        db.prepare(
                " CREATE TABLE users\n        (\n            user_id    INTEGER PRIMARY KEY,\n"
                    + "            name       TEXT,\n            home       TEXT,\n"
                    + "            features   TEXT,\n            land_based BOOLEAN\n        );")
            .run();
    assertThat(created.success()).isTrue();
    assertThat(created.results()).isEmpty();

    D1Result<Map<String, Object>> empty = db.prepare("SELECT * FROM users;").all();
    assertThat(empty.results()).isEmpty();
    assertThat(empty.meta().changedDb()).isFalse();
    assertThat(db.prepare("SELECT * FROM users;").run().results()).isEmpty();
    assertThat(db.prepare("DELETE FROM users;").run().results()).isEmpty();

    assertThat(db.prepare(INSERT_RETURNING).all().results()).containsExactly(albert, alDente);
    assertThat(db.prepare("DELETE FROM users;").run().results()).isEmpty();
    assertThat(db.prepare(INSERT_RETURNING).run().results()).containsExactly(albert, alDente);

    D1PreparedStatement select1 = db.prepare("select 1;");
    assertThat(select1.all().results()).containsExactly(row("1", 1L));
    assertThat(select1.raw()).containsExactly(List.of(1L));
    assertThat(select1.first()).isEqualTo(row("1", 1L));
    assertThat((Long) select1.first("1")).isEqualTo(1L);

    D1PreparedStatement selectAll = db.prepare("SELECT * FROM users;");
    assertThat(selectAll.all().results()).containsExactly(albert, alDente);
    assertThat(selectAll.raw())
        .containsExactly(
            List.of(1L, "Albert Ross", "sky", "wingspan", 0L),
            List.of(2L, "Al Dente", "bowl", "mouthfeel", 1L));
    assertThat(selectAll.first()).isEqualTo(albert);
    assertThat((String) selectAll.first("name")).isEqualTo("Albert Ross");

    D1PreparedStatement selectOne = db.prepare("SELECT * FROM users WHERE user_id = ?;");
    assertThat(selectOne.bind(1).all().results()).containsExactly(albert);
    assertThat(selectOne.bind(1).raw())
        .containsExactly(List.of(1L, "Albert Ross", "sky", "wingspan", 0L));
    assertThat(selectOne.bind(1).first()).isEqualTo(albert);
    assertThat((String) selectOne.bind(1).first("name")).isEqualTo("Albert Ross");
    assertThat(selectOne.bind(2).all().results()).containsExactly(alDente);
    assertThat((String) selectOne.bind(2).first("name")).isEqualTo("Al Dente");

    List<D1Result<Map<String, Object>>> batch = db.batch(selectOne.bind(2), selectOne.bind(1));
    assertThat(batch)
        .extracting(D1Result::results)
        .containsExactly(List.of(alDente), List.of(albert));

    D1PreparedStatement countLand =
        db.prepare("SELECT count(1) as count FROM users WHERE land_based = ?");
    assertThat((Long) countLand.bind(true).first("count")).isEqualTo(1L);
    assertThat((Long) countLand.bind(false).first("count")).isEqualTo(1L);
    assertThat((Long) countLand.bind(0).first("count")).isEqualTo(1L);
    assertThat((Long) countLand.bind(1).first("count")).isEqualTo(1L);
    assertThat((Long) countLand.bind(2).first("count")).isEqualTo(0L);

    List<D1Result<Map<String, Object>>> tables =
        db.batch(
            db.prepare("CREATE TABLE abc (a INT, b INT, c INT);"),
            db.prepare("CREATE TABLE cde (c TEXT, d TEXT, e TEXT);"),
            db.prepare("INSERT INTO abc VALUES (1,2,3),(4,5,6);"),
            db.prepare(
                "INSERT INTO cde VALUES (\"A\", \"B\","
                    + " \"C\"),(\"D\",\"E\",\"F\"),(\"G\",\"H\",\"I\");"));
    assertThat(tables).extracting(r -> r.meta().changedDb()).containsOnly(true);
    assertThat(tables).extracting(r -> r.meta().changes()).containsExactly(0L, 0L, 2L, 3L);
    assertThat(tables).extracting(r -> r.meta().lastRowId()).containsExactly(2L, 2L, 2L, 3L);

    D1Result<Map<String, Object>> join = db.prepare("SELECT * FROM abc, cde;").all();
    assertThat(join.results())
        .containsExactly(
            row("a", 1L, "b", 2L, "c", "A", "d", "B", "e", "C"),
            row("a", 1L, "b", 2L, "c", "D", "d", "E", "e", "F"),
            row("a", 1L, "b", 2L, "c", "G", "d", "H", "e", "I"),
            row("a", 4L, "b", 5L, "c", "A", "d", "B", "e", "C"),
            row("a", 4L, "b", 5L, "c", "D", "d", "E", "e", "F"),
            row("a", 4L, "b", 5L, "c", "G", "d", "H", "e", "I"));
    assertThat(join.meta().changedDb()).isFalse();
    assertThat(join.meta().changes()).isZero();
    assertThat(join.meta().rowsWritten()).isZero();

    List<List<Object>> rawJoin =
        List.of(
            List.of(1L, 2L, 3L, "A", "B", "C"),
            List.of(1L, 2L, 3L, "D", "E", "F"),
            List.of(1L, 2L, 3L, "G", "H", "I"),
            List.of(4L, 5L, 6L, "A", "B", "C"),
            List.of(4L, 5L, 6L, "D", "E", "F"),
            List.of(4L, 5L, 6L, "G", "H", "I"));
    assertThat(db.prepare("SELECT * FROM abc, cde;").raw()).isEqualTo(rawJoin);
    List<List<Object>> withHeader = new ArrayList<>();
    withHeader.add(List.of("a", "b", "c", "c", "d", "e"));
    withHeader.addAll(rawJoin);
    assertThat(db.prepare("SELECT * FROM abc, cde;").raw(true)).isEqualTo(withHeader);
    assertThat(db.prepare("SELECT * FROM abc, cde;").raw(false)).isEqualTo(rawJoin);

    D1Result<Map<String, Object>> in =
        db.prepare("SELECT * from cde WHERE c IN ('A','B','C','X','Y','Z')").all();
    assertThat(in.results()).containsExactly(row("c", "A", "d", "B", "e", "C"));
    assertThat(in.meta().rowsWritten()).isZero();

    List<D1Result<Map<String, Object>>> dropped =
        db.batch(
            db.prepare("DROP TABLE users;"),
            db.prepare("DROP TABLE abc;"),
            db.prepare("DROP TABLE cde;"));
    assertThat(dropped).extracting(r -> r.meta().changedDb()).containsOnly(true);
    assertThat(dropped).extracting(r -> r.meta().changes()).containsOnly(0L);
    assertThat(dropped).extracting(r -> r.meta().lastRowId()).containsOnly(3L);

    assertThat(db.exec("select 1").count()).isEqualTo(1);
    assertThatThrownBy(() -> db.exec("INVALID SQL"))
        .isInstanceOf(D1ExecException.class)
        .hasMessageContaining("D1_EXEC_ERROR");
  }
}
