package org.dmflab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link and image of README.md and docs/*.md reaches a file of the checkout, and every anchor
 * ({@code file.md#heading}, {@code #heading}) one of that file's headings, named as GitHub names them. Links inside
 * code (fenced blocks, backtick spans) are text, not links; absolute URLs are not fetched.
 */
class DocsLinksTest {
    /** {@code [text](target)} and {@code ![alt](target)}, the text possibly over several lines, an optional title. */
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    /** A link of one document and what is wrong with it, or null when it is fine. */
    record Checked(String link, String problem) {
    }

    @Test
    void everyRelativeLinkAndAnchorOfTheDocsResolves() throws Exception {
        List<Path> documents = new ArrayList<>(List.of(ProjectFiles.ROOT.resolve("README.md")));
        documents.addAll(ProjectFiles.files(ProjectFiles.DOCS, ".md").stream()
                .filter(p -> p.getParent().equals(ProjectFiles.DOCS)).toList());
        int checked = 0;
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            for (Checked link : check(document)) {
                checked++;
                if (link.problem() != null) {
                    broken.add(ProjectFiles.ROOT.relativize(document) + ": " + link.link() + ": " + link.problem());
                }
            }
        }
        System.out.println("DocsLinksTest: checked " + checked + " relative links and anchors in " + documents.size()
                + " documents");
        assertThat(broken).as("broken links").isEmpty();
        // README links into every docs/ file and the docs link back and to each other: far more than 50.
        assertThat(checked).as("relative links checked").isGreaterThan(50);
    }

    @Test
    void aBrokenFileOrAnchorIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("other.md"), "# Other file\n\n## Section: two (2)\n");
        Files.writeString(dir.resolve("doc.md"), String.join("\n",
                "# Title `code`", "", "## A section", "", "## A section", "",
                "[ok](other.md) [ok](other.md#section-two-2) [ok](#a-section) [ok](#a-section-1) [ok](#title-code)",
                "[missing file](nothing.md) [missing anchor](other.md#nowhere) [missing here](#a-section-2)",
                "[external](https://example.org/x#y) `[in code](nothing.md)`", "```", "[fenced](nothing.md)", "```",
                "![image](other.md)", ""));
        List<Checked> links = check(dir.resolve("doc.md"));
        assertThat(links).extracting(Checked::link).containsExactly("other.md", "other.md#section-two-2",
                "#a-section", "#a-section-1", "#title-code", "nothing.md", "other.md#nowhere", "#a-section-2",
                "other.md");
        assertThat(links).filteredOn(l -> l.problem() != null).extracting(Checked::link)
                .containsExactly("nothing.md", "other.md#nowhere", "#a-section-2");
    }

    /** The relative links of one markdown file, each with its problem or null. */
    static List<Checked> check(Path document) throws Exception {
        String text = withoutCode(Files.readString(document));
        List<Checked> result = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String target = link.group(2);
            if (EXTERNAL.matcher(target).matches()) {
                continue;
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            Path resolved = file.isEmpty() ? document
                    : document.getParent().resolve(java.net.URLDecoder.decode(file, "UTF-8")).normalize();
            String problem = null;
            if (!Files.exists(resolved)) {
                problem = "no file " + resolved;
            } else if (hash >= 0) {
                String anchor = target.substring(hash + 1);
                Set<String> known = anchors.computeIfAbsent(resolved, DocsLinksTest::anchors);
                if (!known.contains(anchor)) {
                    problem = "no heading with anchor #" + anchor + " in " + resolved.getFileName();
                }
            }
            result.add(new Checked(target, problem));
        }
        return result;
    }

    /** The anchors GitHub gives a markdown file's headings (outside fenced code), duplicates numbered -1, -2, … */
    static Set<String> anchors(Path document) {
        Set<String> result = new HashSet<>();
        if (!document.toString().endsWith(".md")) {
            return result;
        }
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : ProjectFiles.read(document).split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (fenced || !heading.matches()) {
                continue;
            }
            String slug = slug(heading.group(1));
            int count = seen.merge(slug, 1, Integer::sum);
            result.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return result;
    }

    /** GitHub's heading anchor: lower case, everything but letters, digits, marks, '_', '-' and spaces dropped. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
    }

    /** The text with fenced code blocks and inline code spans blanked (newlines kept). */
    static String withoutCode(String text) {
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                out.append('\n');
                continue;
            }
            out.append(fenced ? "" : line.replaceAll("`[^`]*`", "``")).append('\n');
        }
        return out.toString();
    }
}
