package dev.engram.ui.timeline;

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

    /** The same without the anchor: what the histogram counts. */
    TimelineQuery unanchored() {
        return new TimelineQuery(text, producer, producedFor, from, to, expression, null, newestFirst);
    }

    private static Filter time(Filter.Op op, LocalDate day, ZoneId zone) {
        return new Filter.Compare(FilterField.of(SystemField.CREATED_AT), op,
                new Literal.Time(day.atStartOfDay(zone).toInstant()));
    }
}
