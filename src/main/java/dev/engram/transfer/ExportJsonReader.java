package dev.engram.transfer;

import static dev.engram.transfer.JsonFields.array;
import static dev.engram.transfer.JsonFields.bool;
import static dev.engram.transfer.JsonFields.instant;
import static dev.engram.transfer.JsonFields.number;
import static dev.engram.transfer.JsonFields.optionalInstant;
import static dev.engram.transfer.JsonFields.optionalText;
import static dev.engram.transfer.JsonFields.strings;
import static dev.engram.transfer.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.core.InvalidInputException;
import dev.engram.core.episode.EpisodeRevision;
import dev.engram.core.episode.NewEpisode;
import dev.engram.core.ingest.EmbeddingSpace;
import dev.engram.core.profile.FactAction;
import dev.engram.core.profile.FactChange;
import dev.engram.core.profile.FactRecord;
import dev.engram.core.profile.FactSnapshot;
import dev.engram.core.profile.FactSource;
import dev.engram.core.profile.FactStatus;
import dev.engram.core.profile.FactVersion;
import dev.engram.core.profile.ProfileFact;
import dev.engram.core.scope.EpisodicConfig;
import dev.engram.core.scope.Scope;
import dev.engram.core.transfer.IncomingEpisode;
import dev.engram.core.transfer.TransferManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the lines {@link ExportJson} writes; every problem is an error naming the field. */
final class ExportJsonReader {
    private ExportJsonReader() {
    }

    static TransferManifest manifest(JsonNode n) {
        JsonNode project = JsonFields.object(n.get("project"), "project");
        JsonNode episodic = JsonFields.object(project.get("episodic"), "project.episodic");
        JsonNode embedding = JsonFields.object(n.get("embedding"), "embedding");
        JsonNode counts = JsonFields.object(n.get("counts"), "counts");
        EmbeddingSpace space;
        try {
            space = new EmbeddingSpace(text(embedding, "model"), JsonFields.integer(embedding, "dimension"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("embedding", e.getMessage());
        }
        return new TransferManifest(text(n, "format"), JsonFields.integer(n, "format_version"),
                instant(n, "exported_at"), optionalText(n, "engram_version"),
                Scope.of(text(n, "org_id"), text(n, "project_id")), optionalText(n, "producer"),
                new TransferManifest.ProjectInfo(optionalText(project, "description"),
                        optionalInstant(project, "created_at"),
                        new EpisodicConfig(bool(episodic, "enabled", true), bool(episodic, "long_term", true),
                                bool(episodic, "short_term", true))),
                space,
                new TransferManifest.Counts(number(counts, "episodes"), number(counts, "revisions"),
                        number(counts, "facts"), number(counts, "fact_versions"), number(counts, "history")));
    }

    static IncomingEpisode episode(JsonNode n) {
        long uid = number(n, "uid");
        NewEpisode message = new NewEpisode(text(n, "producer"), optionalText(n, "produced_for"),
                optionalText(n, "role"), text(n, "content"), instant(n, "created_at"), strings(n, "metadata"));
        List<EpisodeRevision> revisions = new ArrayList<>();
        for (JsonNode r : array(n, "revisions")) {
            revisions.add(new EpisodeRevision(uid, text(r, "content"), instant(r, "replaced_at")));
        }
        return new IncomingEpisode(uid, message, revisions);
    }

    static FactRecord fact(JsonNode n) {
        ProfileFact fact = new ProfileFact(number(n, "id"), Scope.of(Scope.DEFAULT_ID, Scope.DEFAULT_ID),
                text(n, "set_id"), optionalText(n, "producer"), text(n, "category"), text(n, "tag"),
                text(n, "feature"), text(n, "value"), status(n), instant(n, "valid_from"),
                optionalInstant(n, "valid_to"), instant(n, "created_at"), instant(n, "updated_at"), source(n),
                citations(n), strings(n, "metadata"));
        List<FactVersion> versions = new ArrayList<>();
        for (JsonNode v : array(n, "versions")) {
            versions.add(new FactVersion(fact.id(), text(v, "category"), text(v, "tag"), text(v, "feature"),
                    text(v, "value"), instant(v, "valid_from"), instant(v, "valid_to")));
        }
        List<FactChange> history = new ArrayList<>();
        for (JsonNode h : array(n, "history")) {
            history.add(new FactChange(0, fact.id(), action(h), snapshot(h.get("before")), snapshot(h.get("after")),
                    text(h, "actor"), instant(h, "at")));
        }
        return new FactRecord(fact, versions, history);
    }

    private static FactSnapshot snapshot(JsonNode s) {
        if (s == null || s.isNull()) {
            return null;
        }
        return new FactSnapshot(text(s, "category"), text(s, "tag"), text(s, "feature"), text(s, "value"), status(s),
                citations(s), strings(s, "metadata"));
    }

    private static List<Long> citations(JsonNode n) {
        List<Long> uids = new ArrayList<>();
        for (JsonNode uid : array(n, "citations")) {
            if (!uid.canConvertToLong()) {
                throw new InvalidInputException("citations", "must be episode uids (whole numbers)");
            }
            uids.add(uid.asLong());
        }
        return uids;
    }

    private static FactStatus status(JsonNode n) {
        return oneOf(n, "status", FactStatus.class);
    }

    private static FactSource source(JsonNode n) {
        return oneOf(n, "source", FactSource.class);
    }

    private static FactAction action(JsonNode n) {
        return oneOf(n, "action", FactAction.class);
    }

    private static <E extends Enum<E>> E oneOf(JsonNode n, String field, Class<E> type) {
        String value = text(n, field);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + value + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
