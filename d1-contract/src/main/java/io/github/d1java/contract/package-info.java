/**
 * The backend contract suite: {@link io.github.d1java.contract.D1DatabaseContract} is an abstract
 * JUnit 5 test class that every {@link io.github.d1java.D1Database} implementation subclasses, so
 * that all backends are held to the same D1 behaviour. It runs one abstract class per area of the
 * API ({@link io.github.d1java.contract.BindContract}, {@link
 * io.github.d1java.contract.BatchContract}, ...), which a backend may also extend one by one.
 */
package io.github.d1java.contract;
