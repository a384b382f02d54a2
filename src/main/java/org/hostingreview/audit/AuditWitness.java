package org.hostingreview.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hostingreview.system.HostingReviewConfig;
import org.jboss.logging.Logger;

/**
 * The witness outside the database: every signed checkpoint is appended, once its transaction has committed, to a
 * JSON-lines file (and written to the log), so that someone who can rewrite the database (delete the tail and every
 * checkpoint row) still leaves a signed head behind that verification compares with the chain.
 */
@ApplicationScoped
public class AuditWitness {

    private static final Logger LOG = Logger.getLogger(AuditWitness.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One witnessed checkpoint. */
    public record Line(long seq, String hash, String hmac, String at) {
    }

    @Inject
    HostingReviewConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    Path file() {
        return config.audit().witnessFile().filter(f -> !f.isBlank()).map(Path::of)
                .orElse(Path.of(config.dataDir()).resolve("audit-witness.jsonl"));
    }

    /** Witnesses the checkpoint when the current transaction commits (never for a rolled-back one). */
    void afterCommit(AuditCheckpoint checkpoint) {
        Line line = new Line(checkpoint.seq, checkpoint.hash, checkpoint.hmac, String.valueOf(checkpoint.createdAt));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    append(line);
                }
            }
        });
    }

    synchronized void append(Line line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", line.seq());
        json.put("hash", line.hash());
        json.put("hmac", line.hmac());
        json.put("at", line.at());
        try {
            String text = JSON.writeValueAsString(json);
            LOG.infof("audit checkpoint %s", text);
            Path file = file();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.errorf("Could not append the audit checkpoint at %d to the witness %s: %s", line.seq(), file(), e.getMessage());
        }
    }

    /** Every witnessed checkpoint; a line that cannot be read is reported as a checkpoint with no valid signature. */
    public synchronized List<Line> lines() {
        Path file = file();
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        try {
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (text.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(text);
                    lines.add(new Line(node.path("seq").asLong(), node.path("hash").asText(""), node.path("hmac").asText(""),
                            node.path("at").asText("")));
                } catch (IOException e) {
                    lines.add(new Line(0, "", "unreadable", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit witness " + file, e);
        }
        return lines;
    }
}
