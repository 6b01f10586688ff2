/**
 * A JDBC driver for D1: {@link io.github.d1java.jdbc.D1Driver} for {@code jdbc:d1:} URLs and {@link
 * io.github.d1java.jdbc.D1DataSource}. See the driver's Javadoc for URLs, transactions and the
 * storage convention of Java types.
 */
package io.github.d1java.jdbc;
