package com.outcomedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.testing.NeedsFxToolkit;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The guides' Markdown subset renders as formatted controls, and the bundled guides describe the app. */
@NeedsFxToolkit
@ExtendWith(ApplicationExtension.class)
class GuideViewTest {
    static {
        System.setProperty("testfx.setup.timeout", "120000");
    }

    @Start
    void start(Stage stage) {
    }

    @Test
    void headingsParagraphsListsTablesAndPictures() {
        VBox page = GuideView.render("""
                # Title
                ## Part

                A **bold** word and a `Ctrl+Q` key,
                on two lines.

                - first
                - second

                | Keys | What |
                | --- | --- |
                | `F1` | the guide |

                ![A picture](images/models.png)
                ![Missing](none.png)
                """, HelpWindows::picture, target -> null);
        List<Node> nodes = page.getChildren();
        assertThat(nodes).hasSize(8);
        assertThat(((Label) nodes.get(0)).getText()).isEqualTo("Title");
        assertThat(nodes.get(0).getStyleClass()).contains("guide-h1");
        assertThat(nodes.get(1).getStyleClass()).contains("guide-h2");
        TextFlow paragraph = (TextFlow) nodes.get(2);
        assertThat(texts(paragraph)).containsExactly("A ", "bold", " word and a ", "Ctrl+Q", " key, on two lines.");
        assertThat(paragraph.getChildren().get(1).getStyleClass()).contains("guide-bold");
        assertThat(paragraph.getChildren().get(3).getStyleClass()).contains("guide-key");
        assertThat(texts((TextFlow) nodes.get(3))).containsExactly("•  first");
        GridPane table = (GridPane) nodes.get(5);
        assertThat(table.getChildren()).hasSize(4).allMatch(n -> n instanceof TextFlow);
        assertThat(texts((TextFlow) table.getChildren().get(2))).containsExactly("F1");
        VBox picture = (VBox) nodes.get(6);
        assertThat(((ImageView) picture.getChildren().get(0)).getImage().isError()).isFalse();
        assertThat(((Label) picture.getChildren().get(1)).getText()).isEqualTo("A picture");
        assertThat(((Label) nodes.get(7)).getText()).as("a missing picture leaves its caption").isEqualTo("Missing");
    }

    @Test
    void listItemsGoOnOverTheirLinesAndCodeBlocksKeepTheirs() {
        VBox page = GuideView.render("""
                - an item that
                  wraps onto a second line
                1. a numbered
                   step
                2. another

                ```bash
                outcome-desk status
                outcome-desk monitor --alerts
                ```
                after *the* block
                """, HelpWindows::picture, target -> null);
        List<Node> nodes = page.getChildren();
        assertThat(nodes).hasSize(5);
        assertThat(texts((TextFlow) nodes.get(0))).containsExactly("•  an item that wraps onto a second line");
        assertThat(texts((TextFlow) nodes.get(1))).containsExactly("1.  a numbered step");
        assertThat(nodes.get(2).getStyleClass()).contains("guide-item");
        assertThat(nodes.get(3).getStyleClass()).contains("guide-code");
        assertThat(texts((TextFlow) nodes.get(3))).containsExactly("outcome-desk status\noutcome-desk monitor --alerts");
        TextFlow after = (TextFlow) nodes.get(4);
        assertThat(texts(after)).containsExactly("after ", "the", " block");
        assertThat(after.getChildren().get(1).getStyleClass()).contains("guide-italic");
    }

    @Test
    void aTablesLastColumnWrapsWhileTheOthersKeepTheirWordsWhole() {
        VBox page = GuideView.render("""
                | role | may |
                | --- | --- |
                | administrator | %s |
                """.formatted("also users, settings, outcome mapping, training and activation ".repeat(4)),
                HelpWindows::picture, target -> null);
        new Scene(page, 500, 800);
        page.applyCss();
        page.layout();
        GridPane table = (GridPane) page.getChildren().get(0);
        TextFlow name = (TextFlow) table.getChildren().get(2);
        TextFlow may = (TextFlow) table.getChildren().get(3);
        double word = name.getChildren().get(0).getLayoutBounds().getWidth();
        assertThat(name.getWidth()).as("the name's column fits the word").isGreaterThanOrEqualTo(word);
        assertThat(may.getWidth()).isLessThan(500);
    }

