/** Implementation of the fake D1 REST server. Not API: may change in any release. */
package io.github.d1java.testkit.server.internal;
