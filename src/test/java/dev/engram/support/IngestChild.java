package dev.engram.support;

import dev.engram.app.Engram;
import dev.engram.app.EngramConfig;
import dev.engram.core.Progress;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.NewFact;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.profile.SetIds;
import dev.engram.core.scope.Scope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A process that ingests until it is killed, printing each add only after it returned:
 * {@code episode <uid> <content>} and {@code fact <id> <value>}. Used by the crash test.
 */
public final class IngestChild {
    private IngestChild() {
    }

    public static void main(String[] args) {
        Engram engram = Engram.open(Path.of(args[0]), EngramConfig.defaults(), Progress.NONE, Clock.systemUTC());
        Scope scope = Scope.of("crash", "test");
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; ; i++) {
            String content = "message number " + i;
            List<Episode> added = engram.memory().episodes().add(scope,
                    List.of(new NewEpisode("alice", null, "user", content, Instant.now(), Map.of("i", "" + i))));
            System.out.println("episode " + added.getFirst().uid() + " " + content);
            if (i % 5 == 0) {
                ProfileFact fact = engram.memory().profile().add(scope, new NewFact(SetIds.userSet(scope, "alice"), "alice",
                        "profile", "Counter", "count_" + i, "value " + i, FactSource.API,
                        List.of(added.getFirst().uid()), Map.of()), "test");
                System.out.println("fact " + fact.id() + " value " + i);
            }
            System.out.flush();
        }
    }
}
