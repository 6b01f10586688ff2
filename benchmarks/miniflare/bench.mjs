// Miniflare's D1 (workerd's own binding) on the same work as LocalEngineBenchmark:
// point select by primary key, a 10,000-row scan, a 1,000-row insert in one batch.
// Usage: npm install && node bench.mjs [seconds-per-measurement]
import { Miniflare } from "miniflare";

const seconds = Number(process.argv[2] ?? 5);
const mf = new Miniflare({
  modules: true,
  script: "export default { fetch() { return new Response('') } }",
  d1Databases: ["DB"],
});
const db = await mf.getD1Database("DB");
await db.exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL, qty INTEGER)");
await db.exec("CREATE TABLE sink (id INTEGER PRIMARY KEY, name TEXT, price REAL, qty INTEGER)");
const ins = db.prepare("INSERT INTO items VALUES (?, ?, ?, ?)");
for (let start = 1; start <= 10000; start += 1000) {
  const batch = [];
  for (let i = start; i < start + 1000; i++) batch.push(ins.bind(i, `item-${i}`, i * 0.25, i % 97));
  await db.batch(batch);
}

async function measure(name, opsPerCall, fn) {
  const warmEnd = Date.now() + 1000;
  while (Date.now() < warmEnd) await fn();
  let calls = 0;
  const t0 = process.hrtime.bigint();
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) { await fn(); calls++; }
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  const rate = (calls * opsPerCall) / elapsed;
  console.log(`${name}\t${rate.toFixed(0)} ops/s\t(${calls} calls in ${elapsed.toFixed(2)} s)`);
}

const point = db.prepare("SELECT * FROM items WHERE id = ?");
await measure("pointSelect", 1, () => point.bind(1 + Math.floor(Math.random() * 10000)).first());
const scan = db.prepare("SELECT * FROM items");
await measure("scan10k (rows/s)", 10000, () => scan.all());
let next = 0;
const sinkIns = db.prepare("INSERT INTO sink VALUES (?, ?, ?, ?)");
await measure("batchInsert1k (rows/s)", 1000, () => {
  const batch = [];
  for (let i = 0; i < 1000; i++) { const id = ++next; batch.push(sinkIns.bind(id, `row-${id}`, id * 0.5, id % 13)); }
  return db.batch(batch);
});
await mf.dispose();
