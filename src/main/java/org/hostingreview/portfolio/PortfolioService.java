package org.hostingreview.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.system.Rows;
import org.hostingreview.web.SignedInUser;

/**
 * The hybrid pattern at a glance: every active feature (its latest proposal that has not ended), grouped by the tier
 * recommended for it (and showing the tier approved for it, once a review decided), with what it costs today against
 * what it would cost there. Read from the stored estimates ({@code proposal_estimate}, see
 * {@link org.hostingreview.proposal.Estimates}): the totals per tier are sums of the per-team totals the database
 * keeps, and each tier lists its features a page at a time (keyset), those that would move first, biggest saving first.
 * One query whatever the number of features.
 */
@ApplicationScoped
public class PortfolioService {

    /** Features listed on a page of one tier's filed or draft features (the "more" links). */
    public static final int PAGE = 25;
    /**
     * Features listed per tier and state on the whole portfolio: the first ten of each list (those that would move first,
     * biggest saving first), as the dashboard's lists do, each with a link to the rest; six lists of 25 made the
     * overview 150 rows long at scale, and rendering them was most of its cost.
     */
    public static final int OVERVIEW = 10;

    @Inject
    Rows plain;

    /** One feature in the portfolio. */
    public record Entry(long proposalId, String feature, String team, String title, ProposalStatus status, Tier today,
            Tier recommended, Tier approved, double spendToday, double underRecommendation, boolean moves) {

        public double change() {
            return underRecommendation - spendToday;
        }
    }

    /**
     * One page of a tier's filed or draft features, with the cursor of the next page (null on the last).
     */
    public record Listing(List<Entry> entries, String next) {

        static final Listing NONE = new Listing(List.of(), null);

        public boolean empty() {
            return entries.isEmpty();
        }
    }

    /** The features recommended for one tier, with totals. */
    public record Group(Tier tier, long filedCount, long draftCount, double spendToday, double underRecommendation,
            Listing filed, Listing drafts) {

        public boolean empty() {
            return filedCount + draftCount == 0;
        }
    }

    /** The whole portfolio, or one page of one tier's list ({@code pageOf} not null). */
    public record Portfolio(List<Group> groups, double spendToday, double underRecommendation, long moving, long features,
            Page pageOf) {

        /** Under the recommendations minus today: negative is a saving, positive an extra cost. */
        public double difference() {
            return underRecommendation - spendToday;
        }

        /** The saving a month under the recommendations; 0 when they cost more. */
        public double saving() {
            return Math.max(0, -difference());
        }
    }

    /** Which list a later page belongs to, and where it starts. */
    public record Page(Tier tier, boolean drafts, Cursor after) {
    }

    /** A position in a list: (stays, change, id), the order of the lists. */
    public record Cursor(boolean stays, BigDecimal change, long id) {

        String text() {
            return (stays ? "s" : "m") + "_" + change.toPlainString() + "_" + id;
        }

