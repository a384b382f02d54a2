package org.hostingreview.account;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.Flash;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.InvalidInputException;
import org.hostingreview.web.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Admin pages: users and teams. */
@Path("/admin")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class AdminUserResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<UserAccount> users, List<Team> teams, AccountForms.NewTeam teamForm,
                FormErrors teamErrors);

        static native TemplateInstance newUser(AccountForms.NewUser form, List<Team> teams, List<Role> allRoles,
                FormErrors errors);

        static native TemplateInstance confirmDeactivate(UserAccount user);

        static native TemplateInstance editUser(UserAccount user, AccountForms.EditUser form, List<Team> teams,
                List<Role> allRoles, FormErrors errors, String conflict);
    }

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("users")
    public TemplateInstance users() {
        return Templates.users(accounts.users(), accounts.teams(), new AccountForms.NewTeam(""), FormErrors.none());
    }

    @GET
    @Path("users/new")
    public TemplateInstance newUser() {
        return Templates.newUser(AccountForms.NewUser.blank(), accounts.teams(), List.of(Role.values()), FormErrors.none());
    }

    @POST
    @Path("users")
    public Response create(@BeanParam AccountForms.NewUser form) {
        try {
            UserAccount user = accounts.create(form, actor());
            return Flash.redirect("/admin/users", "Created " + user.username + ".");
        } catch (InvalidInputException e) {
            return badRequest(Templates.newUser(form, accounts.teams(), List.of(Role.values()), e.errors()));
        }
    }

    @GET
    @Path("users/{id}")
    public TemplateInstance editUser(@PathParam("id") long id) {
        UserAccount user = accounts.user(id);
        return Templates.editUser(user, AccountForms.EditUser.of(user), accounts.teams(), List.of(Role.values()),
                FormErrors.none(), null);
    }

    @POST
    @Path("users/{id}")
    public Response update(@PathParam("id") long id, @BeanParam AccountForms.EditUser form) {
        try {
            accounts.update(id, form, actor());
            return Flash.redirect("/admin/users", "Saved " + accounts.user(id).username + ".");
        } catch (InvalidInputException e) {
            return badRequest(Templates.editUser(accounts.user(id), form, accounts.teams(), List.of(Role.values()),
                    e.errors(), null));
        } catch (OptimisticLockException e) {
            UserAccount current = accounts.user(id);
            return Response.status(Response.Status.CONFLICT).entity(Templates.editUser(current,
                    new AccountForms.EditUser(form.displayName(), form.email(), form.teamId(), form.roles(),
                            String.valueOf(current.version), form.fromGroups()),
                    accounts.teams(), List.of(Role.values()), FormErrors.none(),
                    "Someone else changed this user since you opened the page. Your input is kept below; "
                            + "saving again will overwrite their change.")).build();
        }
    }

    /** Deactivating ends every session of the user at once: the page asks first. */
    @GET
    @Path("users/{id}/deactivate")
    public TemplateInstance confirmDeactivate(@PathParam("id") long id) {
        return Templates.confirmDeactivate(accounts.user(id));
    }

    @POST
    @Path("users/{id}/deactivate")
    public Response deactivate(@PathParam("id") long id) {
        return setActive(id, false);
    }

    @POST
    @Path("users/{id}/reactivate")
    public Response reactivate(@PathParam("id") long id) {
        return setActive(id, true);
    }

    @POST
    @Path("users/{id}/password")
    public Response resetPassword(@PathParam("id") long id, @BeanParam AccountForms.PasswordReset form) {
        UserAccount user = accounts.user(id);
        try {
            accounts.resetPassword(id, form, actor());
            return Flash.redirect("/admin/users/" + id, "Set a new password for " + user.username + ".");
        } catch (InvalidInputException e) {
            return badRequest(Templates.editUser(user, AccountForms.EditUser.of(user), accounts.teams(),
                    List.of(Role.values()), e.errors(), null));
        }
    }

    @POST
    @Path("teams")
    public Response createTeam(@BeanParam AccountForms.NewTeam form) {
        try {
            Team team = accounts.createTeam(form, actor());
            return Flash.redirect("/admin/users", "Created the team " + team.name + ".");
        } catch (InvalidInputException e) {
            return badRequest(Templates.users(accounts.users(), accounts.teams(), form, e.errors()));
        }
    }

    private Response setActive(long id, boolean active) {
        try {
            accounts.setActive(id, active, actor());
            UserAccount user = accounts.user(id);
            return Flash.redirect("/admin/users",
                    (active ? "Reactivated " : "Deactivated ") + user.username + ".");
        } catch (InvalidInputException e) {
            return Flash.redirect("/admin/users", e.errors().get("active"));
        }
    }

    private String actor() {
        return currentUser.get().username();
    }

    private static Response badRequest(TemplateInstance page) {
        return Response.status(Response.Status.BAD_REQUEST).entity(page).build();
    }
}
