/** Implementation of d1-remote: HTTP, JSON, retries. Not API: may change in any release. */
package io.github.d1java.remote.internal;
