package dev.engram.api;

import dev.engram.core.memory.MemoryService;
import dev.engram.core.transfer.Transfers;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;

/** The REST resources of MemMachine's v2 API over one memory. */
public final class EngramApi {
    private EngramApi() {
    }

    /** A Prometheus registry with the JVM and process meters bound, for {@code /metrics}. */
    public static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    public static List<ApiResource> resources(MemoryService memory, String embedderId, String version,
                                              PrometheusMeterRegistry registry, Clock clock) {
        return resources(memory, null, embedderId, version, registry, clock);
    }

    /** The resources, with {@code POST /api/engram/backup} when {@code transfers} is given. */
    public static List<ApiResource> resources(MemoryService memory, Transfers transfers, String embedderId,
                                              String version, PrometheusMeterRegistry registry, Clock clock) {
        List<ApiResource> resources = new java.util.ArrayList<>(List.of(
                new ProjectsResource(memory, embedderId),
                new MemoriesResource(memory, clock),
                new FeaturesResource(memory),
                new SemanticSetsResource(memory.semanticConfig()),
                new SemanticCategoriesResource(memory.semanticConfig()),
                new EpisodicConfigResource(memory),
                new IngestionResource(memory),
                new OpsResource(version, registry)));
        if (transfers != null) {
            resources.add(new BackupResource(transfers));
        }
        return List.copyOf(resources);
    }
}
