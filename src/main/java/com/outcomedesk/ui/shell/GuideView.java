package com.outcomedesk.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Renders the guides' Markdown with JavaFX controls: the subset the guides use. Headings ({@code #} to {@code ###}),
 * paragraphs, lists ({@code - } and {@code 1. }, continued on the lines that follow), tables ({@code | a | b |}, the
 * second line a separator), fenced code blocks, pictures on a line of their own ({@code ![caption](file.png)}), and
 * inline {@code **bold**}, {@code *italics*}, {@code `code`} and {@code [links](target)}. Anything else is shown as
 * the plain text it is.
 */
final class GuideView {
    private static final Pattern IMAGE = Pattern.compile("!\\[([^]]*)]\\(([^)]+)\\)");
    private static final Pattern ITEM = Pattern.compile("(- |\\d+\\. )(.*)");
    private static final Pattern INLINE =
            Pattern.compile("\\*\\*(.+?)\\*\\*|`(.+?)`|\\[([^]]+)]\\(([^)\\s]+)\\)|\\*([^*\\s][^*]*)\\*");
    private static final String FENCE = "```";

    private GuideView() {
    }

    /**
     * @param images loads a picture by its path, or null when there is none
     * @param links  what following a link does, or null when the target cannot be opened here (its text is shown)
     */
    static VBox render(String markdown, Function<String, Image> images, Function<String, Runnable> links) {
        VBox page = new VBox(8);
        page.getStyleClass().add("guide-page");
        Block block = new Block(page, links);
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher item = ITEM.matcher(line);
            if (line.startsWith(FENCE)) {
                block.flush();
                List<String> code = new ArrayList<>();
                while (++i < lines.size() && !lines.get(i).strip().startsWith(FENCE)) code.add(lines.get(i));
                page.getChildren().add(code(String.join("\n", code)));
            } else if (line.isEmpty()) {
                block.flush();
            } else if (line.startsWith("#")) {
                block.flush();
                int level = Math.min(3, line.indexOf(' ') < 0 ? 1 : line.indexOf(' '));
                Label heading = new Label(line.substring(level).strip());
                heading.getStyleClass().addAll("guide-heading", "guide-h" + level);
                heading.setWrapText(true);
                page.getChildren().add(heading);
            } else if (item.matches()) {
                block.flush();
                block.start(item.group(1).equals("- ") ? "•  " : item.group(1).strip() + "  ", item.group(2));
            } else if (line.startsWith("|")) {
                block.flush();
                List<String> rows = new ArrayList<>();
                while (i < lines.size() && lines.get(i).strip().startsWith("|")) rows.add(lines.get(i++).strip());
                i--;
                page.getChildren().add(table(rows, links));
            } else if (IMAGE.matcher(line).matches()) {
                block.flush();
                Matcher m = IMAGE.matcher(line);
                if (m.matches()) page.getChildren().add(picture(m.group(1), images.apply(m.group(2))));
            } else {
                block.add(line);
            }
        }
        block.flush();
        return page;
    }

    /** The paragraph or list item being read: its lines are joined, as Markdown wraps them. */
    private static final class Block {
        private final VBox page;
        private final Function<String, Runnable> links;
        private final List<String> lines = new ArrayList<>();
        private String bullet;

        Block(VBox page, Function<String, Runnable> links) {
            this.page = page;
            this.links = links;
        }

        void start(String bullet, String first) {
            this.bullet = bullet;
            lines.add(first);
        }

        void add(String line) {
            lines.add(line);
        }

        void flush() {
            if (lines.isEmpty()) return;
            String text = String.join(" ", lines);
            TextFlow flow = inline(bullet == null ? text : bullet + text, links);
            flow.getStyleClass().add(bullet == null ? "guide-paragraph" : "guide-item");
            page.getChildren().add(flow);
            lines.clear();
            bullet = null;
        }
    }

    /** Text with {@code **bold**}, {@code *italic*}, {@code `code`} and {@code [link](target)} runs. */
    static TextFlow inline(String text, Function<String, Runnable> links) {
        TextFlow flow = new TextFlow();
        Matcher m = INLINE.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) flow.getChildren().add(run(text.substring(at, m.start()), "guide-text-run"));
            if (m.group(1) != null) flow.getChildren().add(run(m.group(1), "guide-bold"));
            else if (m.group(2) != null) flow.getChildren().add(run(m.group(2), "guide-key"));
            else if (m.group(3) != null) flow.getChildren().add(link(m.group(3), links.apply(m.group(4))));
            else flow.getChildren().add(run(m.group(5), "guide-italic"));
            at = m.end();
        }
        if (at < text.length()) flow.getChildren().add(run(text.substring(at), "guide-text-run"));
        return flow;
    }

    private static Node link(String text, Runnable follow) {
        if (follow == null) return run(text, "guide-text-run");
        Hyperlink link = new Hyperlink(text);
        link.getStyleClass().add("guide-link");
        link.setOnAction(e -> follow.run());
        return link;
    }

    private static Text run(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add(style);
        return t;
    }

    private static TextFlow code(String text) {
        TextFlow flow = new TextFlow(run(text, "guide-code-text"));
        flow.getStyleClass().add("guide-code");
        return flow;
    }

    private static GridPane table(List<String> rows, Function<String, Runnable> links) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("guide-table");
        int r = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (i == 1 && rows.get(i).matches("\\|[\\s:|-]+\\|?")) continue;
            String[] cells = rows.get(i).replaceAll("^\\||\\|$", "").split("\\|");
            for (int c = 0; c < cells.length; c++) {
                TextFlow cell = inline(cells[c].strip(), links);
                cell.getStyleClass().add(r == 0 ? "guide-table-head" : "guide-table-cell");
                // Only the last column wraps: the others (keys, names) keep their words whole beside a long last cell.
                if (c < cells.length - 1) cell.setMinWidth(Region.USE_PREF_SIZE);
                grid.add(cell, c, r);
            }
            r++;
        }
        return grid;
    }

    private static Node picture(String caption, Image image) {
        Label text = new Label(caption);
        text.getStyleClass().add("guide-caption");
        text.setWrapText(true);
        if (image == null) return text;
        ImageView view = new ImageView(image);
        view.setPreserveRatio(true);
        view.setFitWidth(Math.min(640, image.getWidth()));
        view.setAccessibleText(caption);
        VBox box = new VBox(4, view, text);
        box.getStyleClass().add("guide-picture");
        return box;
    }
}
