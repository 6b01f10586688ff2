PRAGMA defer_foreign_keys=TRUE;
INSERT INTO "users" ("id","name","score","avatar","note") VALUES(1,'ann',1.5,X'00ff10',NULL);
INSERT INTO "users" ("id","name","score","avatar","note") VALUES(2,'bob''s',0.1,NULL,replace('line1\nline2','\n',char(10)));
INSERT INTO "users" ("id","name","score","avatar","note") VALUES(3,'cr',1e-7,X'',replace(replace('a\r\nb','\r',char(13)),'\n',char(10)));
INSERT INTO "quoted table" ("a b","c") VALUES('x',-42);
INSERT INTO "kv" ("k","v") VALUES('a',1);
INSERT INTO "kv" ("k","v") VALUES('b',2);
INSERT INTO "sqlite_sequence" ("name","seq") VALUES('users',3);