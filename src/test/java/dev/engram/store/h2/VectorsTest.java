package dev.engram.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorsTest {
    @Test
    void vectorsAreStoredAsLittleEndianFloat32() {
        assertThat(Vectors.encode(new float[] {1.0f, -2.0f}))
                .containsExactly(0x00, 0x00, (byte) 0x80, 0x3F, 0x00, 0x00, 0x00, (byte) 0xC0);
        assertThat(Vectors.decode(Vectors.encode(new float[] {0.1f, Float.MIN_VALUE, -3e8f})))
                .containsExactly(0.1f, Float.MIN_VALUE, -3e8f);
        assertThat(Vectors.encode(null)).isNull();
        assertThat(Vectors.decode(null)).isNull();
    }

    @Test
    void cosineIsUndefinedForZeroVectorsAndDifferentLengths() {
        assertThat(Vectors.cosine(new float[] {1, 0}, new float[] {2, 0})).isEqualTo(1.0, within(1e-12));
        assertThat(Vectors.cosine(new float[] {1, 0}, new float[] {-1, 0})).isEqualTo(-1.0, within(1e-12));
        assertThat(Vectors.cosine(new float[] {1, 0}, new float[] {0, 3})).isEqualTo(0.0, within(1e-12));
        assertThat(Vectors.cosine(new float[] {0, 0}, new float[] {1, 0})).isNaN();
        assertThat(Vectors.cosine(new float[] {1, 0}, new float[] {1, 0, 0})).isNaN();
    }
}
