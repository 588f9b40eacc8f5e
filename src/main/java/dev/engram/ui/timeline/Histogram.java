package dev.engram.ui.timeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Episodes per day as bars, from the first day to the last; a click on a bar picks its day.
 * Drawn on a canvas so that years of days stay cheap. The bar colour comes from CSS: the text
 * fill of an invisible {@code .bar-probe} label, so that the theme decides it.
 */
final class Histogram extends Region {
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private final javafx.scene.control.Label probe = new javafx.scene.control.Label();
    private SortedMap<LocalDate, Long> counts = new TreeMap<>();
    private Consumer<LocalDate> onPick = day -> { };
    private Color bar = Color.web("#0969da");

    Histogram() {
        getStyleClass().add("histogram");
        probe.getStyleClass().add("bar-probe");
        probe.setVisible(false);
        probe.setManaged(false);
        probe.textFillProperty().addListener((o, was, now) -> {
            if (now instanceof Color color) {
                setBarColor(color);
            }
        });
        getChildren().addAll(canvas, probe);
        Tooltip.install(this, tip);
        setOnMouseMoved(e -> {
            LocalDate day = dayAt(e.getX());
            tip.setText(day == null ? "" : day + ": " + counts.getOrDefault(day, 0L) + " episodes");
        });
        setOnMouseClicked(e -> {
            LocalDate day = dayAt(e.getX());
            if (day != null) {
                onPick.accept(day);
            }
        });
    }

    void setCounts(SortedMap<LocalDate, Long> counts) {
        this.counts = counts;
        draw();
    }

    void setOnPick(Consumer<LocalDate> onPick) {
        this.onPick = onPick;
    }

    void setBarColor(Color color) {
        this.bar = color;
        draw();
    }

    private long days() {
        return counts.isEmpty() ? 0 : ChronoUnit.DAYS.between(counts.firstKey(), counts.lastKey()) + 1;
    }

    LocalDate dayAt(double x) {
        long days = days();
        if (days == 0 || getWidth() <= 0) {
            return null;
        }
        long index = Math.clamp((long) (x / getWidth() * days), 0, days - 1);
        return counts.firstKey().plusDays(index);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        long days = days();
        if (days == 0) {
            return;
        }
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        double step = width / days;
        g.setFill(bar);
        counts.forEach((day, n) -> {
            double x = ChronoUnit.DAYS.between(counts.firstKey(), day) * step;
            double h = Math.max(2, (height - 2) * n / max);
            g.fillRect(x, height - h, Math.max(1, step - (step > 3 ? 1 : 0)), h);
        });
    }
}
