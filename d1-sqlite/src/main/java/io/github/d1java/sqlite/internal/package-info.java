/**
 * Implementation of the local D1 engine. Not API: anything here may change without notice; use
 * {@link io.github.d1java.sqlite.D1Sqlite} instead.
 */
package io.github.d1java.sqlite.internal;
