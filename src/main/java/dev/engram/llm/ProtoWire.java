package dev.engram.llm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of protobuf's wire format to edit an ONNX model in place: list a message's fields
 * (number, type, where the value lies) and write new ones. Fields not touched are copied as
 * bytes, so a 34 MB model is copied once, not parsed into objects.
 */
final class ProtoWire {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    /** A field of a message: its tag at {@code tagStart}, its value in [{@code start}, {@code end}). */
    record Field(int number, int type, int tagStart, int start, int end) {
        String string(byte[] bytes) {
            return new String(bytes, start, end - start, StandardCharsets.UTF_8);
        }
    }

    private ProtoWire() {
    }

    /** The fields of the message in {@code bytes[from, to)}, in their order. */
    static List<Field> fields(byte[] bytes, int from, int to) {
        List<Field> fields = new ArrayList<>();
        int[] at = {from};
        while (at[0] < to) {
            int tagStart = at[0];
            long tag = varint(bytes, at, to);
            int number = (int) (tag >>> 3);
            int type = (int) (tag & 7);
            int start;
            int end;
            switch (type) {
                case VARINT -> {
                    start = at[0];
                    varint(bytes, at, to);
                    end = at[0];
                }
                case FIXED64 -> {
                    start = at[0];
                    end = start + 8;
                }
                case LENGTH_DELIMITED -> {
                    long length = varint(bytes, at, to);
                    start = at[0];
                    if (length > to - start) {
                        throw new IllegalArgumentException("a field runs past its message at byte " + tagStart);
                    }
                    end = start + (int) length;
                }
                case FIXED32 -> {
                    start = at[0];
                    end = start + 4;
                }
                default -> throw new IllegalArgumentException("unsupported wire type " + type + " at byte " + tagStart);
            }
            if (end > to || number < 1) {
                throw new IllegalArgumentException("malformed field at byte " + tagStart);
            }
            fields.add(new Field(number, type, tagStart, start, end));
            at[0] = end;
        }
        return fields;
    }

    private static long varint(byte[] bytes, int[] at, int to) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= to) {
                throw new IllegalArgumentException("a number runs past its message at byte " + at[0]);
            }
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a number longer than 64 bits at byte " + at[0]);
    }

    /** Writes fields: tags, numbers, strings, nested messages and copied bytes. */
    static final class Writer {
        private final ByteArrayOutputStream out;

        Writer(int expectedSize) {
            out = new ByteArrayOutputStream(expectedSize);
        }

        /** Copies {@code bytes[from, to)} as they are (whole fields, tags included). */
        Writer copy(byte[] bytes, int from, int to) {
            out.write(bytes, from, to - from);
            return this;
        }

        Writer varintField(int number, long value) {
            varint((long) number << 3 | VARINT);
            return varint(value);
        }

        Writer bytesField(int number, byte[] value) {
            varint((long) number << 3 | LENGTH_DELIMITED);
            varint(value.length);
            out.write(value, 0, value.length);
            return this;
        }

        Writer stringField(int number, String value) {
            return bytesField(number, value.getBytes(StandardCharsets.UTF_8));
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }

        private Writer varint(long value) {
            long rest = value;
            while ((rest & ~0x7fL) != 0) {
                out.write((int) (rest & 0x7f) | 0x80);
                rest >>>= 7;
            }
            out.write((int) rest);
            return this;
        }
    }
}
