/**
 * The backend contract suite: {@link io.github.d1java.testkit.contract.D1DatabaseContract} is an
 * abstract JUnit 5 test class that every {@link io.github.d1java.D1Database} implementation
 * subclasses, so that all backends are held to the same D1 behaviour.
 */
package io.github.d1java.testkit.contract;
