-- Migration number: 0002 	 2026-11-25T05:01:00.000Z
CREATE TABLE audit (order_id INTEGER, note TEXT);
CREATE TRIGGER orders_audit AFTER INSERT ON orders BEGIN
  INSERT INTO audit VALUES (new.id, CASE WHEN new.item = 'tea' THEN 'hot; drink' ELSE 'other' END);
END;
