package org.district.agent;

/** Small text helpers shared by the collectors and actions. */
final class Text {

    private Text() {}

    /** Trims {@code value}; null or blank gives null; longer than {@code max} characters is cut (never mid-pair). */
    static String limit(String value, int max) {
        if (value == null) {
            return null;
        }
        String s = stripControl(value).strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > max) {
            int end = max;
            if (Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
            s = s.substring(0, end).strip();
        }
        return s;
    }

    /** Removes control characters (terminal escapes among them) but keeps line breaks and tabs. */
    static String stripControlKeepLines(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || !isControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Removes every control character. */
    static String stripControl(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(cp -> !isControl(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isControl(int cp) {
        boolean bidiControl = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
        return Character.getType(cp) == Character.CONTROL || bidiControl;
    }
}
