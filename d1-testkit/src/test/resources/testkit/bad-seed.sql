INSERT INTO customers (name) VALUES ('Ada');

INSERT INTO nope (x) VALUES (1);
