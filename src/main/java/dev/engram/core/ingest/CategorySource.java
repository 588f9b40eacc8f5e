package dev.engram.core.ingest;

import dev.engram.core.scope.Scope;
import java.util.List;

/** The categories extraction runs on a profile set (built-in and configured ones, minus disabled). */
@FunctionalInterface
public interface CategorySource {
    List<ExtractionCategory> categories(Scope scope, String setId);
}
