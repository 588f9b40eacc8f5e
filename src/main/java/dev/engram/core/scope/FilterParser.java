package dev.engram.core.scope;

import dev.engram.core.scope.FilterLexer.Kind;
import dev.engram.core.scope.FilterLexer.Token;
import dev.engram.core.scope.FilterValues.Form;
import dev.engram.core.scope.FilterValues.Raw;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses MemMachine's filter language into a {@link Filter}, with its flaws fixed: {@code ''}
 * escapes a quote, double-quoted strings work, unknown characters and trailing text are errors,
 * values are typed for their field, and the size of an expression is bounded.
 *
 * <pre>
 * expr      := and (OR and)*
 * and       := unary (AND unary)*
 * unary     := NOT unary | '(' expr ')' | predicate
 * predicate := field op value | field [NOT] IN '(' value (',' value)* ')' | field IS [NOT] NULL
 * value     := 'text' | "text" | word | date('ISO-8601')
 * </pre>
 *
 * Chains of AND (or OR) at one level become one {@link Filter.And} (or {@link Filter.Or});
 * parentheses keep their grouping. {@code field NOT IN (..)} is a negated {@link Filter.In},
 * {@code NOT field IN (..)} a {@link Filter.Not} around it.
 */
public final class FilterParser {
    public static final int MAX_LENGTH = 8192;
    public static final int MAX_DEPTH = 32;
    public static final int MAX_COMPARISONS = 256;
    public static final int MAX_IN_VALUES = 1000;

    private final List<Token> tokens;
    private int index;
    private int depth;
    private int comparisons;

    private FilterParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses an expression; null or blank gives {@link Filter#ALL}.
     *
     * @throws FilterSyntaxException when the expression is malformed, names an unknown field,
     *     has a value that does not fit its field, or exceeds a limit
     */
    public static Filter parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return Filter.ALL;
        }
        if (expression.length() > MAX_LENGTH) {
            throw new FilterSyntaxException(MAX_LENGTH, "filter is too long at position " + MAX_LENGTH + ": "
                    + expression.length() + " characters; expected at most " + MAX_LENGTH);
        }
        FilterParser parser = new FilterParser(FilterLexer.tokenize(expression));
        Filter filter = parser.parseOr();
        Token rest = parser.peek();
        if (rest.kind() == Kind.RPAREN) {
            throw error(rest, "unmatched ')' at position " + rest.position() + "; no '(' is open");
        }
        if (rest.kind() != Kind.END) {
            throw error(rest, "unexpected " + rest.describe() + " at position " + rest.position()
                    + " after a complete condition; expected AND, OR or the end of the filter"
                    + (rest.kind() == Kind.WORD || rest.kind() == Kind.STRING
                            ? " (quote a value that contains spaces, e.g. 'a b')" : ""));
        }
        return filter;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token previous() {
        return index == 0 ? null : tokens.get(index - 1);
    }

    private Token next() {
        return tokens.get(index++);
    }

    private static FilterSyntaxException error(Token at, String message) {
        return new FilterSyntaxException(at.position(), message);
    }

    private Filter parseOr() {
        Filter first = parseAnd();
        if (!peek().isKeyword("OR")) {
            return first;
        }
        List<Filter> terms = new ArrayList<>(List.of(first));
        while (peek().isKeyword("OR")) {
            next();
            terms.add(parseAnd());
        }
        return new Filter.Or(terms);
    }

    private Filter parseAnd() {
        Filter first = parseUnary();
        if (!peek().isKeyword("AND")) {
            return first;
        }
        List<Filter> terms = new ArrayList<>(List.of(first));
        while (peek().isKeyword("AND")) {
            next();
            terms.add(parseUnary());
        }
        return new Filter.And(terms);
    }

