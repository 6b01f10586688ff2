/** Implementation details of d1-api. Not API: may change in any release. */
package io.github.d1java.internal;
