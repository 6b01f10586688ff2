package io.github.d1java.testkit.server.internal;

import io.github.d1java.testkit.server.RecordedRequest;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small HTTP/1.1 server on a raw loopback socket, so that it can drop connections mid-response.
 * Keep-alive, Content-Length and chunked request bodies; ignores HTTP/2 upgrade offers (the JDK
 * client then stays on HTTP/1.1). Thread-safe.
 */
public final class HttpWire implements AutoCloseable {

  /** What the server does with one request. */
  public interface Exchange {
    /**
     * Answers a request; may write nothing and return null to drop the connection, or write
     * part of an answer.
     *
     * @param request the request
     * @param out where to write the answer
     * @return true to keep the connection open
     * @throws IOException if writing fails
     */
    boolean handle(RecordedRequest request, OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final ExecutorService pool;
  private final Exchange exchange;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Binds to a free loopback port and starts accepting.
   *
   * @param exchange the request handler
   * @throws IOException if the port cannot be bound
   */
  public HttpWire(Exchange exchange) throws IOException {
    this.exchange = exchange;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.pool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-d1-server");
              t.setDaemon(true);
              return t;
            });
    pool.execute(this::acceptLoop);
  }

  /**
   * @return the bound port
   */
  public int port() {
    return socket.getLocalPort();
  }

  /**
   * @return the loopback host as a URL authority host
   */
  public String host() {
    return socket.getInetAddress().getHostAddress();
  }

  private void acceptLoop() {
    while (!closed.get()) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        open.add(s);
        int connection = connections.incrementAndGet();
        pool.execute(() -> serve(s, connection));
      } catch (IOException e) {
        if (closed.get()) {
          return;
        }
      }
    }
  }

  private void serve(Socket s, int connection) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (!closed.get()) {
        RecordedRequest req = read(in, connection);
        if (req == null) {
          return;
        }
        boolean keep = exchange.handle(req, out);
        out.flush();
        if (!keep || "close".equalsIgnoreCase(req.header("connection"))) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away or the connection was dropped on purpose
    } finally {
      open.remove(s);
    }
  }

  /** Reads one request, or returns null at end of stream. */
  static RecordedRequest read(InputStream in, int connection) throws IOException {
    String requestLine = line(in);
    while (requestLine != null && requestLine.isEmpty()) {
      requestLine = line(in);
    }
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ", 3);
    if (parts.length < 2) {
      throw new IOException("bad request line: " + requestLine);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int c = h.indexOf(':');
      if (c > 0) {
        headers
            .computeIfAbsent(h.substring(0, c).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(h.substring(c + 1).trim());
      }
    }
    byte[] body;
    List<String> te = headers.get("transfer-encoding");
    List<String> cl = headers.get("content-length");
    if (te != null && te.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (; ; ) {
        String size = line(in);
        if (size == null) {
          throw new IOException("truncated chunked body");
        }
        int n = Integer.parseInt(size.split(";")[0].trim(), 16);
        if (n == 0) {
          for (String t = line(in); t != null && !t.isEmpty(); t = line(in)) {
            // trailers are ignored
          }
          break;
        }
        b.write(in.readNBytes(n));
        line(in);
      }
      body = b.toByteArray();
    } else if (cl != null) {
      int n = Integer.parseInt(cl.get(0));
      body = in.readNBytes(n);
      if (body.length != n) {
        throw new IOException("truncated body");
      }
    } else {
      body = new byte[0];
    }
    return new RecordedRequest(parts[0], parts[1], headers, body, connection);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); ; c = in.read()) {
      if (c == -1) {
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
      }
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
  }

  /**
   * Writes a whole response.
   *
   * @param out the stream
   * @param reply the reply
   * @param bodyBytes how many body bytes to send (fewer than the body to cut it short)
   * @throws IOException if writing fails
   */
  public static void write(OutputStream out, Reply reply, int bodyBytes) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("HTTP/1.1 ").append(reply.status()).append(' ').append(reason(reply.status())).append("\r\n");
    boolean hasType = false;
    for (Map.Entry<String, String> h : reply.headers().entrySet()) {
      sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
      hasType |= h.getKey().equalsIgnoreCase("content-type");
    }
    if (!hasType) {
      sb.append("Content-Type: application/json; charset=UTF-8\r\n");
    }
    sb.append("Content-Length: ").append(reply.body().length).append("\r\n\r\n");
    byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    int n = Math.min(bodyBytes, reply.body().length);
    byte[] all = new byte[head.length + n]; // one write: no Nagle/delayed-ACK stall between parts
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(reply.body(), 0, all, head.length, n);
    out.write(all);
    out.flush();
  }

  private static String reason(int status) {
    switch (status) {
      case 200: return "OK";
      case 202: return "Accepted";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      default: return "Status";
    }
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    pool.shutdownNow();
  }
}
