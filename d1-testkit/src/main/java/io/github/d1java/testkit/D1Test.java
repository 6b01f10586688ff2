package io.github.d1java.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class local D1 databases, migrated and seeded once into a template that every
 * database is copied from.
 *
 * <pre>{@code
 * @D1Test(migrations = "migrations", seed = "seed.sql")
 * class OrdersTest {
 *   @D1Inject D1Database db; // fresh for every test
 *
 *   @Test
 *   void insertsAnOrder(D1Database same) { // the same database as the field
 *     db.prepare("INSERT INTO orders (item) VALUES (?)").bind("tea").run();
 *     D1Assertions.assertThat(db).table("orders").hasRowCount(1);
 *   }
 * }
 * }</pre>
 *
 * <p>Where databases go: instance fields annotated {@link D1Inject} and {@code D1Database} (or
 * {@code D1SqliteDatabase}) parameters of test, {@code @BeforeEach} and {@code @AfterEach} methods
 * get one fresh database per test, closed after the test. Static {@link D1Inject} fields and
 * parameters of {@code @BeforeAll}/{@code @AfterAll} methods and of the test class's constructor
 * get one database per class, closed after the class. For options in code, use {@link
 * D1Extension#builder()} instead.
 *
 * <p>Paths are tried as files (relative to the working directory, normally the module's) and then
 * as classpath resources. Safe with JUnit's parallel execution.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(D1Extension.class)
public @interface D1Test {

  /**
   * The wrangler migrations directory to apply, in wrangler's order; empty for none.
   *
   * @return a directory path or classpath directory
   */
  String migrations() default "";

  /**
   * The migrations table, wrangler's {@code migrations_table}.
   *
   * @return the table name
   */
  String migrationsTable() default "d1_migrations";

  /**
   * SQL files run after the migrations, in order, each as one batch.
   *
   * @return file paths or classpath resources
   */
  String[] schema() default {};

  /**
   * SQL files run after the schema files, in order, each as one batch.
   *
   * @return file paths or classpath resources
   */
  String[] seed() default {};

  /**
   * Whether each database is a file in a temporary directory (deleted afterwards) rather than in
   * memory. File databases exercise WAL and the reader pool, as production does.
   *
   * @return true for file databases
   */
  boolean file() default false;
}
