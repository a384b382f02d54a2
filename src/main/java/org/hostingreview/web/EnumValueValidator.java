package org.hostingreview.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link EnumValue} fields against the constants' names. */
public class EnumValueValidator implements ConstraintValidator<EnumValue, String> {

    private Set<String> names;

    @Override
    public void initialize(EnumValue annotation) {
        names = Arrays.stream(annotation.type().getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return Numbers.isBlank(value) || names.contains(value.strip());
    }
}
