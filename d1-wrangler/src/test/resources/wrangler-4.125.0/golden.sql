CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, score REAL, avatar BLOB, note TEXT);
INSERT INTO users (name, score, avatar, note) VALUES ('ann', 1.5, X'00ff10', NULL);
INSERT INTO users (name, score, avatar, note) VALUES ('bob''s', 0.1, NULL, 'line1
line2');
INSERT INTO users (name, score, avatar, note) VALUES ('cr', 1e-7, X'', 'a' || char(13) || char(10) || 'b');
CREATE TABLE "quoted table" ("a b" TEXT, c INTEGER);
INSERT INTO "quoted table" VALUES ('x', -42);
CREATE INDEX users_name ON users(name);
CREATE VIEW v AS SELECT name FROM users;
CREATE TRIGGER tr AFTER INSERT ON users BEGIN UPDATE users SET note = 'new' WHERE id = NEW.id AND note IS NULL; END;
CREATE TABLE kv (k TEXT PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO kv VALUES ('b', 2), ('a', 1);
