package dev.engram.core.scope;

import static dev.engram.core.scope.TokenCursor.fail;

import dev.engram.core.scope.FilterLexer.Kind;
import dev.engram.core.scope.FilterLexer.Token;
import dev.engram.core.scope.FilterValues.Form;
import dev.engram.core.scope.FilterValues.Raw;
import java.util.ArrayList;
import java.util.List;

/** Reads the values of a condition, one after an operator or an IN list, typed for the field. */
final class FilterValueReader {
    private final TokenCursor tokens;

    FilterValueReader(TokenCursor tokens) {
        this.tokens = tokens;
    }

    /** Reads {@code (v1, v2, ...)} after IN. */
    List<Literal> list(FilterField field) {
        Token open = tokens.peek();
        if (open.kind() != Kind.LPAREN) {
            throw fail(open, "expected '(' after IN", ", found " + open.describe() + "; write IN ('a', 'b')");
        }
        tokens.next();
        if (tokens.peek().kind() == Kind.RPAREN) {
            throw fail(tokens.peek(), "empty IN list", "; expected at least one value, e.g. IN ('a')");
        }
        List<Literal> values = new ArrayList<>();
        Token after = open;
        while (true) {
            if (values.size() == FilterParser.MAX_IN_VALUES) {
                throw fail(tokens.peek(), "IN list too long",
                        "; expected at most " + FilterParser.MAX_IN_VALUES + " values");
            }
            values.add(value(field, after));
            Token separator = tokens.next();
            if (separator.kind() == Kind.RPAREN) {
                break;
            }
            if (separator.kind() != Kind.COMMA) {
                throw fail(separator, "expected ',' or ')' in the IN list", ", found " + separator.describe());
            }
            after = separator;
        }
        try {
            FilterValues.checkList(field, values);
        } catch (FilterValues.Problem p) {
            throw fail(open, p.problem, "; " + p.expected);
        }
        return values;
    }

    /** Reads the value after {@code after} (an operator, '(' or ',') and types it for the field. */
    Literal value(FilterField field, Token after) {
        Token token = tokens.peek();
        String expected = "expected a value after '" + after.text() + "'";
        Raw raw;
        if (token.kind() == Kind.STRING) {
            tokens.next();
            raw = new Raw(Form.QUOTED, token.text());
        } else if (token.isKeyword("NULL")) {
            throw fail(token, expected, ", found keyword NULL; to test for a missing value write "
                    + field.displayName() + " IS NULL (or IS NOT NULL); quote 'null' to mean the text");
        } else if (token.kind() != Kind.WORD || token.isAnyKeyword()) {
            throw fail(token, expected, ", found " + token.describe()
                    + "; a value is a quoted string ('text'), a word, a number, true, false or date('...')"
                    + (token.isAnyKeyword() ? "; quote keywords meant as text" : ""));
        } else if (token.text().equalsIgnoreCase("date") && tokens.peek(1).kind() == Kind.LPAREN) {
            raw = dateCall();
        } else {
            tokens.next();
            raw = new Raw(Form.WORD, token.text());
        }
        try {
            return FilterValues.type(field, raw);
        } catch (FilterValues.Problem p) {
            throw fail(token, p.problem, "; " + p.expected);
        }
    }

    /** Reads {@code date('...')}; the cursor is on the word {@code date}. */
    private Raw dateCall() {
        tokens.next();
        tokens.next();
        Token text = tokens.next();
        if (text.kind() != Kind.STRING) {
            throw fail(text, "expected a quoted ISO-8601 string in date(...)", ", found " + text.describe()
                    + "; write date('2025-01-02T10:00:00Z')");
        }
        Token close = tokens.next();
        if (close.kind() != Kind.RPAREN) {
            throw fail(close, "expected ')' after the date string", ", found " + close.describe());
        }
        return new Raw(Form.DATE, text.text());
    }
}
