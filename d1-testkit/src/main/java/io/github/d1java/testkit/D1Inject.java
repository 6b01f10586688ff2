package io.github.d1java.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that {@link D1Test} or a {@link D1Extension} fills with a database. The field's
 * type must be {@code io.github.d1java.D1Database} or {@code
 * io.github.d1java.sqlite.D1SqliteDatabase}, and it must not be final. An instance field gets a
 * fresh database per test; a static field one database per test class (with a {@link D1Extension}
 * registered in an instance field, static fields cannot be filled: the extension only exists per
 * test).
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface D1Inject {}
