package org.hostingreview.proposal;

import java.text.Normalizer;
import java.util.Locale;

/** Whether two feature names are close enough that the second is probably a duplicate of the first. */
final class Similarity {

    private Similarity() {
    }

    static boolean close(String a, String b) {
        String x = normalize(a);
        String y = normalize(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y)) {
            return true;
        }
        if (Math.min(x.length(), y.length()) >= 5 && (x.contains(y) || y.contains(x))) {
            return true;
        }
        int allowed = Math.max(1, Math.max(x.length(), y.length()) / 5);
        return Math.abs(x.length() - y.length()) <= allowed && distance(x, y) <= allowed;
    }

    /** Lower case, accents dropped, only letters and digits: "Doc-Classifier (v2)" → "docclassifierv2". */
    static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
