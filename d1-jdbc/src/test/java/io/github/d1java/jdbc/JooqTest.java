package io.github.d1java.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jOOQ 3.19 with the SQLITE dialect over jdbc:d1:file:. */
class JooqTest {

  static final Table<Record> PERSON = DSL.table(DSL.name("person"));
  static final Field<Long> ID = DSL.field(DSL.name("id"), Long.class);
  static final Field<String> NAME = DSL.field(DSL.name("name"), String.class);

  @TempDir Path dir;
  Connection conn;
  DSLContext ctx;

  @BeforeEach
  void setUp() throws SQLException {
    conn = DriverManager.getConnection("jdbc:d1:file:" + dir.resolve("jooq.db"));
    ctx = DSL.using(conn, SQLDialect.SQLITE);
    ctx.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  }

  @AfterEach
  void tearDown() throws SQLException {
    conn.close();
  }

  @Test
  void insertReturningSelectUpdateAndBatch() {
    Record inserted = ctx.insertInto(PERSON, NAME).values("a").returning(ID).fetchOne();
    assertThat(inserted.get(ID)).isEqualTo(1L);

    assertThat(ctx.update(PERSON).set(NAME, "b").where(ID.eq(1L)).execute()).isEqualTo(1);

    int[] counts =
        ctx.batch(ctx.insertInto(PERSON, NAME).values((String) null)).bind("c").bind("d").execute();
    assertThat(counts).containsExactly(1, 1);

    assertThat(ctx.select(NAME).from(PERSON).orderBy(ID).fetch(NAME))
        .containsExactly("b", "c", "d");
    assertThat(ctx.fetchCount(PERSON)).isEqualTo(3);
  }

  @Test
  void transactionsRollBack() {
    try {
      ctx.transaction(
          cfg -> {
            DSL.using(cfg).insertInto(PERSON, NAME).values("x").execute();
            throw new IllegalStateException("boom");
          });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    assertThat(ctx.fetchCount(PERSON)).isZero();
  }
}
