CREATE TABLE pets (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL REFERENCES people (id), name TEXT);
INSERT INTO people (name) VALUES ('Bob');
INSERT INTO people (name) VALUES ('Ada');
