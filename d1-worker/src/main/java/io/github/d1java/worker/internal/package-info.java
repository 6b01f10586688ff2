/** Implementation of d1-worker: the Worker protocol on d1-remote's shared wire. Not API. */
package io.github.d1java.worker.internal;
