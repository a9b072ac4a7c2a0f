-- The demo seed writes every timestamp relative to one instant (its --now): open orders due
-- 2-46 hours later, 90 days of history before. Recorded here, `npm start` can move the whole
-- demo forward to the present on each start (prisma/seed/roll-forward.ts), so a week-old demo
-- still has orders due today and full "last 30 days" windows. The row exists only in a
-- database that `npm start` seeded itself: its presence is what marks the data as a demo, and
-- a database without it (production, or data seeded with a pinned --now) is never shifted.
-- One row per database, not per tenant: one seed run writes every demo tenant with one --now.
CREATE TABLE "demo_data_anchor" (
    "singleton" BOOLEAN NOT NULL DEFAULT true,
    "anchored_at" TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "demo_data_anchor_pkey" PRIMARY KEY ("singleton"),
    CONSTRAINT "demo_data_anchor_singleton_check" CHECK ("singleton")
);

-- Only the seed and the start script (owner connections) touch it; the app never does.
REVOKE ALL ON "demo_data_anchor" FROM binwise_app;
