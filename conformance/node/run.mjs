// Runs the conformance corpus (../cases/*.json) through Miniflare's D1 and writes one JSON file
// with every call's outcome, in the shape the Java runner writes (see ../README.md).
// Usage: node run.mjs <casesDir> <outFile>
import { Miniflare } from "miniflare";
import fs from "node:fs";
import path from "node:path";

const [casesDir, outFile] = process.argv.slice(2);
if (!casesDir || !outFile) {
  console.error("usage: node run.mjs <casesDir> <outFile>");
  process.exit(2);
}

const cases = [];
for (const file of fs.readdirSync(casesDir).filter((f) => f.endsWith(".json")).sort()) {
  for (const c of JSON.parse(fs.readFileSync(path.join(casesDir, file), "utf8"))) {
    cases.push(c);
  }
}

// One D1 database per case, so every case starts empty. A Miniflare instance serves at most
// CHUNK databases (with several hundred bindings its loopback fetch fails), so the corpus runs in
// chunks, each on its own instance.
const CHUNK = 150;
const newMiniflare = (chunk, base) =>
  new Miniflare({
    modules: true,
    script: "export default { fetch() { return new Response('conformance') } }",
    d1Databases: Object.fromEntries(chunk.map((c, i) => [`DB${base + i}`, `conformance-${base + i}`])),
    compatibilityDate: "2025-06-01",
  });

// "{{text*N}}" in SQL or a string param expands to text repeated N times, with "#" in text
// replaced by 1..N (for the limit cases).
const expand = (s) =>
  s.replace(/\{\{([^*}]+)\*(\d+)\}\}/g, (_, t, n) =>
    Array.from({ length: Number(n) }, (_, i) => t.replaceAll("#", String(i + 1))).join("")
  );

function params(list) {
  return list.flatMap((p) =>
    p !== null && typeof p === "object" && "repeat" in p ? Array(p.times).fill(p.repeat) : [p]
  );
}

function param(p) {
  if (typeof p === "string") return expand(p);
  if (p === null || typeof p !== "object") return p;
  if ("blob" in p) return new Uint8Array(p.blob);
  if ("double" in p) return Number(p.double); // "NaN", "Infinity", "-Infinity"
  if ("bigint" in p) return BigInt(p.bigint);
  if ("object" in p) return p.object;
  if ("list" in p) return p.list;
  throw new Error(`unknown param ${JSON.stringify(p)}`);
}

function stmt(db, call) {
  const s = db.prepare(expand(call.sql));
  return call.params === undefined ? s : s.bind(...params(call.params).map(param));
}

const meta = (m) => ({
  changes: m.changes,
  last_row_id: m.last_row_id,
  changed_db: m.changed_db,
  rows_read: m.rows_read,
  rows_written: m.rows_written,
});
const result = (r) => ({ results: r.results, meta: meta(r.meta) });

// A session's bookmarks before and after each statement, described so that both runners can be
// compared: null, "given" (the string the session started from), "bookmark" (D1's 8-8-8-32 hex
// format) or the string itself, each with how it compares to the previous one.
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;
async function session(db, call) {
  const s = call.constraint === undefined ? db.withSession() : db.withSession(call.constraint);
  const marks = [];
  let previous = null;
  const mark = () => {
    const b = s.getBookmark();
    const kind =
      b === null ? null : b === call.constraint ? "given" : BOOKMARK.test(b) ? "bookmark" : b;
    const order =
      previous === null || b === null ? null : b > previous ? "greater" : b === previous ? "same" : "less";
    marks.push({ kind, order });
    previous = b;
  };
  mark();
  for (const st of call.statements) {
    await s.prepare(expand(st.sql)).run();
    mark();
  }
  return marks;
}

async function run(db, call) {
  switch (call.op) {
    case "all":
      return result(await stmt(db, call).all());
    case "run":
      return result(await stmt(db, call).run());
    case "first":
      return await stmt(db, call).first();
    case "firstCol":
      return await stmt(db, call).first(call.column);
    case "raw":
      return await stmt(db, call).raw();
    case "rawCols":
      return await stmt(db, call).raw({ columnNames: true });
    case "batch":
      return (await db.batch(call.statements.map((s) => stmt(db, s)))).map(result);
    case "session":
      return await session(db, call);
    case "exec":
      return { count: (await db.exec(expand(call.sql))).count };
    default:
      throw new Error(`unknown op ${call.op}`);
  }
}

const out = { runner: "miniflare", cases: {} };
for (let base = 0; base < cases.length; base += CHUNK) {
  const chunk = cases.slice(base, base + CHUNK);
  const mf = newMiniflare(chunk, base);
  try {
    for (const [k, c] of chunk.entries()) {
      const db = await mf.getD1Database(`DB${base + k}`);
      const outcomes = [];
      try {
        for (const sql of c.setup ?? []) {
          await db.prepare(sql).run();
        }
      } catch (e) {
        out.cases[c.name] = [{ error: `setup failed: ${e.message}` }];
        continue;
      }
      for (const call of c.calls) {
        try {
          outcomes.push({ value: (await run(db, call)) ?? null });
        } catch (e) {
          outcomes.push({ error: String(e.message) });
        }
      }
      out.cases[c.name] = outcomes;
    }
  } finally {
    await mf.dispose();
  }
}
fs.writeFileSync(outFile, JSON.stringify(out, null, 1) + "\n");
console.log(`miniflare: ran ${cases.length} cases into ${outFile}`);
