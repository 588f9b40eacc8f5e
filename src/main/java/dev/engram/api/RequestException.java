package dev.engram.api;

import dev.engram.core.InvalidInputException;

/** A request whose body does not fit the endpoint's model: a 422 naming the field path. */
final class RequestException extends InvalidInputException {
    private RequestException(String field, String message) {
        super(field, message);
    }

    static RequestException of(String field, String message) {
        return new RequestException(field, message);
    }
}
