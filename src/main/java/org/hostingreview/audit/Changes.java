package org.hostingreview.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Collects before → after pairs of the fields an edit actually changed. */
public final class Changes {

    private final Map<String, Object> changed = new LinkedHashMap<>();

    public Changes field(String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("from", before);
            pair.put("to", after);
            changed.put(name, pair);
        }
        return this;
    }

    public boolean isEmpty() {
        return changed.isEmpty();
    }

    public Map<String, Object> asMap() {
        return changed;
    }
}
