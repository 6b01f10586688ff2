CREATE VIEW open_orders AS SELECT * FROM orders WHERE status = 'new';
