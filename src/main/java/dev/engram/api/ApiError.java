package dev.engram.api;

import dev.engram.core.ConflictException;
import dev.engram.core.InvalidInputException;
import dev.engram.core.NotFoundException;
import dev.engram.core.StoreUnavailableException;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into MemMachine's error body: {@code {"detail": "..."}} for simple errors,
 * {@code {"detail": {"code", "message", "exception", "internal_error", "trace"}}} for
 * validation and server errors. The trace is always empty: a stack trace goes to the log file,
 * never to a client (MemMachine sends Python tracebacks).
 */
record ApiError(int status, Object detail) {
    private static final Logger LOG = LoggerFactory.getLogger(ApiError.class);

    static ApiError of(Exception e) {
        return switch (e) {
            case InvalidInputException invalid -> structured(422, "Invalid request payload: " + invalid.getMessage(),
                    "RequestValidationError", invalid.getMessage());
            case NotFoundException notFound -> new ApiError(404, notFound.getMessage());
            case ConflictException conflict -> new ApiError(409, conflict.getMessage());
            case StoreUnavailableException unavailable -> {
                LOG.error("Store unavailable", unavailable);
                yield new ApiError(503, "Memory store unavailable: " + unavailable.getMessage());
            }
            case HttpResponseException http -> new ApiError(http.getStatus(), http.getMessage());
            default -> {
                LOG.error("Unexpected error handling a request", e);
                yield structured(500, "Internal server error", "InternalError", "see the server log");
            }
        };
    }

    static ApiError structured(int status, String message, String exception, String internal) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", status);
        detail.put("message", message);
        detail.put("exception", exception);
        detail.put("internal_error", internal);
        detail.put("trace", "");
        return new ApiError(status, detail);
    }

    String body() {
        return Json.write(Map.of("detail", detail));
    }
}
