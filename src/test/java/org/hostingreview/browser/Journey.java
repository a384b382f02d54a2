package org.hostingreview.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A browser journey, run once on a desktop window and once on a phone's width; the method takes the width in
 * CSS pixels and starts with {@link BrowserTest#atWidth(int)}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "at {0} px")
@ValueSource(ints = { BrowserTest.DESKTOP, BrowserTest.PHONE })
public @interface Journey {
}
