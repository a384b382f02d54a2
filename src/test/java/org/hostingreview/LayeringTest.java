package org.hostingreview;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package graph stays layered: a package uses its own layer and the layers below it, never one above, and the
 * cost model and the rules stay plain Java. Cross-feature notifications go upward through CDI events instead.
 */
class LayeringTest {

    /** The layers, lowest first; packages in one layer may use each other. */
    static final List<List<String>> LAYERS = List.of(
            List.of("system"),
            List.of("web"),
            List.of("costmodel"),
            List.of("recommendation"),
            List.of("audit"),
            List.of("account"),
            List.of("pricing"),
            List.of("proposal", "evaluation"),
            List.of("review"),
            List.of("revisit"),
            List.of("api", "portfolio"));

    static final String BASE = "org.hostingreview";

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void noPackageUsesALayerAboveIt() {
        for (int layer = 0; layer < LAYERS.size() - 1; layer++) {
            noClasses().that().resideInAnyPackage(packages(LAYERS.get(layer)))
                    .should().dependOnClassesThat().resideInAnyPackage(packages(above(layer)))
                    .because(LAYERS.get(layer) + " sits below " + above(layer) + "; notify upward with a CDI event")
                    .check(MAIN);
        }
    }

    @Test
    void everyPackageHasALayer() {
        List<String> all = LAYERS.stream().flatMap(List::stream).toList();
        classes().should().resideInAnyPackage(packages(all)).because("a new package needs its place in LAYERS").check(MAIN);
    }

    @Test
    void costModelAndRulesArePlainJava() {
        classes().that().resideInAnyPackage(packages(List.of("costmodel", "recommendation")))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", BASE + ".costmodel..", BASE + ".recommendation..")
                .because("the engine is records in, records out, unit-tested without Quarkus, JPA or Jakarta").check(MAIN);
        noClasses().that().resideInAnyPackage(packages(List.of("costmodel", "recommendation")))
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax..", "org.hibernate..")
                .check(MAIN);
    }

    /**
     * The same rule read from the sources, for what bytecode cannot show: an {@code import} of a constant (a role name
     * in {@code @RolesAllowed}) is compiled into the class as its value.
     */
    @Test
    void noSourceFileImportsFromALayerAboveIt() throws IOException {
        Path root = Path.of("src/main/java", BASE.split("\\."));
        Pattern reference = Pattern.compile("\\b" + Pattern.quote(BASE) + "\\.([a-z]+)\\b");
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String own = root.relativize(file).getName(0).toString();
                String text = read(file);
                Matcher m = reference.matcher(text);
                while (m.find()) {
                    if (layerOf(m.group(1)) > layerOf(own)) {
                        upward.add(root.relativize(file) + " -> " + m.group(1));
                    }
                }
            });
        }
        assertThat(upward).as("references to a layer above").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int layerOf(String pkg) {
        return IntStream.range(0, LAYERS.size()).filter(i -> LAYERS.get(i).contains(pkg)).findFirst()
                .orElseThrow(() -> new AssertionError("package " + pkg + " has no layer"));
    }

    private static List<String> above(int layer) {
        return LAYERS.subList(layer + 1, LAYERS.size()).stream().flatMap(List::stream).toList();
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(name -> BASE + "." + name + "..").toArray(String[]::new);
    }
}
