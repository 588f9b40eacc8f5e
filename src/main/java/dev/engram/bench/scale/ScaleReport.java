package dev.engram.bench.scale;

import java.util.List;

/** The Markdown tables of a scale run, with the goals beside the figures. */
public final class ScaleReport {
    private ScaleReport() {
    }

    public static String markdown(List<ScaleBench.Checkpoint> checkpoints, String coldStart) {
        StringBuilder out = new StringBuilder();
        out.append("| episodes | ingest/s (goal ≥ 500) | search in-process p50 / p95 / p99 ms (goal p95 ≤ 15) |"
                + " search REST p50 / p95 / p99 ms | add REST p50 / p95 ms (goal p95 ≤ 25) | timeline page p50 / p95 ms"
                + " (biggest scope) | histogram ms | disk MB (goal ≤ 400 at 100k) | peak RSS MB (goal ≤ 700) |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScaleBench.Checkpoint c : checkpoints) {
            out.append(String.format("| %,d | %.0f | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %.1f / %.1f | %.1f / %.1f (%,d episodes) | %.0f | %.0f | %.0f |%n",
                    c.episodes(), c.ingestPerSecond(),
                    c.searchInProcess().p50(), c.searchInProcess().p95(), c.searchInProcess().p99(),
                    c.searchRest().p50(), c.searchRest().p95(), c.searchRest().p99(),
                    c.addRest().p50(), c.addRest().p95(),
                    c.timelinePage().p50(), c.timelinePage().p95(), c.bigScopeEpisodes(), c.histogramMillis(),
                    c.diskBytes() / 1e6, c.peakRssBytes() / 1e6));
        }
        out.append("\nWhere it goes: CPU of the whole process (all threads) per ingested episode and per in-process search;"
                + " the heap after a GC; each step of a long-term search timed alone (p50 / p95 ms); disk by part (MB).\n\n");
        for (ScaleBench.Checkpoint c : checkpoints) {
            out.append(String.format("- **%,d episodes** (measured %.0f s after the import, after %d warm-up searches):"
                            + " ingest %.1f CPU ms/episode,"
                            + " search %.1f CPU ms; heap %.0f MB used of %.0f MB committed;"
                            + " resident %.0f MB anonymous + %.0f MB mapped files%n",
                    c.episodes(), c.settledSeconds(), c.warmUpSearches(), c.cost().ingestCpuMillisPerEpisode(), c.cost().searchCpuMillis(),
                    c.cost().heapUsedBytes() / 1e6, c.cost().heapCommittedBytes() / 1e6,
                    c.cost().resident().anonymousBytes() / 1e6, c.cost().resident().fileBytes() / 1e6));
            if (!c.searchStages().isEmpty()) {
                StringBuilder line = new StringBuilder("  - search steps:");
                c.searchStages().forEach((name, stats) -> line.append(String.format(" %s %.1f / %.1f;", name, stats.p50(), stats.p95())));
                out.append(line.deleteCharAt(line.length() - 1)).append('\n');
            }
            StringBuilder disk = new StringBuilder("  - disk:");
            c.diskParts().forEach((name, bytes) -> disk.append(String.format(" %s %.1f,", name, bytes / 1e6)));
            out.append(disk.deleteCharAt(disk.length() - 1)).append('\n');
        }
        out.append("\n(Disk while the store is open leaves out what Neo4j's page cache has not yet checkpointed"
                + " into its store files; the transaction logs hold it meanwhile.)\n");
        if (coldStart != null) {
            out.append("\n").append(coldStart).append("\n");
        }
        return out.toString();
    }

    /** The data folder by part once the stores are closed (checkpointed and compacted). */
    public static String diskAtClose(java.util.Map<String, Long> parts) {
        StringBuilder disk = new StringBuilder(String.format("Disk after closing the stores: %.1f MB:",
                parts.values().stream().mapToLong(Long::longValue).sum() / 1e6));
        parts.forEach((name, bytes) -> disk.append(String.format(" %s %.1f,", name, bytes / 1e6)));
        return disk.deleteCharAt(disk.length() - 1).append('.').toString();
    }
}
