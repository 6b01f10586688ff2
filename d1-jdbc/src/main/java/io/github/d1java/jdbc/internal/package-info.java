/** Implementation of the D1 JDBC driver. Not API: may change in any release. */
package io.github.d1java.jdbc.internal;
