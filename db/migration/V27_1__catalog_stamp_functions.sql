-- The two catalog facts that decide whether a stored estimate can be shown as today's (Estimates.fresh), as functions.
-- Inlined, they were five min/max sub-queries that PostgreSQL planned again on every call of a statement it plans per
-- call (a search of the proposals list: about 0.45 of its 0.57 ms at 100x). A PL/pgSQL function keeps its own plan for
-- the session, so such a statement now plans two function calls. STABLE: they read the calling statement's snapshot.

-- The latest day on which a catalog row in force on a day took effect (null with no catalog).
create function catalog_in_force_since(today date) returns date
    language plpgsql stable parallel safe as
$$
begin
    return (select max(d) from (select max(effective_from) d from model_price where effective_from <= today
                                union all select max(effective_from) from gpu_price where effective_from <= today
                                union all select max(effective_from) from serving_throughput where effective_from <= today
                                union all select max(effective_from) from policy_value where effective_from <= today) x);
end
$$;

-- When the latest catalog change was made (its background re-check re-costs what it touches), or null.
create function catalog_last_change() returns timestamptz
    language plpgsql stable parallel safe as
$$
begin
    return (select max(c.requested_at) from catalog_recheck c);
end
$$;
