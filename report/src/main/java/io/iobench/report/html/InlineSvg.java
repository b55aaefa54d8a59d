package io.iobench.report.html;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an SVG file into an element that can sit inside HTML beside others: the XML declaration and DOCTYPE go (they
 * are not allowed inside HTML), the fixed width and height go so CSS can scale it by its viewBox, and every id gets a
 * prefix, because VectorGraphics2D names its clip paths by hash and two charts on one page could share one.
 */
final class InlineSvg {

    private static final Pattern PROLOG = Pattern.compile("(?s)^.*?(?=<svg[\\s>])");
    private static final Pattern ROOT = Pattern.compile("<svg[^>]*>");
    private static final Pattern SIZE = Pattern.compile("\\s(width|height|x|y)=\"[^\"]*\"");

    private InlineSvg() {
    }

    static String of(String svg, String idPrefix, String title) {
        String body = PROLOG.matcher(svg).replaceFirst("");
        Matcher root = ROOT.matcher(body);
        if (!root.find()) {
            throw new IllegalArgumentException("not an SVG document");
        }
        String label = " role=\"img\" aria-label=\"" + HtmlFormat.escape(title) + "\">";
        String tag = SIZE.matcher(root.group()).replaceAll("").replaceFirst(">$", Matcher.quoteReplacement(label));
        body = tag + body.substring(root.end());
        return body.replace("id=\"", "id=\"" + idPrefix)
                .replace("url(#", "url(#" + idPrefix)
                .replace("href=\"#", "href=\"#" + idPrefix)
                .strip();
    }
}
