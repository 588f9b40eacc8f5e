package dev.engram.core.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a filter expression into tokens, each with its 0-based position. */
final class FilterLexer {

    enum Kind { WORD, STRING, LPAREN, RPAREN, COMMA, OP, END }

    /**
     * One token. {@code text} is the word, the unescaped string, or the operator symbol;
     * {@code op} is set for comparison operators only.
     */
    record Token(Kind kind, String text, int position, Filter.Op op) {
        boolean isKeyword(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isAnyKeyword() {
            return kind == Kind.WORD && KEYWORDS.contains(text.toUpperCase(Locale.ROOT));
        }

        /** How the token is named in an error message. */
        String describe() {
            return switch (kind) {
                case END -> "end of input";
                case STRING -> "string " + Ids.quote(text);
                case WORD -> isAnyKeyword() ? "keyword " + text.toUpperCase(Locale.ROOT) : Ids.quote(text);
                default -> "'" + text + "'";
            };
        }
    }

    static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "IN", "IS", "NULL");

    private final String input;
    private int pos;

    private FilterLexer(String input) {
        this.input = input;
    }

    static List<Token> tokenize(String input) {
        return new FilterLexer(input).run();
    }

    /** The characters a bare word (field name or unquoted value) is made of. */
    static boolean isWordChar(int cp) {
        if (Character.isLetter(cp) || cp == '_' || cp == '.' || cp == '-' || cp == ':') {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= input.length()) {
                tokens.add(new Token(Kind.END, "", input.length(), null));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    private Token next() {
        int start = pos;
        char c = input.charAt(pos);
        switch (c) {
            case '(' -> { pos++; return new Token(Kind.LPAREN, "(", start, null); }
            case ')' -> { pos++; return new Token(Kind.RPAREN, ")", start, null); }
            case ',' -> { pos++; return new Token(Kind.COMMA, ",", start, null); }
            case '\'', '"' -> { return string(c); }
            case '=' -> { return op(Filter.Op.EQ, 1); }
            case '!' -> {
                if (peek(1) == '=') {
                    return op(Filter.Op.NE, 2);
                }
                throw new FilterSyntaxException(start, "unexpected character '!' at position " + start
                        + "; expected '!=' (not equal)");
            }
            case '<' -> {
                return peek(1) == '=' ? op(Filter.Op.LE, 2)
                        : peek(1) == '>' ? op(Filter.Op.NE, 2) : op(Filter.Op.LT, 1);
            }
            case '>' -> { return peek(1) == '=' ? op(Filter.Op.GE, 2) : op(Filter.Op.GT, 1); }
            default -> { return word(); }
        }
    }

    private char peek(int ahead) {
        return pos + ahead < input.length() ? input.charAt(pos + ahead) : 0;
    }

    private Token op(Filter.Op op, int length) {
        Token token = new Token(Kind.OP, input.substring(pos, pos + length), pos, op);
        pos += length;
        return token;
    }

    /** A quoted string; the quote character written twice stands for itself. */
    private Token string(char quote) {
        int start = pos;
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == quote) {
                if (peek(1) == quote) {
                    value.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return new Token(Kind.STRING, value.toString(), start, null);
            }
            value.append(c);
            pos++;
        }
        throw new FilterSyntaxException(start, "unterminated string starting at position " + start
                + "; expected a closing " + quote + " (write " + quote + quote + " for a " + quote
                + " inside the string)");
    }

    private Token word() {
        int start = pos;
        while (pos < input.length()) {
            int cp = input.codePointAt(pos);
            if (!isWordChar(cp)) {
                break;
            }
            pos += Character.charCount(cp);
        }
        if (pos == start) {
            int cp = input.codePointAt(pos);
            throw new FilterSyntaxException(start, "unexpected character " + Ids.quote(Character.toString(cp))
                    + " at position " + start + "; expected a field name, a value, an operator"
                    + " (= != <> < > <= >=), '(', ')' or ','; quote values that contain other characters,"
                    + " e.g. 'a b'");
        }
        return new Token(Kind.WORD, input.substring(start, pos), start, null);
    }
}
