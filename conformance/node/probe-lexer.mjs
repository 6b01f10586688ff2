import { Miniflare } from "miniflare";
const mf = new Miniflare({
  modules: true,
  script: "export default { fetch() { return new Response('x') } }",
  d1Databases: { DB: "probe" },
  compatibilityDate: "2025-06-01",
});
const db = await mf.getD1Database("DB");
await db.exec("CREATE TABLE t (a INTEGER, b TEXT)");
const cases = [
  ["all", "SELECT 1 -- c"], ["all", "SELECT 1 /* c */ ; "], ["all", "SELECT 1; SELECT 2 /* c */"], ["all", "SELECT 1 /* c */ ;;"],
  ["all", "SELECT 1;   SELECT nope"], ["all", "SELECT 1; /* c */ SELECT nope"], ["all", "  SELECT nope"], ["all", "/* c */ SELECT nope"],
  ["all", "SELECT 1;\n\n  'x'"], ["all", ";;  SELECT nope"], ["all", "SELECT 1;;  SELECT nope"], ["all", "SELECT 1 ; /* ; */ SELECT nope"],
  ["all", "SELECT 1\n-- a\n;"],
  ["run", "INSERT INTO t VALUES (1, 'nul')\u0000"], ["all", "SELECT * FROM t"],
  ["all", "SELECT 1 -- c\n"],
];
for (const [how, sql] of cases) {
  let out;
  try {
    if (how === "run") out = await db.prepare(sql).run();
    else if (how === "all") out = await db.prepare(sql).all();
    else if (how === "batch") out = await db.batch([db.prepare(sql)]);
    else out = await db.exec(sql);
    out = JSON.stringify(out.results ?? out).slice(0, 200);
  } catch (e) {
    out = "ERR " + e.message + (e.cause ? " | cause: " + e.cause.message : "");
  }
  console.log(how, JSON.stringify(sql), "=>", out);
}
await mf.dispose();
