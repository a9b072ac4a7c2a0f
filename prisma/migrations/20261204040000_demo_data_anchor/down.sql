-- Reverts 20261204040000_demo_data_anchor. Without the anchor `npm start` no longer rolls the
-- demo forward; the demo data itself is left as it is.
DROP TABLE IF EXISTS "demo_data_anchor";
