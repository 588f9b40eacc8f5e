package dev.engram.app;

import dev.engram.ui.scope.ScopeBarView;
import dev.engram.ui.scope.ScopeBarViewModel;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.shell.Screen;
import dev.engram.ui.shell.ShellViewModel;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.timeline.TimelineView;
import dev.engram.ui.timeline.TimelineViewModel;
import dev.engram.ui.support.UiPreferences;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Node;

/** Builds the screens of an open Engram, each view with its view model. */
final class DesktopScreens {
    private final Engram engram;
    private final UiExecutors executors;
    private final ShellViewModel shell;
    private final Clock clock;
    private final ScopeModel scope;

    DesktopScreens(Engram engram, UiPreferences preferences, UiExecutors executors, ShellViewModel shell, Clock clock) {
        this.engram = engram;
        this.executors = executors;
        this.shell = shell;
        this.clock = clock;
        this.scope = new ScopeModel(preferences);
        scope.scopeProperty().addListener((o, was, now) -> shell.refreshCounts(now));
        shell.refreshCounts(scope.scope());
    }

    Node scopeBar() {
        return new ScopeBarView(new ScopeBarViewModel(scope, engram.memory(), executors)).load();
    }

    Map<Screen, Node> build() {
        Map<Screen, Node> screens = new EnumMap<>(Screen.class);
        TimelineViewModel timeline = new TimelineViewModel(scope, engram.memory(), executors, java.time.ZoneId.systemDefault());
        TimelineView timelineView = new TimelineView(timeline);
        screens.put(Screen.TIMELINE, timelineView.load());
        return screens;
    }
}
