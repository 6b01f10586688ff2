// d1-worker: Cloudflare D1's binding over HTTPS for the d1-java client (io.github.d1java.worker).
// One ES module, no build step, no dependencies. Bindings: D1 database `DB`, secret
// `D1_WORKER_TOKEN`; optional var `D1_WORKER_MAX_BODY_BYTES` (default 32 MiB).
//
// Protocol (JSON, D1's REST envelope so the client shares one codec and error mapping):
//   POST /raw   {"sql": "...", "params": [...], "session": "<constraint or bookmark>"?}
//               {"batch": [{"sql", "params"}, ...], "session": ...?}     (one transaction)
//   POST /exec  {"sql": "..."}
//   -> 200 {"success": true, "errors": [], "messages": [], "result": [{results: {columns, rows},
//          meta, success}], "bookmark": "..." | null}
//   -> 4xx/5xx {"success": false, "errors": [{"code", "message"}], "result": null}
// Params: numbers, strings (an integer beyond 2^53 arrives as its digits), null, and arrays of byte
// values (blobs). D1 errors keep D1's exact text with code 7500; a malformed request is 7400 with
// a message starting "Invalid property"; 10000 authentication, 7404 unknown path, 7405 not POST,
// 7413 body over the limit.

const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
const SQL_ERROR = 7500;
const BAD_REQUEST = 7400;
const AUTH_ERROR = 10000;
const NOT_FOUND = 7404;
const METHOD_NOT_ALLOWED = 7405;
const TOO_LARGE = 7413;

function envelope(status, body) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

function failure(status, code, message) {
  return envelope(status, {
    success: false,
    errors: [{ code, message }],
    messages: [],
    result: null,
  });
}

const encoder = new TextEncoder();

// Constant time: both sides are hashed to 32 bytes first, so neither length nor content leaks
// through timing.
async function sameToken(given, expected) {
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(given)),
    crypto.subtle.digest("SHA-256", encoder.encode(expected)),
  ]);
  if (crypto.subtle.timingSafeEqual) {
    return crypto.subtle.timingSafeEqual(a, b);
  }
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

// Unauthenticated callers get at most this much of their body read before the refusal.
const REFUSED_BODY_BYTES = 64 * 1024;

// Reads and drops the rest of a refused request's body, up to `cap` bytes, so that the client
// receives the answer rather than a connection closed under its upload; a longer body is cut off.
async function discard(reader, cap) {
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel();
      return;
    }
  }
}

async function refuse(request, response) {
  if (request.body && !request.bodyUsed) await discard(request.body.getReader(), REFUSED_BODY_BYTES);
  return response;
}

