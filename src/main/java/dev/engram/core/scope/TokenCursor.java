package dev.engram.core.scope;

import dev.engram.core.scope.FilterLexer.Token;
import java.util.List;

/** A position in a filter's tokens; the last token is always {@code END}. */
final class TokenCursor {
    private final List<Token> tokens;
    private int index;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    /** The token {@code ahead} places after the current one (the END token past the end). */
    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    /** The token before the current one, or null at the start. */
    Token previous() {
        return index == 0 ? null : tokens.get(index - 1);
    }

    /** Returns the current token and moves past it (never past END). */
    Token next() {
        Token token = tokens.get(index);
        if (index < tokens.size() - 1) {
            index++;
        }
        return token;
    }

    /** An error whose message is {@code what} + " at position N" + {@code rest}. */
    static FilterSyntaxException fail(Token at, String what, String rest) {
        return new FilterSyntaxException(at.position(), what + " at position " + at.position() + rest);
    }
}
