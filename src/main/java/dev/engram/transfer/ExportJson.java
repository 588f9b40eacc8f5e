package dev.engram.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.core.episode.Episode;
import dev.engram.core.episode.EpisodeRecord;
import dev.engram.core.episode.EpisodeRevision;
import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactRecord;
import dev.engram.core.profile.FactSnapshot;
import dev.engram.core.profile.FactVersion;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.transfer.TransferManifest;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON Lines form of an export, written: one object per line with a {@code type} of
 * {@code manifest} (the first line), {@code episode} or {@code fact}. Field names are
 * MemMachine's snake_case; times are ISO-8601 UTC with their full precision. {@link ExportJsonReader}
 * reads it back.
 */
final class ExportJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ExportJson() {
    }

    static ObjectNode manifest(TransferManifest m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", "manifest");
        node.put("format", m.format());
        node.put("format_version", m.formatVersion());
        node.put("exported_at", time(m.exportedAt()));
        node.put("engram_version", m.engramVersion());
        node.put("org_id", m.scope().orgId());
        node.put("project_id", m.scope().projectId());
        node.put("producer", m.producer());
        ObjectNode project = node.putObject("project");
        project.put("description", m.project().description());
        project.put("created_at", time(m.project().createdAt()));
        ObjectNode episodic = project.putObject("episodic");
        episodic.put("enabled", m.project().episodic().enabled());
        episodic.put("long_term", m.project().episodic().longTermEnabled());
        episodic.put("short_term", m.project().episodic().shortTermEnabled());
        ObjectNode embedding = node.putObject("embedding");
        embedding.put("model", m.embedding().modelId());
        embedding.put("dimension", m.embedding().dimension());
        ObjectNode counts = node.putObject("counts");
        counts.put("episodes", m.counts().episodes());
        counts.put("revisions", m.counts().revisions());
        counts.put("facts", m.counts().facts());
        counts.put("fact_versions", m.counts().factVersions());
        counts.put("history", m.counts().historyRows());
        return node;
    }

    static ObjectNode episode(EpisodeRecord record) {
        Episode e = record.episode();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", "episode");
        node.put("uid", e.uid());
        node.put("producer", e.producer());
        if (e.producedFor() != null) {
            node.put("produced_for", e.producedFor());
        }
        node.put("role", e.role());
        node.put("content", e.content());
        node.put("created_at", time(e.createdAt()));
        node.put("episode_type", e.episodeType());
        metadata(node, e.metadata());
        ArrayNode revisions = node.putArray("revisions");
        for (EpisodeRevision r : record.revisions()) {
            revisions.addObject().put("content", r.content()).put("replaced_at", time(r.replacedAt()));
        }
        return node;
    }

    static ObjectNode fact(FactRecord record) {
        ProfileFact f = record.fact();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", "fact");
        node.put("id", f.id());
        node.put("set_id", f.setId());
        node.put("producer", f.producer());
        node.put("category", f.category());
        node.put("tag", f.tag());
        node.put("feature", f.feature());
        node.put("value", f.value());
        node.put("status", f.status().wireName());
        node.put("valid_from", time(f.validFrom()));
        node.put("valid_to", time(f.validTo()));
        node.put("created_at", time(f.createdAt()));
        node.put("updated_at", time(f.updatedAt()));
        node.put("source", f.source().wireName());
        f.citations().forEach(node.putArray("citations")::add);
        metadata(node, f.metadata());
        ArrayNode versions = node.putArray("versions");
        for (FactVersion v : record.versions()) {
            versions.addObject().put("category", v.category()).put("tag", v.tag()).put("feature", v.feature())
                    .put("value", v.value()).put("valid_from", time(v.validFrom())).put("valid_to", time(v.validTo()));
        }
        ArrayNode history = node.putArray("history");
        for (FactChange h : record.history()) {
            ObjectNode row = history.addObject();
            row.put("action", h.action().wireName());
            row.put("actor", h.actor());
            row.put("at", time(h.at()));
            row.set("before", snapshot(h.before()));
            row.set("after", snapshot(h.after()));
        }
        return node;
    }

    private static ObjectNode snapshot(FactSnapshot s) {
        if (s == null) {
            return null;
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("category", s.category());
        node.put("tag", s.tag());
        node.put("feature", s.feature());
        node.put("value", s.value());
        node.put("status", s.status().wireName());
        s.citations().forEach(node.putArray("citations")::add);
        metadata(node, s.metadata());
        return node;
    }

    private static void metadata(ObjectNode node, Map<String, String> metadata) {
        ObjectNode out = node.putObject("metadata");
        new TreeMap<>(metadata).forEach(out::put);
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
