package io.github.d1java.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring 7 JdbcClient with DataSourceTransactionManager over jdbc:d1:file:. */
class SpringJdbcTest {

  @TempDir Path dir;
  JdbcClient client;
  TransactionTemplate tx;

  @BeforeEach
  void setUp() {
    D1DataSource ds = new D1DataSource();
    ds.setUrl("jdbc:d1:file:" + dir.resolve("spring.db"));
    client = JdbcClient.create(ds);
    tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    client
        .sql(
            "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT UNIQUE,"
                + " boss INTEGER REFERENCES person (id))")
        .update();
  }

  private long count() {
    return client.sql("SELECT count(*) FROM person").query(Long.class).single();
  }

  @Test
  void aTransactionMarkedRollbackOnlyLeavesNothing() {
    tx.executeWithoutResult(
        status -> {
          client.sql("INSERT INTO person (name) VALUES (?)").param("a").update();
          assertThat(count()).as("the transaction sees its own write").isEqualTo(1L);
          status.setRollbackOnly();
        });
    assertThat(count()).isZero();
  }

  @Test
  void anExceptionRollsBackAndACommitKeeps() {
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    status -> {
                      client.sql("INSERT INTO person (name) VALUES (?)").param("a").update();
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(count()).isZero();
    tx.executeWithoutResult(
        status -> client.sql("INSERT INTO person (name) VALUES (?)").param("b").update());
    assertThat(count()).isEqualTo(1L);
  }

  @Test
  void keyHolderGetsTheGeneratedKey() {
    KeyHolder keys = new GeneratedKeyHolder();
    client.sql("INSERT INTO person (name) VALUES (?)").param("a").update(keys);
    assertThat(keys.getKey()).isEqualTo(1L);
    KeyHolder named = new GeneratedKeyHolder();
    client.sql("INSERT INTO person (name) VALUES (?)").param("b").update(named, "id", "name");
    Map<String, Object> row = named.getKeys();
    assertThat(row).containsEntry("id", 2L).containsEntry("name", "b");
  }

  @Test
  void constraintViolationsTranslateToDataIntegrityViolations() {
    client.sql("INSERT INTO person (name) VALUES ('a')").update();
    assertThatThrownBy(() -> client.sql("INSERT INTO person (name) VALUES ('a')").update())
        .isInstanceOf(DuplicateKeyException.class)
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("UNIQUE constraint failed: person.name");
    assertThatThrownBy(
            () -> client.sql("INSERT INTO person (name, boss) VALUES ('b', 99)").update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("FOREIGN KEY constraint failed");
  }
}
