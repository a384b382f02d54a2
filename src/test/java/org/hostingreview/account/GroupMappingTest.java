package org.hostingreview.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hostingreview.web.Role;
import org.junit.jupiter.api.Test;

/** The README's groups table as a setting: which team and roles a person's groups at the identity provider give. */
class GroupMappingTest {

    static final String README_EXAMPLE = "document-ai=team:Document AI; search-support=team:Search & Support; "
            + "reviewers=role:REVIEWER; platform-admins=team:Platform,role:ADMIN,role:REVIEWER";

    @Test
    void aTeamGroupAndARoleGroupGiveThatTeamAndRole() {
        GroupMapping.Mapped mapped = GroupMapping.parse(README_EXAMPLE).map(List.of("document-ai", "reviewers"));
        assertThat(mapped.team()).contains("Document AI");
        assertThat(mapped.roles()).containsExactly(Role.REVIEWER);
    }

    @Test
    void aTeamWithoutARoleGroupMakesAProposer() {
        GroupMapping.Mapped mapped = GroupMapping.parse(README_EXAMPLE).map(List.of("search-support", "unrelated"));
        assertThat(mapped.team()).contains("Search & Support");
        assertThat(mapped.roles()).containsExactly(Role.PROPOSER);
    }

    @Test
    void theFirstTeamInTheSettingsOrderWinsAndRolesAddUp() {
        GroupMapping.Mapped mapped = GroupMapping.parse(README_EXAMPLE).map(List.of("platform-admins", "document-ai"));
        assertThat(mapped.team()).contains("Document AI");
        assertThat(mapped.roles()).isEqualTo(Set.of(Role.ADMIN, Role.REVIEWER));
    }

    @Test
    void keycloakFullPathsMatchTooAndUnmappedGroupsGiveNoTeam() {
        GroupMapping mapping = GroupMapping.parse(README_EXAMPLE);
        assertThat(mapping.map(List.of("/document-ai")).team()).contains("Document AI");
        assertThat(mapping.map(List.of("reviewers", "someone-else")).team()).isEqualTo(Optional.empty());
        assertThat(GroupMapping.parse("").map(List.of("document-ai")).team()).isEmpty();
    }

    @Test
    void aMalformedSettingNamesTheEntry() {
        assertThatThrownBy(() -> GroupMapping.parse("reviewers=role:BOSS")).hasMessageContaining("\"BOSS\" is not a role");
        assertThatThrownBy(() -> GroupMapping.parse("reviewers")).hasMessageContaining("\"reviewers\"");
        assertThatThrownBy(() -> GroupMapping.parse("x=team:A,team:B")).hasMessageContaining("two teams");
        assertThatThrownBy(() -> GroupMapping.parse("x=owner:A")).hasMessageContaining("neither team:<name> nor role:<role>");
    }

    @Test
    void usernamesFromTheProviderFitOurs() {
        assertThat(SingleSignOn.usernameFrom("Rachel.Green@Example.com", "s1")).isEqualTo("rachel.green");
        assertThat(SingleSignOn.usernameFrom("Anna Maria", "s1")).isEqualTo("anna-maria");
        assertThat(SingleSignOn.usernameFrom(null, "f81d4fae")).isEqualTo("sso-f81d4fae");
        assertThat(SingleSignOn.usernameFrom("x", "s1")).isEqualTo("sso-x");
    }
}
