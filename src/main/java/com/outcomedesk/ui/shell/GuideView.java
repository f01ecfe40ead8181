package com.outcomedesk.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Renders the user guide's Markdown with JavaFX controls: the small subset the guide uses. Headings ({@code #} to
 * {@code ###}), paragraphs, lists ({@code - }), tables ({@code | a | b |}, the second line a separator),
 * pictures on a line of their own ({@code ![caption](file.png)}), and inline {@code **bold**} and
 * {@code `keys`}. Anything else is shown as the plain text it is.
 */
final class GuideView {
    private static final Pattern IMAGE = Pattern.compile("!\\[([^]]*)]\\(([^)]+)\\)");
    private static final Pattern INLINE = Pattern.compile("\\*\\*(.+?)\\*\\*|`(.+?)`");

    private GuideView() {
    }

    /** @param images loads a picture by its file name, or null when there is none */
    static VBox render(String markdown, Function<String, Image> images) {
        VBox page = new VBox(8);
        page.getStyleClass().add("guide-page");
        List<String> paragraph = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                flush(paragraph, page);
            } else if (line.startsWith("#")) {
                flush(paragraph, page);
                int level = Math.min(3, line.indexOf(' ') < 0 ? 1 : line.indexOf(' '));
                Label heading = new Label(line.substring(level).strip());
                heading.getStyleClass().addAll("guide-heading", "guide-h" + level);
                heading.setWrapText(true);
                page.getChildren().add(heading);
            } else if (line.startsWith("- ")) {
                flush(paragraph, page);
                TextFlow item = inline("•  " + line.substring(2));
                item.getStyleClass().add("guide-item");
                page.getChildren().add(item);
            } else if (line.startsWith("|")) {
                flush(paragraph, page);
                List<String> rows = new ArrayList<>();
                while (i < lines.size() && lines.get(i).strip().startsWith("|")) rows.add(lines.get(i++).strip());
                i--;
                page.getChildren().add(table(rows));
            } else if (IMAGE.matcher(line).matches()) {
                flush(paragraph, page);
                Matcher m = IMAGE.matcher(line);
                if (m.matches()) page.getChildren().add(picture(m.group(1), images.apply(m.group(2))));
            } else {
                paragraph.add(line);
            }
        }
        flush(paragraph, page);
        return page;
    }

    private static void flush(List<String> paragraph, VBox page) {
        if (paragraph.isEmpty()) return;
        TextFlow text = inline(String.join(" ", paragraph));
        text.getStyleClass().add("guide-paragraph");
        page.getChildren().add(text);
        paragraph.clear();
    }

    /** Text with {@code **bold**} and {@code `keys`} runs. */
    static TextFlow inline(String text) {
        TextFlow flow = new TextFlow();
        Matcher m = INLINE.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) flow.getChildren().add(run(text.substring(at, m.start()), "guide-text-run"));
            flow.getChildren().add(m.group(1) != null ? run(m.group(1), "guide-bold") : run(m.group(2), "guide-key"));
            at = m.end();
        }
        if (at < text.length()) flow.getChildren().add(run(text.substring(at), "guide-text-run"));
        return flow;
    }

    private static Text run(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add(style);
        return t;
    }

    private static GridPane table(List<String> rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("guide-table");
        int r = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (i == 1 && rows.get(i).matches("\\|[\\s:|-]+\\|?")) continue;
            String[] cells = rows.get(i).replaceAll("^\\||\\|$", "").split("\\|");
            for (int c = 0; c < cells.length; c++) {
                TextFlow cell = inline(cells[c].strip());
                cell.getStyleClass().add(r == 0 ? "guide-table-head" : "guide-table-cell");
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