    private Filter parseUnary() {
        Token token = peek();
        if (token.isKeyword("NOT")) {
            enter(next());
            Filter term = parseUnary();
            depth--;
            return new Filter.Not(term);
        }
        if (token.kind() == Kind.LPAREN) {
            enter(next());
            Filter inner = parseOr();
            Token close = peek();
            if (close.kind() != Kind.RPAREN) {
                throw error(close, "expected AND, OR or ')' at position " + close.position() + " (to close '('"
                        + " at position " + token.position() + "), found " + close.describe());
            }
            next();
            depth--;
            return inner;
        }
        return parsePredicate();
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw error(token, "filter nests too deeply at position " + token.position() + "; expected at most "
                    + MAX_DEPTH + " levels of parentheses and NOT");
        }
    }

    private Filter parsePredicate() {
        Token name = peek();
        if (name.kind() != Kind.WORD || name.isAnyKeyword()) {
            Token before = previous();
            throw error(name, "expected a condition at position " + name.position()
                    + (before == null ? "" : " after '" + before.text() + "'") + ", found " + name.describe()
                    + "; a condition starts with a field name (e.g. producer or m.topic), NOT or '('");
        }
        next();
        if (++comparisons > MAX_COMPARISONS) {
            throw error(name, "too many conditions at position " + name.position() + "; expected at most "
                    + MAX_COMPARISONS + " comparisons in one filter");
        }
        FilterField field = resolve(name);
        Token op = peek();
        if (op.kind() == Kind.OP) {
            next();
            return new Filter.Compare(field, op.op(), value(field, op));
        }
        if (op.isKeyword("IN")) {
            next();
            return parseIn(field, false);
        }
        if (op.isKeyword("NOT")) {
            next();
            Token in = peek();
            if (!in.isKeyword("IN")) {
                throw error(in, "expected IN after NOT at position " + in.position() + ", found "
                        + in.describe() + "; write " + name.text() + " NOT IN ('a', 'b')");
            }
            next();
            return parseIn(field, true);
        }
        if (op.isKeyword("IS")) {
            next();
            boolean negated = peek().isKeyword("NOT");
            if (negated) {
                next();
            }
            Token nul = peek();
            if (!nul.isKeyword("NULL")) {
                throw error(nul, "expected NULL after IS" + (negated ? " NOT" : "") + " at position "
                        + nul.position() + ", found " + nul.describe());
            }
            next();
            return new Filter.IsNull(field, negated);
        }
        throw error(op, "expected an operator after " + Ids.quote(name.text()) + " at position " + op.position()
                + ", found " + op.describe() + "; operators are = != <> < > <= >=, IN, NOT IN, IS NULL and IS NOT NULL");
    }

    private static FilterField resolve(Token name) {
        try {
            return FieldNames.resolve(name.text());
        } catch (FilterValues.Problem p) {
            throw error(name, p.problem + " at position " + name.position() + "; " + p.expected);
        }
    }

    private Filter parseIn(FilterField field, boolean negated) {
        Token open = peek();
        if (open.kind() != Kind.LPAREN) {
            throw error(open, "expected '(' after IN at position " + open.position() + ", found "
                    + open.describe() + "; write IN ('a', 'b')");
        }
        next();
        if (peek().kind() == Kind.RPAREN) {
            throw error(peek(), "empty IN list at position " + peek().position()
                    + "; expected at least one value, e.g. IN ('a')");
        }
        List<Literal> values = new ArrayList<>();
        Token after = open;
        while (true) {
            if (values.size() == MAX_IN_VALUES) {
                throw error(peek(), "IN list too long at position " + peek().position() + "; expected at most "
                        + MAX_IN_VALUES + " values");
            }
            values.add(value(field, after));
            Token separator = next();
            if (separator.kind() == Kind.RPAREN) {
                break;
            }
            if (separator.kind() != Kind.COMMA) {
                throw error(separator, "expected ',' or ')' in the IN list at position " + separator.position()
                        + ", found " + separator.describe());
            }
            after = separator;
        }
        try {
            FilterValues.checkList(field, values);
        } catch (FilterValues.Problem p) {
            throw error(open, p.problem + " at position " + open.position() + "; " + p.expected);
        }
        return new Filter.In(field, values, negated);
    }

    /** Reads the value after {@code after} (an operator, '(' or ',') and types it for the field. */
    private Literal value(FilterField field, Token after) {
        Token token = peek();
        Raw raw;
        if (token.kind() == Kind.STRING) {
            next();
            raw = new Raw(Form.QUOTED, token.text());
        } else if (token.isKeyword("NULL")) {
            throw error(token, "expected a value after '" + after.text() + "' at position " + token.position()
                    + ", found keyword NULL; to test for a missing value write " + field.displayName()
                    + " IS NULL (or IS NOT NULL); quote 'null' to mean the text");
        } else if (token.kind() != Kind.WORD || token.isAnyKeyword()) {
            throw error(token, "expected a value after '" + after.text() + "' at position " + token.position()
                    + ", found " + token.describe() + "; a value is a quoted string ('text'), a word, a number,"
                    + " true, false or date('...')" + (token.isAnyKeyword() ? "; quote keywords meant as text" : ""));
        } else if (token.text().equalsIgnoreCase("date") && tokens.get(index + 1).kind() == Kind.LPAREN) {
            raw = dateCall();
        } else {
            next();
            raw = new Raw(Form.WORD, token.text());
        }
        try {
            return FilterValues.type(field, raw);
        } catch (FilterValues.Problem p) {
            throw error(token, p.problem + " at position " + token.position() + "; " + p.expected);
        }
    }

    /** Reads {@code date('...')}; the index is on the word {@code date}. */
    private Raw dateCall() {
        index += 2;
        Token text = next();
        if (text.kind() != Kind.STRING) {
            throw error(text, "expected a quoted ISO-8601 string in date(...) at position " + text.position()
                    + ", found " + text.describe() + "; write date('2025-01-02T10:00:00Z')");
        }
        Token close = next();
        if (close.kind() != Kind.RPAREN) {
            throw error(close, "expected ')' after the date string at position " + close.position() + ", found "
                    + close.describe());
        }
        return new Raw(Form.DATE, text.text());
    }
}
