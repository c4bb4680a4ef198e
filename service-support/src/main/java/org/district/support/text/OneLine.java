package org.district.support.text;

/**
 * Text that must stay on one line: what a device, a form or a feed sends and a mail header, a labelled line of a
 * message or a log line shows. A control character (a line feed, a carriage return, a tab, an escape) or one of
 * Unicode's line and paragraph separators would start a line of its own, forge a labelled fact or break a header. One of
 * Unicode's explicit direction controls (the embeddings and overrides U+202A to U+202E, the isolates U+2066 to U+2069)
 * would show the rest of the line in another order than it is stored: "LHS-LT-0042" could read as another tag, a site
 * as another site. The marks that only steer neutral characters (U+200E, U+200F) and the joiners that some scripts'
 * names need (U+200C, U+200D) are kept.
 */
public final class OneLine {

    private OneLine() {}

    /** Whether the character would break the line: a control character or a line or paragraph separator. */
    public static boolean breaks(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** Whether the character is an explicit direction control, which would reorder what follows it on the line. */
    public static boolean reorders(int c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean unfit(int c) {
        return breaks(c) || reorders(c);
    }

    /** Whether the text has no character that would break the line or reorder it (null is one line). */
    public static boolean is(String text) {
        return text == null || text.chars().noneMatch(OneLine::unfit);
    }

    /** The text with every character that would break the line or reorder it replaced by a space; null stays null. */
    public static String of(String text) {
        if (is(text)) {
            return text;
        }
        StringBuilder line = new StringBuilder(text.length());
        text.chars().forEach(c -> line.append(unfit(c) ? ' ' : (char) c));
        return line.toString();
    }
}
