package dev.engram.core.memory;

import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterEvaluator;
import dev.engram.core.scope.FilterEvaluator.Truth;
import dev.engram.core.scope.SystemField;

/**
 * Which short-term summaries a search's filter selects. A summary stands for its producer's
 * episodes, so only the filter's conditions on {@code producer} can rule it out: every other
 * condition is unknown for a summary, and a summary is returned unless the filter is false for its
 * producer whatever the other fields hold ({@code producer = 'alice' AND m.topic = 'x'} selects
 * alice's summary; {@code producer = 'alice' OR m.topic = 'x'} selects every summary).
 */
final class SummarySelection {
    private SummarySelection() {
    }

    static boolean selects(Filter filter, String producer) {
        return truth(filter, producer) != Truth.FALSE;
    }

    private static Truth truth(Filter filter, String producer) {
        return switch (filter) {
            case Filter.All a -> Truth.TRUE;
            case Filter.And and -> {
                Truth result = Truth.TRUE;
                for (Filter term : and.terms()) {
                    Truth t = truth(term, producer);
                    if (t == Truth.FALSE) {
                        yield Truth.FALSE;
                    }
                    if (t == Truth.UNKNOWN) {
                        result = Truth.UNKNOWN;
                    }
                }
                yield result;
            }
            case Filter.Or or -> {
                Truth result = Truth.FALSE;
                for (Filter term : or.terms()) {
                    Truth t = truth(term, producer);
                    if (t == Truth.TRUE) {
                        yield Truth.TRUE;
                    }
                    if (t == Truth.UNKNOWN) {
                        result = Truth.UNKNOWN;
                    }
                }
                yield result;
            }
            case Filter.Not not -> truth(not.term(), producer).not();
            case Filter.Compare c -> onProducer(c.field().system()) ? FilterEvaluator.evaluate(c, f -> producer)
                    : Truth.UNKNOWN;
            case Filter.In in -> onProducer(in.field().system()) ? FilterEvaluator.evaluate(in, f -> producer)
                    : Truth.UNKNOWN;
            case Filter.IsNull n -> onProducer(n.field().system()) ? FilterEvaluator.evaluate(n, f -> producer)
                    : Truth.UNKNOWN;
        };
    }

    private static boolean onProducer(SystemField field) {
        return field == SystemField.PRODUCER;
    }
}
