package org.hostingreview.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The JVM settings the README recommends are the ones the container and the benchmark run the jar with, and a JVM
 * accepts them: an option this JDK does not know would stop the app from starting at all.
 */
class JvmSettingsTest {

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }

    private static List<String> options(String text) {
        return Arrays.asList(text.trim().split("\\s+"));
    }

    /** The options in the first code span after the README's "JVM settings." paragraph heading. */
    private static List<String> readme() throws IOException {
        String readme = read("README.md");
        int at = readme.indexOf("**JVM settings.**");
        assertThat(at).as("the README's JVM settings paragraph").isGreaterThanOrEqualTo(0);
        Matcher span = Pattern.compile("`(-X[^`]*)`").matcher(readme);
        assertThat(span.find(at)).as("a code span of JVM options in that paragraph").isTrue();
        return options(span.group(1));
    }

    private static List<String> matched(String path, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(read(path));
        assertThat(m.find()).as(regex + " in " + path).isTrue();
        return options(m.group(1));
    }

    @Test
    void theReadmeTheContainerAndTheBenchmarkNameTheSameOptions() throws IOException {
        List<String> recommended = readme();
        assertThat(recommended).contains("-Xmx256m", "-Xmn64m", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000");
        assertThat(matched("bench/run", "java_opts=\\$\\{BENCH_JAVA_OPTS:-([^}]*)}")).containsExactlyElementsOf(recommended);
        // the container adds what only a container needs (exit on OutOfMemoryError, the log manager)
        assertThat(matched("src/main/docker/Dockerfile.jvm", "JAVA_OPTS_APPEND=\"([^\"]*)\"")).containsAll(recommended);
    }

    @Test
    void thisJdkStartsWithThem() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(readme());
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        // and without a warning: a young generation larger than the initial heap, say, is quietly resized
        assertThat(output).doesNotContainIgnoringCase("unrecognized").doesNotContainIgnoringCase("ignoring option")
                .doesNotContain("[warning]");
    }
}
