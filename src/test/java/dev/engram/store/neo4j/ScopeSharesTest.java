package dev.engram.store.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.engram.core.scope.Scope;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ScopeSharesTest {
    private final AtomicLong now = new AtomicLong(42);
    private final ScopeShares shares = new ScopeShares(now::get);
    private final Scope big = Scope.of("org", "big");
    private final Scope small = Scope.of("org", "small");

    @Test
    void aScopeIsSearchedWideUntilItsFirstSearchShowsItSmall() {
        assertThat(shares.isSparse(big, 0.25)).isFalse();
        assertThat(shares.share(big)).isEqualTo(-1);

        shares.observe(small, 3, 400);
        assertThat(shares.share(small)).isCloseTo(0.0075, within(1e-9));
        assertThat(shares.isSparse(small, 0.25)).isTrue();
        assertThat(shares.isSparse(big, 0.25)).isFalse();
    }

    @Test
    void oneQueryWhoseNearestLieElsewhereDoesNotMakeABigScopeSparseButRepeatedOnesDo() {
        for (int i = 0; i < 5; i++) {
            shares.observe(big, 200, 400);
        }
        assertThat(shares.share(big)).isCloseTo(0.5, within(1e-9));

        shares.observe(big, 14, 400); // the query of the benchmark's 100k run that flipped the scope before
        assertThat(shares.share(big)).isCloseTo(0.5 + (0.035 - 0.5) / 3, within(1e-9));
        assertThat(shares.isSparse(big, 0.25)).isFalse();

        shares.observe(big, 0, 400);
        assertThat(shares.share(big)).isLessThan(0.25);
        assertThat(shares.isSparse(big, 0.25)).isTrue();

        shares.observe(big, 300, 400); // a scope's share recovers as it is seen again
        assertThat(shares.isSparse(big, 0.25)).isFalse();
    }

    @Test
    void aSparseScopeIsTriedWideAgainAfterAWhileAndAnEmptyIndexTellsNothing() {
        shares.observe(small, 0, 40);
        assertThat(shares.isSparse(small, 0.25)).isTrue();
        now.addAndGet(ScopeShares.SPARSE_FOR.toNanos() - 1);
        assertThat(shares.isSparse(small, 0.25)).isTrue();
        now.addAndGet(2);
        assertThat(shares.isSparse(small, 0.25)).isFalse(); // scopes grow: due for a wide search again

        shares.observe(small, 60, 400); // it grew: its share moves a third of the way, still sparse
        assertThat(shares.share(small)).isCloseTo(0.05, within(1e-9));
        assertThat(shares.isSparse(small, 0.25)).isTrue();

        shares.observe(big, 0, 0);
        assertThat(shares.share(big)).isEqualTo(-1);
        assertThat(shares.isSparse(big, 0.25)).isFalse();
    }

    @Test
    void itRemembersABoundedNumberOfScopes() {
        for (int i = 0; i < ScopeShares.CAPACITY; i++) {
            shares.observe(Scope.of("org", "p" + i), 0, 400);
        }
        assertThat(shares.isSparse(Scope.of("org", "p0"), 0.25)).isTrue();
        shares.observe(Scope.of("org", "p0"), 0, 400); // a known scope does not overflow it
        assertThat(shares.isSparse(Scope.of("org", "p1"), 0.25)).isTrue();

        shares.observe(big, 200, 400); // one more: the others are forgotten, judged again by their next search
        assertThat(shares.share(Scope.of("org", "p1"))).isEqualTo(-1);
        assertThat(shares.isSparse(Scope.of("org", "p1"), 0.25)).isFalse();
        assertThat(shares.share(big)).isEqualTo(0.5);
    }

    @Test
    void whatShareIsEnoughDependsOnTheHitsAskedOfAWideSearch() {
        shares.observe(big, 120, 400);
        assertThat(shares.isSparse(big, 0.25)).isFalse(); // 100 asked of 400 candidates: 0.3 of them fill it
        assertThat(shares.isSparse(big, 0.5)).isTrue(); // 2,000 asked of the 4,000 a wide search fetches at most
    }
}
