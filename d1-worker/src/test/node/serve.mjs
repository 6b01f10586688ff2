// Serves worker/d1-worker.js under Miniflare on loopback for d1-worker's tests.
// Usage: node serve.mjs <script> <token-or-empty> <databases> [maxBodyBytes]
// With <databases> = n > 0, a test-only wrapper gives each URL prefix /db<i>/ (0 <= i < n) its own
// empty D1 database as env.DB, so every test can start fresh; other paths use DB.
// Prints one line, {"url": "http://127.0.0.1:<port>"}, when ready; stops when stdin closes.
import { Miniflare } from "miniflare";
import fs from "node:fs";

const [script, token, databases, maxBody] = process.argv.slice(2);
const n = Number(databases) || 0;
const bindings = {};
if (token) bindings.D1_WORKER_TOKEN = token;
if (maxBody) bindings.D1_WORKER_MAX_BODY_BYTES = maxBody;
const d1Databases = { DB: "d1-worker-test" };
for (let i = 0; i < n; i++) d1Databases[`DB${i}`] = `d1-worker-test-${i}`;
const wrapper = `
import worker from "./d1-worker.js";
export default {
  fetch(request, env, ctx) {
    const m = /^\\/db(\\d+)\\//.exec(new URL(request.url).pathname);
    const db = m ? env["DB" + m[1]] : env.DB;
    return db ? worker.fetch(request, { ...env, DB: db }, ctx) : new Response("no such db", { status: 404 });
  },
};`;
const mf = new Miniflare({
  modules: [
    { type: "ESModule", path: "wrapper.mjs", contents: wrapper },
    { type: "ESModule", path: "d1-worker.js", contents: fs.readFileSync(script, "utf8") },
  ],
  compatibilityDate: "2025-06-01",
  d1Databases,
  bindings,
  host: "127.0.0.1",
  port: 0,
});
const url = await mf.ready;
process.stdout.write(JSON.stringify({ url: url.origin }) + "\n");
process.stdin.resume();
process.stdin.on("end", async () => {
  await mf.dispose();
  process.exit(0);
});
