/**
 * For backend implementers: D1's shared semantics (bind conversion, result shaping, bookmarks) so
 * that every backend behaves the same. Application code does not need this package.
 */
package io.github.d1java.spi;
