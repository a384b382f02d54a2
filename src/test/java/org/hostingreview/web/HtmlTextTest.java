package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A value as a page writes it: escaped as Qute escapes HTML, and ASCII. */
class HtmlTextTest {

    @Test
    void htmlsFiveAreEscapedAsQuteEscapesThem() {
        assertThat(HtmlText.escape("<b a=\"x\" c='y'>&</b>")).isEqualTo("&lt;b a=&quot;x&quot; c=&#39;y&#39;&gt;&amp;&lt;/b&gt;");
    }

    @Test
    void whatIsNotAsciiIsWrittenByNameOrNumberAndASurrogatePairAsOneCharacter() {
        assertThat(HtmlText.escape("1 − 0.5 ≤ 2 × 3 — “ok” · Résumé 翻訳 🚀"))
                .isEqualTo("1 &minus; 0.5 &le; 2 &times; 3 &mdash; &ldquo;ok&rdquo; &middot; R&#233;sum&#233; &#32763;&#35379; &#128640;");
        // a lone surrogate (a string cut in half) is written as its own number, not dropped
        assertThat(HtmlText.escape("a\ud83d")).isEqualTo("a&#55357;");
    }

    @Test
    void anAsciiValueIsWrittenAsItIsWithoutACopy() {
        String plain = "Invoice triage #12, $79.9k a month";
        assertThat(HtmlText.escape(plain)).isSameAs(plain);
    }
}
