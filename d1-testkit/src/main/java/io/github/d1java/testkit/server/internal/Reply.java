package io.github.d1java.testkit.server.internal;

import java.util.Map;

/**
 * An HTTP answer.
 *
 * @param status the status
 * @param headers extra headers
 * @param body the body
 */
public record Reply(int status, Map<String, String> headers, byte[] body) {}
