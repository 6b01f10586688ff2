package io.github.d1java.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JDBI 3 over jdbc:d1:file: transactions, records, generated keys, batches. */
class JdbiTest {

  /** A row type JDBI maps by constructor. */
  public record Person(long id, String name) {}

  @TempDir Path dir;
  Jdbi jdbi;

  @BeforeEach
  void setUp() {
    D1DataSource ds = new D1DataSource();
    ds.setUrl("jdbc:d1:file:" + dir.resolve("jdbi.db"));
    jdbi = Jdbi.create(ds);
    jdbi.registerRowMapper(ConstructorMapper.factory(Person.class));
    jdbi.useHandle(
        h -> h.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT UNIQUE)"));
  }

  private long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM person").mapTo(Long.class).one());
  }

  @Test
  void inTransactionCommitsAndSeesItsOwnWrites() {
    long inside =
        jdbi.inTransaction(
            h -> {
              h.execute("INSERT INTO person (name) VALUES (?)", "a");
              h.execute("INSERT INTO person (name) VALUES (?)", "b");
              return h.createQuery("SELECT count(*) FROM person").mapTo(Long.class).one();
            });
    assertThat(inside).isEqualTo(2L);
    assertThat(count()).isEqualTo(2L);
  }

  @Test
  void inTransactionRollsBackWhenTheCallbackThrows() {
    assertThatThrownBy(
            () ->
                jdbi.useTransaction(
                    h -> {
                      h.execute("INSERT INTO person (name) VALUES (?)", "a");
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(count()).isZero();
  }

  @Test
  void aConstraintViolationRollsBackTheWholeTransaction() {
    assertThatThrownBy(
            () ->
                jdbi.useTransaction(
                    h -> {
                      h.execute("INSERT INTO person (name) VALUES (?)", "a");
                      h.execute("INSERT INTO person (name) VALUES (?)", "a");
                    }))
        .isInstanceOf(UnableToExecuteStatementException.class)
        .hasMessageContaining("UNIQUE constraint failed: person.name");
    assertThat(count()).isZero();
  }

  @Test
  void rowsMapOntoRecords() {
    jdbi.useHandle(h -> h.execute("INSERT INTO person (name) VALUES ('a'), ('b')"));
    List<Person> people =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT id, name FROM person ORDER BY id")
                    .mapTo(Person.class)
                    .list());
    assertThat(people).containsExactly(new Person(1, "a"), new Person(2, "b"));
  }

  @Test
  void generatedKeysByColumnName() {
    Person p =
        jdbi.withHandle(
            h ->
                h.createUpdate("INSERT INTO person (name) VALUES (:name)")
                    .bind("name", "a")
                    .executeAndReturnGeneratedKeys("id", "name")
                    .mapTo(Person.class)
                    .one());
    assertThat(p).isEqualTo(new Person(1, "a"));
  }

  @Test
  void batchesRunAsOneBatchAndReturnKeys() {
    List<Long> ids =
        jdbi.withHandle(
            h -> {
              PreparedBatch batch = h.prepareBatch("INSERT INTO person (name) VALUES (:name)");
              for (String n : List.of("a", "b", "c")) {
                batch.bind("name", n).add();
              }
              return batch.executePreparedBatch("id").mapTo(Long.class).list();
            });
    assertThat(ids).containsExactly(1L, 2L, 3L);
    assertThat(count()).isEqualTo(3L);
  }
}
