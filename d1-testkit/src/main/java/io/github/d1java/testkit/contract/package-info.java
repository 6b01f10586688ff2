/**
 * The backend contract suite's old home: {@link
 * io.github.d1java.testkit.contract.D1DatabaseContract} is a deprecated alias of {@link
 * io.github.d1java.contract.D1DatabaseContract}, which now lives in the {@code d1-contract}
 * artifact.
 */
package io.github.d1java.testkit.contract;
