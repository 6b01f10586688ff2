package io.github.d1java.testkit;

import io.github.d1java.D1Database;
import io.github.d1java.migrations.D1Migrations;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.testkit.TestDatabases.Handle;
import io.github.d1java.testkit.TestDatabases.Recipe;
import io.github.d1java.testkit.TestDatabases.Setup;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * A JUnit 5 extension that gives tests fresh local D1 databases ({@code D1Sqlite}), migrated with
 * wrangler's migrations and seeded from SQL files.
 *
 * <pre>{@code
 * class OrdersTest {
 *   @RegisterExtension
 *   final D1Extension d1 = D1Extension.builder()
 *       .migrations(Path.of("migrations"))
 *       .seed("seed.sql")
 *       .build();
 *
 *   @Test
 *   void countsOrders() {
 *     D1Database db = d1.database();
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p><b>Scope.</b> Registered in an instance field, the extension gives every test its own
 * database, closed after the test. Registered in a static field, it gives the test class (and its
 * {@code @Nested} classes) one database, closed after the class; so does an instance field of a
 * class with {@code @TestInstance(PER_CLASS)}, which JUnit registers per class. Databases reach
 * tests through {@link #database()}, through {@code D1Database}/{@code D1SqliteDatabase}
 * parameters, and through fields annotated {@link D1Inject}. With {@link D1Test} the scope follows
 * the field or method instead, as described there.
 *
 * <p><b>Speed.</b> The migrations, schema and seed files are applied once per JVM into a template
 * database, whose {@link D1Database#dump() image} is kept; every database is a copy of that image
 * ({@code D1Sqlite.fromImage}), so a test pays for a copy, not for its migrations. Extensions with
 * the same files share the template for the whole JUnit run, so files are read once: a test that
 * rewrites a migration file while the run goes on does not see its change.
 *
 * <p><b>Thread safety.</b> Safe with JUnit's parallel execution: each test's database is its own,
 * and the template is built once even when tests start together.
 *
 * <p><b>Errors.</b> Misuse fails the test with an {@link ExtensionConfigurationException} that says
 * what is wrong: a missing migrations folder or SQL file, a {@link D1Inject} field of the wrong
 * type or final. A failing migration, schema or seed statement fails with a {@link
 * io.github.d1java.migrations.D1ScriptException} naming the file and the statement.
 */
public final class D1Extension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private static final Namespace TEMPLATES = Namespace.create(D1Extension.class, "templates");
  private static final String CLASS_DATABASE = "class-database";
  private static final String TEST_DATABASE = "test-database";

  private final Setup setup;
  private final Namespace namespace = Namespace.create(D1Extension.class, new Object());
  private final ThreadLocal<D1SqliteDatabase> current = new ThreadLocal<>();
  private volatile boolean perClass;
  private volatile D1SqliteDatabase classDatabase;

  /**
   * The extension as {@link D1Test} registers it: set up from the test class's {@link D1Test}
   * annotation. In code, use {@link #builder()}.
   */
  public D1Extension() {
    this.setup = null;
  }

  private D1Extension(Setup setup) {
    this.setup = setup;
  }

  /**
   * A builder for an extension with an empty in-memory database and no migrations.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The database of the running test: its own when the extension is registered in an instance
   * field, the class's when it is registered in a static field.
   *
   * @return the database; never null
   * @throws IllegalStateException when called outside a test or lifecycle method of a class that
   *     registers this extension
   */
  public D1SqliteDatabase database() {
    D1SqliteDatabase database = current.get();
    if (database == null) {
      database = classDatabase;
    }
    if (database == null) {
      throw new IllegalStateException(
          "No D1 database: D1Extension.database() works only while a test (or a lifecycle method) "
              + "of a class that registers this extension runs");
    }
    return database;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (setup != null) {
      perClass = true;
      classDatabase(context);
    }
    for (Field field : injectableFields(context.getRequiredTestClass(), true)) {
      set(field, null, classDatabase(context));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Handle handle = context.getStore(namespace).remove(CLASS_DATABASE, Handle.class);
    if (handle != null) {
      if (classDatabase == handle.database) {
        classDatabase = null;
      }
      handle.close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      List<Field> statics = injectableFields(context.getRequiredTestClass(), true);
      if (setup != null && !statics.isEmpty()) {
        throw new ExtensionConfigurationException(
            "static @D1Inject field "
                + describe(statics.get(0))
                + " cannot be filled by a "
                + "D1Extension registered in an instance field; register it in a static field or "
                + "make the field an instance field");
      }
    }
    if (setup != null) {
      databaseFor(context); // so that database() works in the test
    }
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Field field : injectableFields(instance.getClass(), false)) {
        set(field, instance, databaseFor(context));
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    current.remove();
    Handle handle = context.getStore(namespace).remove(TEST_DATABASE, Handle.class);
    if (handle != null) {
      handle.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == D1Database.class || type == D1SqliteDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return databaseFor(context);
  }

  private D1SqliteDatabase databaseFor(ExtensionContext context) {
    if (perClass || context.getTestMethod().isEmpty()) {
      return classDatabase(context);
    }
    Handle handle =
        context
            .getStore(namespace)
            .getOrComputeIfAbsent(TEST_DATABASE, key -> open(context), Handle.class);
    current.set(handle.database);
    return handle.database;
  }

  private D1SqliteDatabase classDatabase(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent()) {
      classContext = classContext.getParent().orElseThrow();
    }
    ExtensionContext owner = classContext;
    Handle handle =
        classContext
            .getStore(namespace)
            .getOrComputeIfAbsent(CLASS_DATABASE, key -> open(owner), Handle.class);
    if (classDatabase == null) {
      classDatabase = handle.database;
    }
    return handle.database;
  }

  private Handle open(ExtensionContext context) {
    Setup effective = setup != null ? setup : fromAnnotation(context);
    Class<?> testClass = context.getRequiredTestClass();
    ClassLoader loader =
        Optional.ofNullable(testClass.getClassLoader()).orElse(ClassLoader.getSystemClassLoader());
    Recipe recipe = effective.resolve(loader);
    byte[] template =
        context
            .getRoot()
            .getStore(TEMPLATES)
            .getOrComputeIfAbsent(recipe, TestDatabases::buildTemplate, byte[].class);
    return TestDatabases.open(template, effective.file());
  }

  private static Setup fromAnnotation(ExtensionContext context) {
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      Optional<D1Test> test = AnnotationSupport.findAnnotation(c, D1Test.class);
      if (test.isPresent()) {
        D1Test t = test.get();
        return new Setup(
            t.migrations().isEmpty() ? null : t.migrations(),
            null,
            t.migrationsTable(),
            List.of(t.schema()),
            List.of(t.seed()),
            t.file());
      }
    }
    return new Builder().setup();
  }

  private static List<Field> injectableFields(Class<?> type, boolean statics) {
    List<Field> fields =
        AnnotationSupport.findAnnotatedFields(
            type,
            D1Inject.class,
            f -> Modifier.isStatic(f.getModifiers()) == statics,
            HierarchyTraversalMode.TOP_DOWN);
    for (Field field : fields) {
      if (field.getType() != D1Database.class && field.getType() != D1SqliteDatabase.class) {
        throw new ExtensionConfigurationException(
            "@D1Inject field "
                + describe(field)
                + " has type "
                + field.getType().getName()
                + "; it must be io.github.d1java.D1Database or "
                + "io.github.d1java.sqlite.D1SqliteDatabase");
      }
      if (Modifier.isFinal(field.getModifiers())) {
        throw new ExtensionConfigurationException(
            "@D1Inject field " + describe(field) + " must not be final");
      }
    }
    return fields;
  }

  private static String describe(Field field) {
    return field.getDeclaringClass().getName() + "." + field.getName();
  }

  private static void set(Field field, Object instance, D1SqliteDatabase database) {
    try {
      field.setAccessible(true);
      field.set(instance, database);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExtensionConfigurationException(
          "Cannot set @D1Inject field " + describe(field) + ": " + e, e);
    }
  }

  /**
   * Builds a {@link D1Extension}. Defaults: no migrations, no SQL files, in memory. Not
   * thread-safe; the built extension is.
   */
  public static final class Builder {
    private String migrationsLocation;
    private D1Migrations migrations;
    private final List<String> schema = new ArrayList<>();
    private final List<String> seed = new ArrayList<>();
    private boolean file;

    private Builder() {}

    /**
     * Applies the wrangler migrations in {@code directory} (table {@value
     * D1Migrations#DEFAULT_TABLE}, pattern {@value D1Migrations#DEFAULT_PATTERN}).
     *
     * @param directory the migrations directory; not null. Checked when the first test runs
     * @return this builder
     */
    public Builder migrations(Path directory) {
      return migrations(D1Migrations.of(Objects.requireNonNull(directory, "directory")));
    }

    /**
     * Applies the wrangler migrations in a directory given as a path or, failing that, as a
     * classpath directory (which must be on disk, not inside a jar).
     *
     * @param location the directory; not null
     * @return this builder
     */
    public Builder migrations(String location) {
      this.migrationsLocation = Objects.requireNonNull(location, "location");
      this.migrations = null;
      return this;
    }

    /**
     * Applies these migrations, with their table and pattern.
     *
     * @param migrations the migrations; not null
     * @return this builder
     */
    public Builder migrations(D1Migrations migrations) {
      this.migrations = Objects.requireNonNull(migrations, "migrations");
      this.migrationsLocation = null;
      return this;
    }

    /**
     * Adds SQL files to run after the migrations, each as one batch. A file is looked for on disk
     * first, then on the classpath.
     *
     * @param files paths or classpath resources, e.g. {@code "schema.sql"}; not null
     * @return this builder
     */
    public Builder schema(String... files) {
      schema.addAll(Arrays.asList(requireElements("schema", files)));
      return this;
    }

    /**
     * Adds SQL files to run after the schema files, each as one batch. Looked up as {@link
     * #schema(String...)} files are.
     *
     * @param files paths or classpath resources, e.g. {@code "seed.sql"}; not null
     * @return this builder
     */
    public Builder seed(String... files) {
      seed.addAll(Arrays.asList(requireElements("seed", files)));
      return this;
    }

    /**
     * Makes each database a file in a new temporary directory, deleted when the database closes.
     *
     * @return this builder
     */
    public Builder file() {
      this.file = true;
      return this;
    }

    /**
     * Makes each database an in-memory database (the default).
     *
     * @return this builder
     */
    public Builder inMemory() {
      this.file = false;
      return this;
    }

    /**
     * Builds the extension. Files are looked up when the first test runs, so that a missing one
     * fails that test with a clear message rather than the class initializer.
     *
     * @return the extension
     */
    public D1Extension build() {
      return new D1Extension(setup());
    }

    private Setup setup() {
      return new Setup(
          migrationsLocation,
          migrations,
          D1Migrations.DEFAULT_TABLE,
          List.copyOf(schema),
          List.copyOf(seed),
          file);
    }

    private static String[] requireElements(String name, String[] files) {
      Objects.requireNonNull(files, name);
      for (String file : files) {
        Objects.requireNonNull(file, name + " file");
      }
      return files;
    }
  }
}
