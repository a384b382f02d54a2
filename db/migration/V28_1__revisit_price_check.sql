-- The last completed price check of the revisit sweep (RevisitService.repriceSince): the catalog it was made against (a
-- hash of every catalog row in force that day and of the allowed share) and from when it covered every decision. While
-- the catalog in force stays the same, the next sweep re-checks only the decisions written since then: the same
-- decision against the same prices gives the same answer, and a sweep at 100x re-costed the same 660 decisions on every
-- start-up (2.5 of its 4.9 s) to re-open none of them.
CREATE TABLE revisit_price_check (
    id           smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    prices_stamp text        NOT NULL,
    covers_until timestamptz NOT NULL,
    full_check   boolean     NOT NULL,
    checked      integer     NOT NULL,
    finished_at  timestamptz NOT NULL
);
