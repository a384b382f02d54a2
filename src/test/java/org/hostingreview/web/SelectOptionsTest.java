package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SelectOptionsTest {

    @Test
    void optionsAreEscapedAsQuteEscapesHtmlAndOnlyTheChosenOneIsSelected() {
        String html = SelectOptions.of(List.of(new SelectOptions.Option("1", "Search & Support", false),
                new SelectOptions.Option("2\"><script>", "<b>Bold</b> 'team'", true))).getValue();

        assertThat(html).isEqualTo("<option value=\"1\">Search &amp; Support</option>"
                + "<option value=\"2&quot;&gt;&lt;script&gt;\" selected>&lt;b&gt;Bold&lt;/b&gt; &#39;team&#39;</option>");
    }

    @Test
    void noOptionsWriteNothing() {
        assertThat(SelectOptions.of(List.of()).getValue()).isEmpty();
    }
}
