package org.hostingreview.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Evaluator;
import io.quarkus.qute.Expression;
import io.quarkus.qute.IncludeSectionHelper;
import io.quarkus.qute.ResolutionContext;
import io.quarkus.qute.ResultNode;
import io.quarkus.qute.Scope;
import io.quarkus.qute.SectionBlock;
import io.quarkus.qute.SectionHelper;
import io.quarkus.qute.SectionHelperFactory;
import io.quarkus.qute.Template;

/**
 * {@code {#include}} as Qute parses and renders it, except for the scope it opens: a page's blocks (its content inside
 * {@code {#include main}}) are looked up in a scope that holds the page's own data, where Qute's include opens one with
 * no data at all. Every name such a block reads ({@code page}, {@code query}, {@code errors}) was therefore looked up
 * in vain before it was found: first on the empty scope, asking the ~190 value resolvers in turn whether they apply
 * (for an expression of a template parsed at run time, all of them), then on the page's data, asking them in turn again
 * (the resolver Qute caches per expression serves only the first scope tried). Those were 24 of the 52 resolver scans a {@code /proposals} page started at 100× (counted by a
 * resolver of the highest priority), 12 of 30 on {@code /account/password}. With the page's data in the opened scope
 * the name is found on the first scope tried, by the cached resolver. What a name resolves to is unchanged: the scope holds the same data its parent does, so a name
 * either scope knows is the same value, and a name neither knows goes on to the parent as before.
 *
 * <p>Parsing is Qute's own {@link IncludeSectionHelper.Factory} (the build-time validation of the templates is too);
 * only the scope handed to the include at render time differs. An include with parameters keeps them as its scope's
 * data, as Qute does.
 */
@ApplicationScoped
public class LayoutInclude {

    void register(@Observes EngineBuilder builder) {
        builder.addSectionHelper(new Factory());
    }

    /** Qute's include factory, every method passed on; the helper it makes renders with {@link SharingScope}. */
    static final class Factory implements SectionHelperFactory<SectionHelper> {

        private final IncludeSectionHelper.Factory include = new IncludeSectionHelper.Factory();

        @Override
        public List<String> getDefaultAliases() {
            return include.getDefaultAliases();
        }

        @Override
        public ParametersInfo getParameters() {
            return include.getParameters();
        }

        @Override
        public List<String> getBlockLabels() {
            return include.getBlockLabels();
        }

        @Override
        public boolean cacheFactoryConfig() {
            return include.cacheFactoryConfig();
        }

        @Override
        public boolean treatUnknownSectionsAsBlocks() {
            return include.treatUnknownSectionsAsBlocks();
        }

        @Override
        public Scope initializeBlock(Scope outerScope, BlockInfo block) {
            return include.initializeBlock(outerScope, block);
        }

        @Override
        public MissingEndTagStrategy missingEndTagStrategy() {
            return include.missingEndTagStrategy();
        }

        @Override
        public SectionHelper initialize(SectionInitContext context) {
            SectionHelper helper = include.initialize(context);
            return resolution -> helper.resolve(new SharingSection(resolution));
        }
    }

    /** The section's resolution as Qute passes it, but its scope is a {@link SharingScope}. */
    private record SharingSection(SectionHelper.SectionResolutionContext section) implements SectionHelper.SectionResolutionContext {

        @Override
        public CompletionStage<Map<String, Object>> evaluate(Map<String, Expression> parameters) {
            return section.evaluate(parameters);
        }

        @Override
        public CompletionStage<Object> evaluate(Expression expression) {
            return section.evaluate(expression);
        }

        @Override
        public ResolutionContext resolutionContext() {
            return new SharingScope(section.resolutionContext());
        }

        @Override
        public ResolutionContext newResolutionContext(Object data, Map<String, SectionBlock> extendingBlocks) {
            return section.newResolutionContext(data, extendingBlocks);
        }

        @Override
        public CompletionStage<ResultNode> execute() {
            return section.execute();
        }

        @Override
        public CompletionStage<ResultNode> execute(ResolutionContext context) {
            return section.execute(context);
        }

        @Override
        public CompletionStage<ResultNode> execute(SectionBlock block, ResolutionContext context) {
            return section.execute(block, context);
        }

        @Override
        public Map<String, Object> getParameters() {
            return section.getParameters();
        }
    }

    /**
     * The scope the include is rendered in, every method passed on, except that a scope it opens without data (an include
     * without parameters) holds this scope's data.
     */
    private record SharingScope(ResolutionContext scope) implements ResolutionContext {

        @Override
        public ResolutionContext createChild(Object data, Map<String, SectionBlock> extendingBlocks) {
            return scope.createChild(data == null ? scope.getData() : data, extendingBlocks);
        }

        @Override
        public CompletionStage<Object> evaluate(String expression) {
            return scope.evaluate(expression);
        }

        @Override
        public CompletionStage<Object> evaluate(Expression expression) {
            return scope.evaluate(expression);
        }

        @Override
        public Object getData() {
            return scope.getData();
        }

        @Override
        public ResolutionContext getParent() {
            return scope.getParent();
        }

        @Override
        public SectionBlock getExtendingBlock(String name) {
            return scope.getExtendingBlock(name);
        }

        @Override
        public SectionBlock getCurrentExtendingBlock(String name) {
            return scope.getCurrentExtendingBlock(name);
        }

        @Override
        public Object getAttribute(String key) {
            return scope.getAttribute(key);
        }

        @Override
        public Template getTemplate() {
            return scope.getTemplate();
        }

        @Override
        public Evaluator getEvaluator() {
            return scope.getEvaluator();
        }
    }
}
