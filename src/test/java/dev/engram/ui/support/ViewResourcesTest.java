package dev.engram.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every view's FXML has its stylesheet on the classpath (Views.load fails loudly without one). */
class ViewResourcesTest {

    @Test
    void everyFxmlHasItsStylesheet() throws IOException {
        List<String> views;
        try (Stream<Path> files = Files.list(Path.of("fxml"))) {
            views = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".fxml"))
                    .map(n -> n.substring(0, n.length() - ".fxml".length())).sorted().toList();
        }
        assertThat(views).contains("shell", "profile", "extraction");
        for (String view : views) {
            assertThat(getClass().getResource("/fxml/" + view + ".fxml")).as(view + ".fxml on the classpath").isNotNull();
            assertThat(getClass().getResource("/styles/" + view + ".css")).as("styles/" + view + ".css").isNotNull();
        }
    }
}
