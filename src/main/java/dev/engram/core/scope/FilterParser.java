package dev.engram.core.scope;

import static dev.engram.core.scope.TokenCursor.fail;

import dev.engram.core.scope.FilterLexer.Kind;
import dev.engram.core.scope.FilterLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

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

    private final TokenCursor tokens;
    private final FilterValueReader values;
    private int depth;
    private int comparisons;

    private FilterParser(List<Token> tokens) {
        this.tokens = new TokenCursor(tokens);
        this.values = new FilterValueReader(this.tokens);
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
        Token rest = parser.tokens.peek();
        if (rest.kind() == Kind.RPAREN) {
            throw fail(rest, "unmatched ')'", "; no '(' is open");
        }
        if (rest.kind() != Kind.END) {
            boolean value = rest.kind() == Kind.WORD || rest.kind() == Kind.STRING;
            throw fail(rest, "unexpected " + rest.describe(), " after a complete condition; expected AND, OR or"
                    + " the end of the filter" + (value ? " (quote a value that contains spaces, e.g. 'a b')" : ""));
        }
        return filter;
    }

    private Filter parseOr() {
        return chain("OR", this::parseAnd, Filter.Or::new);
    }

    private Filter parseAnd() {
        return chain("AND", this::parseUnary, Filter.And::new);
    }

    /** Terms joined by one keyword: a single term as is, several as one node. */
    private Filter chain(String keyword, Supplier<Filter> term, Function<List<Filter>, Filter> node) {
        Filter first = term.get();
        if (!tokens.peek().isKeyword(keyword)) {
            return first;
        }
        List<Filter> terms = new ArrayList<>(List.of(first));
        while (tokens.peek().isKeyword(keyword)) {
            tokens.next();
            terms.add(term.get());
        }
        return node.apply(terms);
    }

    private Filter parseUnary() {
        Token token = tokens.peek();
        if (token.isKeyword("NOT")) {
            enter(tokens.next());
            Filter term = parseUnary();
            depth--;
            return new Filter.Not(term);
        }
        if (token.kind() == Kind.LPAREN) {
            enter(tokens.next());
            Filter inner = parseOr();
            Token close = tokens.peek();
            if (close.kind() != Kind.RPAREN) {
                throw fail(close, "expected AND, OR or ')'",
                        " (to close '(' at position " + token.position() + "), found " + close.describe());
            }
            tokens.next();
            depth--;
            return inner;
        }
        return parsePredicate();
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw fail(token, "filter nests too deeply",
                    "; expected at most " + MAX_DEPTH + " levels of parentheses and NOT");
        }
    }

    private Filter parsePredicate() {
        Token name = tokens.peek();
        if (name.kind() != Kind.WORD || name.isAnyKeyword()) {
            Token before = tokens.previous();
            throw fail(name, "expected a condition", (before == null ? "" : " after '" + before.text() + "'")
                    + ", found " + name.describe()
                    + "; a condition starts with a field name (e.g. producer or m.topic), NOT or '('");
        }
        tokens.next();
        if (++comparisons > MAX_COMPARISONS) {
            throw fail(name, "too many conditions",
                    "; expected at most " + MAX_COMPARISONS + " comparisons in one filter");
        }
        FilterField field = resolve(name);
        Token op = tokens.peek();
        if (op.kind() == Kind.OP) {
            tokens.next();
            return new Filter.Compare(field, op.op(), values.value(field, op));
        }
        if (op.isKeyword("IN")) {
            tokens.next();
            return new Filter.In(field, values.list(field), false);
        }
        if (op.isKeyword("NOT")) {
            tokens.next();
            Token in = tokens.peek();
            if (!in.isKeyword("IN")) {
                throw fail(in, "expected IN after NOT",
                        ", found " + in.describe() + "; write " + name.text() + " NOT IN ('a', 'b')");
            }
            tokens.next();
            return new Filter.In(field, values.list(field), true);
        }
        if (op.isKeyword("IS")) {
            tokens.next();
            boolean negated = tokens.peek().isKeyword("NOT");
            if (negated) {
                tokens.next();
            }
            Token nul = tokens.peek();
            if (!nul.isKeyword("NULL")) {
                throw fail(nul, "expected NULL after IS" + (negated ? " NOT" : ""), ", found " + nul.describe());
            }
            tokens.next();
            return new Filter.IsNull(field, negated);
        }
        throw fail(op, "expected an operator after " + Ids.quote(name.text()), ", found " + op.describe()
                + "; operators are = != <> < > <= >=, IN, NOT IN, IS NULL and IS NOT NULL");
    }

    private static FilterField resolve(Token name) {
        try {
            return FieldNames.resolve(name.text());
        } catch (FilterValues.Problem p) {
            throw fail(name, p.problem, "; " + p.expected);
        }
    }
}
