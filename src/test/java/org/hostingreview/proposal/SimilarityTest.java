package org.hostingreview.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimilarityTest {

    @Test
    void sameNameInAnotherSpellingIsClose() {
        assertThat(Similarity.close("Doc classifier", "doc-classifier")).isTrue();
        assertThat(Similarity.close("Document classification", "Document classifcation")).isTrue();
        assertThat(Similarity.close("Résumé parsing", "resume parsing")).isTrue();
        assertThat(Similarity.close("Search autocomplete", "Search autocomplete v2")).isTrue();
    }

    @Test
    void differentFeaturesAreNotClose() {
        assertThat(Similarity.close("Search autocomplete", "Support triage")).isFalse();
        assertThat(Similarity.close("OCR", "ETA")).isFalse();
        assertThat(Similarity.close("", "anything")).isFalse();
    }

    @Test
    void levenshteinDistance() {
        assertThat(Similarity.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Similarity.distance("", "abc")).isEqualTo(3);
    }
}
