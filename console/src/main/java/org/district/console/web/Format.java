package org.district.console.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Small helpers the templates use on values. */
@TemplateExtension
public final class Format {

    private Format() {}

    /** The value as one parameter of a query string. */
    public static String url(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An amount in US dollars as people read it, "$1,049.50" (the district's currency, in every language). */
    public static String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat dollars = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        String text = dollars.format(amount.abs().setScale(2, RoundingMode.HALF_UP));
        return (amount.signum() < 0 ? "-$" : "$") + text;
    }
}
