package org.hostingreview.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hostingreview.web.Role;

/**
 * {@code GET /api/v1/audit/head}: the newest signed checkpoint of the chain, for an external monitor to keep; a later
 * head with a smaller {@code seq}, or a different {@code hash} at the same {@code seq}, means the trail was rewritten.
 */
@Path("/api/v1/audit/head")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditHeadResource {

    /** The signed head: sequence number, the row's hash, the HMAC over both, when it was signed. */
    public record Head(long seq, String hash, String hmac, String signedAt) {
    }

    @Inject
    AuditChain chain;

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "The newest signed checkpoint of the audit chain")
    public Response head() {
        AuditCheckpoint head = chain.head();
        if (head == null) {
            return Response.status(Response.Status.NOT_FOUND).entity(java.util.Map.of("errors",
                    java.util.List.of(java.util.Map.of("field", "head", "message", "nothing was signed yet")))).build();
        }
        return Response.ok(new Head(head.seq, head.hash, head.hmac, String.valueOf(head.createdAt))).build();
    }
}
