/** Implementation of d1-wrangler. Not API: anything here may change without notice. */
package io.github.d1java.wrangler.internal;
