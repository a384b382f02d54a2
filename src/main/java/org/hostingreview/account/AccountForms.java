package org.hostingreview.account;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import org.hostingreview.web.Role;

/** The account forms as posted by the browser; every field arrives as text and is checked here. */
public final class AccountForms {

    private AccountForms() {
    }

    /** Admin: create a user. */
    public record NewUser(
            @RestForm @NotBlank(message = "Enter a username.")
            @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,39}$",
                    message = "2–40 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.")
            String username,
            @RestForm @NotBlank(message = "Enter the person's name.") @Size(max = 120, message = "Use at most 120 characters.")
            String displayName,
            @RestForm @NotBlank(message = "Enter an email address.") @Email(message = "Enter a valid email address.")
            @Size(max = 254, message = "Use at most 254 characters.")
            String email,
            @RestForm @NotBlank(message = "Choose a team.")
            String teamId,
            @RestForm List<String> roles,
            @RestForm String password) {

        static NewUser blank() {
            return new NewUser("", "", "", "", List.of(Role.PROPOSER.name()), "");
        }
    }

    /** Admin: change a user's details. */
    public record EditUser(
            @RestForm @NotBlank(message = "Enter the person's name.") @Size(max = 120, message = "Use at most 120 characters.")
            String displayName,
            @RestForm @NotBlank(message = "Enter an email address.") @Email(message = "Enter a valid email address.")
            @Size(max = 254, message = "Use at most 254 characters.")
            String email,
            @RestForm @NotBlank(message = "Choose a team.")
            String teamId,
            @RestForm List<String> roles,
            @RestForm String version,
            /** A single-sign-on user whose team and roles an admin set: "on" hands them back to the provider's groups. */
            @RestForm String fromGroups) {

        static EditUser of(UserAccount user) {
            return new EditUser(user.displayName, user.email, String.valueOf(user.team.id),
                    user.roles.stream().map(Enum::name).toList(), String.valueOf(user.version), null);
        }

        boolean backToGroups() {
            return "on".equals(fromGroups) || "true".equals(fromGroups);
        }
    }

    /** Admin: set a new password for someone. */
    public record PasswordReset(@RestForm String newPassword) {
    }

    /** Anyone: change their own password. */
    public record PasswordChange(
            @RestForm @NotBlank(message = "Enter your current password.") String currentPassword,
            @RestForm String newPassword,
            @RestForm String confirmPassword) {

        static PasswordChange blank() {
            return new PasswordChange("", "", "");
        }
    }

    /** Admin: create a team. */
    public record NewTeam(
            @RestForm @NotBlank(message = "Enter a team name.") @Size(max = 80, message = "Use at most 80 characters.")
            String name) {
    }
}
