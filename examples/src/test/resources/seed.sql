INSERT INTO orders (item) VALUES ('tea');
