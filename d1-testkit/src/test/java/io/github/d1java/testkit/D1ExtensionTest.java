package io.github.d1java.testkit;

import static io.github.d1java.testkit.D1Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.d1java.D1Database;
import io.github.d1java.migrations.D1Migrations;
import io.github.d1java.migrations.D1ScriptException;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs fixture classes (the static nested classes below, which neither surefire nor Jupiter picks
 * up on their own) through the Jupiter engine and checks what happened.
 */
class D1ExtensionTest {

  /** Databases seen by fixture tests, keyed by fixture, to compare identities. */
  static final Map<String, Set<D1Database>> SEEN = new ConcurrentHashMap<>();

  static void saw(String key, D1Database db) {
    SEEN.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(db);
  }

  private static EngineExecutionResults run(Class<?> fixture, Map<String, String> config) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(config)
        .configurationParameter(Fixture.ENABLED, "true")
        .selectors(selectClass(fixture))
        .execute();
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return run(fixture, Map.of());
  }

  private static void assertAllPass(EngineExecutionResults results, int tests) {
    List<String> failures =
        results.allEvents().failed().stream()
            .map(D1ExtensionTest::describe)
            .collect(Collectors.toList());
    assertThat(failures).isEmpty();
    results.testEvents().assertStatistics(s -> s.started(tests).succeeded(tests));
  }

  private static String describe(Event event) {
    return event.getTestDescriptor().getDisplayName()
        + ": "
        + event
            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
            .map(Throwable::toString)
            .orElse("?");
  }

  private static Throwable onlyFailure(EngineExecutionResults results) {
    List<Throwable> failures =
        results.allEvents().failed().stream()
            .map(
                e ->
                    e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                        .orElseThrow())
            .collect(Collectors.toList());
    assertThat(failures).isNotEmpty();
    Throwable failure = failures.get(0);
    // JUnit wraps what a parameter resolver throws; the extension's own exception is the cause.
    if (failure instanceof ParameterResolutionException && failure.getCause() != null) {
      assertThat(failure).hasMessageContaining(failure.getCause().getMessage());
      return failure.getCause();
    }
    return failure;
  }

  // ---------------------------------------------------------------- fixtures

  @Fixture
  @D1Test(
      migrations = "testkit/migrations",
      schema = "testkit/schema.sql",
      seed = "testkit/seed.sql")
  static class Declarative {
    @D1Inject static D1Database shared;
    @D1Inject D1Database db;
    @D1Inject D1SqliteDatabase sqlite;
    static D1Database fromBeforeAll;

    @BeforeAll
    static void beforeAll(D1Database db) {
      fromBeforeAll = db;
    }

    @Test
    void seesMigrationsSchemaAndSeed() {
      assertThat(db).table("d1_migrations").hasRowCount(3);
      assertThat(db).table("customers").column("name").containsExactly("Ada", "Grace");
      assertThat(db).table("open_orders").containsRow("item", "tea");
      assertThat(db).table("audit").containsRow("order_id", 1, "note", "hot; drink");
    }

    @RepeatedTest(3)
    void getsAFreshDatabasePerTestThroughFieldAndParameter(D1Database param) {
      assertThat(param).isSameAs(db).isSameAs(sqlite);
      assertThat(shared).isSameAs(fromBeforeAll).isNotSameAs(db);
      assertThat(db).table("orders").hasRowCount(1);
      db.prepare("INSERT INTO orders (item) VALUES ('cake')").run();
      assertThat(db).table("orders").hasRowCount(2);
      saw("declarative", db);
      saw("declarative-shared", shared);
    }

    @Nested
    class Inner {
      @Test
      void fillsOuterInstanceFieldsToo(D1Database param) {
        assertThat(db).isSameAs(param);
        assertThat(db).table("orders").hasRowCount(1);
      }
    }

    @AfterAll
    static void afterAll(D1Database db) {
      assertThat(db).isSameAs(fromBeforeAll);
      assertThat(db).table("customers").hasRowCount(2);
    }
  }

  @Fixture
  static class ProgrammaticPerTest {
    @RegisterExtension
    final D1Extension d1 =
        D1Extension.builder()
            .migrations(Resources.path("testkit/migrations"))
            .seed("testkit/seed.sql")
            .build();

    @D1Inject D1Database db;

    @RepeatedTest(3)
    void getsAFreshDatabasePerTest(D1Database param) {
      assertThat(d1.database()).isSameAs(db).isSameAs(param);
      assertThat(db).table("orders").hasRowCount(1);
      db.prepare("DELETE FROM orders").run();
      saw("per-test", db);
    }
  }

  @Fixture
  static class ProgrammaticPerClass {
    @RegisterExtension
    static final D1Extension D1 =
        D1Extension.builder().migrations(Resources.path("testkit/migrations")).build();

    @D1Inject D1Database db;

    @BeforeEach
    void insert(D1Database param) {
      assertThat(param).isSameAs(D1.database());
      param.prepare("INSERT INTO orders (item) VALUES ('x')").run();
    }

    @RepeatedTest(3)
    void sharesOneDatabaseInTheClass(D1Database param) {
      assertThat(db).isSameAs(param).isSameAs(D1.database());
      saw("per-class", db);
    }

    @AfterAll
    static void sawEveryInsert() {
      assertThat(D1.database()).table("orders").hasRowCount(3);
    }
  }

  @Fixture
  @D1Test
  static class ConstructorInjection {
    @D1Inject static D1Database shared;
    private final D1Database fromConstructor;

    ConstructorInjection(D1Database db) {
      this.fromConstructor = db;
    }

    @RepeatedTest(2)
    void getsTheClassDatabaseInTheConstructor(D1Database perTest) {
      assertThat(fromConstructor).isSameAs(shared).isNotSameAs(perTest);
    }
  }

  @Fixture
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassLifecycle {
    @RegisterExtension final D1Extension d1 = D1Extension.builder().build();

    @RepeatedTest(2)
    void sharesOneDatabase(D1Database db) {
      assertThat(d1.database()).isSameAs(db);
      saw("per-class-lifecycle", db);
    }
  }

  @Fixture
  static class FileDatabases {
    @RegisterExtension
    final D1Extension d1 =
        D1Extension.builder()
            .migrations(
                D1Migrations.builder()
                    .directory(Resources.path("testkit/migrations"))
                    .table("history")
                    .build())
            .file()
            .build();

    @Test
    void givesAFileDatabaseWithTheMigrationsTableConfigured() {
      Path file = d1.database().file();
      assertThat(file).isNotNull().exists();
      assertThat(d1.database()).table("history").hasRowCount(3);
      FILES.add(file);
    }

    static final Set<Path> FILES = ConcurrentHashMap.newKeySet();
  }

  @Fixture
  static class Parallel {
    @RegisterExtension
    final D1Extension d1 =
        D1Extension.builder().migrations(Resources.path("testkit/migrations")).build();

    @RepeatedTest(40)
    void eachConcurrentTestOwnsItsDatabase(D1Database db) {
      assertThat(db).table("orders").hasNoRows();
      db.prepare("INSERT INTO orders (item) VALUES (?)")
          .bind(Thread.currentThread().getName())
          .run();
      assertThat(db).table("orders").hasRowCount(1);
      saw("parallel", db);
      saw("parallel-threads-" + Thread.currentThread().getName(), db);
    }
  }

  @Fixture
  @D1Test
  static class WrongFieldType {
    @D1Inject String db;

    @Test
    void test() {}
  }

  @Fixture
  @D1Test
  static class FinalField {
    @D1Inject final D1Database db = null;

    @Test
    void test() {}
  }

  @Fixture
  static class StaticFieldWithInstanceExtension {
    @RegisterExtension final D1Extension d1 = D1Extension.builder().build();
    @D1Inject static D1Database db;

    @Test
    void test() {}
  }

  @Fixture
  @D1Test(migrations = "no/such/migrations")
  static class MissingMigrations {
    @Test
    void test(D1Database db) {}
  }

  @Fixture
  @D1Test(schema = "testkit/nope.sql")
  static class MissingSchema {
    @Test
    void test(D1Database db) {}
  }

  @Fixture
  @D1Test(migrations = "testkit/migrations", seed = "testkit/bad-seed.sql")
  static class BadSeed {
    @Test
    void test(D1Database db) {}
  }

  // ---------------------------------------------------------------- tests

  @Nested
  class Injection {

    @Test
    void declarativeGivesFreshTestDatabasesAndOneClassDatabase() {
      assertAllPass(run(Declarative.class), 5);
      assertThat(SEEN.get("declarative")).hasSize(3);
      assertThat(SEEN.get("declarative-shared")).hasSize(1);
    }

    @Test
    void programmaticInstanceFieldGivesAFreshDatabasePerTest() {
      assertAllPass(run(ProgrammaticPerTest.class), 3);
      assertThat(SEEN.get("per-test")).hasSize(3);
    }

    @Test
    void programmaticStaticFieldSharesOneDatabasePerClass() {
      assertAllPass(run(ProgrammaticPerClass.class), 3);
      assertThat(SEEN.get("per-class")).hasSize(1);
      assertThatThrownBy(ProgrammaticPerClass.D1::database)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("works only while a test");
    }

    @Test
    void constructorParametersGetTheClassDatabase() {
      assertAllPass(run(ConstructorInjection.class), 2);
    }

    @Test
    void instanceFieldOfAPerClassTestInstanceSharesOneDatabase() {
      assertAllPass(run(PerClassLifecycle.class), 2);
      assertThat(SEEN.get("per-class-lifecycle")).hasSize(1);
    }

    @Test
    void closesDatabasesAfterTheirScope() {
      run(ProgrammaticPerTest.class);
      for (D1Database db : SEEN.get("per-test")) {
        assertThatThrownBy(() -> db.prepare("SELECT 1").all()).isInstanceOf(RuntimeException.class);
      }
    }

    @Test
    void fileDatabasesAreDeletedAfterTheTest() {
      FileDatabases.FILES.clear();
      assertAllPass(run(FileDatabases.class), 1);
      assertThat(FileDatabases.FILES).hasSize(1);
      for (Path file : FileDatabases.FILES) {
        assertThat(Files.exists(file)).isFalse();
        assertThat(Files.exists(file.getParent())).isFalse();
      }
    }
  }

  @Nested
  class Speed {

    @Test
    void buildsEachTemplateOnceForAllTestsAndClasses() {
      EngineTestKit.engine("junit-jupiter")
          .configurationParameter(Fixture.ENABLED, "true")
          .selectors(selectClass(ProgrammaticPerTest.class), selectClass(Parallel.class))
          .execute();
      int before = TestDatabases.TEMPLATES_BUILT.get();
      EngineExecutionResults results =
          EngineTestKit.engine("junit-jupiter")
              .configurationParameter(Fixture.ENABLED, "true")
              .selectors(selectClass(ProgrammaticPerTest.class), selectClass(Parallel.class))
              .execute();
      results.testEvents().assertStatistics(s -> s.succeeded(43));
      // One engine run = one root context: ProgrammaticPerTest (seeded) and Parallel (not) need
      // two templates, built once each for 43 databases.
      assertThat(TestDatabases.TEMPLATES_BUILT.get() - before).isEqualTo(2);
    }
  }

  @Nested
  class ParallelExecution {

    @Test
    void isSafeWithConcurrentTests() {
      EngineExecutionResults results =
          run(
              Parallel.class,
              Map.of(
                  "junit.jupiter.execution.parallel.enabled", "true",
                  "junit.jupiter.execution.parallel.mode.default", "concurrent",
                  "junit.jupiter.execution.parallel.config.strategy", "fixed",
                  "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));
      assertAllPass(results, 40);
      assertThat(SEEN.get("parallel")).hasSize(40);
    }
  }

  @Nested
  class Misuse {

    @Test
    void rejectsAFieldOfTheWrongType() {
      assertThat(onlyFailure(run(WrongFieldType.class)))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage(
              "@D1Inject field "
                  + WrongFieldType.class.getName()
                  + ".db has type java.lang.String;"
                  + " it must be io.github.d1java.D1Database or "
                  + "io.github.d1java.sqlite.D1SqliteDatabase");
    }

    @Test
    void rejectsAFinalField() {
      assertThat(onlyFailure(run(FinalField.class)))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageEndingWith("FinalField.db must not be final");
    }

    @Test
    void rejectsAStaticFieldForAnInstanceExtension() {
      assertThat(onlyFailure(run(StaticFieldWithInstanceExtension.class)))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining(
              "cannot be filled by a D1Extension registered in an instance field");
    }

    @Test
    void namesAMissingMigrationsFolder() {
      assertThat(onlyFailure(run(MissingMigrations.class)))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessage(
              "migrations folder 'no/such/migrations' not found (neither a directory nor on the "
                  + "classpath): No migrations present at "
                  + Path.of("no/such/migrations").toAbsolutePath()
                  + ".");
    }

    @Test
    void namesAMissingSchemaFile() {
      assertThat(onlyFailure(run(MissingSchema.class)))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith("schema file 'testkit/nope.sql' not found");
    }

    @Test
    void namesTheFileAndStatementOfBadSeedSql() {
      assertThat(onlyFailure(run(BadSeed.class)))
          .isInstanceOf(D1ScriptException.class)
          .hasMessageStartingWith(
              "D1_SCRIPT_ERROR: bad-seed.sql failed at line 3: INSERT INTO nope (x) VALUES (1): "
                  + "D1_ERROR: no such table: nope");
    }

    @Test
    void databaseOutsideATestFails() {
      assertThatThrownBy(() -> D1Extension.builder().build().database())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("No D1 database");
    }

    @Test
    void builderRejectsNullFiles() {
      assertThatThrownBy(() -> D1Extension.builder().schema("a.sql", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("schema file");
    }
  }
}
