package dev.engram.bench;

import java.util.Arrays;

/** Latency samples of one operation, in microseconds; thread-safe to record. */
public final class Latencies {
    private long[] samples = new long[1024];
    private int size;

    public synchronized void record(long micros) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = micros;
    }

    public synchronized int count() {
        return size;
    }

    /** The q-quantile (0..1) in milliseconds, nearest-rank. */
    public synchronized double percentileMillis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size) - 1;
        return sorted[Math.clamp(rank, 0, size - 1)] / 1000.0;
    }
}
