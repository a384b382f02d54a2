package org.hostingreview.account;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.Role;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * First start: creates {@code admin}; in demo mode also the demo teams and users. Runs under an advisory
 * lock so that several instances starting together on one database create them once.
 */
@ApplicationScoped
public class AccountBootstrap {

    /** The password of every demo account, shown on the login page in demo mode. */
    public static final String DEMO_PASSWORD = "review-demo-1";
    static final String ADMIN_TEAM = "Platform";
    public static final long LOCK_KEY = 0x4852_0001L;
    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);

    /** A demo account as listed on the login page. */
    public record DemoAccount(String username, String displayName, String team, Set<Role> roles) {
        public String getRoleLabels() {
            return String.join(", ", roles.stream().sorted().map(Role::label).toList());
        }
    }

    public static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("priya", "Priya Natarajan", "Document AI", EnumSet.of(Role.PROPOSER)),
            new DemoAccount("omar", "Omar Haddad", "Search & Support", EnumSet.of(Role.PROPOSER)),
            new DemoAccount("rachel", "Rachel Kim", "Document AI", EnumSet.of(Role.REVIEWER)),
            new DemoAccount("victor", "Victor Osei", "Search & Support", EnumSet.of(Role.REVIEWER, Role.PROPOSER)),
            new DemoAccount("dana", "Dana Fischer", ADMIN_TEAM, EnumSet.of(Role.ADMIN, Role.REVIEWER)));

    @Inject
    HostingReviewConfig config;

    @Inject
    AccountService accounts;

    @Inject
    EntityManager em;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        seed();
    }

    @Transactional
    public void seed() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        if (UserAccount.count() == 0) {
            createAdmin();
        }
        if (config.demo()) {
            for (DemoAccount demo : DEMO_ACCOUNTS) {
                if (!UserAccount.usernameTaken(demo.username())) {
                    UserAccount user = accounts.seedUser(demo.username(), demo.displayName(),
                            demo.username() + "@demo.hosting-review.test", teamNamed(demo.team()), demo.roles(), DEMO_PASSWORD);
                    // the demo proposals are dated up to a year back; their reviewers held the role before them
                    em.flush();
                    em.createNativeQuery("update role_grant set granted_at = granted_at - interval '2 years' where user_id = ?1")
                            .setParameter(1, user.id).executeUpdate();
                }
            }
        }
    }

    private void createAdmin() {
        String password = config.adminInitialPassword().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = randomPassword();
        } else if (PasswordPolicy.problem(password, "admin").isPresent()) {
            throw new IllegalStateException("ADMIN_INITIAL_PASSWORD is not acceptable: "
                    + PasswordPolicy.problem(password, "admin").get());
        }
        accounts.seedUser("admin", "Administrator", "admin@localhost", teamNamed(ADMIN_TEAM), EnumSet.of(Role.ADMIN),
                password);
        if (generated) {
            LOG.warnf("Created the first account: username 'admin', password '%s'. This is shown once; "
                    + "sign in and change it under 'My account'.", password);
        } else {
            LOG.info("Created the first account 'admin' with the password from ADMIN_INITIAL_PASSWORD.");
        }
    }

    private Team teamNamed(String name) {
        Team team = Team.findByName(name);
        return team != null ? team : accounts.createTeam(name);
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
