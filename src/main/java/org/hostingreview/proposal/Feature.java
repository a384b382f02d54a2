package org.hostingreview.proposal;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hostingreview.account.Team;
import org.hostingreview.account.UserAccount;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One feature of a team's product; its proposals over time hang off it. */
@Entity
@Table(name = "feature")
public class Feature extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @Column(nullable = false)
    public String name;

    public String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    public UserAccount createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * The team's features that a proposal uses: a feature named for a draft that then chose another feature
     * does not linger in the choices, nor does one with a blank name.
     */
    public static List<Feature> ofTeam(long teamId) {
        return list("from Feature f where f.team.id = ?1 and trim(f.name) <> '' "
                + "and exists (select 1 from Proposal p where p.feature = f) order by lower(f.name)", teamId);
    }

    public static Feature named(long teamId, String name) {
        return find("team.id = ?1 and lower(name) = lower(?2)", teamId, name.strip()).firstResult();
    }
}