    @Test
    void aLinkThatCanBeFollowedIsAHyperlinkAndAnyOtherShowsItsText() {
        List<String> followed = new ArrayList<>();
        VBox page = GuideView.render("See the [admin guide](admin-guide.md) and the [deployment guide](deployment.md).",
                HelpWindows::picture, target -> HelpWindows.bundledGuide(target) ? () -> followed.add(target) : null);
        TextFlow paragraph = (TextFlow) page.getChildren().get(0);
        assertThat(paragraph.getChildren()).hasSize(5);
        Hyperlink link = (Hyperlink) paragraph.getChildren().get(1);
        assertThat(link.getText()).isEqualTo("admin guide");
        assertThat(((Text) paragraph.getChildren().get(3)).getText()).isEqualTo("deployment guide");
        link.fire();
        assertThat(followed).containsExactly("admin-guide.md");
    }

    @Test
    void theBundledGuidesHaveTheirPicturesAndDescribeTheAppsMenusScreensAndShortcuts() throws Exception {
        String user = bundled(HelpWindows.USER_GUIDE);
        String admin = bundled(HelpWindows.ADMIN_GUIDE);
        assertThat(pictures(user)).isGreaterThanOrEqualTo(8);
        assertThat(pictures(admin)).isGreaterThanOrEqualTo(6);
        assertThat(user).contains("File > Import...", "File > Export...", "File > Backup...", "File > Load demo data...",
                "Model > Versions...", "Sync > Sync now", "`Ctrl+I`", "`Ctrl+E`", "`Ctrl+N`", "`Ctrl+L`", "`Ctrl+Q`",
                "`F1`", "`Alt`", "Conflicts", "Monitoring", "Sign out", "Lock now", "Change my password",
                "Predict pending", "PDF", "sort", "patient reference", "funnel plot", "[administrator guide](admin-guide.md)");
        assertThat(admin).contains("Model > Retrain...", "Model > Versions...", "Sync > Sync settings...",
                "Sync > Sync now", "Settings", "Outcome mapping", "Conflicts", "Users", "Audit trail",
                "Retraining policy", "File > Backup...", "File > Restore...", "Monitoring", "[user guide](user-guide.md)");
        for (String guide : List.of(user, admin)) {
            VBox page = GuideView.render(guide, HelpWindows::picture, target -> null);
            assertThat(page.getChildren()).anyMatch(n -> n instanceof GridPane).anyMatch(n -> n instanceof VBox);
            assertThat(page.getChildren()).filteredOn(n -> n instanceof TextFlow)
                    .as("no Markdown left unrendered").noneMatch(n -> texts((TextFlow) n).stream()
                            .anyMatch(t -> t.contains("**") || t.contains("](") || t.startsWith("```")));
        }
    }

    private static String bundled(String file) throws Exception {
        try (InputStream in = GuideViewTest.class.getResourceAsStream(HelpWindows.GUIDE + file)) {
            assertThat(in).as(file + " is in the jar").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Counts the guide's pictures, each of which must be bundled with it. */
    private static int pictures(String guide) {
        Matcher pictures = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)").matcher(guide);
        int count = 0;
        while (pictures.find()) {
            assertThat(HelpWindows.picture(pictures.group(1))).as(pictures.group(1)).isNotNull();
            count++;
        }
        return count;
    }

    private static List<String> texts(TextFlow flow) {
        return flow.getChildren().stream().map(n -> n instanceof Text t ? t.getText() : ((Hyperlink) n).getText()).toList();
    }
}
