package org.district.support.text;

/**
 * Text that must stay on one line: what a device, a form or a feed sends and a mail header, a labelled line of a
 * message or a log line shows. A control character (a line feed, a carriage return, a tab, an escape) or one of
 * Unicode's line and paragraph separators would start a line of its own, forge a labelled fact or break a header.
 */
public final class OneLine {

    private OneLine() {}

    /** Whether the character would break the line. */
    public static boolean breaks(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** Whether the text has no character that would break the line (null is one line). */
    public static boolean is(String text) {
        return text == null || text.chars().noneMatch(OneLine::breaks);
    }

    /** The text with every character that would break the line replaced by a space; null stays null. */
    public static String of(String text) {
        if (is(text)) {
            return text;
        }
        StringBuilder line = new StringBuilder(text.length());
        text.chars().forEach(c -> line.append(breaks(c) ? ' ' : (char) c));
        return line.toString();
    }
}
