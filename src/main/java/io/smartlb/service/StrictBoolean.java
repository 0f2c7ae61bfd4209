package io.smartlb.service;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads {@code true} or {@code false}, any case; anything else ({@code maybe}, {@code yes}) is an error, not false. */
public final class StrictBoolean implements Converter<Boolean> {

    private static final long serialVersionUID = 1L;

    @Override
    public Boolean convert(String value) {
        String trimmed = value.trim();
        if (trimmed.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (trimmed.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("must be true or false: '" + value + "'");
    }
}
