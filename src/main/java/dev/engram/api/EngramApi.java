package dev.engram.api;

import dev.engram.core.memory.MemoryService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;

/** The REST resources of MemMachine's v2 API over one memory. */
public final class EngramApi {
    private EngramApi() {
    }

    public static List<ApiResource> resources(MemoryService memory, String embedderId, String version,
                                              PrometheusMeterRegistry registry, Clock clock) {
        return List.of(
                new ProjectsResource(memory, embedderId),
                new MemoriesResource(memory, clock),
                new FeaturesResource(memory),
                new EpisodicConfigResource(memory),
                new OpsResource(version, registry));
    }
}