// Reads at most `limit` bytes; null when the body is larger.
async function readBody(request, limit) {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    if (request.body) await discard(request.body.getReader(), limit);
    return null;
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await discard(reader, limit);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

class BadRequest extends Error {}

function param(p) {
  if (p === null || typeof p === "number" || typeof p === "string") return p;
  if (Array.isArray(p) && p.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) {
    return new Uint8Array(p);
  }
  throw new BadRequest("Invalid property: params must be numbers, strings, null or byte arrays");
}

function statement(target, q) {
  if (q === null || typeof q !== "object" || typeof q.sql !== "string") {
    throw new BadRequest("Invalid property: sql must be a string");
  }
  if (q.params !== undefined && !Array.isArray(q.params)) {
    throw new BadRequest("Invalid property: params must be an array");
  }
  const s = target.prepare(q.sql);
  return q.params && q.params.length ? s.bind(...q.params.map(param)) : s;
}

// Blobs may come back as ArrayBuffer or typed arrays; the wire carries arrays of byte values.
function plain(v) {
  if (v instanceof ArrayBuffer) return Array.from(new Uint8Array(v));
  if (ArrayBuffer.isView(v)) return Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  return v;
}

function rowsAndColumns(r) {
  return {
    success: true,
    meta: r.meta ?? {},
    results: {
      columns: r.results?.columns ?? [],
      rows: (r.results?.rows ?? []).map((row) => row.map(plain)),
    },
  };
}

// Newer runtimes pass a tracing span to the internal send; this one records nothing.
const NO_SPAN = { setAttribute() {}, end() {} };

// The binding's statements keep their session and converted params; its `_sendOrThrow` with
// ROWS_AND_COLUMNS is what all()/raw() use internally and returns columns, rows and meta in one
// piece (duplicate column names kept). When a runtime lacks it, run() and raw() are used instead.
async function runStatement(target, s) {
  const send = s.dbSession && s.dbSession._sendOrThrow;
  if (typeof send === "function") {
    const r = await send.call(s.dbSession, "/query", s.statement, s.params, "ROWS_AND_COLUMNS", NO_SPAN);
    return rowsAndColumns(Array.isArray(r) ? r[0] : r);
  }
  const [header, ...rows] = await s.raw({ columnNames: true });
  return { success: true, meta: {}, results: { columns: header, rows: rows.map((r) => r.map(plain)) } };
}

async function runBatch(target, statements) {
  const first = statements[0];
  const send = first && first.dbSession && first.dbSession._sendOrThrow;
  if (typeof send === "function") {
    const r = await send.call(
      first.dbSession,
      "/query",
      statements.map((s) => s.statement),
      statements.map((s) => s.params),
      "ROWS_AND_COLUMNS",
      NO_SPAN
    );
    return (Array.isArray(r) ? r : [r]).map(rowsAndColumns);
  }
  const results = await target.batch(statements);
  return results.map((r) => {
    const columns = r.results.length ? Object.keys(r.results[0]) : [];
    return {
      success: true,
      meta: r.meta,
      results: { columns, rows: r.results.map((o) => columns.map((c) => plain(o[c]))) },
    };
  });
}

async function handle(request, env) {
  const url = new URL(request.url);
  const limit = Number(env.D1_WORKER_MAX_BODY_BYTES) || DEFAULT_MAX_BODY_BYTES;
  const text = await readBody(request, limit);
  if (text === null) {
    return failure(413, TOO_LARGE, `Request body is larger than ${limit} bytes`);
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return failure(400, BAD_REQUEST, "Invalid property: the body is not JSON");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return failure(400, BAD_REQUEST, "Invalid property: the body is not a JSON object");
  }
  if (url.pathname.endsWith("/exec")) {
    if (typeof body.sql !== "string") {
      return failure(400, BAD_REQUEST, "Invalid property: sql must be a string");
    }
    const r = await env.DB.exec(body.sql);
    return envelope(200, { success: true, errors: [], messages: [], result: r, bookmark: null });
  }
  if (!url.pathname.endsWith("/raw")) {
    return failure(404, NOT_FOUND, "Not found: use POST /raw or POST /exec");
  }
  const session =
    body.session === undefined || body.session === null ? null : env.DB.withSession(String(body.session));
  const target = session ?? env.DB;
  let result;
  if (Array.isArray(body.batch)) {
    const statements = body.batch.map((q) => statement(target, q));
    if (statements.length === 0) {
      await target.batch([]); // D1's own error for an empty batch
    }
    result = await runBatch(target, statements);
  } else {
    result = [await runStatement(target, statement(target, body))];
  }
  return envelope(200, {
    success: true,
    errors: [],
    messages: [],
    result,
    bookmark: session ? session.getBookmark() : null,
  });
}

export default {
  async fetch(request, env) {
    const expected = typeof env.D1_WORKER_TOKEN === "string" ? env.D1_WORKER_TOKEN : "";
    if (expected.length === 0) {
      return refuse(
        request,
        failure(403, AUTH_ERROR, "D1_WORKER_TOKEN is not configured: every request is refused"),
      );
    }
    const auth = request.headers.get("authorization") ?? "";
    const given = auth.startsWith("Bearer ") ? auth.slice(7) : "";
    if (!(await sameToken(given, expected))) {
      return refuse(request, failure(401, AUTH_ERROR, "Authentication error"));
    }
    if (request.method !== "POST") {
      return refuse(request, failure(405, METHOD_NOT_ALLOWED, "Method not allowed: use POST"));
    }
    try {
      return await handle(request, env);
    } catch (e) {
      if (e instanceof BadRequest) return failure(400, BAD_REQUEST, e.message);
      const message = e && typeof e.message === "string" ? e.message : String(e);
      // D1's errors carry their code prefix (D1_ERROR, D1_EXEC_ERROR, D1_TYPE_ERROR, ...)
      if (/^D1_[A-Z_]+: /.test(message)) return failure(400, SQL_ERROR, message);
      // a database error the binding passes on unprefixed (e.g. a Durable Object reset after a
      // deferred constraint violation) still ends with SQLite's code
      if (/: SQLITE_[A-Z_]+( \(extended: SQLITE_[A-Z_]+\))?$/.test(message)) {
        return failure(400, SQL_ERROR, message);
      }
      return failure(500, SQL_ERROR, message.split(expected).join("***"));
    }
  },
};
