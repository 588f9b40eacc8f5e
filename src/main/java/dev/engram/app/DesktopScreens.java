package dev.engram.app;

import dev.engram.core.chat.ChatService;
import dev.engram.core.ingest.ModelSettings;
import dev.engram.llm.OllamaLanguageModel;
import dev.engram.ui.chat.ChatView;
import dev.engram.ui.chat.ChatViewModel;
import dev.engram.ui.isolation.IsolationView;
import dev.engram.ui.isolation.IsolationViewModel;
import dev.engram.ui.profile.ExtractionView;
import dev.engram.ui.profile.ExtractionViewModel;
import dev.engram.ui.profile.ProfileView;
import dev.engram.ui.profile.ProfileViewModel;
import dev.engram.ui.scope.ScopeBarView;
import dev.engram.ui.scope.ScopeBarViewModel;
import dev.engram.ui.scope.ScopeModel;
import dev.engram.ui.shell.Screen;
import dev.engram.ui.shell.ShellViewModel;
import dev.engram.ui.support.UiExecutors;
import dev.engram.ui.timeline.TimelineView;
import dev.engram.ui.transfer.TransferView;
import dev.engram.ui.transfer.TransferViewModel;
import dev.engram.ui.timeline.TimelineViewModel;
import dev.engram.ui.support.UiPreferences;
import java.time.Clock;
import java.time.ZoneId;
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
    private final UiPreferences preferences;
    private Runnable onImported = () -> { };

    DesktopScreens(Engram engram, UiPreferences preferences, UiExecutors executors, ShellViewModel shell, Clock clock) {
        this.engram = engram;
        this.executors = executors;
        this.shell = shell;
        this.clock = clock;
        this.preferences = preferences;
        this.scope = new ScopeModel(preferences);
        scope.scopeProperty().addListener((o, was, now) -> shell.refreshCounts(now));
        shell.refreshCounts(scope.scope());
    }

    /** The scope the screens show (null while the scope bar holds an invalid one). */
    dev.engram.core.scope.Scope scope() {
        return scope.scope();
    }

    /** The File menu: export, import, backup, how to restore; its progress strip goes in the status bar. */
    TransferView transfers() {
        TransferViewModel model = new TransferViewModel(scope, engram.transfers(), executors, engram.dataDir().toString());
        model.setOnImported(() -> {
            shell.refreshCounts(scope.scope());
            onImported.run();
        });
        return new TransferView(model, TransferView.Dialogs.standard());
    }

    Node scopeBar() {
        return new ScopeBarView(new ScopeBarViewModel(scope, engram.memory(), executors)).load();
    }

    Map<Screen, Node> build() {
        Map<Screen, Node> screens = new EnumMap<>(Screen.class);
        TimelineViewModel timeline = new TimelineViewModel(scope, engram.memory(), executors, shell.work(),
                ZoneId.systemDefault());
        timeline.setOnChanged(() -> shell.refreshCounts(scope.scope()));
        TimelineView timelineView = new TimelineView(timeline);
        screens.put(Screen.TIMELINE, timelineView.load());

        ProfileViewModel profile = new ProfileViewModel(scope, engram.memory(), executors, ZoneId.systemDefault());
        onImported = () -> {
            timeline.reload();
            profile.reload();
        };
        profile.setOnOpenEpisode(uid -> {
            shell.screenProperty().set(Screen.TIMELINE);
            timeline.open(uid);
        });
        timelineView.setOnOpenFact(id -> {
            shell.screenProperty().set(Screen.PROFILE);
            profile.open(id);
        });
        ProfileView profileView = new ProfileView(profile);
        screens.put(Screen.PROFILE, profileView.load());
        ExtractionViewModel extraction = new ExtractionViewModel(scope, engram.memory(), executors, ZoneId.systemDefault());
        extraction.modelProperty().set(preferences.get("llm.extraction_model", engram.models().extractionModel()));
        extraction.setOnNewFacts(() -> {
            profile.reload();
            shell.refreshCounts(scope.scope());
        });
        profileView.showExtraction(new ExtractionView(extraction).load());

        ChatService chat = new ChatService(engram.memory(), clock, ZoneId.systemDefault());
        ChatViewModel chatModel = new ChatViewModel(scope, chat, OllamaLanguageModel::at, preferences, executors,
                engram.models().ollamaUrl());
        Runnable syncModels = () -> engram.setModels(new ModelSettings(chatModel.ollamaUrlProperty().get(),
                chatModel.modelProperty().get(), extraction.modelProperty().get(), engram.models().answerTimeout()));
        chatModel.ollamaUrlProperty().addListener((o, was, now) -> syncModels.run());
        chatModel.modelProperty().addListener((o, was, now) -> syncModels.run());
        extraction.modelProperty().addListener((o, was, now) -> {
            preferences.put("llm.extraction_model", now == null ? "" : now.strip());
            syncModels.run();
        });
        syncModels.run();
        chatModel.setOnModelStatus(shell::modelStatus);
        chatModel.setOnStored(() -> {
            shell.refreshCounts(scope.scope());
            timeline.reload();
        });
        ChatView chatView = new ChatView(chatModel);
        chatView.setOnOpenFact(id -> {
            shell.screenProperty().set(Screen.PROFILE);
            profile.open(id);
        });
        chatView.setOnOpenEpisode(uid -> {
            shell.screenProperty().set(Screen.TIMELINE);
            timeline.open(uid);
        });
        screens.put(Screen.CHAT, chatView.load());
        screens.put(Screen.ISOLATION, new IsolationView(new IsolationViewModel(scope, engram.memory(), executors)).load());
        return screens;
    }
}
