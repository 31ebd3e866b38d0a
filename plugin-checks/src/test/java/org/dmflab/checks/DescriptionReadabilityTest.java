package org.dmflab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Each node description reads as knime-base's do for a KNIME user who does not program: about as long as theirs,
 * opening with plain sentences (what the node is for, what to connect, what comes out) before any formula, without
 * command-line remarks or references the user cannot open, and with a link to the paper the nodes implement.
 */
class DescriptionReadabilityTest {
    /**
     * Words a user reads (short and full description, ports, views). knime-base's k-Means has about 330 for five
     * options; ours have up to fourteen, each stating the dialog's choices or kinds, range, default and key (about 25
     * words an option), so a bit more is fine, but not the 600–1 113 words of formulas and references they had.
     */
    static final int MAX_WORDS = 575;
    /** The paper: Chou, Gieshoff, Maly, Rauhut, its abstract matching ../shared/paper word for word. */
    static final String PAPER = "https://arxiv.org/abs/2011.13772";
    /** Symbols that make a sentence a formula. */
    private static final Pattern FORMULA = Pattern.compile("[=‖ΦλσηαβετΣ∑⟨⟩√·≤≥]");
    /** What only the command line's users know or only the project's sources show. */
    private static final Pattern UNREACHABLE = Pattern.compile(
            "(?i)command line|\\bCLI\\b|dmflab (generate|train|track|predict)|--[a-z]|theory\\.md|design\\.md|§"
                    + "|\\(\\d+′\\)|′|Lemma|Theorem|Remark \\d");

    static Stream<Path> descriptions() {
        return NodeDescriptionsTest.descriptions();
    }

    @ParameterizedTest
    @MethodSource("descriptions")
    void isAboutAsLongAsKnimeBasesDescriptions(Path description) {
        assertThat(words(readText(description))).as(description.getFileName() + ": words a user reads")
                .isBetween(100, MAX_WORDS);
    }

    @ParameterizedTest
    @MethodSource("descriptions")
    void opensWithPlainSentencesSayingWhatToConnectAndWhatComesOut(Path description) {
        Element intro = (Element) ProjectFiles.xml(description).getElementsByTagNameNS("*", "intro").item(0);
        Element first = (Element) intro.getElementsByTagNameNS("*", "p").item(0);
        assertThat(first).as(description.getFileName() + ": the intro starts with a paragraph").isNotNull();
        String text = normalized(first.getTextContent());
        assertThat(FORMULA.matcher(text).find()).as("%s: no formula in the first paragraph: %s",
                description.getFileName(), text).isFalse();
        assertThat(first.getElementsByTagNameNS("*", "sub").getLength()
                + first.getElementsByTagNameNS("*", "sup").getLength()).as(description.getFileName()
                + ": no indices or powers in the first paragraph").isZero();
        assertThat(text.split("(?<=[.!?])\\s+")).as(description.getFileName() + ": two to four sentences")
                .hasSizeBetween(2, 4);
        assertThat(text).as(description.getFileName() + ": says what to connect and what comes out")
                .containsIgnoringCase("connect").containsIgnoringCase("out come");
    }

    @ParameterizedTest
    @MethodSource("descriptions")
    void hasNoCommandLineRemarksNorReferencesAUserCannotOpen(Path description) {
        Matcher found = UNREACHABLE.matcher(readText(description));
        List<String> hits = new ArrayList<>();
        while (found.find()) {
            hits.add(found.group());
        }
        assertThat(hits).as(description.getFileName() + ": command-line remarks or unreachable references").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("descriptions")
    void linksThePaper(Path description) {
        NodeList links = ProjectFiles.xml(description).getElementsByTagNameNS("*", "link");
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < links.getLength(); i++) {
            targets.add(((Element) links.item(i)).getAttribute("href"));
        }
        assertThat(targets).as(description.getFileName() + ": 'More information' links").contains(PAPER);
    }

    @ParameterizedTest
    @MethodSource("descriptions")
    void shortDescriptionIsPlainText(Path description) {
        String text = ProjectFiles.xml(description).getElementsByTagNameNS("*", "shortDescription").item(0)
                .getTextContent();
        assertThat(text).as(description.getFileName() + ": short description (KNIME shows it as plain text)")
                .doesNotContain("_").doesNotContain("<");
    }

    /** The checks see what they are meant to: a description of the old kind fails each of them. */
    @Test
    void theChecksRecognizeTheOldKindOfDescription() {
        String old = "For a symmetric target Φ and the training settings the node computes the uniform bound (10′) of "
                + "docs/theory.md §3; the command line dmflab predict takes the same keys.";
        assertThat(FORMULA.matcher(old).find()).isTrue();
        Matcher unreachable = UNREACHABLE.matcher(old);
        int hits = 0;
        while (unreachable.find()) {
            hits++;
        }
        assertThat(hits).as("(10′), ′, theory.md, §, command line, dmflab predict").isGreaterThanOrEqualTo(5);
        assertThat(words("one two  three\nfour")).isEqualTo(4);
    }

    /** The text a user reads in the description panel: everything but the keywords (which KNIME uses for search). */
    static String readText(Path description) {
        Document document = ProjectFiles.xml(description);
        StringBuilder text = new StringBuilder();
        for (String part : List.of("shortDescription", "fullDescription", "ports", "views")) {
            NodeList elements = document.getElementsByTagNameNS("*", part);
            for (int i = 0; i < elements.getLength(); i++) {
                Node element = elements.item(i);
                text.append(' ').append(element.getTextContent());
            }
        }
        return normalized(text.toString());
    }

    static int words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
