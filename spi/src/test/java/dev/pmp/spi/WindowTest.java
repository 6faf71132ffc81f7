package dev.pmp.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTest {
    private static Window w(int from, int to) {
        return new Window(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to));
    }

    @Test
    void mergeSortsAndJoinsOverlappingAndTouchingWindowsButKeepsDisjointOnes() {
        assertThat(Window.merge(List.of(w(50, 60), w(0, 10), w(10, 20), w(15, 30), w(40, 45))))
                .containsExactly(w(0, 30), w(40, 45), w(50, 60));
        assertThat(Window.merge(List.of())).isEmpty();
    }

    @Test
    void aWindowIsHalfOpenAndMustEndAfterItStarts() {
        assertThat(w(0, 10).contains(Instant.ofEpochSecond(0))).isTrue();
        assertThat(w(0, 10).contains(Instant.ofEpochSecond(10))).isFalse();
        assertThat(w(0, 10).overlaps(w(10, 20))).isFalse();
        assertThat(w(0, 10).touches(w(10, 20))).isTrue();
        assertThat(w(0, 10).intersection(w(5, 20))).isEqualTo(w(5, 10));
        assertThat(w(0, 10).intersection(w(10, 20))).isNull();
        assertThatThrownBy(() -> w(10, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
