PRAGMA defer_foreign_keys=TRUE;
CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, score REAL, avatar BLOB, note TEXT);
INSERT INTO "users" ("id","name","score","avatar","note") VALUES(1,'ann',1.5,X'00ff10',NULL);
INSERT INTO "users" ("id","name","score","avatar","note") VALUES(2,'bob''s',0.1,NULL,replace('line1\nline2','\n',char(10)));
INSERT INTO "users" ("id","name","score","avatar","note") VALUES(3,'cr',1e-7,X'',replace(replace('a\r\nb','\r',char(13)),'\n',char(10)));