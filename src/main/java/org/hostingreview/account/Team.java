package org.hostingreview.account;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** An engineering team: owns proposals; every user belongs to exactly one. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Team> allByName() {
        return listAll(Sort.by("name"));
    }

    public static Team findByName(String name) {
        return find("name", name).firstResult();
    }
}
