CREATE TABLE pets (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL REFERENCES people (id), name TEXT);
INSERT INTO pets (owner, name) VALUES (1, 'Rex');
