package org.hostingreview.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hostingreview.costmodel.Param;
import org.hostingreview.web.Dates;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.Numbers;

/**
 * A what-if scenario as it arrives in a query string: another volume ({@code requests} a month), another "as
 * of" day ({@code asOf}), and any {@link Param} by its key. Blank fields change nothing; each bad field is a
 * message next to it.
 */
public record WhatIf(Long requests, LocalDate asOf, Map<Param, Double> overrides, Map<String, String> raw, FormErrors errors) {

    static final long MAX_REQUESTS = 1_000_000_000_000L;

    public static WhatIf none() {
        return new WhatIf(null, null, Map.of(), Map.of(), FormErrors.none());
    }

    public static WhatIf parse(Map<String, List<String>> query, LocalDate today) {
        FormErrors errors = FormErrors.none();
        Map<String, String> raw = new LinkedHashMap<>();
        Long requests = null;
        String requestsText = first(query, "requests");
        if (!Numbers.isBlank(requestsText)) {
            raw.put("requests", requestsText);
            Optional<BigDecimal> parsed = Numbers.parse(requestsText);
            if (parsed.isEmpty() || parsed.get().stripTrailingZeros().scale() > 0 || parsed.get().signum() <= 0
                    || parsed.get().compareTo(BigDecimal.valueOf(MAX_REQUESTS)) > 0) {
                errors.add("requests", "Enter whole requests per month from 1 to 1,000,000,000,000.");
            } else {
                requests = parsed.get().longValueExact();
            }
        }
        LocalDate asOf = null;
        String asOfText = first(query, "asOf");
        if (!Numbers.isBlank(asOfText)) {
            raw.put("asOf", asOfText);
            asOf = Dates.parse("asOf", asOfText, Dates.EARLIEST, Dates.Latest.aYearFrom(today), errors);
            if (errors.has("asOf")) {
                asOf = null;
            }
        }
        Map<Param, Double> overrides = new EnumMap<>(Param.class);
        for (Param param : Param.values()) {
            String text = first(query, param.key());
            if (Numbers.isBlank(text)) {
                continue;
            }
            raw.put(param.key(), text);
            Optional<BigDecimal> value = Numbers.parse(text);
            if (value.isEmpty()) {
                errors.add(param.key(), "Enter a number.");
            } else if (!param.check(value.get().doubleValue())) {
                errors.add(param.key(), String.format("Enter %s from %s to %s.", param.whole() ? "a whole number" : "a number",
                        Numbers.grouped(param.min(), 4), Numbers.grouped(param.max(), 4)));
            } else {
                overrides.put(param, value.get().doubleValue());
            }
        }
        return new WhatIf(requests, asOf, overrides, raw, errors);
    }

    public boolean active() {
        return requests != null || asOf != null || !overrides.isEmpty();
    }

    public String value(String key) {
        return raw.getOrDefault(key, "");
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The overrides as the proposal stores them (parameter key → value). */
    public Map<String, Double> asStored() {
        Map<String, Double> stored = new LinkedHashMap<>();
        overrides.forEach((param, value) -> stored.put(param.key(), value));
        return stored;
    }

    /** The fields as entered, for the hidden inputs of the "save these assumptions" form. */
    public List<Map.Entry<String, String>> entries() {
        return List.copyOf(raw.entrySet());
    }
}
