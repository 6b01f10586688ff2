-- Migration number: 0001 	 2026-11-25T05:00:00.000Z
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  item TEXT NOT NULL, -- what was ordered; a ';' here must not split
  status TEXT NOT NULL DEFAULT 'new'
);
