package org.hostingreview.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hostingreview.web.Role;

/** {@code GET /api/v1/audit/verify}: the hash chain's verification as JSON, for monitoring. */
@Path("/api/v1/audit/verify")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditApiResource {

    /**
     * The verification result: {@code ok}, rows {@code checked}, and on failure {@code firstBadSeq} and {@code problem};
     * {@code full} false when the walk started after {@code fromSeq}, the mark an earlier verification left.
     */
    public record Result(boolean ok, long checked, Long firstBadSeq, String problem, Long lastCheckpointSeq,
            long eventsAfterLastCheckpoint, boolean full, long fromSeq) {
    }

    @Inject
    AuditChain chain;

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Walk the audit hash chain and report the first gap, broken link or altered row",
            description = "Walks from the last checkpoint an earlier verification found intact, and checks every checkpoint's "
                    + "signature; full=true walks the whole chain from its first event.")
    public Result verify(@jakarta.ws.rs.QueryParam("full") boolean full) {
        AuditChain.Verification v = chain.verify(full);
        return new Result(v.ok(), v.checked(), v.firstBadSeq(), v.problem(), v.checkpointSeq(), v.eventsAfterLastCheckpoint(),
                v.full(), v.fromSeq());
    }
}
