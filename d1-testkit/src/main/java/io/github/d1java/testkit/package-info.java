/**
 * JUnit 5 support for code that uses D1: {@link io.github.d1java.testkit.D1Test} and {@link
 * io.github.d1java.testkit.D1Extension} give every test a fresh, migrated local database, and
 * {@link io.github.d1java.testkit.D1Assertions} checks results and tables with AssertJ.
 */
package io.github.d1java.testkit;
