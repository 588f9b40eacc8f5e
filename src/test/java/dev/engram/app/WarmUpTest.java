package dev.engram.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.engram.core.episode.NewEpisode;
import dev.engram.core.memory.MemoryService;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.Scope;
import dev.engram.support.SharedEngram;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The search warm-up the server and the desktop app run after opening: it reads and changes nothing. */
class WarmUpTest {

    @Test
    void warmingUpAScopeChangesNothingInIt() {
        Engram engram = SharedEngram.get();
        MemoryService memory = engram.memory();
        Scope scope = Scope.of(SharedEngram.uniqueOrg("warm"), "notes");
        memory.episodes().add(scope, List.of(
                new NewEpisode("alice", "assistant", "user", "We talked about the trip to Lisbon last time",
                        Instant.parse("2026-03-01T10:00:00Z"), Map.of())));
        int projects = memory.projects().list().size();

        engram.warmUp(scope);

        assertThat(memory.countEpisodes(scope, Filter.ALL)).isEqualTo(1);
        assertThat(memory.projects().list()).hasSize(projects);
    }

    @Test
    void warmingUpAScopeNobodyUsedCreatesNoProjectAndDoesNotThrow() {
        Engram engram = SharedEngram.get();
        Scope nobody = Scope.of(SharedEngram.uniqueOrg("warm-empty"), "nothing");

        assertThatCode(() -> engram.warmUp(nobody)).doesNotThrowAnyException();
        assertThatCode(engram::warmUp).doesNotThrowAnyException();

        assertThat(engram.memory().projects().find(nobody)).isEmpty();
        assertThat(engram.memory().countEpisodes(nobody, Filter.ALL)).isZero();
    }
}
