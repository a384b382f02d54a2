package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Results;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.ValueResolver;
import org.junit.jupiter.api.Test;

/**
 * {@link LayoutInclude} renders every template as Qute's own {@code {#include}} does, and a page's content finds its
 * data on the first scope it looks in. Both engines here are plain Qute with the same templates; one has the layout
 * include registered, the other Qute's.
 */
class LayoutIncludeTest {

    private static final Map<String, String> TEMPLATES = Map.of(
            "layout", "<title>{#insert title}none{/}</title>[{#insert whoami}{who ?: 'nobody'}{/insert}]"
                    + "{#if flag??}F{/if}<main>{#insert /}</main>",
            "row", "<li>{x}:{x_index ?: 'no index'}{#insert title}{/}</li>",
            "plain", "{#include layout /}");

    /** Pages, each with the data it is rendered with; the names in them are found, shadowed, missing or null. */
    private static final List<Map.Entry<String, Map<String, Object>>> PAGES = List.of(
            page("{#include layout}{#title}T {x}{/title}{x} {y.size} {missing ?: 'default'} {nothing ?: 'null'}{/include}",
                    Map.of("x", "X", "y", List.of(1, 2), "who", "dana"), "nothing"),
            page("{#include layout}{#for x in y}{x}{x_index}|{who}{/for}{x}{/include}",
                    Map.of("x", "outer", "y", List.of("a", "b"), "who", "dana")),
            page("{#include layout}{#for x in y}{#include row}{#title}t{x}{/title}{/include}{#include row /}{/for}{/include}",
                    Map.of("x", "outer", "y", List.of("a", "b"))),
            page("{#include layout who='guest' flag=true}{#whoami}me:{who}{/whoami}{who}{/include}", Map.of("who", "dana")),
            page("{#include layout}{#let x='inner'}{x}{#include row /}{/let}{x}{/include}", Map.of("x", "outer")),
            page("{#include layout}{#with y}{size}{/with}{data:x}{/include}", Map.of("x", "X", "y", List.of(1, 2, 3))),
            page("{#include plain /}", Map.of("who", "dana")),
            page("{#include layout}{x.missing ?: 'no such property'} {y.get(0)}{/include}", Map.of("x", "X", "y", List.of(7))));

    @Test
    void everyPageRendersAsWithQutesInclude() {
        Engine qute = engine(false, new LongAdder());
        Engine layout = engine(true, new LongAdder());
        for (Map.Entry<String, Map<String, Object>> page : PAGES) {
            String expected = render(qute, page);
            assertThat(render(layout, page)).as(page.getKey()).isEqualTo(expected);
        }
    }

    @Test
    void aPagesContentFindsItsDataWithoutAFullScan() {
        LongAdder quteScans = new LongAdder();
        LongAdder layoutScans = new LongAdder();
        Engine qute = engine(false, quteScans);
        Engine layout = engine(true, layoutScans);
        for (int names : new int[] { 5, 40 }) {
            StringBuilder content = new StringBuilder("{#include layout}{#title}{n0}{/title}{#whoami}{n1}{/whoami}");
            Map<String, Object> data = new LinkedHashMap<>();
            for (int i = 0; i < names; i++) {
                content.append("{n").append(i).append("} ");
                data.put("n" + i, i);
            }
            Map.Entry<String, Map<String, Object>> page = Map.entry(content.append("{/include}").toString(), data);
            render(qute, page);
            render(layout, page);
            quteScans.reset();
            layoutScans.reset();
            String expected = render(qute, page);
            assertThat(render(layout, page)).isEqualTo(expected);
            // Qute's include: each name first looked for in vain on the empty scope, asking every resolver (then on the
            // page's data, asking them in turn up to the one for the data); the layout include: only the layout's own
            // test of a name the page does not set ({#if flag??}), on its scope and on the page's
            assertThat(quteScans.sum()).as("Qute's include, %d names", names).isGreaterThanOrEqualTo(names + 2L);
            assertThat(layoutScans.sum()).as("layout include, %d names", names).isLessThanOrEqualTo(2);
        }
    }

    private static Map.Entry<String, Map<String, Object>> page(String content, Map<String, Object> data, String... nulls) {
        Map<String, Object> all = new LinkedHashMap<>(data);
        for (String name : nulls) {
            all.put(name, null);
        }
        return Map.entry(content, all);
    }

    private static String render(Engine engine, Map.Entry<String, Map<String, Object>> page) {
        TemplateInstance instance = engine.parse(page.getKey()).instance();
        page.getValue().forEach(instance::data);
        return instance.render();
    }

    /** Plain Qute with the templates above; the layout include registered or not; {@code scans} counts full scans. */
    private static Engine engine(boolean layoutInclude, LongAdder scans) {
        EngineBuilder builder = Engine.builder().addDefaults().addValueResolver(new io.quarkus.qute.ReflectionValueResolver())
                .addLocator(id -> Optional.ofNullable(TEMPLATES.get(id))
                        .map(text -> new io.quarkus.qute.TemplateLocator.TemplateLocation() {
                            @Override
                            public java.io.Reader read() {
                                return new java.io.StringReader(text);
                            }

                            @Override
                            public Optional<io.quarkus.qute.Variant> getVariant() {
                                return Optional.empty();
                            }
                        }))
                .addValueResolver(new ValueResolver() {
                    // the lowest priority, never applies: reached once for every scope on which every resolver was asked
                    @Override
                    public int getPriority() {
                        return Integer.MIN_VALUE;
                    }

                    @Override
                    public boolean appliesTo(EvalContext context) {
                        scans.increment();
                        return false;
                    }

                    @Override
                    public CompletionStage<Object> resolve(EvalContext context) {
                        return Results.notFound(context);
                    }
                });
        if (layoutInclude) {
            builder.addSectionHelper(new LayoutInclude.Factory());
        }
        return builder.build();
    }
}
