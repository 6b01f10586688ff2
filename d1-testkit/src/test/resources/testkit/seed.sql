INSERT INTO customers (name) VALUES ('Ada'), ('Grace');
INSERT INTO orders (item) VALUES ('tea');
