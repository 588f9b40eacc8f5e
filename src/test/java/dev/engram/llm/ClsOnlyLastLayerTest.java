package dev.engram.llm;

import static dev.engram.llm.OnnxEmbedderTest.cosine;
import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BGE's last layer computing the [CLS] row alone: the same vectors within quantization noise, one row out. */
class ClsOnlyLastLayerTest {
    private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();
    private static byte[] original;
    private static byte[] trimmed;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = ClsOnlyLastLayerTest.class.getClassLoader().getResourceAsStream("bge-small-en-v1.5-q.onnx")) {
            original = in.readAllBytes();
        }
        trimmed = ClsOnlyLastLayer.trim(original);
    }

    @Test
    void theTrimmedModelGivesOneRowPerTextAndTheClsRowOfTheWholeModel() throws Exception {
        assertThat(trimmed).isNotSameAs(original);
        long[][] texts = {
                {101, 1045, 9544, 3332, 7390, 2006, 2146, 7599, 1012, 102},
                {101, 7592, 102, 0, 0, 0, 0, 0, 0, 0}, // padded in a batch: masked
                {101, 1996, 3462, 2000, 5522, 3727, 2006, 6928, 2012, 102}};
        long[][] masks = {
                {1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
                {1, 1, 1, 0, 0, 0, 0, 0, 0, 0},
                {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}};
        try (OrtSession whole = ENVIRONMENT.createSession(original, new OrtSession.SessionOptions());
                OrtSession cls = ENVIRONMENT.createSession(trimmed, new OrtSession.SessionOptions())) {
            float[][][] expected = run(whole, texts, masks);
            float[][][] actual = run(cls, texts, masks);
            assertThat(expected[0]).hasNumberOfRows(10);
            assertThat(actual).hasNumberOfRows(3);
            for (int t = 0; t < texts.length; t++) {
                assertThat(actual[t]).as("rows out").hasNumberOfRows(1);
                assertThat(cosine(actual[t][0], expected[t][0])).as("text " + t).isGreaterThan(0.9999);
            }
            for (int t = 0; t < texts.length; t++) { // alone, as a query is
                long[][] text = {java.util.Arrays.copyOf(texts[t], (int) java.util.Arrays.stream(masks[t]).sum())};
                long[][] mask = {java.util.Arrays.copyOf(masks[t], text[0].length)};
                assertThat(cosine(run(cls, text, mask)[0][0], run(whole, text, mask)[0][0])).as("alone " + t)
                        .isGreaterThan(0.9999);
            }
        }
    }

    @Test
    void aTrimmedModelIsLeftAsItIs() {
        assertThat(ClsOnlyLastLayer.trim(trimmed)).isSameAs(trimmed);
    }

    @Test
    void bytesThatAreNoBertModelAreLeftAsTheyAre() {
        byte[] garbage = "not a model at all".getBytes(StandardCharsets.UTF_8);
        assertThat(ClsOnlyLastLayer.trim(garbage)).isSameAs(garbage);
        byte[] empty = new byte[0];
        assertThat(ClsOnlyLastLayer.trim(empty)).isSameAs(empty);
        // a well-formed protobuf message with a graph (field 7) of one node that is not a BERT layer
        byte[] node = new ProtoWire.Writer(64).stringField(1, "x").stringField(2, "y").stringField(4, "Identity").toByteArray();
        byte[] graph = new ProtoWire.Writer(64).bytesField(1, node).toByteArray();
        byte[] model = new ProtoWire.Writer(64).varintField(1, 6).bytesField(7, graph).toByteArray();
        assertThat(ClsOnlyLastLayer.trim(model)).isSameAs(model);
        byte[] cut = java.util.Arrays.copyOf(original, original.length / 2); // a field runs past the end
        assertThat(ClsOnlyLastLayer.trim(cut)).isSameAs(cut);
    }

    @Test
    void copyingEveryFieldGivesTheSameBytes() {
        var fields = ProtoWire.fields(original, 0, original.length);
        ProtoWire.Writer copy = new ProtoWire.Writer(original.length);
        fields.forEach(f -> copy.copy(original, f.tagStart(), f.end()));
        assertThat(copy.toByteArray()).isEqualTo(original);
        byte[] written = new ProtoWire.Writer(16).varintField(3, 300).stringField(15, "é").varintField(2, -1).toByteArray();
        var read = ProtoWire.fields(written, 0, written.length);
        assertThat(read).extracting(ProtoWire.Field::number).containsExactly(3, 15, 2);
        assertThat(read.get(1).string(written)).isEqualTo("é");
        assertThat(read.get(2).end() - read.get(2).start()).as("-1 as a ten-byte varint").isEqualTo(10);
    }

    private static float[][][] run(OrtSession session, long[][] ids, long[][] mask) throws Exception {
        int rows = ids.length;
        int columns = ids[0].length;
        long[] shape = {rows, columns};
        try (OnnxTensor input = OnnxTensor.createTensor(ENVIRONMENT, LongBuffer.wrap(flat(ids)), shape);
                OnnxTensor attention = OnnxTensor.createTensor(ENVIRONMENT, LongBuffer.wrap(flat(mask)), shape);
                OnnxTensor types = OnnxTensor.createTensor(ENVIRONMENT, LongBuffer.wrap(new long[rows * columns]), shape);
                OrtSession.Result result = session.run(Map.of("input_ids", input, "attention_mask", attention,
                        "token_type_ids", types))) {
            return (float[][][]) result.get(0).getValue();
        }
    }

    private static long[] flat(long[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToLong(java.util.Arrays::stream).toArray();
    }
}
