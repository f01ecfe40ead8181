package com.outcomedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.testing.NeedsFxToolkit;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
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

/** The guide's Markdown subset renders as formatted controls, and the bundled guide describes the app. */
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

                ![A picture](models.png)
                ![Missing](none.png)
                """, HelpWindows::picture);
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
    void theBundledGuideHasItsPicturesAndDescribesTheAppsMenusScreensAndShortcuts() throws Exception {
        String guide;
        try (InputStream in = GuideViewTest.class.getResourceAsStream(HelpWindows.GUIDE + "user-guide.md")) {
            guide = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher pictures = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)").matcher(guide);
        int count = 0;
        while (pictures.find()) {
            assertThat(HelpWindows.picture(pictures.group(1))).as(pictures.group(1)).isNotNull();
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(3);
        assertThat(guide).contains("File > Import...", "File > Export...", "File > Backup...", "File > Load demo data...",
                "Model > Retrain...", "Model > Versions...", "Sync > Sync settings...", "Sync > Sync now",
                "`Ctrl+I`", "`Ctrl+E`", "`Ctrl+N`", "`Ctrl+Q`", "`F1`", "`Alt`",
                "Settings", "Outcome mapping", "Conflicts", "Sign out", "Lock now", "Change my password",
                "Predict pending", "PDF", "sort", "patient reference");
        VBox page = GuideView.render(guide, HelpWindows::picture);
        assertThat(page.getChildren()).anyMatch(n -> n instanceof GridPane).anyMatch(n -> n instanceof VBox);
    }

    private static List<String> texts(TextFlow flow) {
        return flow.getChildren().stream().map(n -> ((Text) n).getText()).toList();
    }
}
