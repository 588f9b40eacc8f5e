package dev.engram.ui.timeline;

import dev.engram.core.episode.Episode;
import dev.engram.core.scope.Filter;
import dev.engram.core.scope.FilterField;
import dev.engram.core.scope.FilterParser;
import dev.engram.core.scope.Literal;
import dev.engram.core.scope.SystemField;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the timeline shows: the filter fields combined into one filter (producer, produced_for,
 * date range, expression). Invalid expressions throw the parser's error, with its position.
 */
record TimelineQuery(String text, String producer, String producedFor, LocalDate from, LocalDate to, String expression,
                     LocalDate anchor, boolean newestFirst) {

    Filter filter(ZoneId zone) {
        List<Filter> terms = new ArrayList<>();
        if (producer != null && !producer.isBlank()) {
            terms.add(new Filter.Compare(FilterField.of(SystemField.PRODUCER), Filter.Op.EQ, Literal.text(producer.strip())));
        }
        if (producedFor != null && !producedFor.isBlank()) {
            terms.add(new Filter.Compare(FilterField.of(SystemField.PRODUCED_FOR), Filter.Op.EQ,
                    Literal.text(producedFor.strip())));
        }
        if (from != null) {
            terms.add(time(Filter.Op.GE, from, zone));
        }
        if (to != null) {
            terms.add(time(Filter.Op.LT, to.plusDays(1), zone));
        }
        if (anchor != null) {
            terms.add(newestFirst ? time(Filter.Op.LT, anchor.plusDays(1), zone) : time(Filter.Op.GE, anchor, zone));
        }
        Filter parsed = FilterParser.parse(expression);
        if (!parsed.isAll()) {
            terms.add(parsed);
        }
        return terms.isEmpty() ? Filter.all() : terms.size() == 1 ? terms.getFirst() : new Filter.And(terms);
    }

    /**
     * The filter of the page after {@code last} in the list's order (keyset paging: a page deep in
     * 100k episodes costs what the first one does, where an offset would walk every row before it).
     * Newest first: {@code created_at < t OR (created_at <= t AND uid < u)}, which avoids comparing
     * times for equality.
     */
    Filter after(Episode last, ZoneId zone) {
        Filter.Op before = newestFirst ? Filter.Op.LT : Filter.Op.GT;
        Filter.Op upTo = newestFirst ? Filter.Op.LE : Filter.Op.GE;
        Literal at = new Literal.Time(last.createdAt());
        Filter keyset = new Filter.Or(List.of(
                new Filter.Compare(FilterField.of(SystemField.CREATED_AT), before, at),
                new Filter.And(List.of(new Filter.Compare(FilterField.of(SystemField.CREATED_AT), upTo, at),
                        new Filter.Compare(FilterField.of(SystemField.UID), before, new Literal.Int(last.uid()))))));
        Filter base = filter(zone);
        return base.isAll() ? keyset : new Filter.And(List.of(base, keyset));
    }

    /** The same without the anchor: what the histogram counts. */
    TimelineQuery unanchored() {
        return new TimelineQuery(text, producer, producedFor, from, to, expression, null, newestFirst);
    }

    private static Filter time(Filter.Op op, LocalDate day, ZoneId zone) {
        return new Filter.Compare(FilterField.of(SystemField.CREATED_AT), op,
                new Literal.Time(day.atStartOfDay(zone).toInstant()));
    }
}