        /** The cursor a page link carries; null when it is not one. */
        static Cursor parse(String text) {
            if (text == null) {
                return null;
            }
            String[] parts = text.split("_");
            if (parts.length != 3 || !(parts[0].equals("s") || parts[0].equals("m"))) {
                return null;
            }
            try {
                return new Cursor(parts[0].equals("s"), new BigDecimal(parts[1]), Long.parseLong(parts[2]));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** The page of one list that a link names, or null for the whole portfolio. */
    public static Page page(String tier, String drafts, String after) {
        Cursor cursor = Cursor.parse(after);
        if (tier == null || cursor == null) {
            return null;
        }
        try {
            return new Page(Tier.valueOf(tier), "true".equals(drafts), cursor);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Portfolio portfolio(SignedInUser me, Long teamFilter, Page page) {
        Long team = me.seesAllTeams() ? teamFilter : Long.valueOf(me.teamId());
        Map<Tier, long[]> counts = new EnumMap<>(Tier.class);
        Map<Tier, double[]> sums = new EnumMap<>(Tier.class);
        long[] moving = { 0 };
        Map<String, Listing> lists = read(team, page, (tier, draft, features, movers, spend, under) -> {
            counts.computeIfAbsent(tier, t -> new long[2])[draft ? 1 : 0] += features;
            double[] s = sums.computeIfAbsent(tier, t -> new double[2]);
            s[0] += spend;
            s[1] += under;
            moving[0] += movers;
        });
        List<Group> groups = new ArrayList<>();
        double spendToday = 0;
        double under = 0;
        long features = 0;
        for (Tier tier : Tier.values()) {
            long[] c = counts.getOrDefault(tier, new long[2]);
            double[] s = sums.getOrDefault(tier, new double[2]);
            if (page == null || page.tier() == tier) {
                groups.add(new Group(tier, c[0], c[1], s[0], s[1], lists.getOrDefault(key(tier, false), Listing.NONE),
                        lists.getOrDefault(key(tier, true), Listing.NONE)));
            }
            spendToday += s[0];
            under += s[1];
            features += c[0] + c[1];
        }
        return new Portfolio(groups, spendToday, under, moving[0], features, page);
    }

    /** Hears one row of the totals: a tier's filed or draft features of the teams asked for. */
    private interface Totals {
        void add(Tier tier, boolean draft, long features, long moving, double spend, double under);
    }

    private static String key(Tier tier, boolean drafts) {
        return tier.name() + (drafts ? ":drafts" : ":filed");
    }

    /**
     * The totals (summed from the per-team totals the database keeps) and the first page of every list, or the page asked
     * for: one statement, one index range per list.
     */
    private Map<String, Listing> read(Long team, Page page, Totals totals) {
        int size = page == null ? OVERVIEW : PAGE;
        StringBuilder lists = new StringBuilder();
        if (page != null) {
            lists.append("('").append(page.tier().name()).append("', ").append(page.drafts()).append(")");
        } else {
            for (Tier tier : Tier.values()) {
                for (boolean drafts : new boolean[] { false, true }) {
                    lists.append(lists.isEmpty() ? "" : ", ").append("('").append(tier.name()).append("', ").append(drafts).append(")");
                }
            }
        }
        // the cursor's parameters follow the team's, numbered from 1 without one (a reviewer of every team paging on)
        int after = team != null ? 2 : 1;
        String sql = "select 'T' as kind, tier, draft, sum(features) as n1, sum(moving) as n2, "
                + "sum(spend_today_usd) as a, sum(under_recommendation_usd) as b, null as c, null as today_tier, null as title, "
                + "null as status, null as decided_tier, null as feature, null as team from portfolio_total"
                + (team != null ? " where team_id = ?1" : "") + " group by tier, draft "
                + "union all select 'L', g.tier, g.draft, x.proposal_id, case when x.stays then 1 else 0 end, x.spend_today_usd, "
                + "x.under_recommendation_usd, x.change_usd, x.today_tier, p.title, p.status, p.decided_tier, f.name, t.name "
                + "from (values " + lists + ") as g(tier, draft) cross join lateral (select e.proposal_id, e.stays, e.change_usd, "
                + "e.today_tier, e.spend_today_usd, e.under_recommendation_usd from proposal_estimate e where e.in_portfolio "
                + "and e.recommended_tier = g.tier and e.draft = g.draft" + (team != null ? " and e.team_id = ?1" : "")
                + (page != null ? " and (e.stays, e.change_usd, e.proposal_id) > (?" + after + ", ?" + (after + 1) + ", ?" + (after + 2) + ")"
                        : "")
                + " order by e.stays, e.change_usd, e.proposal_id limit " + (size + 1) + ") x "
                + "join proposal p on p.id = x.proposal_id join feature f on f.id = p.feature_id join team t on t.id = p.team_id "
                + "order by 1, 2, 3, 5, 8, 4";
        List<Object> params = new ArrayList<>();
        if (team != null) {
            params.add(team);
        }
        if (page != null) {
            params.add(page.after().stays());
            params.add(page.after().change());
            params.add(page.after().id());
        }
        Map<String, List<Entry>> entries = new java.util.HashMap<>();
        Map<String, Cursor> last = new java.util.HashMap<>();
        Map<String, Boolean> more = new java.util.HashMap<>();
        // plain JDBC (Rows), as the proposals list reads its rows
        for (Object[] r : plain.read(sql, params)) {
            Tier tier = Tier.valueOf((String) r[1]);
            if ("T".equals(r[0])) {
                totals.add(tier, (Boolean) r[2], ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                        ((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue());
                continue;
            }
            String key = key(tier, (Boolean) r[2]);
            List<Entry> list = entries.computeIfAbsent(key, k -> new ArrayList<>());
            if (list.size() == size) {
                more.put(key, true);
                continue;
            }
            long id = ((Number) r[3]).longValue();
            boolean stays = ((Number) r[4]).intValue() == 1;
            list.add(new Entry(id, (String) r[12], (String) r[13], (String) r[9], ProposalStatus.valueOf((String) r[10]),
                    Tier.valueOf((String) r[8]), tier, r[11] == null ? null : Tier.valueOf((String) r[11]),
                    ((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue(), !stays));
            last.put(key, new Cursor(stays, (BigDecimal) r[7], id));
        }
        Map<String, Listing> listings = new java.util.HashMap<>();
        entries.forEach((key, list) -> listings.put(key, new Listing(list,
                Boolean.TRUE.equals(more.get(key)) ? last.get(key).text() : null)));
        return listings;
    }
}
